"""Saving photos in the admin: every role's pages render, and a failed save leaves no file."""

import pytest
from django.contrib.messages import get_messages
from django.core.files.storage import default_storage
from django.urls import reverse

from media import renditions
from media.models import Photo
from media.services import add_photo
from tests.factories import PhotoFactory
from tests.images import image_bytes
from tests.page_forms import form_data

from .admin_uploads import admin_upload, media_files
from .files import jpeg_with_exif_text, upload

pytestmark = pytest.mark.django_db(transaction=True)  # renditions are made on commit

LIST_URL = reverse("admin:media_photo_changelist")
HOSTILE_TEXT = {
    "description": "Café\x00 in Zürich,\x07 at dusk\x1b\u202e  ".encode(),
    "artist": b"\x00Aiko Sato\r\n/ Newsroom\x00",
}


def test_a_reporter_adds_a_photo_then_opens_it_and_the_library(reporter_client):
    response = admin_upload(
        reporter_client, upload("東京.jpg", image_bytes(size=(400, 300))), caption="東京タワー 🗼"
    )
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert photo.caption == "東京タワー 🗼"

    page = reporter_client.get(response.url)
    assert page.status_code == 200
    assert "東京タワー 🗼" in page.content.decode()
    detail = reporter_client.get(reverse("admin:media_photo_change", args=[photo.pk]))
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "Aiko 東京 / Newsroom" in html
    assert 'name="credit"' not in html  # view only: nothing to edit
    assert reporter_client.get(LIST_URL).status_code == 200


def test_control_characters_in_the_files_own_text_are_dropped(photo_editor_client, settings):
    response = admin_upload(
        photo_editor_client, upload("dusk.jpg", jpeg_with_exif_text(**HOSTILE_TEXT)), credit=""
    )
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert photo.caption == "Café in Zürich, at dusk"
    assert photo.credit == "Aiko Sato\n/ Newsroom"


def test_utf8_text_in_exif_is_read_as_utf8(photo_editor_client):
    data = jpeg_with_exif_text(
        description="東京駅前の広場で。".encode(), artist="Zoë Müller".encode()
    )
    admin_upload(photo_editor_client, upload("station.jpg", data), credit="")
    photo = Photo.objects.get()
    assert (photo.caption, photo.credit) == ("東京駅前の広場で。", "Zoë Müller")


def test_control_characters_are_dropped_when_adding_from_code(settings):
    photo = add_photo(upload("dusk.jpg", jpeg_with_exif_text(**HOSTILE_TEXT)), alt_text="Dusk")
    assert photo.caption == "Café in Zürich, at dusk"


def test_a_failed_insert_from_the_add_page_leaves_no_file(
    photo_editor_client, settings, monkeypatch
):
    """Two people upload the same file at once: the later insert hits the unique hash.

    The race is staged by hiding the first photo from the form's duplicate check.
    """
    data = image_bytes(size=(300, 200))
    first = add_photo(upload("first.jpg", data), alt_text="First", credit="A")
    monkeypatch.setattr("media.forms.find_duplicate", lambda *args, **kwargs: None)
    before = media_files(settings)
    response = admin_upload(photo_editor_client, upload("same.jpg", data))
    assert response.url == reverse("admin:media_photo_change", args=[first.pk])
    assert "added to the library a moment ago" in str(list(get_messages(response.wsgi_request)))
    assert list(Photo.objects.all()) == [first]
    assert media_files(settings) == before


def test_a_failed_save_of_a_new_image_on_the_change_page_leaves_no_file(
    photo_editor_client, settings, monkeypatch
):
    taken = add_photo(upload("taken.jpg", image_bytes(size=(300, 200))), alt_text="T", credit="A")
    photo = PhotoFactory()
    url = reverse("admin:media_photo_change", args=[photo.pk])
    monkeypatch.setattr("media.forms.find_duplicate", lambda *args, **kwargs: None)
    before = media_files(settings)
    data = form_data(photo_editor_client.get(url), form_id="photo_form")
    data["image"] = upload("taken-again.jpg", image_bytes(size=(300, 200)))
    response = photo_editor_client.post(url, data)
    assert response.url == reverse("admin:media_photo_change", args=[taken.pk])
    photo.refresh_from_db()
    assert default_storage.exists(photo.image.name)
    assert media_files(settings) == before


def test_when_renditions_fail_the_editor_is_told_and_the_photo_stays(
    photo_editor_client, monkeypatch, caplog
):
    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(renditions, "_save", full_disk)
    response = admin_upload(
        photo_editor_client, upload("quay.jpg", image_bytes(size=(401, 299), color=(9, 99, 199)))
    )
    assert response.status_code == 302
    photo = Photo.objects.get()
    warnings = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("renditions could not be made" in message for message in warnings), warnings
    assert "No space left on device" in caplog.text
    assert photo_editor_client.get(LIST_URL).status_code == 200
    assert (
        photo_editor_client.get(reverse("admin:media_photo_change", args=[photo.pk])).status_code
        == 200
    )
