"""A large newsroom in PostgreSQL for the serving benchmark, made once and reused.

50,000 articles published over the last 90 days, and more scheduled over the next
SCHEDULED_DAYS with their future reads already in the buckets: as time passes they go
out by themselves and the short ranking windows keep filling, so a rerun days later
still measures a live-looking site without seeding again. Reads follow a long tail of
popularity, each article read for 240 hours after publication, fading by 3% an hour,
about 20 million in the 90 days before seeding.

Rows are made by PostgreSQL itself (generate_series); the database's comment records
a finished seed, so a seed stopped halfway is redone from scratch.
"""

import datetime
import io
import json
import time

import psycopg
from django.utils.text import slugify

from bench.texts import DATELINES, FAMILY, GIVEN, HEADLINES, PARAGRAPHS, SECTIONS, TAGS

SEED_VERSION = 2  # 2: buckets carry their article's section
ARTICLES = 50_000
DAYS = 90
SCHEDULED_DAYS = 14
AUTHORS = 500
TARGET_VIEWS = 20_100_000  # a little over 20 million, whatever the rounding
READ_HOURS = 240
FADE = 0.97
CHUNKS = 10


def database_comment(url):
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        row = connection.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [name],
        ).fetchone()
    if row is None:
        return None
    try:
        return json.loads(row[0] or "null")
    except ValueError:
        return None


def prepare_database(url, *, now):
    """Create the database when it holds no finished seed still fit to use.

    Returns True when the caller must seed it.
    """
    seed = database_comment(url)
    if seed and seed.get("version") == SEED_VERSION:
        horizon = datetime.datetime.fromisoformat(seed["horizon"])
        if now < horizon - datetime.timedelta(days=1):
            print(f"seed: reusing the newsroom seeded at {seed['seeded_at']}")
            return False
        print("seed: the seeded schedule has run out; seeding again")
    elif seed:
        print("seed: seeded by an older version of this benchmark; seeding again")
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return True


def step(message, started):
    print(f"seed: {message} ({time.monotonic() - started:.0f} s)", flush=True)


def seed(url, *, now):
    """Fill a freshly migrated database; `now` anchors the publication times."""
    from django.core.management import call_command
    from django.db import connection, transaction

    started = time.monotonic()
    horizon = now + datetime.timedelta(days=SCHEDULED_DAYS)
    with transaction.atomic():
        sections, authors, tags = make_names()
        step(f"{len(sections)} sections, {len(authors)} authors, {len(tags)} tags", started)
        with connection.cursor() as cursor:
            cursor.execute("SELECT setseed(0.2025)")
            insert_articles(cursor, now)
            step("articles, bylines and tags", started)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        insert_views(cursor, now, horizon, started)
        cursor.execute("ANALYZE")
    call_command("rollup_views")
    take_missing_snapshots(now)
    step("rolled up and took the daily snapshots", started)
    comment = json.dumps(
        {"version": SEED_VERSION, "seeded_at": now.isoformat(), "horizon": horizon.isoformat()}
    )
    name = url.rsplit("/", 1)[1]
    with connection.cursor() as cursor:
        cursor.execute(f"COMMENT ON DATABASE \"{name}\" IS '{comment}'")


def take_missing_snapshots(now):
    """What the daily snapshot job would have kept by now over DAYS, for the days it has not."""
    from django.core.management import call_command
    from django.utils import timezone

    from rankings.models import RankingSnapshot

    taken = set(RankingSnapshot.objects.values_list("day", flat=True).distinct())
    today = timezone.localdate(now)
    day = today - datetime.timedelta(days=DAYS)
    while day < today:
        if day not in taken:
            call_command("snapshot_rankings", day=day.isoformat(), stdout=io.StringIO())
        day += datetime.timedelta(days=1)


def make_names():
    from taggit.models import Tag

    from articles.models import Author, Section

    sections = Section.objects.bulk_create(
        Section(name=name, slug=slugify(name), position=position * 10)
        for position, name in enumerate(SECTIONS, start=1)
    )
    names = [f"{given} {family}" for family in FAMILY for given in GIVEN][:AUTHORS]
    authors = Author.objects.bulk_create(
        Author(name=name, slug=f"{slugify(name) or 'author'}-{n}", role="Staff writer")
        for n, name in enumerate(names, start=1)
    )
    # Saved one by one: taggit makes the slugs (東京 keeps its letters, Café becomes café).
    tags = [Tag.objects.create(name=name) for name in TAGS]
    return sections, authors, tags


def insert_articles(cursor, now):
    """Articles with one or two bylines and three tags each, all made in SQL."""
    from django.contrib.contenttypes.models import ContentType

    from articles.models import Article

    scheduled = ARTICLES * SCHEDULED_DAYS // DAYS
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    cursor.execute(
        """
        INSERT INTO articles_article (
            headline, subheadline, slug, section_id, dateline, summary, body,
            lead_photo_caption, lead_photo_credit, status, published_at,
            created_at, modified_at, version)
        SELECT
            (%(headlines)s::text[])[1 + n %% cardinality(%(headlines)s::text[])],
            '', 'story-' || n,
            sections.ids[1 + floor(random() * cardinality(sections.ids))::int],
            (%(datelines)s::text[])[1 + n %% cardinality(%(datelines)s::text[])],
            'What happened, who it affects and what comes next.',
            %(body)s, '', '', 'published', moment, moment, moment, 1
        FROM (
            SELECT n, CASE WHEN n <= %(articles)s
                THEN %(now)s - random() * %(days)s * interval '1 day'
                ELSE %(now)s + random() * %(scheduled_days)s * interval '1 day' END AS moment
            FROM generate_series(1, %(total)s) AS n
        ) AS spread,
        (SELECT array_agg(id ORDER BY id) AS ids FROM articles_section) AS sections
        """,
        {
            "headlines": HEADLINES,
            "datelines": DATELINES,
            "body": body,
            "articles": ARTICLES,
            "now": now,
            "days": DAYS,
            "scheduled_days": SCHEDULED_DAYS,
            "total": ARTICLES + scheduled,
        },
    )
    cursor.execute(
        """
        WITH authors AS (SELECT array_agg(id ORDER BY id) AS ids FROM articles_author),
        picks AS (
            SELECT a.id, floor(random() * %(count)s)::int AS first,
                   floor(random() * (%(count)s - 1))::int AS other,
                   random() < 0.2 AS shared
            FROM articles_article AS a
        )
        INSERT INTO articles_byline (article_id, author_id, position, credit)
        SELECT id, ids[1 + first], 0, '' FROM picks, authors
        UNION ALL
        SELECT id, ids[1 + (first + 1 + other) %% %(count)s], 1, '' FROM picks, authors
        WHERE shared
        """,
        {"count": AUTHORS},
    )
    # Three distinct tags per article, the first in TAGS the most common.
    cursor.execute(
        """
        WITH tags AS (
            SELECT array_agg(id ORDER BY id) AS ids, count(*) AS count FROM taggit_tag
        )
        INSERT INTO taggit_taggeditem (object_id, content_type_id, tag_id)
        SELECT DISTINCT a.id, %(content_type)s, ids[1 + floor(count * random() ^ 2)::int]
        FROM articles_article AS a, tags, generate_series(1, 3)
        """,
        {"content_type": ContentType.objects.get_for_model(Article).pk},
    )


def insert_views(cursor, now, horizon, started):
    """Hourly buckets up to the horizon, scaled to TARGET_VIEWS in the DAYS before `now`."""
    cursor.execute(
        """
        CREATE TEMPORARY TABLE bench_weight AS
        SELECT id, section_id, date_trunc('hour', published_at) AS first_hour,
               power(1 - random(), -1 / 1.2) AS weight
        FROM articles_article
        """
    )
    # Expected reads before `now`: the sum of each article's fading geometric series.
    cursor.execute(
        """
        SELECT sum(weight * (1 - power(%(fade)s, least(%(hours)s, span))) / (1 - %(fade)s))
        FROM (
            SELECT weight,
                   floor(extract(epoch FROM %(now)s - first_hour) / 3600) + 1 AS span
            FROM bench_weight WHERE first_hour <= %(now)s
        ) AS read
        """,
        {"fade": FADE, "hours": READ_HOURS, "now": now},
    )
    scale = TARGET_VIEWS / cursor.fetchone()[0]
    cursor.execute("SELECT min(id), max(id) FROM bench_weight")
    low, high = cursor.fetchone()
    size = (high - low) // CHUNKS + 1
    for chunk in range(CHUNKS):
        cursor.execute(
            """
            INSERT INTO rankings_hourlyviews (article_id, section_id, hour, views)
            SELECT id, section_id, hour, views FROM (
                SELECT id, section_id, first_hour + age * interval '1 hour' AS hour,
                       floor(weight * %(scale)s * power(%(fade)s, age) + random())::bigint
                       AS views
                FROM bench_weight, generate_series(0, %(hours)s - 1) AS age
                WHERE id >= %(low)s AND id < %(high)s
            ) AS read
            WHERE views > 0 AND hour < %(horizon)s
            ORDER BY id, hour
            """,
            {
                "scale": scale,
                "fade": FADE,
                "hours": READ_HOURS,
                "low": low + chunk * size,
                "high": low + (chunk + 1) * size,
                "horizon": horizon,
            },
        )
        step(f"hourly views {chunk + 1}/{CHUNKS}", started)
    cursor.execute(
        "SELECT count(*), coalesce(sum(views), 0) FROM rankings_hourlyviews WHERE hour <= %s",
        [now],
    )
    buckets, views = cursor.fetchone()
    step(f"{views:,} views in {buckets:,} hourly buckets up to now", started)
