"""Redis going away mid-traffic: pages and counted reads carry on from the database,
and everything goes back to Redis when it returns, without a restart."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
from django.core.cache import caches

from newsroom import cache as fail_fast
from rankings.models import HourlyViews, ReaderMarker
from tests.factories import ArticleFactory, SectionFactory
from tests.rankings.helpers import report_read, views_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def short_breaker(monkeypatch):
    monkeypatch.setattr(fail_fast, "OPEN_SECONDS", 0.3)


@pytest.fixture
def hanging_cache(settings, black_hole):
    """The cache at a Redis that accepts connections and never answers."""
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.FailFastRedisCache",
            "LOCATION": f"redis://127.0.0.1:{black_hole.port}/0",
            "OPTIONS": {"socket_timeout": 0.3, "socket_connect_timeout": 0.3},
        }
    }


def politics_article(headline="東京の選挙 — Café ☕"):
    section = SectionFactory(name="Politics", slug="politics")
    return ArticleFactory(headline=headline, section=section)


def test_readers_get_pages_and_reads_count_while_redis_is_down(client, redis_setup, short_breaker):
    article = politics_article()
    redis_setup.stop()

    for url in ["/", article.get_absolute_url(), "/politics/", "/rankings/"]:
        response = client.get(url)
        assert response.status_code == 200, url
    assert "東京の選挙 — Café ☕" in client.get("/").content.decode()

    assert report_read(client, article).status_code == 204
    assert views_of(article) == 1, "the read went to the database recorder"
    assert ReaderMarker.objects.exists(), "the repeat-reader marker went to the table"
    assert report_read(client, article).status_code == 204
    assert views_of(article) == 1, "a repeat is still caught"


def test_caching_and_counting_resume_when_redis_returns(client, redis_setup, short_breaker):
    article = politics_article()
    redis_setup.stop()
    assert client.get(article.get_absolute_url()).status_code == 200

    redis_setup.start()
    time.sleep(fail_fast.OPEN_SECONDS + 0.1)
    cache_db, rankings_db = redis_setup.client(0), redis_setup.client(1)
    assert cache_db.keys("*") == []

    assert client.get(article.get_absolute_url()).status_code == 200
    # The widgets' cached ranking (rankings.cached.filled_ranking) is back in Redis.
    assert any("rankings:filled" in key for key in cache_db.keys("newsroom:*")), cache_db.keys("*")
    assert (
        report_read(client, article, user_agent="Mozilla/5.0 (X11; Linux) 日本語").status_code
        == 204
    )
    assert rankings_db.keys("rankings:hits:*"), "the read went to Redis again"
    assert not HourlyViews.objects.filter(article=article).exists()


def test_a_hanging_redis_costs_one_timeout_then_fails_at_once(hanging_cache, monkeypatch):
    monkeypatch.setattr(fail_fast, "OPEN_SECONDS", 1.0)
    cache = caches["default"]

    started = time.monotonic()
    assert cache.get("headline", "miss") == "miss"
    assert time.monotonic() - started >= 0.3, "the first call waited for Redis"

    started = time.monotonic()
    for _ in range(20):
        assert cache.get("headline", "miss") == "miss"
        assert cache.get_many(["a", "b"]) == {}
        assert cache.has_key("a") is False
        with pytest.raises(fail_fast.CacheUnavailable):
            cache.set("headline", "東京")
    assert time.monotonic() - started < 0.2, "calls while the circuit is open wait for nothing"

    time.sleep(1.05)
    started = time.monotonic()
    assert cache.get("headline", "miss") == "miss"
    assert time.monotonic() - started >= 0.3, "after the pause Redis is tried again"


def test_after_the_pause_one_request_probes_while_the_others_still_fail_fast(
    hanging_cache, monkeypatch
):
    monkeypatch.setattr(fail_fast, "OPEN_SECONDS", 0.5)
    assert caches["default"].get("東京") is None  # trips the breaker
    time.sleep(0.55)

    def timed_get(_):
        started = time.monotonic()
        caches["default"].get("東京")  # each thread has its own backend, one breaker
        return time.monotonic() - started

    with ThreadPoolExecutor(6) as pool:
        waits = sorted(pool.map(timed_get, range(6)))
    assert waits[-1] >= 0.3, "one probe waited for Redis"
    assert waits[-2] < 0.1, "the others did not"


def test_writes_raise_so_a_failed_invalidation_is_never_silent(settings, redis_setup):
    cache = caches["default"]
    cache.set("rankings:top:24h:all:10", "café")
    redis_setup.stop()
    for write in [
        lambda: cache.set("k", 1),
        lambda: cache.add("k", 1),
        lambda: cache.delete("rankings:top:24h:all:10"),
        lambda: cache.incr("k"),
        lambda: cache.set_many({"k": 1}),
        lambda: cache.delete_many(["k"]),
    ]:
        with pytest.raises(fail_fast.UNREACHABLE):
            write()
    assert cache.get_or_set("computed", lambda: "☕ fresh") == "☕ fresh"


def test_a_redis_error_reply_is_not_an_outage(settings, redis_setup):
    cache = caches["default"]
    cache.set("not-a-number", "東京")
    with pytest.raises(redis.ResponseError):
        cache.incr("not-a-number")
    cache.set("still", "up")
    assert cache.get("still") == "up"
