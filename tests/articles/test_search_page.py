"""The /search/ page as readers use it: what it finds, in which order, how it marks the
words, its filters and pages, and what it answers to any query at all."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

from .search_pages import headlines, search_page

pytestmark = pytest.mark.django_db

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")


def hours_ago(hours):
    return timezone.now() - datetime.timedelta(hours=hours)


@pytest.fixture
def newsroom(committed):
    """Articles whose words are placed to rank clearly, indexed as a save commits."""
    sports = SectionFactory(name="Sports", slug="sports")
    with committed():
        ArticleFactory(
            headline="Council approves the Tokyo Bay bridge",
            summary="A vote after ten years of debate.",
            body="<p>The council voted 30 to 12.</p>",
            published_at=hours_ago(5),
        )
        ArticleFactory(
            headline="Harbour budget passes",
            summary="The bridge over Tokyo Bay gets its money.",
            body="<p>Money for roads as well.</p>",
            published_at=hours_ago(1),
        )
        ArticleFactory(
            headline="Weekend traffic",
            summary="Expect delays.",
            body="<p>Drivers should avoid the old bridge near the bay on Sunday.</p>",
            published_at=hours_ago(2),
        )
        ArticleFactory(
            headline="東京湾の新しい橋、市議会が承認 🌉",
            summary="十年越しの計画。",
            body="<p>市議会は火曜日に承認した。</p>",
            published_at=hours_ago(3),
        )
        ArticleFactory(
            headline="Café owners and Zoë's marathon",
            section=sports,
            summary="Runners cross the bridge at dawn.",
            body="<p>The course crosses the bridge twice.</p>",
            published_at=hours_ago(4),
        )


def test_results_rank_by_where_the_words_are_then_recency(client, newsroom):
    assert headlines(client, q="bridge") == [
        "Council approves the Tokyo Bay bridge",  # in the headline
        "Harbour budget passes",  # in the summary, the newest of the two
        "Café owners and Zoë's marathon",  # in the summary (and twice in the body)
        "Weekend traffic",  # body only
    ]
    # Two words: where each is found adds up (headline 3, summary 2, body 1).
    assert headlines(client, q="bridge bay") == [
        "Council approves the Tokyo Bay bridge",  # 3 + 3
        "Harbour budget passes",  # 2 + 2
        "Weekend traffic",  # 1 + 1
    ]


def test_every_word_must_match_and_phrases_keep_their_order(client, newsroom):
    assert headlines(client, q="bridge council") == ["Council approves the Tokyo Bay bridge"]
    assert headlines(client, q='"tokyo bay"') == [
        "Council approves the Tokyo Bay bridge",
        "Harbour budget passes",
    ]
    assert headlines(client, q='"bay tokyo"') == []


def test_accents_and_case_do_not_matter_and_the_last_word_may_be_a_beginning(client, newsroom):
    assert headlines(client, q="CAFE zoe") == ["Café owners and Zoë's marathon"]
    assert headlines(client, q="café ZOË") == ["Café owners and Zoë's marathon"]
    assert headlines(client, q="marath") == ["Café owners and Zoë's marathon"]
    assert headlines(client, q="marath owners") == []  # only the last word is a beginning


def test_japanese_words_are_found_inside_text_without_spaces(client, newsroom):
    assert headlines(client, q="東京") == ["東京湾の新しい橋、市議会が承認 🌉"]
    assert headlines(client, q="新しい橋") == ["東京湾の新しい橋、市議会が承認 🌉"]
    assert headlines(client, q="橋") == ["東京湾の新しい橋、市議会が承認 🌉"]
    assert headlines(client, q="東京橋") == []


def test_matched_words_are_marked_in_the_headline_and_snippet(client, newsroom):
    response, page = search_page(client, q="bridge 東京")
    assert response.status_code == 200
    assert page.results == []
    response, page = search_page(client, q="twice")
    (result,) = page.results
    assert result["snippet"] == "The course crosses the bridge <mark>twice</mark>."
    html = search_page(client, q="東京")[0].content.decode()
    assert "<mark>東京</mark>湾の新しい橋" in html


def test_article_text_cannot_inject_html(client, committed):
    with committed():
        ArticleFactory(
            headline="<script>alert(1)</script> Tokyo & <b>bold</b>",
            body="<p>Tokyo &lt;img src=x onerror=alert(1)&gt; text</p>",
        )
    response, page = search_page(client, q="tokyo")
    html = response.content.decode()
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Tokyo</mark> &amp;" in html
    assert page.results[0]["snippet"] == "<mark>Tokyo</mark> &lt;img src=x onerror=alert(1)> text"


def test_links_lead_to_the_article_with_section_time_and_byline(client, committed):
    zoe = AuthorFactory(name="Zoë Riley", slug="zoe-riley")
    with committed():
        article = ArticleFactory(
            headline="Tokyo votes",
            published_at=datetime.datetime(2025, 4, 4, 17, 25, tzinfo=TOKYO),
            authors=[zoe],
        )
    response, page = search_page(client, q="tokyo")
    html = response.content.decode()
    assert page.results[0]["href"] == article.get_absolute_url()
    assert '<a class="section-label" href="/politics/">Politics</a>' in html
    assert "17:25 JST, April 4, 2025" in html and "By Zoë Riley" in html
    assert '<meta name="robots" content="noindex">' in html


def test_bylines_tags_and_section_names_are_searched(client, committed):
    kenji = AuthorFactory(name="佐藤 健", slug="sato-ken")
    with committed():
        ArticleFactory(headline="One", authors=[kenji], tag_names=["Élysée"])
        ArticleFactory(headline="Two", section=SectionFactory(name="Culture", slug="culture"))
    assert headlines(client, q="佐藤") == ["One"]
    assert headlines(client, q="elysee") == ["One"]
    assert headlines(client, q="culture") == ["Two"]
    # Found by its tag alone, the result says so, the tag marked.
    html = search_page(client, q="elysee")[0].content.decode()
    assert '<p class="search-result__tags">Tagged <mark>Élysée</mark></p>' in html


def test_drafts_scheduled_and_embargoed_articles_are_never_found(client, committed):
    later = timezone.now() + datetime.timedelta(days=1)
    with committed():
        ArticleFactory(headline="Secret draft", status=Article.Status.DRAFT, published_at=None)
        ArticleFactory(headline="Secret review", status=Article.Status.REVIEW, published_at=None)
        ArticleFactory(headline="Secret scheduled", published_at=later)
        ArticleFactory(headline="Secret embargoed", embargoed_until=later, published_at=later)
        ArticleFactory(headline="Secret unpublished", status=Article.Status.UNPUBLISHED)
        ArticleFactory(headline="Secret but public")
    assert headlines(client, q="secret") == ["Secret but public"]


def test_section_and_date_filters(client, newsroom):
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
def test_a_wrong_filter_says_what_is_wrong_and_searches_nothing(client, newsroom, params, message):
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
def test_any_query_gets_a_page_never_an_error(client, newsroom, q):
    response, page = search_page(client, q=q)
    assert response.status_code == 200
    if not page.results:
        # Said why: nothing found, shortened, nothing to search for; or, for a query of
        # control characters only, an empty query: the form alone.
        html = response.content.decode()
        assert page.notices or 'id="id_q" value=""' in html, html[-3000:]


def test_operators_are_words_not_syntax(client, newsroom):
    assert headlines(client, q="bridge AND NOT council") == []  # "and", "not" are words
    assert headlines(client, q="(council) -bridge") == ["Council approves the Tokyo Bay bridge"]


def test_a_long_query_is_shortened_and_the_reader_told(client, newsroom):
    response, page = search_page(client, q="bridge " + "x" * 10_000)
    assert any("shortened to its first 200 characters" in notice for notice in page.notices)
    words = " ".join(f"w{n}" for n in range(20))
    response, page = search_page(client, q=f"bridge {words}")
    assert any("16 words" in notice for notice in page.notices)


def test_a_query_without_letters_or_digits_says_so(client, newsroom):
    response, page = search_page(client, q="🎉 !!")
    assert response.status_code == 200
    assert any("has no letters or digits" in notice for notice in page.notices)


def test_an_empty_query_shows_the_form_and_no_results(client, newsroom):
    for params in ({}, {"q": ""}, {"q": "   "}, {"section": "sports"}):
        response, page = search_page(client, **params)
        assert response.status_code == 200
        assert page.results == [] and page.alerts == []
        assert 'role="search"' in response.content.decode()
        assert "No articles found" not in response.content.decode()


def test_no_results_says_so(client, newsroom):
    response, page = search_page(client, q="helicopter")
    assert page.results == []
    assert any("No articles found for “helicopter”" in notice for notice in page.notices)


def test_pages_keep_the_query_and_cost_the_same_queries(
    client, committed, settings, django_assert_num_queries
):
    settings.ARTICLES_PER_PAGE = 3
    with committed():
        for n in range(7):
            ArticleFactory(
                headline=f"Bridge story {n}",
                published_at=hours_ago(n + 1),
                tag_names=["東京", f"tag {n}"],
                authors=[AuthorFactory(), AuthorFactory()],
            )
    client.get("/")  # the content version, looked up once per version, not per page
    seen = []
    for page_number, expected in ((1, 3), (2, 3), (3, 1)):
        # nav sections + section choices + count + page + bylines + tags
        with django_assert_num_queries(6):
            response, page = search_page(client, q="bridge", page=page_number)
        assert len(page.results) == expected
        seen += [result["headline"] for result in page.results]
    assert seen == [f"Bridge story {n}" for n in range(7)]
    html = search_page(client, q="bridge", page=2)[0].content.decode()
    assert 'href="?q=bridge&amp;page=3"' in html and 'href="?q=bridge&amp;page=1"' in html
    assert search_page(client, q="bridge", page="99")[0].status_code == 200
    assert search_page(client, q="bridge", page="x\x00")[0].status_code == 200


def test_search_pages_are_cached_like_other_pages_and_keep_queries_apart(
    client, newsroom, django_assert_num_queries
):
    first = client.get(reverse("articles:search"), {"q": "bridge", "utm_source": "x"})
    with django_assert_num_queries(0):
        again = client.get(reverse("articles:search"), {"q": "bridge"})
    assert again.templates == [] and again.content == first.content
    other = client.get(reverse("articles:search"), {"q": "bridge", "section": "sports"})
    assert other.content != first.content


def test_a_new_article_is_found_once_saved(client, newsroom, committed):
    assert headlines(client, q="helicopter") == []
    with committed():
        ArticleFactory(headline="Helicopter lands on the bridge")
    assert headlines(client, q="helicopter") == ["Helicopter lands on the bridge"]


def test_the_search_page_carries_no_read_counting(client, newsroom):
    html = search_page(client, q="bridge")[0].content.decode()
    assert "beacon" not in html and "rankings/view" not in html


def test_search_is_a_reserved_section_slug():
    from django.core.exceptions import ValidationError

    section = SectionFactory.build(name="Search", slug="search")
    with pytest.raises(ValidationError):
        section.clean()


def test_every_page_has_the_header_search_box(client, newsroom):
    article = Article.objects.published().first()
    for url in ("/", "/politics/", article.get_absolute_url(), "/corrections/", "/search/"):
        html = client.get(url).content.decode()
        assert '<form class="masthead__search" role="search" action="/search/">' in html, url
        assert (
            '<label class="visually-hidden" for="masthead-search">Search articles</label>' in html
        )
        assert 'name="q" id="masthead-search"' in html
