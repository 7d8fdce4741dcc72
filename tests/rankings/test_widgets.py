"""The ranking widgets beside an article and on the home page: never the article being
read, always full when enough articles are live, fills marked for staff only, and what
they cost on a warm and a cold cache."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rankings.buckets import hour_of
from tests.factories import ArticleFactory, SectionFactory
from tests.page_lists import page_tree, widget_lines, widget_note

from .helpers import record_views

pytestmark = pytest.mark.django_db

SECTION = "Politics · POPULAR ARTICLE"
SITE = "ACCESS RANKING"


def ago(minutes):
    return timezone.now() - datetime.timedelta(minutes=minutes)


@pytest.fixture
def newsroom():
    """12 Politics and 6 Business articles, one a minute back; two of them were read:
    the newest Politics one most, a Business one less."""
    business = SectionFactory(name="Business", slug="business")
    politics = [
        ArticleFactory(headline=f"東京 politics {n}", published_at=ago(n + 1), tag_names=["東京"])
        for n in range(12)
    ]
    markets = [
        ArticleFactory(
            headline=f"Café markets {n}",
            section=business,
            published_at=ago(n + 20),
            tag_names=["Café"],
        )
        for n in range(6)
    ]
    most_read, business_read = politics[0], markets[0]
    record_views(most_read, 90)
    record_views(business_read, 40)
    return politics, markets


def test_the_widgets_never_list_the_article_being_read(client, newsroom):
    politics, _ = newsroom
    most_read = politics[0]

    own_page = client.get(most_read.get_absolute_url())
    elsewhere = client.get(politics[5].get_absolute_url())

    for label in (SECTION, SITE):
        assert most_read.headline not in [line.headline for line in widget_lines(own_page, label)]
        assert widget_lines(elsewhere, label)[0].headline == most_read.headline
        assert politics[5].headline not in [
            line.headline for line in widget_lines(elsewhere, label)
        ]


def test_two_read_and_the_rest_filled_from_the_latest_to_full_size(client, newsroom):
    politics, markets = newsroom
    reading = politics[1]  # the second newest: it would be the first fill

    page = client.get(reading.get_absolute_url())

    section = widget_lines(page, SECTION)
    assert (
        [line.headline for line in section]
        == [
            politics[0].headline,  # read
            *[article.headline for article in politics[2:6]],  # the latest of the section
        ]
    )
    site = widget_lines(page, SITE)
    assert (
        [line.headline for line in site]
        == [
            politics[0].headline,  # read 90 times
            markets[0].headline,  # read 40 times
            *[article.headline for article in politics[2:10]],  # the latest of the site
        ]
    )
    for lines, size in ((section, 5), (site, 10)):
        assert [line.rank for line in lines] == [str(n) for n in range(1, size + 1)]
        assert len({line.url for line in lines}) == size  # no article twice
    # Readers are not told which lines are fills, nor that some are "Latest articles".
    assert widget_note(page, SECTION) == widget_note(page, SITE) == []
    assert "not ranked" not in page.content.decode()


def test_fewer_articles_than_a_widget_holds_shows_what_there_is(client):
    politics = SectionFactory(name="Politics", slug="politics")
    stories = [
        ArticleFactory(headline=f"Zoë's story {n} 🎉", section=politics, published_at=ago(n + 1))
        for n in range(3)
    ]
    record_views(stories[2], 5)

    page = client.get(stories[0].get_absolute_url())

    for label in (SECTION, SITE):
        lines = widget_lines(page, label)
        assert [line.headline for line in lines] == [stories[2].headline, stories[1].headline]
        assert [line.rank for line in lines] == ["1", "2"]


def test_the_home_page_widget_lists_the_top_ten_with_nothing_left_out(client, newsroom):
    politics, markets = newsroom
    home = client.get("/")
    site = [line.headline for line in widget_lines(home, SITE)]
    assert site == [
        politics[0].headline,
        markets[0].headline,
        *[article.headline for article in politics[1:9]],
    ]


def test_the_ranking_page_shows_only_what_was_read(client, newsroom):
    politics, markets = newsroom
    page = client.get("/rankings/")
    (ranking,) = page_tree(page).find_all("ol", class_="ranking-list ranking-list--page")
    headlines = [item.find_all("a")[0].text() for item in ranking.find_all("li")]
    assert headlines == [politics[0].headline, markets[0].headline]


def test_staff_see_which_lines_are_fills_in_the_preview(editor_client, newsroom):
    politics, _ = newsroom
    preview = editor_client.get(reverse("articles:preview", args=[politics[3].pk]))
    section = widget_lines(preview, SECTION)
    marked = [line.headline for line in section if "Latest, not ranked" in line.text]
    assert marked == [line.headline for line in section[1:]]
    assert politics[0].headline == section[0].headline  # the one read is not marked


def test_a_ranking_with_no_reads_says_latest_articles(client):
    stories = [ArticleFactory(headline=f"東京 {n}", published_at=ago(n + 1)) for n in range(3)]
    page = client.get(stories[0].get_absolute_url())
    assert widget_note(page, SECTION) == widget_note(page, SITE) == ["Latest articles"]
    assert [line.headline for line in widget_lines(page, SITE)] == ["東京 1", "東京 2"]


# The article page with the page cache off: its own 7 queries (see test_public_pages.py).
ARTICLE_PAGE = 7


def cold_widget_queries():
    """A widget's ranking on a cold cache with reads (as tests/rankings/test_queries.py
    counts it: each hour's leaders, with their publication times on PostgreSQL and in a
    query of their own elsewhere, the contenders' sums, the ranked articles, and which
    days are rolled up when the window holds a whole UTC day), then one query for the
    fills."""
    ranking = (3 if connection.vendor == "postgresql" else 4) + (hour_of(timezone.now()).hour == 0)
    return ranking + 1


def test_the_widgets_cost_nothing_on_a_warm_cache_and_a_fixed_count_on_a_cold_one(
    settings, django_assert_num_queries, newsroom
):
    settings.PAGE_CACHE_SECONDS = 0
    politics, _ = newsroom
    reader = Client()
    with django_assert_num_queries(ARTICLE_PAGE + 2 * cold_widget_queries()):
        reader.get(politics[1].get_absolute_url())
    # Every other article page shares the entries: the fills are cached with the ranking.
    for other in (politics[0], politics[7]):
        with django_assert_num_queries(ARTICLE_PAGE):
            reader.get(other.get_absolute_url())
    with django_assert_num_queries(6):  # the home page's own (test_public_pages.py), no ranking
        reader.get("/")
