"""A reader finds a list page's feed: the visible "RSS feed" link under its heading, and
the feeds the page advertises to the browser, each of which a feed reader can read."""

import feedparser
import pytest
from playwright.sync_api import expect

from tests.factories import ArticleFactory, AuthorFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    "path, heading",
    [("/politics/", "Politics"), ("/tags/東京/", "東京"), ("/authors/zoe-riley/", "Zoë Riley")],
)
def test_a_reader_finds_the_feed_of_a_list_page(page, live_server, path, heading):
    ArticleFactory(
        headline="東京湾の新しい橋、市議会が承認 🌉",
        authors=[AuthorFactory(name="Zoë Riley", slug="zoe-riley")],
        tag_names=["東京"],
    )
    page.goto(live_server.url + path)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)

    link = page.locator(".list-header").get_by_role("link", name="RSS feed")
    expect(link).to_be_visible()
    advertised = page.locator('head link[rel="alternate"]')
    expect(advertised).to_have_count(4)  # this page's RSS and Atom, then the site's
    expect(advertised.first).to_have_attribute("title", f"{heading} · The Daily Newsroom (RSS)")
    assert advertised.first.get_attribute("href") == link.get_attribute("href")

    for index in range(4):
        response = page.request.get(live_server.url + advertised.nth(index).get_attribute("href"))
        assert response.ok
        feed = feedparser.parse(response.body())
        assert feed.bozo == 0 and len(feed.entries) == 1
