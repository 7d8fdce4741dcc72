"""Counting in Redis (RANKINGS_RECORDER=redis) and its flush, against a real Redis.

Uses REDIS_TEST_URL (default redis://127.0.0.1:6379/15, a database of its own)
and is skipped with the reason when no Redis answers there.
"""

import datetime
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.utils import timezone

from rankings import flush, live
from rankings.buckets import hour_of
from rankings.flush import flush_redis_counts
from rankings.models import DailyViews, FlushedBatch, HourlyViews
from rankings.rollups import roll_up_day
from tests.factories import ArticleFactory

from .helpers import browser, report_read, views_of

pytestmark = pytest.mark.django_db


class Crash(Exception):
    """Stands for the flush process dying at a chosen point."""


def hit(redis_client, article, *, at=None, views=1):
    """What a counted read leaves in Redis for the flush."""
    redis_client.hincrby(live.hits_key(hour_of(at or timezone.now())), str(article.pk), views)


def views_in_redis(redis_client):
    return sum(int(v) for k in redis_client.keys("rankings:hits:*") for v in redis_client.hvals(k))


def test_hits_are_flushed_into_their_hours_exactly(redis_client):
    articles = [ArticleFactory(headline=f"東京の選挙 — Café ☕ {n}") for n in range(3)]
    earlier = timezone.now() - datetime.timedelta(hours=2)
    for n, article in enumerate(articles):
        hit(redis_client, article, views=n + 1)
        hit(redis_client, article, at=earlier)

    result = flush_redis_counts(redis_client)

    assert (result.views, result.batches) == (9, 2)
    assert [views_of(a) for a in articles] == [2, 3, 4]
    assert HourlyViews.objects.get(article=articles[0], hour=hour_of(earlier)).views == 1
    assert HourlyViews.objects.get(article=articles[0], hour=hour_of(earlier)).section_id == (
        articles[0].section_id
    )
    assert redis_client.keys("rankings:hits:*") == []
    assert flush_redis_counts(redis_client).views == 0


@pytest.mark.parametrize("crash_point", ["after_claim", "inside_apply", "after_apply"])
def test_a_flush_killed_midway_and_rerun_loses_and_doubles_nothing(
    redis_client, monkeypatch, crash_point
):
    articles = [ArticleFactory() for _ in range(4)]
    for n, article in enumerate(articles):
        hit(redis_client, article, views=10 * (n + 1))

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
    hit(redis_client, articles[0])  # a read arriving between the crash and the rerun
    monkeypatch.undo()

    flush_redis_counts(redis_client)

    assert [views_of(a) for a in articles] == [11, 20, 30, 40]
    assert redis_client.keys("rankings:hits:*") == redis_client.keys("rankings:batch:*") == []
    flush_redis_counts(redis_client)
    assert [views_of(a) for a in articles] == [11, 20, 30, 40]
    assert FlushedBatch.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_flushes_at_once_apply_each_batch_once(redis_client):
    articles = [ArticleFactory() for _ in range(3)]
    for article in articles:
        hit(redis_client, article, views=25)

    def flush_in_thread(_):
        try:
            flush_redis_counts(redis_client)
        finally:
            connections.close_all()  # a thread's connection would outlive the test database

    with ThreadPoolExecutor(2) as pool:
        list(pool.map(flush_in_thread, range(2)))
    assert [views_of(a) for a in articles] == [25, 25, 25]


def test_reads_of_a_deleted_article_do_not_sink_the_batch(redis_client):
    kept, deleted = ArticleFactory(), ArticleFactory()
    for article in (kept, deleted, kept):
        hit(redis_client, article)
    deleted.delete()
    flush_redis_counts(redis_client)
    assert views_of(kept) == 2
    assert redis_client.keys("rankings:hits:*") == []


def test_a_batch_held_back_past_its_days_roll_up_reaches_the_daily_row(redis_client):
    article = ArticleFactory(published_at=timezone.now() - datetime.timedelta(days=3))
    two_days_ago = hour_of(timezone.now() - datetime.timedelta(days=2)).replace(hour=5)
    HourlyViews.objects.create(article=article, section=article.section, hour=two_days_ago, views=4)
    assert roll_up_day(two_days_ago.date())
    hit(redis_client, article, at=two_days_ago, views=3)
    flush_redis_counts(redis_client)
    assert DailyViews.objects.get(article=article).views == 7
    assert views_of(article) == 7


def test_a_counted_read_runs_no_sql(client, redis_recorder, django_assert_num_queries):
    article = ArticleFactory(headline="東京の選挙 — Café ☕")
    report_read(client, article, user_agent=browser(1))  # builds the live set
    with django_assert_num_queries(0):
        assert report_read(client, article, user_agent=browser(2)).status_code == 204
    with django_assert_num_queries(0):
        report_read(client, article, user_agent=browser(2))  # a repeat: not counted
    assert views_in_redis(redis_recorder) == 2
    assert views_of(article) == 0
    flush_redis_counts(redis_recorder)
    assert views_of(article) == 2


def test_a_missing_live_set_is_rebuilt_once_never_read_as_nothing_live(
    client, redis_recorder, django_assert_num_queries
):
    article = ArticleFactory()
    assert not redis_recorder.exists(live.LIVE)
    with django_assert_num_queries(1):  # the rebuild's one query
        report_read(client, article, user_agent=browser(1))
    assert redis_recorder.zscore(live.LIVE, str(article.pk)) is not None
    redis_recorder.delete(live.LIVE)  # Redis restarted
    report_read(client, article, user_agent=browser(2))
    assert views_in_redis(redis_recorder) == 2


def test_while_another_request_rebuilds_the_set_a_read_asks_the_database(
    client, redis_recorder, django_assert_num_queries
):
    article = ArticleFactory()
    redis_recorder.set(live.LIVE_LOCK, 1)
    with django_assert_num_queries(1):
        report_read(client, article)
    assert views_in_redis(redis_recorder) == 1
    assert not redis_recorder.exists(live.LIVE)


def test_an_empty_site_builds_an_empty_live_set_once(client, redis_recorder):
    draft = ArticleFactory(status="draft", published_at=None)
    report_read(client, draft, user_agent=browser(1))
    report_read(client, draft, user_agent=browser(2))
    assert redis_recorder.zrange(live.LIVE, 0, -1) == [live.BUILT]
    assert views_in_redis(redis_recorder) == 0


def test_a_rebuild_that_raced_an_article_change_is_thrown_away(redis_recorder, monkeypatch):
    ArticleFactory()
    build_from = live.Article.objects.published_or_scheduled

    def changed_meanwhile():
        redis_recorder.incr(live.LIVE_CHANGES)  # what a receiver does after a commit
        return build_from()

    monkeypatch.setattr(live.Article.objects, "published_or_scheduled", changed_meanwhile)
    assert not live.rebuild_live_set(redis_recorder)
    assert not redis_recorder.exists(live.LIVE)
    assert not redis_recorder.exists(live.LIVE_BUILD)
    assert not redis_recorder.exists(live.LIVE_LOCK)
