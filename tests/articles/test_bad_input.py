"""Bad input gets a form error naming the field, and nothing is half-saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article
from media.models import Photo
from tests.factories import ArticleFactory, SectionFactory
from tests.images import image_bytes, image_upload

from .admin_forms import ADD_URL, article_form_data

pytestmark = pytest.mark.django_db

PHOTO_ADD_URL = reverse("admin:media_photo_add")
# Headers intact (so a quick check passes) but the picture data stops early.
_FULL_JPEG = image_bytes(size=(400, 300))
TRUNCATED_JPEG = _FULL_JPEG[: len(_FULL_JPEG) * 2 // 3]


def photo_data(image, **fields):
    return {"image": image, "alt_text": "A harbour", "credit": "Kim Sato", **fields}


@pytest.mark.parametrize(
    "upload, message",
    [
        (
            SimpleUploadedFile("notes.jpg", b"just some text, not a picture"),
            "This file is not an image",
        ),
        (
            SimpleUploadedFile("cut.jpg", TRUNCATED_JPEG),
            "damaged or incomplete",
        ),
        (
            SimpleUploadedFile("photo.jpg", image_bytes(format="PNG")),
            "This file is a PNG image but its name ends in “.jpg”",
        ),
        (
            SimpleUploadedFile(
                "drawing.svg",
                b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            ),
            "This file is not an image",
        ),
    ],
)
def test_a_bad_upload_is_refused_with_an_error_on_the_image(editor_client, upload, message):
    response = editor_client.post(PHOTO_ADD_URL, photo_data(upload))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in " ".join(errors["image"])
    assert not Photo.objects.exists()


def test_a_photo_without_alt_text_is_refused(editor_client):
    response = editor_client.post(PHOTO_ADD_URL, photo_data(image_upload(), alt_text=""))
    assert "alt_text" in response.context["adminform"].form.errors
    assert not Photo.objects.exists()


def test_an_image_over_the_pixel_limit_is_refused(editor_client, settings):
    settings.PHOTO_MAX_PIXELS = 100 * 100
    response = editor_client.post(PHOTO_ADD_URL, photo_data(image_upload(size=(200, 200))))
    assert "megapixels" in " ".join(response.context["adminform"].form.errors["image"])
    assert not Photo.objects.exists()


def test_a_duplicate_slug_is_refused(editor_client):
    ArticleFactory(slug="taken")
    response = editor_client.post(
        ADD_URL, article_form_data(section=SectionFactory(), slug="taken", tags="new-tag")
    )
    assert response.status_code == 200
    assert "slug" in response.context["adminform"].form.errors
    assert Article.objects.count() == 1
    assert not Tag.objects.filter(name="new-tag").exists()


@pytest.mark.parametrize("date, time", [("04/31/2025", "10:00"), ("2025-04-04", "25:99")])
def test_a_publication_time_in_a_wrong_format_is_refused(editor_client, date, time):
    response = editor_client.post(
        ADD_URL,
        article_form_data(
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
    data = article_form_data(section=SectionFactory(), headline="")
    data.pop("section")
    response = editor_client.post(ADD_URL, data)
    errors = response.context["adminform"].form.errors
    assert {"headline", "section"} <= set(errors)
