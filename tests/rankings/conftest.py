import pytest
import redis

from .helpers import REDIS_TEST_URL, forget_redis_connection


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
    """Run a test with the repeat-reader counters in the ReaderMarker table, then in Redis."""
    if request.param == "redis":
        request.getfixturevalue("redis_client")
        settings.RANKINGS_REDIS_URL = REDIS_TEST_URL
    else:
        settings.RANKINGS_REDIS_URL = ""
    forget_redis_connection()
    yield request.param
    forget_redis_connection()


@pytest.fixture
def redis_recorder(settings, redis_client):
    """The Redis recorder, counting in the real Redis at REDIS_TEST_URL."""
    settings.RANKINGS_RECORDER = "redis"
    settings.RANKINGS_REDIS_URL = REDIS_TEST_URL
    forget_redis_connection()
    yield redis_client
    forget_redis_connection()
