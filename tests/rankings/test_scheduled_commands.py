"""The scheduled commands are safe to run twice at once and after a crash.

On PostgreSQL (DATABASE_URL) two runs really overlap and only the named lock keeps
them apart; on SQLite each write transaction waits for the one before it.
"""

import datetime
import io
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from newsroom.locks import named_lock
from rankings import rollups
from rankings.buckets import hourly_retention_start
from rankings.models import DailyViews, HourlyViews, RankingSnapshot, ReaderMarker
from rankings.tasks import take_daily_snapshots as snapshot_task
from rankings.windows import day_start
from tests.factories import ArticleFactory, SectionFactory

from .helpers import browser, forget_redis_connection, report_read, stored_reader_keys

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


class Crash(Exception):
    """Stands for the process dying at a chosen point."""


def run_at_once(*commands):
    """Start each command in its own thread and connection, together; their outputs."""
    barrier = threading.Barrier(len(commands))

    def run(args):
        barrier.wait()
        out = io.StringIO()
        try:
            call_command(*args, stdout=out)
        finally:
            connections.close_all()
        return out.getvalue()

    with ThreadPoolExecutor(len(commands)) as pool:
        return list(pool.map(run, commands))


@pytest.fixture
def yesterdays_reads():
    sections = [
        SectionFactory(name="Politics", slug="politics"),
        SectionFactory(name="Économie", slug="economie"),
    ]
    noon = day_start(YESTERDAY) + datetime.timedelta(hours=12)
    for n in range(6):
        article = ArticleFactory(
            headline=f"東京の選挙 {n} — Café ☕",
            section=sections[n % 2],
            published_at=noon - datetime.timedelta(days=2),
        )
        HourlyViews.objects.create(
            article=article, section=article.section, hour=noon, views=10 * (n + 1)
        )
    return 6 + 3 + 3  # site-wide, then each section's


@pytest.fixture
def slow_ranking(monkeypatch):
    """Each ranking takes a moment, so two runs overlap unless something serialises them."""
    real_rank = rollups.rank

    def slow(*args, **kwargs):
        time.sleep(0.1)
        return real_rank(*args, **kwargs)

    monkeypatch.setattr(rollups, "rank", slow)


@pytest.mark.django_db(transaction=True)
def test_two_snapshot_runs_at_once_keep_one_set(yesterdays_reads, slow_ranking):
    day = f"--day={YESTERDAY:%Y-%m-%d}"
    outputs = run_at_once(["snapshot_rankings", day], ["snapshot_rankings", day])
    assert outputs == [f"Kept {yesterdays_reads} ranking lines for {YESTERDAY:%Y-%m-%d}.\n"] * 2
    assert RankingSnapshot.objects.filter(day=YESTERDAY).count() == yesterdays_reads
    top = RankingSnapshot.objects.get(day=YESTERDAY, section=None, rank=1)
    assert (top.headline, top.views) == ("東京の選挙 5 — Café ☕", 60)


@pytest.mark.django_db
def test_the_snapshot_is_also_a_django_task(yesterdays_reads):
    result = snapshot_task.enqueue(YESTERDAY.isoformat())
    assert result.return_value == yesterdays_reads
    assert RankingSnapshot.objects.filter(day=YESTERDAY).count() == yesterdays_reads


@pytest.mark.django_db(transaction=True)
def test_the_task_and_the_command_at_once_keep_one_set(yesterdays_reads, slow_ranking):
    """The named lock is the service's own, so a task worker and the timer take turns."""
    barrier = threading.Barrier(2)

    def run(job):
        barrier.wait()
        try:
            return job()
        finally:
            connections.close_all()

    jobs = [
        lambda: snapshot_task.enqueue(YESTERDAY.isoformat()).return_value,
        lambda: call_command(
            "snapshot_rankings", f"--day={YESTERDAY:%Y-%m-%d}", stdout=io.StringIO()
        ),
    ]
    with ThreadPoolExecutor(2) as pool:
        kept_by_task, _ = pool.map(run, jobs)
    assert kept_by_task == yesterdays_reads
    assert RankingSnapshot.objects.filter(day=YESTERDAY).count() == yesterdays_reads


@pytest.mark.django_db
def test_a_snapshot_run_that_dies_keeps_nothing_and_a_rerun_keeps_all(
    yesterdays_reads, monkeypatch
):
    real_rank = rollups.rank
    calls = []

    def die_on_second_section(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise Crash
        return real_rank(*args, **kwargs)

    monkeypatch.setattr(rollups, "rank", die_on_second_section)
    with pytest.raises(Crash):
        call_command("snapshot_rankings", stdout=io.StringIO())
    assert not RankingSnapshot.objects.exists()

    monkeypatch.undo()
    call_command("snapshot_rankings", stdout=io.StringIO())
    assert RankingSnapshot.objects.filter(day=YESTERDAY).count() == yesterdays_reads


@pytest.mark.django_db(transaction=True)
def test_two_rollups_at_once_add_each_hour_once():
    old_day = hourly_retention_start() - datetime.timedelta(days=3)
    articles = [ArticleFactory(headline=f"Café ☕ {n}") for n in range(3)]
    for article in articles:
        for hour in range(0, 24, 3):
            HourlyViews.objects.create(
                article=article,
                section=article.section,
                hour=old_day + datetime.timedelta(hours=hour),
                views=5,
            )
    run_at_once(["rollup_views"], ["rollup_views"])
    assert not HourlyViews.objects.filter(hour__lt=hourly_retention_start()).exists()
    assert sorted(DailyViews.objects.values_list("views", flat=True)) == [40, 40, 40]


@pytest.mark.django_db(transaction=True)
def test_the_named_lock_makes_a_second_holder_wait():
    if connection.vendor != "postgresql":
        pytest.skip("advisory locks are PostgreSQL's; SQLite serialises write transactions")
    order = []
    first_holds = threading.Event()

    def first():
        with named_lock("snapshot_rankings"):
            first_holds.set()
            time.sleep(0.5)
            order.append("first done")
        connections.close_all()

    def second():
        first_holds.wait()
        started = time.monotonic()
        with named_lock("snapshot_rankings"):
            order.append(time.monotonic() - started)
        connections.close_all()

    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda job: job(), [first, second]))
    assert order[0] == "first done"
    assert order[1] >= 0.4, f"the second holder got in after {order[1]:.2f} s"


@pytest.mark.django_db(transaction=True)
def test_a_holder_whose_connection_drops_lets_go():
    if connection.vendor != "postgresql":
        pytest.skip("advisory locks are PostgreSQL's")

    def die_holding():
        named_lock("rollup_views").__enter__()
        # A killed process never unlocks; its connection closes with it.
        connections["default"].close()

    with ThreadPoolExecutor(1) as pool:
        pool.submit(die_holding).result()
    started = time.monotonic()
    with named_lock("rollup_views"):
        assert time.monotonic() - started < 0.5


@pytest.mark.django_db
def test_the_daily_rollup_purges_expired_reader_markers(client, settings):
    """Without Redis the markers are rows: the ones whose window has passed go daily."""
    settings.RANKINGS_REDIS_URL = ""
    forget_redis_connection()
    article = ArticleFactory(headline="東京 Café ☕")
    assert report_read(client, article, user_agent=browser(1)).status_code == 204
    first = stored_reader_keys()  # the first reader's marker and its address's count
    second = report_read(client, article, user_agent=browser(2), address="10.0.0.2")
    assert second.status_code == 204
    assert len(stored_reader_keys()) == 4
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    ReaderMarker.objects.filter(key__in=first).update(expires_at=an_hour_ago)

    out = io.StringIO()
    call_command("rollup_views", stdout=out)

    assert "forgot 2 expired reader marker(s)" in out.getvalue()
    assert len(stored_reader_keys()) == 2  # the second reader's, still in its window
