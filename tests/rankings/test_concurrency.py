"""Many readers at once, against a real server: no read is lost, none is doubled."""

from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from rankings.counting import make_view_token
from rankings.flush import flush_redis_counts
from tests.factories import ArticleFactory

from .helpers import VIEW_URL, browser, views_of

pytestmark = pytest.mark.django_db(transaction=True)

READERS = 60
THREADS = 12


def hit(live_server, token, user_agent):
    response = requests.post(
        live_server.url + VIEW_URL,
        data={"token": token},
        headers={"User-Agent": user_agent},
        timeout=30,
    )
    return response.status_code


def test_concurrent_reads_by_different_readers_all_count(live_server, settings):
    settings.RANKINGS_READS_PER_ADDRESS = READERS  # all of them come from 127.0.0.1
    article = ArticleFactory()
    token = make_view_token(article.pk)
    with ThreadPoolExecutor(THREADS) as pool:
        statuses = list(pool.map(lambda n: hit(live_server, token, browser(n)), range(READERS)))
    assert statuses == [204] * READERS
    assert views_of(article) == READERS


def test_concurrent_reads_by_one_reader_count_once(live_server):
    article = ArticleFactory()
    token = make_view_token(article.pk)
    with ThreadPoolExecutor(THREADS) as pool:
        statuses = list(pool.map(lambda n: hit(live_server, token, browser()), range(READERS)))
    assert statuses == [204] * READERS
    assert views_of(article) == 1


def test_concurrent_reads_counted_in_redis_all_reach_the_buckets(
    live_server, redis_recorder, settings
):
    settings.RANKINGS_READS_PER_ADDRESS = READERS
    article = ArticleFactory(headline="東京 ☔ Café Zürich")
    token = make_view_token(article.pk)
    with ThreadPoolExecutor(THREADS) as pool:
        statuses = list(pool.map(lambda n: hit(live_server, token, browser(n)), range(READERS)))
    assert statuses == [204] * READERS
    assert views_of(article) == 0  # counted in Redis until the flush
    flush_redis_counts(redis_recorder)
    assert views_of(article) == READERS
