"""An editor puts a library photo between two paragraphs of the body, with a caption of the
article's own, and the preview shows it as readers will see it."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import ArticleFactory, PhotoFactory

from .browser import log_in, watch_csp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CAPTION_OVERRIDE = "首相が握手 🤝 at Tōkyō Station, on Thursday."


def test_an_editor_places_a_photo_between_paragraphs(page, live_server, editor):
    PhotoFactory(caption="Harbour cranes at dawn in Yokohama", credit="Kim Sato / Newsroom")
    photo = PhotoFactory(caption="東京駅で握手する二人の首相", credit="Zoë Riley / Newsroom")
    article = ArticleFactory(
        headline="東京湾の新しい橋、市議会が承認 🌉",
        body="<p>The council voted 31 to 9 on Tuesday.</p><p>Café owners in Zürich cheered.</p>",
        status=Article.Status.REVIEW,
        published_at=None,
    )
    refused = watch_csp(page)
    log_in(page, live_server, editor, next_path=f"/admin/articles/article/{article.pk}/change/")

    body = page.get_by_role("textbox").and_(page.locator(".ProseMirror"))
    body.get_by_text("The council voted").click()
    page.get_by_role("button", name="Photo", exact=True).click()
    picker = page.get_by_role("dialog", name="Photo from the library")
    picker.get_by_role("searchbox", name="Search the library").fill("東京駅")
    choices = picker.get_by_role("listitem")
    expect(choices).to_have_count(1)
    choices.get_by_role("button", name="東京駅で握手する二人の首相").click()
    expect(picker).to_have_count(0)

    placed = body.locator("figure.body-photo")
    expect(placed).to_contain_text("東京駅で握手する二人の首相")  # which photo it is
    placed.get_by_label("Caption for this article").fill(CAPTION_OVERRIDE)
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    article.refresh_from_db()
    assert list(article.body_photos.all()) == [photo]
    page.goto(live_server.url + reverse("articles:preview", args=[article.pk]))
    shown = page.locator(".article__body > figure.photo")
    expect(shown.locator("picture img")).to_have_attribute("srcset", re.compile(r"\.jpg \d+w"))
    expect(shown.locator(".photo__caption")).to_have_text(CAPTION_OVERRIDE)
    expect(shown.locator(".photo__credit")).to_have_text("Zoë Riley / Newsroom")
    # Between the two paragraphs, in the order the editor put it.
    order = page.locator(".article__body > *").evaluate_all(
        "nodes => nodes.map(node => node.tagName + ':' + node.textContent.trim().slice(0, 12))"
    )
    assert [entry.split(":")[0] for entry in order] == ["P", "FIGURE", "P"]
    assert order[2].startswith("P:Café owners")
    assert refused == []
