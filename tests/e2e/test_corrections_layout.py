"""Where a reader's eye lands on corrections: a linked one on a phone, and the list of
them on a desktop."""

import pytest

from articles.corrections import add_correction
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HEADLINE = "東京湾の新しい橋、市議会が承認 🌉"
TEXT = "An earlier version misspelt Zoë Riley’s café in 東京 ☕."


@pytest.fixture
def correction(editor):
    article = ArticleFactory(headline=HEADLINE, slug="tokyo-bay-bridge")
    return add_correction(article, kind="correction", text=TEXT, by=editor)


def test_a_linked_correction_shows_its_whole_outline_on_a_phone(page, live_server, correction):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + correction.article.get_absolute_url())
    # Room below, as the rankings give a real page, so the browser can bring it to the top.
    page.evaluate(
        f"document.body.style.paddingBottom = '200vh'; location.hash = '{correction.anchor}'"
    )
    box = page.locator(f"#{correction.anchor}").bounding_box()
    outline = 2 + 4  # its width and offset, in px
    assert box["y"] - outline >= 0


def test_the_corrections_list_starts_where_its_heading_does(page, live_server, correction):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/corrections/")
    heading = page.locator(".list-header h1").bounding_box()
    listed = page.locator(".corrections-list").bounding_box()
    assert listed["x"] == heading["x"]
