"""The full-page cache as readers meet it: a cached page costs no SQL and tells caches
how long to keep it, staff always get their own, and the cache's failures and rebuilds
never keep a page from a reader. (Edits reaching the pages: test_page_cache_invalidation.py.)"""

import dataclasses
import datetime
import threading
import time

import pytest
from django.core.cache import caches
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from newsroom.pagecache import page_key
from tests.factories import ArticleFactory
from tests.rankings.helpers import record_views

from .cached_pages import HEADLINE, pages_showing, warm

pytestmark = pytest.mark.django_db


def test_a_cached_page_runs_no_sql_and_renders_no_template(
    reader, story, django_assert_num_queries
):
    for url in pages_showing(story) + [reverse("rankings:page"), "/sitemap.xml"]:
        first = reader.get(url)
        assert first.status_code == 200, url
        with django_assert_num_queries(0):
            again = reader.get(url)
        assert again.templates == []
        assert again.content == first.content


def test_public_pages_set_no_cookie_and_tell_caches_how_long(reader, story):
    for url in pages_showing(story) + [reverse("rankings:page"), "/sitemap.xml"]:
        for _ in range(2):  # built, then from the cache
            response = reader.get(url)
            assert not response.cookies, url
            assert "cookie" not in response.get("Vary", "").lower(), url
            control = response["Cache-Control"]
            assert "public" in control and "max-age=0" in control, control
            assert "s-maxage=5" in control and "stale-while-revalidate=" in control
            assert response["ETag"].startswith('"')


def test_a_conditional_get_with_the_same_etag_is_not_modified(reader, story):
    url = story.get_absolute_url()
    etag = reader.get(url)["ETag"]
    response = reader.get(url, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert reader.get(url, headers={"if-none-match": '"other"'}).status_code == 200


def test_query_parameters_a_page_does_not_read_share_its_copy(
    reader, story, django_assert_num_queries
):
    reader.get("/")
    with django_assert_num_queries(0):
        assert reader.get("/?utm_source=newsletter&fbclid=東京").status_code == 200
    # The page number does make another page.
    assert reader.get("/?page=2").status_code == 404
    assert reader.get("/?page=%00").status_code == 404


def test_staff_always_get_a_page_made_for_them(reader, story, admin_client):
    url = story.get_absolute_url()
    warm(reader, [url])
    # Changed without a commit signal (as a bulk SQL fix would): the cache still holds
    # the old page for readers, but staff see the database.
    Article.objects.filter(pk=story.pk).update(headline="Changed behind the cache")
    assert HEADLINE in reader.get(url).content.decode()
    response = admin_client.get(url)
    assert "Changed behind the cache" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_pages_are_served_while_the_cache_is_down(reader, story, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    for url in pages_showing(story):
        response = reader.get(url)
        assert response.status_code == 200, url
    assert HEADLINE in reader.get(story.get_absolute_url()).content.decode()


def cached_copy(url):
    return caches["default"], page_key(RequestFactory().get(url), ())


def test_a_stale_page_is_served_as_it_is_while_another_request_rebuilds_it(
    reader, story, settings, django_assert_num_queries
):
    url = story.get_absolute_url()
    first = reader.get(url)
    cache, key = cached_copy(url)
    page = cache.get(key)
    cache.set(key, dataclasses.replace(page, fresh_until=time.time() - 1))
    cache.add(f"{key}:rebuilding", 1, 30)  # another request is rebuilding it
    with django_assert_num_queries(0):
        response = reader.get(url)
    assert response.content == first.content
    cache.delete(f"{key}:rebuilding")
    # The next request after the rebuild lock is gone builds it again, once.
    assert reader.get(url).templates != []
    assert reader.get(url).templates == []


def test_a_missing_page_another_request_is_building_is_waited_for(reader, story):
    url = story.get_absolute_url()
    built = reader.get(url)
    cache, key = cached_copy(url)
    page = cache.get(key)
    cache.delete(key)
    cache.add(f"{key}:rebuilding", 1, 30)
    threading.Timer(0.2, cache.set, args=(key, page, 60)).start()
    started = time.monotonic()
    response = reader.get(url)
    assert response.templates == []  # the other request's page, not one of its own
    assert response.content == built.content
    assert 0.15 < time.monotonic() - started < 2


def test_a_waiting_request_builds_the_page_itself_when_the_builder_gives_up(reader, story):
    url = story.get_absolute_url()
    cache, key = cached_copy(url)
    cache.add(f"{key}:rebuilding", 1, 30)
    threading.Timer(0.1, cache.delete, args=(f"{key}:rebuilding",)).start()
    started = time.monotonic()
    assert reader.get(url).templates != []
    assert time.monotonic() - started < 1


def test_ranking_widgets_on_a_cached_page_follow_the_rankings_refresh(reader, story, settings):
    settings.RANKINGS_CACHE_SECONDS = 1
    # One line each, so the newest article does not come in as a fill before it is read.
    settings.RANKINGS_SECTION_SIZE = settings.RANKINGS_SITE_SIZE = 1
    other = ArticleFactory(headline="Zürich harbour bridge opens", section=story.section)
    record_views(story, 50)
    url = other.get_absolute_url()
    assert "Climber: 大阪万博 ticket sales" not in widgets(reader.get(url))
    climber = ArticleFactory(
        headline="Climber: 大阪万博 ticket sales",
        section=story.section,
        published_at=timezone.now() - datetime.timedelta(days=2),
    )
    record_views(climber, 500)
    time.sleep(1.1)
    # The first reader after the ranking's interval still gets the old ranking, without
    # waiting for a new one: it is computed once that reader has the page.
    assert "Climber: 大阪万博 ticket sales" not in widgets(reader.get(url))
    # The page was kept no fresher than the ranking it showed, so the next reader's page
    # is made again, with the new ranking.
    assert "Climber: 大阪万博 ticket sales" in widgets(reader.get(url))


def widgets(response):
    """The page's ranking widgets (the climber is also under "Related", being of the section)."""
    return response.content.decode().split("<aside")[1]
