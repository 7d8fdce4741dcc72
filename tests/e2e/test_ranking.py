import pytest
from playwright.sync_api import expect

from tests.factories import ArticleFactory
from tests.rankings.helpers import BROWSER, views_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def reader_page(browser):
    """A reader's browser: headless Chromium says "HeadlessChrome", which bot lists match."""
    context = browser.new_context(user_agent=BROWSER)
    yield context.new_page()
    context.close()


def open_and_report(page, url):
    """Open an article and wait until the server has answered its view beacon."""
    with page.expect_response(lambda r: r.url.endswith("/rankings/view/")) as beacon:
        page.goto(url)
    assert beacon.value.status == 204


def test_a_read_counts_once_and_the_article_enters_the_ranking(reader_page, live_server, settings):
    settings.RANKINGS_CACHE_SECONDS = 0
    article = ArticleFactory(headline="Reader magnet")
    ArticleFactory(headline="Nobody reads this")

    open_and_report(reader_page, live_server.url + article.get_absolute_url())
    assert views_of(article) == 1

    open_and_report(reader_page, live_server.url + article.get_absolute_url())
    assert views_of(article) == 1

    reader_page.goto(live_server.url + "/rankings/")
    first = reader_page.locator(".ranking-list li").first
    expect(first).to_contain_text("Reader magnet")
    expect(reader_page.get_by_text("Nothing has been read")).to_have_count(0)


def test_headless_chromium_as_it_is_counts_as_a_bot(page, live_server):
    article = ArticleFactory()
    open_and_report(page, live_server.url + article.get_absolute_url())
    assert views_of(article) == 0
