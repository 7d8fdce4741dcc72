"""The article's change form as an editor and a reporter walk through it: what comes
where, and what each box says."""

import datetime
import zoneinfo

import pytest

from articles.corrections import add_correction
from tests.factories import ArticleFactory

from .admin_forms import change_data, change_url

pytestmark = pytest.mark.django_db

BRIDGE = "東京湾の新しい橋、市議会が承認 🌉"
CAFE = "Zoë Riley’s café is in 東京."
MADE_AT = datetime.datetime(2025, 4, 5, 10, 2, tzinfo=zoneinfo.ZoneInfo("Asia/Tokyo"))


def test_the_corrections_come_after_the_fields_and_the_readers_panel_last(editor_client):
    article = ArticleFactory(headline=BRIDGE, status="published")
    page = editor_client.get(change_url(article)).content.decode()

    publication = page.index('id="fieldset-0-3-heading"')
    corrections = page.index('id="corrections-group"')
    readers = page.index("<h2>Readers</h2>")
    assert publication < corrections < readers < page.index('class="submit-row"')


def test_a_correction_row_is_headed_by_its_kind_and_time_not_the_headline(editor, editor_client):
    article = ArticleFactory(headline=BRIDGE, status="published")
    add_correction(article, kind="correction", text=CAFE, by=editor, made_at=MADE_AT)
    page = editor_client.get(change_url(article)).content.decode()

    corrections = page[page.index('id="corrections-group"') :]
    assert "Correction, 10:02 JST, April 5, 2025" in corrections
    assert BRIDGE not in corrections
    assert "Made at (JST)" in corrections


def test_a_reporter_reads_the_corrections_with_their_zone(editor, reporter, reporter_client):
    article = ArticleFactory(headline=BRIDGE, owner=reporter, status="in_review")
    add_correction(article, kind="correction", text=CAFE, by=editor, made_at=MADE_AT)
    page = reporter_client.get(change_url(article)).content.decode()

    assert "Made at (JST)" in page
    assert "10:02 JST, April 5, 2025" in page
    assert "No corrections." not in page


def test_a_reporter_is_told_there_are_no_corrections_and_can_still_save(reporter, reporter_client):
    article = ArticleFactory(headline=BRIDGE, owner=reporter, status="draft")
    page = reporter_client.get(change_url(article)).content.decode()
    assert "No corrections. Editors add them." in page

    data = change_data(reporter_client, article, headline="東京湾の橋、承認 🌉")
    assert reporter_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.headline == "東京湾の橋、承認 🌉"
