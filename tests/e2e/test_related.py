"""What a reader on a phone sees under and beside an article: "Related" and the two
ranking widgets, at 390 px wide with nothing scrolling sideways."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import ArticleFactory, PhotoFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_related_and_the_widgets_fit_a_phone(page, live_server):
    long_headline = "東京湾の新しい橋、市議会が承認 — Zoë's café owners celebrate 🎉 " * 2
    reading = ArticleFactory(headline="Harbour bridge vote", tag_names=["東京", "Café"])
    for n in range(6):
        ArticleFactory(
            headline=f"{long_headline}{n}",
            tag_names=["東京"],
            lead_photo=PhotoFactory() if n % 2 else None,
            published_at=timezone.now() - datetime.timedelta(hours=n + 2),
        )

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + reading.get_absolute_url())

    related = page.get_by_role("region", name="Related")
    related.scroll_into_view_if_needed()
    expect(related.get_by_role("heading", level=2)).to_have_text("Related")
    expect(related.get_by_role("listitem")).to_have_count(4)
    expect(related.locator("picture img").first).to_be_visible()
    for label, lines in (("Politics · POPULAR ARTICLE", 5), ("ACCESS RANKING", 6)):
        widget = page.get_by_role("region", name=label)
        expect(widget.get_by_role("listitem")).to_have_count(lines)
        expect(widget.get_by_role("link", name="Harbour bridge vote")).to_have_count(0)
        widget.scroll_into_view_if_needed()
        expect(widget).to_be_in_viewport()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
