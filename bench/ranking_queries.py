"""Ranking query times over a newsroom's three months of reads, on PostgreSQL.

    .venv/bin/python bench/ranking_queries.py        # database newsroom_counting_big
    BENCH_DATABASE_URL=postgres://... .venv/bin/python bench/ranking_queries.py

Seeds (once, in the database, with generate_series) 50,000 articles in 10 sections
over 90 days, each read for 240 hours after publication and fading by 3% an hour,
about 20 million views in all; rolls up the finished days as `rollup_views` does;
then prints, for every window, site-wide and for one section, the median and the
worst of several uncached rankings.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_counting_big"
)
os.environ["DATABASE_URL"] = DATABASE_URL
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

ARTICLES = 50_000
SECTIONS = 10
DAYS = 90
READ_HOURS = 240
FADE = 0.97
TARGET_VIEWS = 20_100_000  # a little over 20 million, whatever the rounding
CHUNKS = 10
RUNS = 9


def create_database():
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    server = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not exists.fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def step(message, cursor, sql, params=()):
    began = time.monotonic()
    cursor.execute(sql, params)
    print(f"  {message}: {time.monotonic() - began:.1f} s", flush=True)


def seed():
    from django.db import connection, transaction

    from rankings.models import HourlyViews

    if HourlyViews.objects.exists():
        return
    print("seeding (once):", flush=True)
    began = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        step(
            f"{SECTIONS} sections",
            cursor,
            "INSERT INTO articles_category (name, slug, description, position) "
            "SELECT 'Bench ' || n, 'bench-' || n, '', n FROM generate_series(1, %s) n",
            [SECTIONS],
        )
        step(
            f"{ARTICLES:,} articles",
            cursor,
            "INSERT INTO articles_article (headline, subheadline, slug, dateline, summary, body,"
            " status, published_at, created_at, updated_at, version, category_id,"
            " lead_photo_caption, lead_photo_credit) "
            "SELECT 'Bench article ' || n, '', 'bench-article-' || n, '', 'A benchmark article.',"
            " '<p>Benchmark.</p>', 'published', now() - random() * %s * interval '1 day',"
            " now(), now(), 1, (SELECT min(id) FROM articles_category WHERE slug LIKE 'bench-%%')"
            " + n %% %s, '', '' FROM generate_series(1, %s) n",
            [DAYS, SECTIONS, ARTICLES],
        )
        # Popularity follows a long tail (Pareto, alpha 1.2); scaled to the target total.
        step(
            "popularity",
            cursor,
            "CREATE TEMP TABLE bench_reads AS SELECT id, category_id,"
            " date_trunc('hour', published_at) AS first_hour, power(1 - random(), -1 / 1.2) AS w,"
            " least(%s, floor(extract(epoch FROM now() - published_at) / 3600)::int + 1) AS hours"
            " FROM articles_article WHERE slug LIKE 'bench-article-%%'",
            [READ_HOURS],
        )
        cursor.execute(
            "SELECT %s / sum(w * (1 - power(%s, hours)) / (1 - %s)) FROM bench_reads",
            [TARGET_VIEWS, FADE, FADE],
        )
        scale = cursor.fetchone()[0]
        bounds = range(0, ARTICLES + 1, ARTICLES // CHUNKS)
        cursor.execute("SELECT min(id) FROM bench_reads")
        first_id = cursor.fetchone()[0]
        for n, (low, high) in enumerate(zip(bounds, bounds[1:], strict=False), start=1):
            step(
                f"hourly buckets {n}/{CHUNKS}",
                cursor,
                "INSERT INTO rankings_hourlyviews (article_id, section_id, hour, views) "
                "SELECT id, category_id, first_hour + age * interval '1 hour', views FROM ("
                " SELECT id, category_id, first_hour, age,"
                "  floor(w * %s * power(%s, age) + random())::bigint AS views"
                " FROM bench_reads, generate_series(0, hours - 1) AS age"
                " WHERE id >= %s AND id < %s) AS b WHERE views > 0",
                [scale, FADE, first_id + low, first_id + high],
            )
    with connection.cursor() as cursor:
        step("analyze", cursor, "ANALYZE")
    print(f"seeded in {time.monotonic() - began:.0f} s", flush=True)


def roll_up():
    from rankings.services import roll_up_views

    began = time.monotonic()
    days = roll_up_views()
    if days:
        print(f"rolled up {days} day(s) in {time.monotonic() - began:.1f} s", flush=True)


def time_rankings():
    from django.db import connection
    from django.db.models import Sum
    from django.utils import timezone

    from articles.models import Category
    from rankings.models import DailyViews, HourlyViews
    from rankings.selectors import rank
    from rankings.windows import WINDOWS

    with connection.cursor() as cursor:
        # As autovacuum leaves a table that has settled: statistics, and the
        # visibility map that lets index-only scans skip the table.
        cursor.execute("VACUUM ANALYZE rankings_hourlyviews")
        cursor.execute("VACUUM ANALYZE rankings_dailyviews")
    total = HourlyViews.objects.aggregate(views=Sum("views"))
    print(
        f"history: {HourlyViews.objects.count():,} hourly buckets, {total['views']:,} views; "
        f"{DailyViews.objects.count():,} daily rows"
    )
    section = Category.objects.filter(slug__startswith="bench-").order_by("pk").first()
    print(f"{'window':<8}{'scope':<10}{'median ms':>10}{'worst ms':>10}  top views")
    for key, window in WINDOWS.items():
        for scope, chosen in (("site", None), ("section", section)):
            timings = []
            for _ in range(RUNS):
                start, end = window.span(timezone.now())
                began = time.perf_counter()
                top = rank(start, end, section=chosen, limit=10)
                timings.append((time.perf_counter() - began) * 1000)
            print(
                f"{key:<8}{scope:<10}{statistics.median(timings):>10.1f}{max(timings):>10.1f}"
                f"  {top[0].views if top else 0:,}"
            )


def main():
    create_database()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    seed()
    roll_up()
    time_rankings()


if __name__ == "__main__":
    main()
