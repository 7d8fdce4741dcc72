import os

import pytest
import redis

from rankings import live

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_client():
    """A real Redis at REDIS_TEST_URL, emptied before and after; skips when none answers."""
    client = redis.Redis.from_url(REDIS_TEST_URL, decode_responses=True, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.skip(f"no Redis at {REDIS_TEST_URL} ({error}); CI runs these against a real one")
    client.flushdb()
    yield client
    client.flushdb()


@pytest.fixture(params=["database", "redis"])
def reader_store(request, settings):
    """Run a test with the repeat-reader counters in the RecentRead table, then in Redis."""
    if request.param == "redis":
        request.getfixturevalue("redis_client")
        settings.RANKINGS_REDIS_URL = REDIS_TEST_URL
    else:
        settings.RANKINGS_REDIS_URL = ""
    forget_redis_connection()
    yield request.param
    forget_redis_connection()


def forget_redis_connection():
    """Let the next read connect to the Redis the settings now name."""
    if live.redis_client.cache_info().currsize:
        live.redis_client().close()
    live.redis_client.cache_clear()
    live._script.cache_clear()


@pytest.fixture
def redis_recorder(settings, redis_client):
    """The Redis recorder, counting in the real Redis at REDIS_TEST_URL."""
    settings.RANKINGS_RECORDER = "redis"
    settings.RANKINGS_REDIS_URL = REDIS_TEST_URL
    forget_redis_connection()
    yield redis_client
    forget_redis_connection()
