"""Every real read counts once; nothing else counts at all."""

import datetime
import time

import pytest
from django.core import signing
from django.db import connection
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from rankings import counting
from rankings.counting import make_view_token, read_view_token
from rankings.models import HourlyViews
from tests.factories import ArticleFactory, UserFactory

from .helpers import (
    BROWSER,
    VIEW_URL,
    browser,
    end_repeat_windows,
    report_read,
    stored_reader_keys,
    views_of,
)

pytestmark = pytest.mark.django_db


def test_the_article_page_carries_a_token_for_its_own_article(client):
    article = ArticleFactory()
    html = client.get(article.get_absolute_url()).content.decode()
    token = html.split('data-view-token="')[1].split('"')[0]
    assert read_view_token(token) == article.pk
    assert f'data-view-url="{VIEW_URL}"' in html


def test_a_preview_carries_no_token(client, editor):
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    client.force_login(editor)
    html = client.get(reverse("articles:preview", args=[draft.pk])).content.decode()
    assert "data-view-token" not in html


def test_a_read_counts_once_per_reader_within_the_window(client):
    article = ArticleFactory()
    for _ in range(3):
        response = report_read(client, article)
        assert response.status_code == 204
    assert views_of(article) == 1
    report_read(client, article, user_agent=browser(1))
    assert views_of(article) == 2
    other = ArticleFactory()
    report_read(client, other)
    assert views_of(other) == 1


def test_one_address_changing_its_user_agent_is_capped(client, settings):
    settings.RANKINGS_READS_PER_ADDRESS = 5
    article, other = ArticleFactory(), ArticleFactory()
    for n in range(12):
        report_read(client, article, user_agent=browser(n))
    assert views_of(article) == 5
    report_read(client, other, user_agent=browser(99))
    report_read(client, article, user_agent=browser(100), address="198.51.100.7")
    assert (views_of(other), views_of(article)) == (1, 6)


def test_the_same_reader_counts_again_after_the_window(client):
    article = ArticleFactory()
    report_read(client, article)
    end_repeat_windows()
    report_read(client, article)
    assert views_of(article) == 2


def test_a_reader_is_stored_only_as_a_hash(client):
    article = ArticleFactory()
    report_read(client, article, address="203.0.113.7")
    keys = stored_reader_keys()
    assert len(keys) == 2  # the reader's counter and the address's
    assert not any("203.0.113.7" in key or "Chrome" in key for key in keys)


@pytest.mark.parametrize(
    "user_agent, headers",
    [
        ("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", {}),
        ("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", {}),
        ("python-requests/2.32.0", {}),
        ("curl/8.5.0", {}),
        # Too long for its verdict to be kept, and still known.
        ("Mozilla/5.0 (compatible; Googlebot/2.1) " + "東京 " * 300, {}),
        ("", {}),
        (None, {"sec-purpose": "prefetch;prerender"}),
        (None, {"purpose": "prefetch"}),
        (None, {"x-moz": "prefetch"}),
    ],
)
def test_bots_and_prefetches_add_nothing(client, user_agent, headers):
    article = ArticleFactory()
    kwargs = {"user_agent": user_agent} if user_agent is not None else {}
    response = report_read(client, article, **kwargs, **headers)
    assert response.status_code == 204
    assert views_of(article) == 0


def test_a_long_ordinary_user_agent_is_a_reader(client):
    article = ArticleFactory()
    response = report_read(client, article, user_agent=BROWSER + " Café ☕" * 200)
    assert response.status_code == 204
    assert views_of(article) == 1


def test_staff_reading_the_site_add_nothing(client):
    article = ArticleFactory()
    client.force_login(UserFactory(is_staff=True))
    report_read(client, article)
    assert views_of(article) == 0


@pytest.mark.parametrize(
    "status, published_at",
    [
        (Article.Status.DRAFT, None),
        (Article.Status.UNPUBLISHED, timezone.now() - datetime.timedelta(days=1)),
        (Article.Status.PUBLISHED, timezone.now() + datetime.timedelta(hours=1)),
    ],
)
def test_articles_readers_cannot_see_add_nothing(client, status, published_at):
    article = ArticleFactory(status=status, published_at=published_at)
    assert report_read(client, article).status_code == 204
    assert views_of(article) == 0


def test_forged_altered_and_expired_tokens_are_refused(client, monkeypatch):
    article = ArticleFactory()
    target = ArticleFactory()
    genuine = make_view_token(article.pk)
    altered = genuine.replace(f"{article.pk}:", f"{target.pk}:", 1)
    forged = signing.TimestampSigner(key="not-our-secret", salt="rankings.view").sign(
        str(target.pk)
    )
    real_time = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() - 7 * 3600)
    expired = make_view_token(article.pk)
    monkeypatch.undo()

    for token in [altered, forged, expired, "", "12", "not a token"]:
        response = report_read(client, article, token=token)
        assert response.status_code == 400, token
    assert views_of(article) == views_of(target) == 0


def test_the_client_cannot_choose_how_much_is_added(client):
    article = ArticleFactory()
    client.post(
        VIEW_URL,
        {"token": make_view_token(article.pk), "views": "1000", "count": "50"},
        headers={"user-agent": browser()},
    )
    assert HourlyViews.objects.get(article=article).views == 1


def test_only_post_is_accepted(client):
    assert client.get(VIEW_URL).status_code == 405


def test_views_land_in_the_bucket_of_their_hour(client):
    article = ArticleFactory()
    before = timezone.now()
    report_read(client, article)
    after = timezone.now()
    bucket = HourlyViews.objects.get(article=article)
    assert bucket.hour in {
        moment.replace(minute=0, second=0, microsecond=0) for moment in (before, after)
    }


@pytest.mark.parametrize(
    "headers",
    [
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
        {"origin": "https://elsewhere.example"},
    ],
)
def test_another_sites_page_cannot_report_reads(client, headers):
    article = ArticleFactory()
    assert report_read(client, article, **headers).status_code == 204
    assert views_of(article) == 0


def test_our_own_pages_beacon_counts(client):
    article = ArticleFactory()
    report_read(client, article, **{"sec-fetch-site": "same-origin", "origin": "http://testserver"})
    assert views_of(article) == 1


def quiet_reader(article, first=0):
    """A user agent whose read does not also sweep expired counters this day."""
    for n in range(first, first + 100):
        request = RequestFactory().post(VIEW_URL, headers={"user-agent": browser(n)})
        if not counting.reader_id(request).endswith("0"):
            return browser(n)
    raise AssertionError("no quiet reader")


def test_a_counted_read_in_the_database_costs_one_lookup_and_a_short_transaction(
    client, settings, django_assert_num_queries
):
    settings.RANKINGS_REDIS_URL = ""
    article = ArticleFactory(headline="東京の選挙 — Café ☕")
    report_read(client, article, user_agent=browser(1000))  # the hour's bucket exists now
    # the article's section if it is live; then, in one transaction (a savepoint
    # inside the test's; on PostgreSQL told not to wait for the disk), the reader's
    # marker, the address's count, the increment
    no_disk_wait = connection.vendor == "postgresql"
    with django_assert_num_queries(1 + 1 + no_disk_wait + 3 + 1):
        report_read(client, article, user_agent=quiet_reader(article))
    with django_assert_num_queries(1 + 1 + no_disk_wait + 1 + 2):  # a repeat: rolled back
        report_read(client, article, user_agent=quiet_reader(article))
    assert views_of(article) == 2
