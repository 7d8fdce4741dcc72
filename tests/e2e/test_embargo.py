"""An editor puts a story under embargo in the change form and sees it said plainly."""

import pytest
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import ArticleFactory

from .browser import log_in, watch_csp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HEADLINE = "東京湾の新しい橋、市議会が承認 🌉"


def test_an_editor_sets_an_embargo_and_sees_the_banner(page, live_server, editor):
    article = ArticleFactory(
        headline=HEADLINE, slug="tokyo-bay-bridge", status="draft", published_at=None
    )
    refused = watch_csp(page)
    log_in(page, live_server, editor)
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    expect(page.locator(".embargo-banner")).to_have_count(0)
    expect(page.locator(".field-embargoed_until")).to_contain_text("Times are in JST (Asia/Tokyo).")

    page.locator("#id_embargoed_until_0").fill("2030-04-05")
    page.locator("#id_embargoed_until_1").fill("10:00:00")
    page.locator("#id_status").select_option(label="Published")
    page.get_by_role("button", name="Save and continue editing").click()

    banner = page.locator(".embargo-banner")
    expect(banner).to_have_text(
        "Embargoed until 10:00 JST, April 5, 2030. Scheduled for the embargo's end."
    )
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at == article.embargoed_until
    assert not article.is_live

    page.goto(f"{live_server.url}/admin/articles/article/")
    row = page.get_by_role("row").filter(has_text=HEADLINE)
    expect(row).to_contain_text("Embargoed until 10:00 JST, April 5, 2030")
    assert refused == []
