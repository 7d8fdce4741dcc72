"""The serving benchmark: the public site and the read counter under gunicorn and wrk.

    .venv/bin/python bench/serve.py [--rounds 3] [--seconds 5] [--ranking-runs 5]

Seeds a large newsroom once (bench/seed.py) in PostgreSQL, starts a Redis of its own,
then serves the site with gunicorn (the deploy config, 2 workers, production settings
plus bench/settings.py) and drives it with wrk: interleaved rounds over every target at
32 connections, one round at 64, next to bare Django views measured in the same server
run. Then it times the rankings in-process, uncached, and runs a Redis outage under
load, comparing the views counted with the reads accepted. Prints Markdown.
"""

import argparse
import datetime
import os
import re
import secrets
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import report, seed, wrk  # noqa: E402
from bench.processes import Gunicorn, Redis, uses_deploy_config  # noqa: E402
from bench.targets import SERVERS, Target, server_targets  # noqa: E402

DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench_serve"
)
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", "6395"))
PORT = int(os.environ.get("BENCH_PORT", "8395"))
WORKERS = 2
CONNECTIONS = 32
MANY_CONNECTIONS = 64
OUTAGE_SECONDS = 30
REDIS_DOWN_AT, REDIS_DOWN_FOR = 10, 10
LOG = ROOT / "var" / "bench-serve.log"


def production_environment():
    """What the harness and every server share: production settings on loopback."""
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": DATABASE_URL,
            # The cache, and the ranking's own counters in a database of their own.
            "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
            "RANKINGS_REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/1",
            "SECURE_SSL_REDIRECT": "false",
        }
    )


def server_environment(server, page_bytes):
    env = {
        **os.environ,
        "RANKINGS_RECORDER": server.recorder,
        "BENCH_PAGE_BYTES": str(page_bytes),
    }
    if not server.page_cache:
        env["PAGE_CACHE_SECONDS"] = "0"
    return env


def prepare(now):
    """Migrate, seed when needed, and bring the layout up to date as the cron would."""
    import django

    must_seed = seed.prepare_database(DATABASE_URL, now=now)
    django.setup()
    from django.core.management import call_command

    from rankings.models import ReaderMarker

    call_command("migrate", verbosity=0)
    if must_seed:
        seed.seed(DATABASE_URL, now=now)
    else:
        call_command("rollup_views")
        seed.take_missing_snapshots(now)
    call_command("collectstatic", interactive=False, verbosity=0)
    # Reader markers left by an earlier run could make this run's readers repeats.
    ReaderMarker.objects.all().delete()


def pick_pages():
    """The article, section and tag the pages are measured on, and the article's beacon.

    The beacon's token and address come from the rendered article page, as a
    browser takes them.
    """
    from django.test import Client
    from taggit.models import Tag

    from articles.models import Article, Section

    section = Section.objects.get(slug="politics")
    article = Article.objects.published().filter(section=section).first()
    tag = Tag.objects.get(name="東京")
    response = Client(HTTP_HOST="127.0.0.1").get(article.get_absolute_url())
    if response.status_code != 200:
        raise SystemExit(f"{article.get_absolute_url()} answered {response.status_code}")
    html = response.content.decode()
    token = re.search(r'data-view-token="([^"]+)"', html)[1]
    return {
        "section": section.get_absolute_url(),
        "article": article.get_absolute_url(),
        "article_id": article.pk,
        "tag": f"/tags/{quote(tag.slug)}/",
        "page_bytes": len(response.content),
        "beacon": re.search(r'data-view-url="([^"]+)"', html)[1],
        "token": f"token={token}",
    }


def measure(target, gunicorn, connections, seconds):
    result = wrk.run(
        gunicorn.base_url,
        target.path,
        seconds=seconds,
        connections=connections,
        mode=target.mode,
        body=target.body,
    )
    gunicorn.drain()
    return result


def serving_rounds(targets, pages, *, rounds, seconds, log):
    """Every server and target once per round, the order turned each round."""
    results = {}
    plan = [(CONNECTIONS, number) for number in range(rounds)] + [(MANY_CONNECTIONS, rounds)]
    for connections, number in plan:
        print(f"round {number + 1}/{len(plan)}: {connections} connections", flush=True)
        for server in SERVERS:
            server_env = server_environment(server, pages["page_bytes"])
            gunicorn = Gunicorn(PORT, WORKERS, server_env, log)
            try:
                mine = targets[server.key]
                for target in mine:
                    measure(target, gunicorn, 4, 1)  # both workers warm
                turn = number % len(mine)
                for target in mine[turn:] + mine[:turn]:
                    result = measure(target, gunicorn, connections, seconds)
                    results.setdefault((server.key, target.key, connections), []).append(result)
            finally:
                gunicorn.stop()
    return results


def time_rankings(runs):
    """Each window, site-wide and for one section, computed afresh every run."""
    from django.conf import settings
    from django.test import override_settings

    from articles.models import Section
    from rankings.cached import top_articles
    from rankings.windows import WINDOWS

    section = Section.objects.get(slug="politics")
    timings = []
    no_cache = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    with override_settings(CACHES=no_cache):
        for key in WINDOWS:
            for where in (None, section):
                spent = []
                for _ in range(runs):
                    began = time.perf_counter()
                    top_articles(key, section=where, limit=settings.RANKINGS_SITE_SIZE)
                    spent.append((time.perf_counter() - began) * 1000)
                timings.append((key, where.name if where else "site-wide", spent))
    return timings


def article_views(article_id):
    """The article's views in the hourly buckets, where every read of this hour lands."""
    from django.db.models import Sum

    from rankings.models import HourlyViews

    views = HourlyViews.objects.filter(article_id=article_id).aggregate(total=Sum("views"))
    return views["total"] or 0


def flush_views(env):
    subprocess.run(
        [sys.executable, "manage.py", "flush_views"], cwd=ROOT, env=env, check=True,
        capture_output=True,
    )  # fmt: skip


def outage_round(targets, pages, redis, log):
    """Article pages and beacons at 64 connections while Redis goes away for a while."""
    server = next(server for server in SERVERS if server.recorder == "redis")
    env = server_environment(server, pages["page_bytes"])
    beacon = next(target for target in targets[server.key] if target.key == "beacon")
    gunicorn = Gunicorn(PORT, WORKERS, env, log)
    try:
        measure(Target("warm", "", pages["article"], "", ""), gunicorn, 4, 1)
        flush_views(env)
        before = article_views(pages["article_id"])
        with ThreadPoolExecutor(1) as pool:
            running = pool.submit(
                wrk.run,
                gunicorn.base_url,
                beacon.path,
                # Pages only at the end, until every beacon is answered or timed out.
                seconds=OUTAGE_SECONDS + wrk.TIMEOUT_SECONDS + 2,
                connections=MANY_CONNECTIONS,
                mode="outage",
                body=beacon.body,
                page=pages["article"],
                tail=OUTAGE_SECONDS,
            )
            time.sleep(REDIS_DOWN_AT)
            redis.stop()
            print(f"outage: Redis stopped for {REDIS_DOWN_FOR} s", flush=True)
            time.sleep(REDIS_DOWN_FOR)
            redis.start()
            result = running.result()
    finally:
        gunicorn.stop()
    flush_views(env)
    return result, article_views(pages["article_id"]) - before


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds at 32 connections")
    parser.add_argument("--seconds", type=int, default=5, help="length of each wrk run")
    parser.add_argument("--ranking-runs", type=int, default=5, help="runs per ranking timed")
    options = parser.parse_args()
    began = time.monotonic()
    when = datetime.datetime.now(datetime.UTC)
    load = os.getloadavg()[0]
    production_environment()
    redis = Redis(REDIS_PORT)
    redis.start()
    try:
        prepare(when)
        prepared = time.monotonic()
        pages = pick_pages()
        targets = server_targets(pages)
        print(f"ranking times, {options.ranking_runs} runs each", flush=True)
        rankings = time_rankings(options.ranking_runs)
        LOG.parent.mkdir(exist_ok=True)
        with LOG.open("w") as log:
            results = serving_rounds(
                targets, pages, rounds=options.rounds, seconds=options.seconds, log=log
            )
            print(f"outage: {OUTAGE_SECONDS} s at {MANY_CONNECTIONS} connections", flush=True)
            outage, counted = outage_round(targets, pages, redis, log)
    finally:
        redis.close()
    report.print_all(
        when=when,
        load=load,
        command=" ".join([".venv/bin/python", "bench/serve.py", *sys.argv[1:]]),
        setup=report.Setup(
            workers=WORKERS,
            deploy_config=uses_deploy_config(),
            rounds=options.rounds,
            seconds=options.seconds,
            connections=CONNECTIONS,
            many_connections=MANY_CONNECTIONS,
            page_bytes=pages["page_bytes"],
            outage=(OUTAGE_SECONDS, REDIS_DOWN_AT, REDIS_DOWN_FOR),
        ),
        servers=SERVERS,
        targets=targets,
        results=results,
        rankings=rankings,
        outage=outage,
        counted=counted,
        minutes=((time.monotonic() - prepared) / 60, (time.monotonic() - began) / 60),
    )


if __name__ == "__main__":
    main()
