"""The article's JSON-LD and breadcrumbs as Chromium reads them, under the site's CSP."""

import pytest
from playwright.sync_api import expect

from articles.models import Author
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory

from .browser import watch_csp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HEADLINE = 'Mayor says "no" </script><script>alert(1)</script> to 東京 🎉'
READ_JSON_LD = """() => Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
    script => JSON.parse(script.textContent))"""


def test_the_json_ld_is_data_the_csp_lets_be_and_runs_nothing(page, live_server):
    article = ArticleFactory(
        headline=HEADLINE,
        lead_photo=PhotoFactory(),
        authors=[
            AuthorFactory(name="Zoë Riley"),
            AuthorFactory(name="Kyodo", kind=Author.Kind.AGENCY),
        ],
        tag_names=["東京", "Café"],
    )
    refused = watch_csp(page)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page.goto(live_server.url + article.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    news_article, breadcrumbs = page.evaluate(READ_JSON_LD)

    assert news_article["@type"] == "NewsArticle"
    assert news_article["headline"] == HEADLINE
    assert [author["name"] for author in news_article["author"]] == ["Zoë Riley", "Kyodo"]
    assert news_article["keywords"] == ["東京", "Café"]
    assert [item["name"] for item in breadcrumbs["itemListElement"]] == [
        "Home",
        "Politics",
        HEADLINE,
    ]
    assert refused == [] and dialogs == []

    # The watch does hear the CSP: real inline code is refused, and reported.
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ran = true'; document.head.append(s); }"
    )
    page.wait_for_timeout(200)
    assert refused and page.evaluate("() => window.ran") is None


def test_the_breadcrumb_reads_home_and_section_on_a_phone(page, live_server):
    article = ArticleFactory(headline="A very long headline " * 6)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + article.get_absolute_url())

    trail = page.get_by_role("navigation", name="Breadcrumb")
    expect(trail.get_by_role("link", name="Home")).to_be_visible()
    expect(trail.get_by_role("link", name="Politics")).to_be_visible()
    # Read out, not shown: the <h1> right below shows it (a 1-pixel visually-hidden box).
    current = trail.get_by_text(article.headline.strip())
    expect(current).to_have_attribute("aria-current", "page")
    hidden_item = trail.locator("li", has=page.locator("[aria-current=page]")).bounding_box()
    assert hidden_item["width"] <= 1 and hidden_item["height"] <= 1
    assert trail.locator("[aria-current=page]").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0

    trail.get_by_role("link", name="Politics").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Politics")
