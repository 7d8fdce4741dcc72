"""Rankings at scale: ranking query times over a large history, and beacon throughput.

    .venv/bin/python bench/rankings.py            # PostgreSQL database newsroom_bench
    BENCH_DATABASE_URL=postgres://... .venv/bin/python bench/rankings.py

Seeds (once) 5,000 articles and 20 million views in hourly buckets over 90 days,
then prints the time of a 24-hour and a 30-day site-wide ranking (uncached), and
the beacon endpoint's requests per second under gunicorn and wrk on 127.0.0.1
next to a bare Django view, in the same run. Needs PostgreSQL, wrk and gunicorn;
with REDIS_URL set it measures the Redis set-up (caches, reader markers and
recorder in Redis) too.
"""

import io
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench"
)
os.environ["DATABASE_URL"] = DATABASE_URL
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

ARTICLES = 5_000
TARGET_VIEWS = 20_100_000  # a little over 20 million, whatever the rounding
READ_HOURS = 240
FADE = 0.97
DAYS = 90
PORT = 8765
WRK_SECONDS = 10
WRK_CONNECTIONS = 16
WORKERS = 2


def create_database():
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    server = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not exists.fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def seed():
    """5,000 articles over 90 days; each read for days after publication, fading."""
    import datetime

    from django.db import connection
    from django.utils import timezone

    from articles.models import Article, Category
    from rankings.buckets import hour_of
    from rankings.models import HourlyViews

    if HourlyViews.objects.exists():
        return
    started = time.monotonic()
    now = timezone.now()
    sections = [
        Category.objects.get_or_create(slug=f"bench-{n}", defaults={"name": f"Bench {n}"})[0]
        for n in range(8)
    ]
    rng = random.Random(90)
    Article.objects.bulk_create(
        (
            Article(
                headline=f"Bench article {n}",
                slug=f"bench-article-{n}",
                category=sections[n % len(sections)],
                summary="A benchmark article.",
                body="<p>Benchmark.</p>",
                status=Article.Status.PUBLISHED,
                published_at=now - datetime.timedelta(seconds=rng.uniform(0, DAYS * 86400)),
            )
            for n in range(ARTICLES)
        ),
        batch_size=1000,
    )
    articles = list(
        Article.objects.filter(slug__startswith="bench-").values_list("pk", "published_at")
    )
    sections_of = dict(
        Article.objects.filter(slug__startswith="bench-").values_list("pk", "category")
    )
    # Popularity follows a long tail; each article is read for up to 10 days after
    # publication (less for the newest), fading by 3% an hour.
    weights = {pk: rng.paretovariate(1.2) for pk, _ in articles}
    hours_read = {
        pk: min(READ_HOURS, int((now - published_at).total_seconds() // 3600) + 1)
        for pk, published_at in articles
    }
    expected = sum(
        weights[pk] * sum(FADE**age for age in range(hours_read[pk])) for pk, _ in articles
    )
    scale = TARGET_VIEWS / expected
    rows = io.StringIO()
    total = buckets = 0
    for pk, published_at in articles:
        hour = hour_of(published_at)
        for age in range(hours_read[pk]):
            views = int(weights[pk] * scale * FADE**age + rng.random())
            if views:
                rows.write(f"{pk}\t{sections_of[pk]}\t{hour.isoformat()}\t{views}\n")
                total += views
                buckets += 1
            hour += datetime.timedelta(hours=1)
    rows.seek(0)
    with (
        connection.cursor() as cursor,
        cursor.connection.cursor().copy(
            "COPY rankings_hourlyviews (article_id, section_id, hour, views) FROM STDIN"
        ) as copy,
    ):
        copy.write(rows.read())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"seeded {len(articles):,} articles, {total:,} views in {buckets:,} hourly buckets "
        f"in {time.monotonic() - started:.0f} s"
    )


def time_rankings():
    from django.utils import timezone

    from rankings.models import HourlyViews
    from rankings.selectors import rank
    from rankings.windows import WINDOWS

    total = sum(HourlyViews.objects.values_list("views", flat=True).iterator(chunk_size=50_000))
    print(f"history: {HourlyViews.objects.count():,} hourly buckets, {total:,} views")
    for key in ("24h", "30d"):
        start, end = WINDOWS[key].span(timezone.now())
        timings = []
        for _ in range(7):
            began = time.perf_counter()
            top = rank(start, end, limit=10)
            timings.append(time.perf_counter() - began)
        print(
            f"ranking {key:>3} top 10: median {statistics.median(timings) * 1000:.1f} ms, "
            f"best {min(timings) * 1000:.1f} ms over {len(timings)} runs "
            f"(#1 has {top[0].views:,} views)"
        )


def requests_per_second(path, body=""):
    env = {**os.environ, "BENCH_PATH": path, "BENCH_BODY": body}
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{WRK_CONNECTIONS}",
            f"-d{WRK_SECONDS}s",
            "-s",
            str(ROOT / "bench" / "beacon.lua"),
            f"http://127.0.0.1:{PORT}{path}",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = next(line for line in output.splitlines() if line.startswith("Requests/sec"))
    non_2xx = next((line for line in output.splitlines() if "Non-2xx" in line), None)
    if non_2xx:
        raise SystemExit(f"{path}: {non_2xx.strip()}\n{output}")
    return float(rps.split()[1])


def serve(recorder):
    control = Path(tempfile.mkdtemp()) / "gunicorn.ctl"
    env = {**os.environ, "RANKINGS_RECORDER": recorder}
    if recorder == "database":
        # The default set-up: reader markers in the database table too.
        env.pop("REDIS_URL", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "bench.wsgi",
            f"--bind=127.0.0.1:{PORT}",
            f"--workers={WORKERS}",
            f"--control-socket={control}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            import urllib.request

            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/rankings/", timeout=1)
            break
        except Exception:
            time.sleep(0.1)
    return process


def time_beacon():
    from articles.models import Article
    from rankings.counting import make_view_token

    article = Article.objects.published().order_by("-published_at").first()
    body = f"token={make_view_token(article.pk)}"
    recorders = ["database"] + (["redis"] if os.environ.get("REDIS_URL") else [])
    for recorder in recorders:
        server = serve(recorder)
        try:
            requests_per_second("/bench/bare/")  # warm up both workers
            bare = requests_per_second("/bench/bare/")
            beacon = requests_per_second("/rankings/view/", body)
        finally:
            server.terminate()
            server.wait()
        print(
            f"beacon ({recorder} recorder): {beacon:,.0f} req/s; bare Django view: "
            f"{bare:,.0f} req/s; ratio {beacon / bare:.2f} "
            f"(gunicorn {WORKERS} sync workers, wrk {WRK_CONNECTIONS} connections, "
            f"{WRK_SECONDS} s each)"
        )


def main():
    create_database()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    seed()
    time_rankings()
    time_beacon()


if __name__ == "__main__":
    main()
