"""Bad input in the article form gets an error naming the field, and nothing is half-saved.

(The photo form's: tests/media/test_extreme_uploads.py and test_photo_library.py.)"""

import pytest
from taggit.models import Tag

from articles.models import Article
from tests.factories import ArticleFactory, SectionFactory

from .admin_forms import ADD_URL, add_data

pytestmark = pytest.mark.django_db


def test_a_duplicate_slug_is_refused(editor_client):
    ArticleFactory(slug="taken")
    response = editor_client.post(
        ADD_URL, add_data(editor_client, section=SectionFactory(), slug="taken", tags="new-tag")
    )
    assert response.status_code == 200
    assert "slug" in response.context["adminform"].form.errors
    assert Article.objects.count() == 1
    assert not Tag.objects.filter(name="new-tag").exists()


@pytest.mark.parametrize("date, time", [("04/31/2025", "10:00"), ("2025-04-04", "25:99")])
def test_a_publication_time_in_a_wrong_format_is_refused(editor_client, date, time):
    response = editor_client.post(
        ADD_URL,
        add_data(
            editor_client,
            section=SectionFactory(),
            status="published",
            published_at_0=date,
            published_at_1=time,
        ),
    )
    assert response.status_code == 200
    assert "published_at" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def test_a_missing_headline_and_section_are_named(editor_client):
    data = add_data(editor_client, section=SectionFactory(), headline="")
    data.pop("section")
    response = editor_client.post(ADD_URL, data)
    errors = response.context["adminform"].form.errors
    assert {"headline", "section"} <= set(errors)
