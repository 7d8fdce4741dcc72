"""An editor prints a correction from the article form; a reader finds it on the article,
on /corrections/ from the site's footer, and follows it back to its place."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article, Correction
from tests.factories import ArticleFactory

from .browser import log_in, watch_csp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HEADLINE = "東京湾の新しい橋、市議会が承認 🌉"
CORRECTION = "An earlier version of this article gave the vote as 29 to 11. It was 31 対 9."
DATED = re.compile(r"^\d{2}:\d{2} JST, [A-Z][a-z]+ \d{1,2}, \d{4}$")


def test_an_editors_serious_correction_reaches_readers(page, new_context, live_server, editor):
    article = ArticleFactory(headline=HEADLINE, slug="tokyo-bay-bridge")
    refused = watch_csp(page)
    log_in(page, live_server, editor)
    expect(page.get_by_role("heading", name="Desk")).to_be_visible()

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    corrections = page.locator("#corrections-group")
    expect(corrections).to_contain_text("Corrections, clarifications and editor’s notes")
    expect(corrections.locator("legend", has_text="Made at (JST)").first).to_be_visible()
    corrections.locator("#id_corrections-0-text").fill(CORRECTION)
    corrections.locator("#id_corrections-0-serious").check()
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    expect(page.locator("#id_corrections-0-text")).to_have_value(CORRECTION)
    assert refused == []

    correction = Correction.objects.get(article=article)
    article.refresh_from_db()
    assert article.modified_by == editor

    reader = new_context(base_url=live_server.url).new_page()
    reader.goto(article.get_absolute_url())
    top = reader.get_by_role("complementary", name="Correction")
    expect(top.locator("li")).to_have_text(
        re.compile(rf"^Correction, {DATED.pattern[1:-1]}: {re.escape(CORRECTION)}$")
    )
    # Above the story, not below it.
    assert top.bounding_box()["y"] < reader.locator(".article__body").bounding_box()["y"]

    reader.get_by_role("contentinfo").get_by_role("link", name="Corrections").click()
    expect(reader).to_have_url(f"{live_server.url}/corrections/")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Corrections and clarifications")
    expect(reader.locator(".corrections-list__item")).to_contain_text(CORRECTION)
    reader.get_by_role("link", name=HEADLINE).click()
    expect(reader).to_have_url(
        f"{live_server.url}{article.get_absolute_url()}#correction-{correction.pk}"
    )
    assert Article.objects.get(pk=article.pk).is_live
