"""One client cannot pass as a crowd: the per-address cap, over IPv4 and IPv6 alike."""

import pytest

from rankings.models import ReaderMarker
from tests.factories import ArticleFactory

from .helpers import browser, end_repeat_windows, report_read, views_of

pytestmark = pytest.mark.django_db

CAP = 20
TOKYO_READER = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) 東京 Café Zürich 📰"


@pytest.fixture(autouse=True)
def cap(settings):
    settings.RANKINGS_READS_PER_ADDRESS = CAP


def test_many_addresses_of_one_ipv6_64_count_as_one_address(client, reader_store):
    article = ArticleFactory(headline="東京の新しい橋")
    for n in range(200):
        response = report_read(
            client, article, user_agent=TOKYO_READER, address=f"2001:db8:85a3:12::{n:x}"
        )
        assert response.status_code == 204
    assert views_of(article) == CAP

    report_read(client, article, user_agent=TOKYO_READER, address="2001:db8:85a3:13::1")
    assert views_of(article) == CAP + 1  # the next /64 is another household


def test_an_ipv4_mapped_address_counts_as_its_ipv4_address(client, reader_store):
    article = ArticleFactory(headline="Café Zürich")
    for n in range(CAP):
        report_read(client, article, user_agent=browser(n), address="198.51.100.7")
    report_read(client, article, user_agent=browser(99), address="::ffff:198.51.100.7")
    report_read(client, article, user_agent=browser(98), address="::ffff:c633:6407")
    assert views_of(article) == CAP


def test_ipv4_addresses_keep_a_cap_each(client, reader_store):
    article = ArticleFactory()
    for n in range(30):
        report_read(client, article, user_agent=TOKYO_READER, address=f"198.51.100.{n}")
    assert views_of(article) == 30


@pytest.mark.parametrize(
    "address", ["", "not-an-address", "2001:db8::1::2", "999.1.1.1", "fe80::1%eth0", "東京"]
)
def test_a_malformed_address_is_capped_not_an_error(client, reader_store, address):
    article = ArticleFactory()
    for n in range(CAP + 5):
        response = report_read(client, article, user_agent=browser(n), address=address)
        assert response.status_code == 204
    assert views_of(article) == CAP  # all unparsable addresses share one cap


def test_reads_over_the_cap_leave_no_reader_rows(client, settings):
    settings.RANKINGS_REDIS_URL = ""
    article = ArticleFactory()
    beacons = 500
    for n in range(beacons):
        report_read(client, article, user_agent=f"{TOKYO_READER} {n}", address="203.0.113.9")
    assert views_of(article) == CAP
    assert ReaderMarker.objects.count() == CAP + 1  # the readers counted and the address


def test_expired_markers_are_swept_before_the_daily_purge(client, settings):
    settings.RANKINGS_REDIS_URL = ""
    article = ArticleFactory()
    for window in range(5):
        for n in range(CAP * 3):
            report_read(
                client, article, user_agent=f"Café {window} {n}", address=f"203.0.113.{window}"
            )
        end_repeat_windows()
    # Five windows' worth of markers; only about one window's stays in the table.
    assert views_of(article) == 5 * CAP
    assert ReaderMarker.objects.count() <= 2 * (CAP + 1)
