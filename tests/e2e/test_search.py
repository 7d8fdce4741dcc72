"""A reader searching from the header box of any page, on a desktop and on a phone."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.factories import ArticleFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1280, 390])
def test_reader_searches_from_the_header_and_opens_a_result(page, live_server, width):
    ArticleFactory(headline="Weather for the weekend", body="<p>Sun in Osaka.</p>")
    article = ArticleFactory(
        headline="東京湾の新しい橋、市議会が承認 🌉",
        summary="The Tokyo Bay bridge is approved.",
        body="<p>市議会は火曜日に東京湾の橋を承認した。Café owners object.</p>",
    )
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + "/")

    box = page.get_by_role("search").get_by_role("searchbox", name="Search articles")
    expect(box).to_be_visible()
    box.fill("東京 café")
    box.press("Enter")

    expect(page).to_have_url(live_server.url + "/search/?q=%E6%9D%B1%E4%BA%AC+caf%C3%A9")
    results = page.locator(".search-result")
    expect(results).to_have_count(1)
    expect(results.locator("mark").first).to_have_text("東京")
    expect(results.locator(".search-result__snippet mark", has_text="Café")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    results.get_by_role("link", name=article.headline).click()
    expect(page).to_have_url(live_server.url + article.get_absolute_url())


def test_reader_narrows_a_search_by_section_and_sees_when_nothing_matches(page, live_server):
    ArticleFactory(headline="Harbour bridge vote")
    page.goto(live_server.url + "/search/?q=bridge")
    expect(page.locator(".search-result")).to_have_count(1)
    page.get_by_label("Section", exact=True).select_option(label="Politics")
    page.get_by_label("From (JST)").fill("1999-01-01")
    page.get_by_label("To (JST)").fill("1999-12-31")
    page.locator(".search-form").get_by_role("button", name="Search").click()
    expect(page.get_by_text("No articles found for “bridge”")).to_be_visible()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_search_box_and_page_pass_axe(page, live_server, width):
    ArticleFactory(headline="Harbour bridge vote", body="<p>The bridge <em>vote</em>.</p>")
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + "/search/?q=bridge")
    # What this part adds: the header's box, the form, the results with their marks.
    for part in (".masthead__search", ".search-form", ".search-results"):
        results = Axe().run(page, context=part)
        assert results.violations_count == 0, (part, results.generate_report())
    page.goto(live_server.url + "/search/?q=bridge&to=nonsense")  # a field with its error
    results = Axe().run(page, context=".search-form")
    assert results.violations_count == 0, results.generate_report()
