import pytest

from tests.rankings.helpers import forget_redis_connection
from tests.servers import BlackHole, own_redis_server


@pytest.fixture
def redis_server(tmp_path):
    server = own_redis_server(tmp_path)
    yield server
    if server.process:
        server.stop()


@pytest.fixture
def black_hole():
    hole = BlackHole()
    yield hole
    hole.close()


@pytest.fixture
def redis_setup(settings, redis_server):
    """Production's Redis set-up against the test's own redis-server: the cache in
    database 0, the ranking's counters and the Redis recorder in database 1."""
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.FailFastRedisCache",
            "LOCATION": redis_server.url(0),
            "KEY_PREFIX": "newsroom",
            "OPTIONS": {"socket_timeout": 0.5, "socket_connect_timeout": 0.5},
        }
    }
    settings.RANKINGS_REDIS_URL = redis_server.url(1)
    settings.RANKINGS_RECORDER = "redis"
    forget_redis_connection()
    yield redis_server
    forget_redis_connection()
