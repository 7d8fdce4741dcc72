import re

import pytest
from playwright.sync_api import expect

from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_reader_follows_a_link_from_the_home_page_to_an_article(page, live_server):
    ArticleFactory(headline="Older story", lead_photo=PhotoFactory())
    article = ArticleFactory(
        headline="EU leaders agree on energy plan; smaller members win guarantees",
        dateline="BRUSSELS",
        lead_photo=PhotoFactory(),
        authors=[AuthorFactory(name="Mina Okafor")],
        tag_names=["Energy"],
    )

    page.goto(live_server.url)
    expect(page).to_have_title(re.compile("Daily Newsroom"))
    expect(page.locator(".lead-story figcaption")).to_contain_text("Ana Costa, left, and Bo Lind")
    expect(page.locator(".card__photo figcaption")).to_have_text("Kim Sato / Newsroom")
    page.get_by_role("link", name=article.headline).first.click()

    expect(page).to_have_url(live_server.url + article.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(article.headline)
    photo = page.locator("figure.photo img")
    expect(photo).to_be_visible()
    # decode() waits for the picture to arrive (and fails on a broken one): a loaded
    # machine may still be fetching it when the figure becomes visible.
    assert photo.evaluate("img => img.decode().then(() => img.naturalWidth)") > 0
    expect(page.locator("figure.photo figcaption")).to_contain_text("Ana Costa, left, and Bo Lind")
    expect(page.locator(".article__meta time").first).to_have_text(
        re.compile(r"^\d{2}:\d{2} JST, [A-Z][a-z]+ \d{1,2}, \d{4}$")
    )
    expect(page.locator(".article__body p").first).to_contain_text("BRUSSELS —")


def test_the_article_page_reads_well_on_a_phone(page, live_server):
    article = ArticleFactory(lead_photo=PhotoFactory())
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + article.get_absolute_url())
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_reader_follows_a_japanese_tag_from_the_article_to_its_page(page, live_server):
    article = ArticleFactory(headline="Harbour bridge vote", tag_names=["東京", "Café"])

    page.goto(live_server.url + article.get_absolute_url())
    page.locator(".article__tags").get_by_role("link", name="東京").click()

    # Browsers send and report the address percent-encoded; the reader sees 東京.
    expect(page).to_have_url(live_server.url + "/tags/%E6%9D%B1%E4%BA%AC/")
    expect(page.get_by_role("heading", level=1)).to_have_text("東京")
    expect(page.get_by_role("link", name=article.headline)).to_be_visible()
