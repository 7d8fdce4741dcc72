"""GET /healthz: what a load balancer and the person on call read."""

import time

import pytest

from newsroom import cache as fail_fast

pytestmark = pytest.mark.django_db


def test_healthy_without_redis(client, settings, django_assert_num_queries):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.RANKINGS_REDIS_URL = ""
    settings.RANKINGS_RECORDER = "database"
    with django_assert_num_queries(1):  # SELECT 1, nothing else: no session, no counter
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "database": "ok",
        "redis": "not configured",
        "rankings_redis": "not configured",
        "recorder": "database",
    }
    assert response["Cache-Control"] == "no-store"
    assert response.cookies == {}


def test_never_counted_and_never_given_a_cookie(client):
    for _ in range(3):
        response = client.get("/healthz", headers={"user-agent": "Mozilla/5.0 東京 ☕"})
        assert response.cookies == {}
        assert "Set-Cookie" not in response
        # Counting happens only where a page carries the beacon and its view token.
        assert response["Content-Type"] == "application/json"
        assert b"data-view-token" not in response.content


def test_answers_a_probe_over_plain_http_even_when_https_is_required(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301, "the rest of the site still redirects"


def test_head_is_enough_and_writes_are_refused(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_redis_up_then_down_then_back(client, redis_setup, monkeypatch):
    monkeypatch.setattr(fail_fast, "OPEN_SECONDS", 0.3)
    up = client.get("/healthz").json()
    assert (up["redis"], up["rankings_redis"], up["recorder"]) == ("ok", "ok", "redis")

    redis_setup.stop()
    started = time.monotonic()
    response = client.get("/healthz")
    assert time.monotonic() - started < 1
    assert response.status_code == 200, "pages still come from the database"
    assert response.json()["redis"] == "unavailable"
    assert response.json()["rankings_redis"] == "unavailable"
    assert response.json()["database"] == "ok"

    redis_setup.start()
    time.sleep(0.4)
    assert client.get("/healthz").json()["redis"] == "ok"
