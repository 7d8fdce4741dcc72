"""The Redis recorder and its flush, against a real Redis.

Uses REDIS_TEST_URL (default redis://127.0.0.1:6379/15, a database of its own)
and is skipped with the reason when no Redis answers there.
"""

import datetime
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
from django.db import connections
from django.utils import timezone

from rankings import flush
from rankings.buckets import hour_of
from rankings.flush import flush_redis_counts
from rankings.models import FlushedBatch, HourlyViews
from rankings.recorders import DatabaseRecorder, RedisRecorder, get_recorder
from tests.factories import ArticleFactory

from .conftest import REDIS_TEST_URL
from .helpers import report_read, views_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorder(redis_client):
    return RedisRecorder(redis_client, fallback=DatabaseRecorder())


class Crash(Exception):
    """Stands for the flush process dying at a chosen point."""


def test_reads_go_to_redis_and_a_flush_moves_them_exactly(recorder, redis_client):
    articles = [ArticleFactory() for _ in range(3)]
    earlier = timezone.now() - datetime.timedelta(hours=2)
    for n, article in enumerate(articles):
        for _ in range(n + 1):
            recorder.record(article.pk)
        recorder.record(article.pk, at=earlier)
    assert not HourlyViews.objects.exists()

    result = flush_redis_counts(redis_client)

    assert (result.views, result.batches) == (9, 2)
    assert [views_of(a) for a in articles] == [2, 3, 4]
    assert HourlyViews.objects.get(article=articles[0], hour=hour_of(earlier)).views == 1
    assert redis_client.keys("rankings:*") == []
    assert flush_redis_counts(redis_client).views == 0


def test_concurrent_increments_are_all_kept(recorder, redis_client):
    article = ArticleFactory()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda _: recorder.record(article.pk), range(400)))
    flush_redis_counts(redis_client)
    assert views_of(article) == 400


@pytest.mark.parametrize("crash_point", ["after_claim", "inside_apply", "after_apply"])
def test_a_flush_killed_midway_and_rerun_loses_and_doubles_nothing(
    recorder, redis_client, monkeypatch, crash_point
):
    articles = [ArticleFactory() for _ in range(4)]
    for n, article in enumerate(articles):
        for _ in range(10 * (n + 1)):
            recorder.record(article.pk)

    def crash(*args, **kwargs):
        raise Crash(crash_point)

    if crash_point == "after_claim":
        monkeypatch.setattr(flush, "apply_batch", crash)
    elif crash_point == "inside_apply":
        real_add_views = flush.add_views
        added = []

        def add_then_crash(*args):
            real_add_views(*args)
            added.append(args)
            if len(added) == 2:  # half the articles are in when it dies
                raise Crash(crash_point)

        monkeypatch.setattr(flush, "add_views", add_then_crash)
    else:
        monkeypatch.setattr(redis_client, "delete", crash)

    with pytest.raises(Crash):
        flush_redis_counts(redis_client)
    recorder.record(articles[0].pk)  # a read arriving between the crash and the rerun
    monkeypatch.undo()

    flush_redis_counts(redis_client)

    assert [views_of(a) for a in articles] == [11, 20, 30, 40]
    assert redis_client.keys("rankings:*") == []
    flush_redis_counts(redis_client)
    assert [views_of(a) for a in articles] == [11, 20, 30, 40]
    assert FlushedBatch.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_flushes_at_once_apply_each_batch_once(recorder, redis_client):
    articles = [ArticleFactory() for _ in range(3)]
    for article in articles:
        for _ in range(25):
            recorder.record(article.pk)

    def flush_in_thread(_):
        try:
            flush_redis_counts(redis_client)
        finally:
            connections.close_all()  # a thread's connection would outlive the test database

    with ThreadPoolExecutor(2) as pool:
        list(pool.map(flush_in_thread, range(2)))
    assert [views_of(a) for a in articles] == [25, 25, 25]


def test_reads_of_a_deleted_article_do_not_sink_the_batch(recorder, redis_client):
    kept, deleted = ArticleFactory(), ArticleFactory()
    for article in (kept, deleted, kept):
        recorder.record(article.pk)
    deleted.delete()
    flush_redis_counts(redis_client)
    assert views_of(kept) == 2
    assert redis_client.keys("rankings:*") == []


def test_with_redis_down_reads_go_to_the_database():
    dead = redis.Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.2)
    article = ArticleFactory()
    RedisRecorder(dead, fallback=DatabaseRecorder()).record(article.pk)
    assert views_of(article) == 1


def test_the_endpoint_uses_redis_when_configured(client, settings, redis_client):
    settings.RANKINGS_RECORDER = "redis"
    settings.RANKINGS_REDIS_URL = REDIS_TEST_URL
    get_recorder.cache_clear()
    from rankings.recorders import redis_client as shared_client

    shared_client.cache_clear()
    try:
        article = ArticleFactory()
        report_read(client, article)
        assert views_of(article) == 0
        assert (
            sum(int(v) for k in redis_client.keys("rankings:hits:*") for v in redis_client.hvals(k))
            == 1
        )
        flush_redis_counts(redis_client)
        assert views_of(article) == 1
    finally:
        get_recorder.cache_clear()
        shared_client.cache_clear()


def test_reader_counters_fall_back_to_the_table_while_redis_is_down(client, settings):
    from rankings.models import RecentRead
    from rankings.recorders import redis_client as shared_client

    settings.RANKINGS_REDIS_URL = "redis://127.0.0.1:1/0"
    shared_client.cache_clear()
    try:
        article = ArticleFactory()
        report_read(client, article)
        report_read(client, article)
        assert views_of(article) == 1
        assert RecentRead.objects.count() == 2  # the reader's and the address's counters
    finally:
        shared_client.cache_clear()


def test_reader_counters_in_redis_count_once_and_cap_the_address(client, settings, redis_client):
    from rankings.recorders import redis_client as shared_client

    settings.RANKINGS_REDIS_URL = REDIS_TEST_URL
    settings.RANKINGS_READS_PER_ADDRESS = 3
    shared_client.cache_clear()
    try:
        article = ArticleFactory()
        report_read(client, article)
        report_read(client, article)  # the same reader again
        for n in range(5):
            report_read(client, article, user_agent=f"Mozilla/5.0 Firefox/{n}.0")
        assert views_of(article) == 3
        # The readers counted and the address: reads over the cap mark no reader.
        assert len(redis_client.keys("rankings:seen:*")) == 3 + 1
    finally:
        shared_client.cache_clear()
