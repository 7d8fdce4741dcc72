"""A Japanese headline in the add form, where the admin's script fills no slug, still saves."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import AuthorFactory, SectionFactory

from .browser import log_in, watch_csp
from .test_bylines import pick_author

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HEADLINE = "東京湾の新しい橋、市議会が承認 🌉"


def test_a_japanese_headline_is_saved_with_a_slug_made_for_it(page, live_server, editor):
    SectionFactory(name="Politics", slug="politics")
    AuthorFactory(name="Zoë Riley")
    refused = watch_csp(page)
    log_in(page, live_server, editor)
    page.goto(live_server.url + "/admin/articles/article/add/")

    page.get_by_role("textbox", name="Headline:", exact=True).press_sequentially(HEADLINE)
    expect(page.locator("#id_slug")).to_have_value("")
    page.locator(".field-section .select2-selection").click()
    page.locator(".select2-search__field").fill("Politics")
    page.locator(".select2-results__option", has_text="Politics").click()
    page.locator("#id_summary").fill("市議会は火曜日に橋の建設を可決した。Café owners object.")
    page.get_by_role("textbox").and_(page.locator(".ProseMirror")).click()
    page.keyboard.type("市議会は火曜日に可決した。")
    pick_author(page, 0, "Zoë Riley")
    page.get_by_role("button", name="Save and continue editing").click()

    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    article = Article.objects.get()
    assert article.headline == HEADLINE
    assert article.slug.startswith("politics-")
    expect(page.locator("#id_slug")).to_have_value(article.slug)
    assert refused == []
