"""Reads of an embargoed article count for nothing before its time, with either recorder.

The database recorder asks Article.objects.published(); the Redis live set holds the
publication time, which the constraint article_published_after_embargo keeps at or
after the embargo: both count from the embargo's end, with nothing run.
"""

import datetime
import time

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Article
from rankings import live
from rankings.models import HourlyViews
from tests.factories import ArticleFactory

from .helpers import browser, report_read, views_of

pytestmark = pytest.mark.django_db

HEADLINE = "東京湾の新しい橋、市議会が承認 🌉"


def embargoed_for(seconds):
    until = timezone.now() + datetime.timedelta(seconds=seconds)
    return ArticleFactory(
        headline=HEADLINE, status=Article.Status.PUBLISHED, published_at=None, embargoed_until=until
    )


def wait_for(article):
    time.sleep(max(0, (article.embargoed_until - timezone.now()).total_seconds()) + 0.1)


def test_the_database_recorder_counts_from_the_embargos_end():
    article = embargoed_for(1.5)
    reader = Client()
    assert report_read(reader, article, user_agent=browser(1)).status_code == 204
    assert not HourlyViews.objects.filter(article=article).exists()
    wait_for(article)
    report_read(reader, article, user_agent=browser(2))
    assert views_of(article) == 1


def test_the_redis_live_set_counts_from_the_embargos_end(
    redis_recorder, django_capture_on_commit_callbacks, django_assert_num_queries
):
    with django_capture_on_commit_callbacks(execute=True):
        article = embargoed_for(1.5)
    reader = Client()
    report_read(reader, article, user_agent=browser(1))  # builds the set
    score = redis_recorder.zscore(live.LIVE, str(article.pk))
    assert score == article.embargoed_until.timestamp()
    assert not redis_recorder.keys(f"{live.HITS_PREFIX}*")
    wait_for(article)
    with django_assert_num_queries(0):
        report_read(reader, article, user_agent=browser(2))
    [hits] = redis_recorder.keys(f"{live.HITS_PREFIX}*")
    assert redis_recorder.hgetall(hits) == {str(article.pk): "1"}
