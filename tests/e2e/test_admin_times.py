"""An editor whose computer is in another zone is told the desk's zone, once and plainly."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import ArticleFactory

from .browser import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_reporter_in_london_sees_which_zone_times_are_in(new_context, live_server, editor):
    page = new_context(base_url=live_server.url, timezone_id="Europe/London").new_page()
    log_in(page, live_server, editor)
    article = ArticleFactory(
        headline="Zoë Riley reports from London 🇬🇧", status=Article.Status.DRAFT, published_at=None
    )
    page.goto(reverse("admin:articles_article_change", args=[article.pk]))

    published = page.locator(".field-published_at")
    expect(published.get_by_text("Times are in JST (Asia/Tokyo).")).to_be_visible()
    expect(published.get_by_label("Time (JST):")).to_be_visible()
    # Django's own note names the same zone and adds how far the editor's clock is.
    note = published.locator(".timezonewarning")
    expect(note).to_have_count(1)
    expect(note).to_have_text(
        re.compile(r"Enter times in the Asia/Tokyo timezone\. \(You are [89] hours behind\.\)")
    )
