"""What /search/ answers to what a reader may type or pick: filters by section and
dates, hostile and huge queries, shortened, empty and wordless ones."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory

from .search_pages import headlines, search_page

pytestmark = pytest.mark.django_db

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")


def test_section_and_date_filters(client, searchable):
    assert headlines(client, q="bridge", section="sports") == ["Café owners and Zoë's marathon"]
    today = timezone.localdate()
    since_yesterday = {"from": (today - datetime.timedelta(days=1)).isoformat(), "to": today}
    assert len(headlines(client, q="bridge", **since_yesterday)) == 4  # all within 5 hours
    assert headlines(client, q="bridge", to="2000-01-01") == []
    assert headlines(client, q="bridge", **{"from": "2000-01-01"})[0].startswith("Council")


def test_the_date_range_is_read_in_tokyo_days_both_ends_included(client, committed):
    with committed():
        # 00:30 JST on April 5 is still April 4 in UTC.
        ArticleFactory(
            headline="Early", published_at=datetime.datetime(2025, 4, 5, 0, 30, tzinfo=TOKYO)
        )
        ArticleFactory(
            headline="Late", published_at=datetime.datetime(2025, 4, 4, 23, 59, tzinfo=TOKYO)
        )
    assert headlines(client, q="early late", **{"from": "2025-04-05"}) == []
    assert headlines(client, q="early", **{"from": "2025-04-05", "to": "2025-04-05"}) == ["Early"]
    assert headlines(client, q="late", **{"from": "2025-04-04", "to": "2025-04-04"}) == ["Late"]
    assert headlines(client, q="late", to="2025-04-03") == []


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"from": "2025-13-01"}, "Enter a date as YYYY-MM-DD"),
        ({"to": "yesterday"}, "Enter a date as YYYY-MM-DD"),
        ({"from": "0001-01-01"}, "Choose a date between 1900-01-01 and 2999-12-31"),
        ({"to": "9999-12-31"}, "Choose a date between 1900-01-01 and 2999-12-31"),
        ({"from": "2025-04-05", "to": "2025-04-04"}, "“From” date is after the “To” date"),
        ({"section": "nowhere"}, "There is no such section"),
        ({"section": "東京\x00"}, "Null characters are not allowed"),
    ],
)
def test_a_wrong_filter_says_what_is_wrong_and_searches_nothing(
    client, searchable, params, message
):
    response, page = search_page(client, q="bridge", **params)
    assert response.status_code == 400
    assert any(message in alert for alert in page.alerts), page.alerts
    assert page.results == []
    assert 'value="bridge"' in response.content.decode()  # the words are kept in the box


HOSTILE = [
    '"',
    '"""',
    '"unbalanced phrase',
    "((((",
    "a) OR (b",
    "bridge AND NOT council",
    "-bridge +council *",
    "NEAR(bridge council, 2)",
    "headline:bridge",
    "bridge^2 {x} [y] ~z",
    "' OR 1=1; --",
    "\\",
    "\x00",
    "bridge\x00council",
    "\x01\x02\x1f\x7f",
    "x" * 10_000,
    "bridge " * 2_000,
    "東京" * 5_000,
    "🎉",
    "Zoë 🎉 東京",
    "\u202e\u200b\ufeff",
    "%s %(x)s {0}",
    "*",
    ":",
    "ﾊﾞｽ ＴＯＫＹＯ",
]


@pytest.mark.parametrize("q", HOSTILE)
def test_any_query_gets_a_page_never_an_error(client, searchable, q):
    response, page = search_page(client, q=q)
    assert response.status_code == 200
    if not page.results:
        # Said why: nothing found, shortened, nothing to search for; or, for a query of
        # control characters only, an empty query: the form alone.
        html = response.content.decode()
        assert page.notices or 'id="id_q" value=""' in html, html[-3000:]


def test_operators_are_words_not_syntax(client, searchable):
    assert headlines(client, q="bridge AND NOT council") == []  # "and", "not" are words
    assert headlines(client, q="(council) -bridge") == ["Council approves the Tokyo Bay bridge"]


def test_a_long_query_is_shortened_and_the_reader_told(client, searchable):
    response, page = search_page(client, q="bridge " + "x" * 10_000)
    assert any("shortened to its first 200 characters" in notice for notice in page.notices)
    words = " ".join(f"w{n}" for n in range(20))
    response, page = search_page(client, q=f"bridge {words}")
    assert any("16 words" in notice for notice in page.notices)


def test_a_query_without_letters_or_digits_says_so(client, searchable):
    response, page = search_page(client, q="🎉 !!")
    assert response.status_code == 200
    assert any("has no letters or digits" in notice for notice in page.notices)


def test_an_empty_query_shows_the_form_and_no_results(client, searchable):
    for params in ({}, {"q": ""}, {"q": "   "}, {"section": "sports"}):
        response, page = search_page(client, **params)
        assert response.status_code == 200
        assert page.results == [] and page.alerts == []
        assert 'role="search"' in response.content.decode()
        assert "No articles found" not in response.content.decode()


def test_no_results_says_so(client, searchable):
    response, page = search_page(client, q="helicopter")
    assert page.results == []
    assert any("No articles found for “helicopter”" in notice for notice in page.notices)
