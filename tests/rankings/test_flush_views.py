"""The flush_views command, run as its timer runs it every minute: the reads counted in
Redis reach the hourly buckets once, whatever the reruns, and it says what it did.

Uses the real Redis at REDIS_TEST_URL; skipped with the reason when none answers."""

import io

import pytest
from django.core.management import CommandError, call_command

from rankings import live
from rankings.models import HourlyViews
from tests.factories import ArticleFactory

from .helpers import browser, report_read, views_of

pytestmark = pytest.mark.django_db

HEADLINES = ["東京の選挙 — Café ☕", "Zürich harbour bridge opens"]


class Crash(Exception):
    """Stands for the command dying at a chosen point."""


def flush_views():
    out = io.StringIO()
    call_command("flush_views", stdout=out)
    return out.getvalue()


@pytest.fixture
def counted_in_redis(client, redis_recorder):
    """Five readers' reads through the view endpoint, counted in Redis so far."""
    first, second = (ArticleFactory(headline=headline) for headline in HEADLINES)
    for n in range(3):
        assert report_read(client, first, user_agent=browser(n)).status_code == 204
    for n in range(2):
        assert report_read(client, second, user_agent=browser(n)).status_code == 204
    report_read(client, first, user_agent=browser(0))  # a repeat: not counted
    assert not HourlyViews.objects.exists()
    return first, second


def test_reads_counted_in_redis_reach_the_buckets_and_a_rerun_adds_nothing(
    counted_in_redis, redis_recorder
):
    first, second = counted_in_redis

    assert flush_views() == "Flushed 5 views in 1 batches (0 already applied).\n"
    assert (views_of(first), views_of(second)) == (3, 2)
    assert redis_recorder.keys(f"{live.HITS_PREFIX}*") == []

    assert flush_views() == "Flushed 0 views in 0 batches (0 already applied).\n"
    assert (views_of(first), views_of(second)) == (3, 2)


def test_a_run_that_dies_after_applying_is_skipped_by_the_next(
    counted_in_redis, redis_recorder, monkeypatch
):
    first, second = counted_in_redis

    def crash(*keys):
        raise Crash

    # Dies between the batch's commit and its deletion from Redis.
    monkeypatch.setattr(live.redis_client(), "delete", crash)
    with pytest.raises(Crash):
        flush_views()
    monkeypatch.undo()

    assert flush_views() == "Flushed 0 views in 0 batches (1 already applied).\n"
    assert (views_of(first), views_of(second)) == (3, 2)
    assert flush_views() == "Flushed 0 views in 0 batches (0 already applied).\n"


def test_with_the_database_recorder_there_is_nothing_to_flush(settings):
    settings.RANKINGS_RECORDER = "database"
    with pytest.raises(CommandError, match="RANKINGS_RECORDER is not 'redis'"):
        flush_views()
