"""Search at 50,000 articles: median and p99 query times, on SQLite and on PostgreSQL.

    .venv/bin/python bench/search.py                      # both databases
    .venv/bin/python bench/search.py --databases sqlite   # or one of them

Each database is filled in a fresh process: SQLite in a temporary file, PostgreSQL in
a database of its own, `newsroom_bench_search` (or BENCH_SEARCH_DATABASE_URL), made
again on every run. 50,000 published articles over 90 days get headlines and bodies
mixed from bench/texts.py plus words drawn from a made-up vocabulary with a long tail
(so some words are in most articles and some in a handful), bylines and tags, by
bulk_create; then `rebuild_search_index`'s code indexes them (its time is printed).

Every query kind runs RUNS times through the code the /search/ page runs (parse, find,
count, the first page with its bylines and tags, the highlighted snippets), and the
article list's admin search once more for a common word. A bare primary-key lookup
gives the scale. Prints a Markdown table; measures only, passes or fails nothing.
"""

import argparse
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

ARTICLES = 50_000
RUNS = 200  # p99 is then the third slowest, not the slowest as with fewer
POSTGRES_URL = os.environ.get(
    "BENCH_SEARCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench_search"
)
QUERIES = {
    "common word": "said",
    "rare word": None,  # the vocabulary's rarest word, filled in by run_one
    "phrase": '"central government"',
    "two words, last a beginning": "tokyo minis",
    "Japanese": "投票率",
    "operators": 'tokyo AND (NOT yen) OR "dollar* -bridge',
    "hostile, 10,000 characters": ('") OR (* NEAR ' * 800)[:10_000],
}


def vocabulary(size=5_000):
    rng = random.Random(2025)
    syllables = ["ka", "ri", "mo", "vel", "qua", "zen", "to", "la", "bri", "sun", "ae", "do"]
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def fill(now):
    """50,000 published articles with bylines and tags, in bulk; returns their count."""
    import datetime

    from django.contrib.contenttypes.models import ContentType
    from taggit.models import Tag, TaggedItem

    from articles.models import Article, Author, Byline, Section
    from bench.texts import FAMILY, GIVEN, HEADLINES, PARAGRAPHS, SECTIONS, TAGS

    rng = random.Random(11)
    words = vocabulary()
    weights = [1 / (rank + 1) for rank in range(len(words))]  # Zipf: a long tail
    sections = Section.objects.bulk_create(
        Section(name=name, slug=name.lower()) for name in SECTIONS
    )
    authors = Author.objects.bulk_create(
        Author(name=f"{GIVEN[n % len(GIVEN)]} {FAMILY[n % len(FAMILY)]}", slug=f"author-{n}")
        for n in range(500)
    )
    tags = Tag.objects.bulk_create(Tag(name=name, slug=f"tag-{n}") for n, name in enumerate(TAGS))
    article_type = ContentType.objects.get_for_model(Article)
    batch = 2_000
    for start in range(0, ARTICLES, batch):
        articles = []
        for n in range(start, min(start + batch, ARTICLES)):
            extra = " ".join(rng.choices(words, weights, k=40))
            paragraphs = rng.sample(PARAGRAPHS, 4)
            body = "".join(f"<p>{text}</p>" for text in [*paragraphs, extra])
            articles.append(
                Article(
                    headline=f"{HEADLINES[n % len(HEADLINES)]} {words[n % len(words)]}",
                    slug=f"article-{n}",
                    section=sections[n % len(sections)],
                    summary=rng.choice(PARAGRAPHS)[:290],
                    body=body,
                    status=Article.Status.PUBLISHED,
                    published_at=now - datetime.timedelta(minutes=n * 2.5),
                )
            )
        articles = Article.objects.bulk_create(articles)
        Byline.objects.bulk_create(
            Byline(article=article, author=rng.choice(authors), position=0) for article in articles
        )
        TaggedItem.objects.bulk_create(
            TaggedItem(content_object=article, tag=tag, content_type=article_type)
            for article in articles
            for tag in rng.sample(tags, 2)
        )
    return ARTICLES


def run_one(label):
    """In this process: migrate, fill, index, time; print one JSON line of results."""
    import json

    import django

    django.setup()
    from django.core.management import call_command
    from django.core.paginator import Paginator
    from django.db import connection
    from django.utils import timezone

    from articles.models import Article
    from articles.search import indexing, query
    from articles.search.backends import engine
    from articles.search.finder import find
    from articles.search.snippets import highlight

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    fill(timezone.now())
    filled = time.perf_counter() - started
    started = time.perf_counter()
    indexing.rebuild()
    indexed = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def search_page(text):
        parsed = query.parse(text)
        paginator = Paginator(find(parsed).for_listing(), 20)
        page = paginator.get_page(1)
        highlight(list(page.object_list), parsed)
        return paginator.count

    def admin_list(text):
        found = engine().matching(Article.objects.all(), query.parse(text))
        return found.count(), list(found.order_by("-published_at")[:100])

    ids = list(Article.objects.values_list("pk", flat=True)[:1000])
    queries = {**QUERIES, "rare word": vocabulary()[-1]}  # last in the long tail
    cases = {kind: (search_page, text) for kind, text in queries.items()}
    cases["admin list, common word"] = (admin_list, QUERIES["common word"])
    cases["bare pk lookup"] = (lambda pk: Article.objects.filter(pk=pk).first(), None)
    results = {}
    for kind, (function, text) in cases.items():
        times, found = [], None
        for run in range(RUNS + 2):
            argument = text if text is not None else ids[run % len(ids)]
            start = time.perf_counter()
            outcome = function(argument)
            elapsed = (time.perf_counter() - start) * 1000
            if run >= 2:  # the first two warm the caches
                times.append(elapsed)
            found = outcome if isinstance(outcome, int) else found
        times.sort()
        p99 = statistics.quantiles(times, n=100, method="inclusive")[98]
        results[kind] = {"median": statistics.median(times), "p99": p99, "found": found}
    print(json.dumps({"label": label, "fill": filled, "index": indexed, "results": results}))


def database_urls(names, scratch):
    urls = {}
    if "sqlite" in names:
        urls["SQLite"] = f"sqlite:///{scratch}/bench-search.sqlite3"
    if "postgresql" in names:
        import psycopg

        base, name = POSTGRES_URL.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        urls["PostgreSQL"] = POSTGRES_URL
    return urls


def main():
    import json

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run_one(args.run)
        return
    reports = []
    with tempfile.TemporaryDirectory(prefix="bench-search-") as scratch:
        for label, url in database_urls(args.databases.split(","), scratch).items():
            print(f"{label}: filling {ARTICLES:,} articles and timing ...", flush=True)
            env = {
                **os.environ,
                "DATABASE_URL": url,
                "DJANGO_SETTINGS_MODULE": "bench.settings",
                "REDIS_URL": "",
            }
            output = subprocess.run(
                [sys.executable, __file__, "--run", label],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            reports.append(json.loads(output.strip().splitlines()[-1]))
    print_table(reports)


def print_table(reports):
    print()
    print(f"Search at {ARTICLES:,} articles, {RUNS} runs per query (ms; found = matches)")
    print()
    header = "| query | " + " | ".join(
        f"{r['label']} median | {r['label']} p99 | found" for r in reports
    )
    print(header + " |")
    print("|---" * (1 + 3 * len(reports)) + "|")
    for kind in reports[0]["results"]:
        cells = []
        for report in reports:
            result = report["results"][kind]
            found = "" if result["found"] is None else f"{result['found']:,}"
            cells.append(f"{result['median']:.1f} | {result['p99']:.1f} | {found}")
        print(f"| {kind} | " + " | ".join(cells) + " |")
    print()
    for report in reports:
        print(
            f"{report['label']}: filled in {report['fill']:.0f} s, "
            f"indexed {ARTICLES:,} articles in {report['index']:.0f} s"
        )


if __name__ == "__main__":
    main()
