"""The public ranking page and the widgets on the article and home pages."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory, SectionFactory

from .helpers import record_views

pytestmark = pytest.mark.django_db


@pytest.fixture
def ranked():
    business = SectionFactory(name="Business", slug="business")
    week_old = timezone.now() - datetime.timedelta(days=6)
    today = ArticleFactory(headline="Read today")
    this_week = ArticleFactory(headline="Read this week", published_at=week_old)
    business_story = ArticleFactory(headline="Markets story", section=business)
    record_views(today, 30)
    record_views(this_week, 100, hours_ago=100)
    record_views(business_story, 5)
    return today, this_week, business_story


def test_each_window_has_its_tab(client, ranked):
    day = client.get("/rankings/").content.decode()
    assert day.index("Read today") < day.index("Markets story")
    assert "Read this week" not in day
    assert '<a href="?window=24h" aria-current="page">24 hours</a>' in day
    week = client.get("/rankings/?window=7d").content.decode()
    assert week.index("Read this week") < week.index("Read today")


def test_a_section_filter_keeps_to_the_section(client, ranked):
    html = client.get("/rankings/?section=business").content.decode()
    assert "Markets story" in html
    assert "Read today" not in html
    assert "<h1>Business</h1>" in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("window=2y", "Window: Select a valid choice."),
        ("section=nowhere", "Section: Select a valid choice."),
        ("window=24h&section=%00", "Section: Null characters are not allowed."),
    ],
)
def test_a_malformed_query_gets_a_clear_400(client, ranked, query, message):
    response = client.get(f"/rankings/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is no such ranking" in html
    assert message in html


def test_an_empty_ranking_shows_the_latest_articles(client):
    ArticleFactory(headline="Fresh off the press")
    html = client.get("/rankings/").content.decode()
    assert "Nothing has been read in this window yet." in html
    assert "Fresh off the press" in html


def test_the_article_page_shows_its_section_and_the_site_ranking(client, ranked):
    today, this_week, business_story = ranked
    html = client.get(this_week.get_absolute_url()).content.decode()
    assert "Politics · POPULAR ARTICLE" in html
    assert "ACCESS RANKING" in html
    popular = html.split('aria-label="Politics · POPULAR ARTICLE"')[1].split("ACCESS RANKING")[0]
    assert "Read today" in popular
    assert "Markets story" not in popular
    site = html.split('aria-label="ACCESS RANKING"')[1]
    assert site.index("Read today") < site.index("Markets story")


def test_the_widgets_fall_back_to_the_latest_articles_on_a_new_site(client):
    article = ArticleFactory(headline="First story")
    ArticleFactory(headline="Second story")
    widgets = client.get(article.get_absolute_url()).content.decode().split("<aside")[1]
    assert widgets.count("Latest articles") == 2
    assert widgets.count("Second story") == 2  # in both lists
    assert "First story" not in widgets  # the page's own article in neither


def test_the_home_page_shows_the_site_ranking(client, ranked):
    html = client.get("/").content.decode()
    assert 'aria-label="ACCESS RANKING"' in html


def test_labels_and_window_are_settings(client, settings, ranked):
    settings.RANKINGS_SITE_LABEL = "MOST READ"
    settings.RANKINGS_DEFAULT_WINDOW = "7d"
    html = client.get(ranked[2].get_absolute_url()).content.decode()
    site = html.split('aria-label="MOST READ"')[1]
    assert site.index("Read this week") < site.index("Read today")
