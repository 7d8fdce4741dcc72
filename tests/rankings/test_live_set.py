"""With the Redis recorder, Redis knows which articles are live: kept current by every
editorial change once it commits, rebuilt when Redis lost it, and bypassed (to the
database) while Redis cannot be reached."""

import datetime
import time

import pytest
import redis
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from rankings import live
from rankings.flush import flush_redis_counts
from rankings.models import ReaderMarker
from tests.articles.admin_forms import CHANGELIST_URL, article_action_data
from tests.factories import ArticleFactory
from tests.page_forms import form_data
from tests.servers import own_redis_server

from .helpers import (
    REDIS_TEST_URL,
    browser,
    forget_redis_connection,
    report_read,
    views_of,
)

pytestmark = pytest.mark.django_db

HEADLINE = "東京の選挙 — Café ☕"


class Readers:
    """A new reader for every read, so only liveness decides whether it counts."""

    def __init__(self, client):
        self.client, self.n = client, 0

    def read(self, article):
        self.n += 1
        assert report_read(self.client, article, user_agent=browser(self.n)).status_code == 204


def counted_in_redis(redis_client, article):
    return sum(
        int(h.get(str(article.pk), 0)) for h in map(redis_client.hgetall, hits(redis_client))
    )


def hits(redis_client):
    return redis_client.keys(f"{live.HITS_PREFIX}*")


@pytest.fixture
def readers():
    return Readers(Client())  # not the editor's signed-in client


def test_unpublish_and_publish_in_the_admin_reach_the_live_set(
    redis_recorder, readers, editor_client, django_capture_on_commit_callbacks
):
    article = ArticleFactory(headline=HEADLINE)
    readers.read(article)
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(CHANGELIST_URL, article_action_data(editor_client, "unpublish", article))
    readers.read(article)
    assert counted_in_redis(redis_recorder, article) == 1
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(CHANGELIST_URL, article_action_data(editor_client, "publish", article))
    readers.read(article)
    assert counted_in_redis(redis_recorder, article) == 2


def test_a_scheduled_article_counts_from_its_time_with_nothing_run(
    redis_recorder, readers, django_capture_on_commit_callbacks, django_assert_num_queries
):
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(
            headline=HEADLINE, published_at=timezone.now() + datetime.timedelta(seconds=1.5)
        )
    readers.read(article)  # builds the set: the article is in it, not yet due
    assert redis_recorder.zscore(live.LIVE, str(article.pk)) is not None
    assert counted_in_redis(redis_recorder, article) == 0
    time.sleep(1.6)
    with django_assert_num_queries(0):
        readers.read(article)
    assert counted_in_redis(redis_recorder, article) == 1


def test_rescheduling_and_deleting_reach_the_live_set(
    redis_recorder, readers, editor_client, django_capture_on_commit_callbacks
):
    article = ArticleFactory(headline=HEADLINE)
    readers.read(article)
    with django_capture_on_commit_callbacks(execute=True):
        article.published_at = timezone.now() + datetime.timedelta(days=1)
        article.save()
    readers.read(article)
    assert counted_in_redis(redis_recorder, article) == 1

    other = ArticleFactory(headline="Zürich", slug="zurich")
    readers.read(other)
    delete_url = reverse("admin:articles_article_delete", args=[other.pk])
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(delete_url, form_data(editor_client.get(delete_url), post="yes"))
    assert redis_recorder.zscore(live.LIVE, str(other.pk)) is None


def test_a_change_redis_missed_makes_the_next_read_rebuild_the_set(
    redis_recorder, readers, settings, django_capture_on_commit_callbacks
):
    article = ArticleFactory(headline=HEADLINE)
    readers.read(article)
    settings.RANKINGS_REDIS_URL = "redis://127.0.0.1:1/0"  # unreachable for the change
    forget_redis_connection()
    with django_capture_on_commit_callbacks(execute=True):
        article.status = Article.Status.UNPUBLISHED
        article.save()
    settings.RANKINGS_REDIS_URL = REDIS_TEST_URL
    forget_redis_connection()
    readers.read(article)
    assert counted_in_redis(redis_recorder, article) == 1
    assert redis_recorder.zscore(live.LIVE, str(article.pk)) is None


@pytest.fixture
def own_redis(settings, tmp_path):
    """A redis-server of the test's own, to stop and start again, counting the reads."""
    server = own_redis_server(tmp_path)
    settings.RANKINGS_RECORDER = "redis"
    settings.RANKINGS_REDIS_URL = server.url()
    forget_redis_connection()
    yield server
    forget_redis_connection()
    if server.process:
        server.stop()


def test_reads_go_to_the_database_while_redis_is_down_and_back_after(
    own_redis, client, caplog, request
):
    article = ArticleFactory(headline=HEADLINE)
    report_read(client, article, user_agent=browser(1))
    store = redis.Redis(port=own_redis.port, decode_responses=True)
    request.addfinalizer(store.close)
    assert counted_in_redis(store, article) == 1

    own_redis.stop()
    for n in (2, 3, 3):  # two readers, and a repeat caught by the table's marker
        assert report_read(client, article, user_agent=browser(n)).status_code == 204
    assert views_of(article) == 2
    assert ReaderMarker.objects.filter(key__startswith=f"reader:{article.pk}:").count() == 2
    assert "Redis unavailable" in caplog.text

    own_redis.start()  # empty: Redis keeps nothing on disk here
    report_read(client, article, user_agent=browser(4))
    assert counted_in_redis(store, article) == 1
    assert store.exists(live.LIVE)
    flush_redis_counts(store)
    assert views_of(article) == 3
