"""The article's change form as an editor and a reporter walk through it: what comes
where, and what each box says."""

import pytest

from tests.factories import ArticleFactory

from .admin_forms import change_url

pytestmark = pytest.mark.django_db

BRIDGE = "東京湾の新しい橋、市議会が承認 🌉"


def test_the_corrections_come_after_the_fields_and_the_readers_panel_last(editor_client):
    article = ArticleFactory(headline=BRIDGE, status="published")
    page = editor_client.get(change_url(article)).content.decode()

    publication = page.index('id="fieldset-0-3-heading"')
    corrections = page.index('id="corrections-group"')
    readers = page.index("<h2>Readers</h2>")
    assert publication < corrections < readers < page.index('class="submit-row"')
