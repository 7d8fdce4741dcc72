"""The /search/ page as readers use it: what it finds, in which order, how it marks the
words, its filters and pages, and what it answers to any query at all."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, hours_ago

from .search_pages import headlines, search_page

pytestmark = pytest.mark.django_db

TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")


def test_results_rank_by_where_the_words_are_then_recency(client, searchable):
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


def test_every_word_must_match_and_phrases_keep_their_order(client, searchable):
    assert headlines(client, q="bridge council") == ["Council approves the Tokyo Bay bridge"]
    assert headlines(client, q='"tokyo bay"') == [
        "Council approves the Tokyo Bay bridge",
        "Harbour budget passes",
    ]
    assert headlines(client, q='"bay tokyo"') == []


def test_accents_and_case_do_not_matter_and_the_last_word_may_be_a_beginning(client, searchable):
    assert headlines(client, q="CAFE zoe") == ["Café owners and Zoë's marathon"]
    assert headlines(client, q="café ZOË") == ["Café owners and Zoë's marathon"]
    assert headlines(client, q="marath") == ["Café owners and Zoë's marathon"]
    assert headlines(client, q="marath owners") == []  # only the last word is a beginning


def test_japanese_words_are_found_inside_text_without_spaces(client, searchable):
    assert headlines(client, q="東京") == ["東京湾の新しい橋、市議会が承認 🌉"]
    assert headlines(client, q="新しい橋") == ["東京湾の新しい橋、市議会が承認 🌉"]
    assert headlines(client, q="橋") == ["東京湾の新しい橋、市議会が承認 🌉"]
    assert headlines(client, q="東京橋") == []


def test_matched_words_are_marked_in_the_headline_and_snippet(client, searchable):
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
    # A reader's own extras stay out of the links a cached page hands to everyone.
    html = search_page(client, q="東京 bridge", page=2, utm_source="x")[0].content.decode()
    assert 'href="?q=%E6%9D%B1%E4%BA%AC+bridge&amp;page=3"' in html
    assert "utm_source" not in html
    assert search_page(client, q="bridge", page="99")[0].status_code == 200
    assert search_page(client, q="bridge", page="x\x00")[0].status_code == 200


def test_search_pages_are_cached_like_other_pages_and_keep_queries_apart(
    client, searchable, django_assert_num_queries
):
    first = client.get(reverse("articles:search"), {"q": "bridge", "utm_source": "x"})
    with django_assert_num_queries(0):
        again = client.get(reverse("articles:search"), {"q": "bridge"})
    assert again.templates == [] and again.content == first.content
    other = client.get(reverse("articles:search"), {"q": "bridge", "section": "sports"})
    assert other.content != first.content


def test_a_new_article_is_found_once_saved(client, searchable, committed):
    assert headlines(client, q="helicopter") == []
    with committed():
        ArticleFactory(headline="Helicopter lands on the bridge")
    assert headlines(client, q="helicopter") == ["Helicopter lands on the bridge"]


def test_the_search_page_carries_no_read_counting(client, searchable):
    html = search_page(client, q="bridge")[0].content.decode()
    assert "beacon" not in html and "rankings/view" not in html


def test_search_is_a_reserved_section_slug():
    from django.core.exceptions import ValidationError

    section = SectionFactory.build(name="Search", slug="search")
    with pytest.raises(ValidationError):
        section.clean()


def test_every_page_has_the_header_search_box(client, searchable):
    article = Article.objects.published().first()
    for url in ("/", "/politics/", article.get_absolute_url(), "/corrections/", "/search/"):
        html = client.get(url).content.decode()
        assert '<form class="masthead__search" role="search" action="/search/">' in html, url
        assert (
            '<label class="visually-hidden" for="masthead-search">Search articles</label>' in html
        )
        assert 'name="q" id="masthead-search"' in html
