"""An editor opens an article's History, compares two revisions, restores the older one,
and readers see it."""

import pytest
from django.db import transaction
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import ArticleFactory

from .browser import log_in, watch_csp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HEADLINE = "東京湾の新しい橋、市議会が承認 🌉"
CHANGED = "東京湾の新しい橋、市議会が否決 🌉"


def test_an_editor_compares_two_revisions_and_restores_the_older(page, live_server, editor):
    with transaction.atomic():  # the article and its tags: one revision
        article = ArticleFactory(
            headline=HEADLINE,
            body="<p>TOKYO — The council voted 31 to 9 on Tuesday.</p><p>Café owners object.</p>",
            tag_names=["東京"],
        )
    article = Article.objects.get(pk=article.pk)
    article.headline = CHANGED
    article.body = "<p>TOKYO — The council rejected it on Tuesday.</p><p>Café owners object.</p>"
    article.modified_by = editor
    article.save()
    refused = watch_csp(page)
    log_in(page, live_server, editor)

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.get_by_role("link", name="History").click()
    expect(page.locator(".revision-author")).to_have_text(["東京デスク", "(not recorded)"])
    expect(page.locator(".revision-time").first).to_contain_text(" JST, ")
    page.get_by_role("button", name="Compare the chosen revisions").click()

    headline = page.locator(".revision-change-headline .word-diff")
    expect(headline.locator("del")).to_have_text(["承認"])
    expect(headline.locator("ins")).to_have_text(["否決"])
    body = page.locator(".revision-change-body .word-diff")
    expect(body.locator("del")).to_have_text(["voted 31 to 9"])
    expect(body.locator("ins")).to_have_text(["rejected it"])

    page.get_by_role("link", name="Restore the older revision…").click()
    expect(page.get_by_text("restoring never publishes, unpublishes")).to_be_visible()
    page.get_by_role("button", name="Restore this revision").click()
    expect(page.locator(".messagelist")).to_contain_text("Restored the revision of")

    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(page.get_by_text("voted 31 to 9")).to_be_visible()
    assert article.revisions.count() == 3
    assert refused == []
