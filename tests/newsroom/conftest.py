import pytest
from django.test import Client

from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory
from tests.rankings.helpers import forget_redis_connection
from tests.servers import BlackHole, own_redis_server

from .cached_pages import HEADLINE


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


@pytest.fixture
def reader():
    """A reader's browser: no session cookie."""
    return Client()


@pytest.fixture
def story():
    """A published article on every kind of public page: home, section, tag, author, feeds."""
    politics = SectionFactory(name="Politics", slug="politics")
    return ArticleFactory(
        headline=HEADLINE,
        slug="tokyo-governor-turnout",
        section=politics,
        lead_photo=PhotoFactory(caption="有権者 line up in Shinjuku.", credit="Aiko Sato"),
        authors=[AuthorFactory(name="Hana Mori", slug="hana-mori")],
        tag_names=["東京", "Élection"],
    )
