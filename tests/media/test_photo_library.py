"""The photo library in the admin, as the photo desk uses it."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from media import renditions
from media.models import Photo
from tests.factories import ArticleFactory, PhotoFactory
from tests.images import image_bytes
from tests.page_forms import form_data

from .admin_uploads import admin_upload, form_errors, media_files
from .files import SVG, phone_jpeg, upload

pytestmark = pytest.mark.django_db(transaction=True)  # renditions are made on commit

LIST_URL = reverse("admin:media_photo_changelist")


def change_url(photo):
    return reverse("admin:media_photo_change", args=[photo.pk])


def change_form(client, photo, **changes):
    """The photo's change form as the page renders it, with `changes` typed in."""
    return form_data(client.get(change_url(photo)), form_id="photo_form", **changes)


def test_an_upload_is_cleaned_stored_and_rendered(photo_editor_client, photo_editor):
    file = upload("IMG_2041.jpg", phone_jpeg(size=(1200, 900)))
    response = admin_upload(photo_editor_client, file, credit="")  # the file has one
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (900, 1200)
    assert photo.credit == "Mei Tanaka / Newsroom"  # prefilled from the file
    assert photo.caption == "Protesters gather outside parliament on Friday."
    assert photo.uploaded_by == photo_editor
    assert photo.image.name.endswith(".jpg")
    assert default_storage.exists(renditions.name(photo, renditions.SHAPES["card"], 640, "webp"))


def test_the_same_image_twice_is_refused_with_a_link_to_the_first(photo_editor_client):
    data = image_bytes(size=(300, 200))
    admin_upload(photo_editor_client, upload("first.jpg", data), credit="Aiko 東京")
    response = admin_upload(photo_editor_client, upload("again.jpg", data), credit="Zoë 📷")
    first = Photo.objects.get()
    html = response.content.decode()
    assert "This image is already in the library" in html
    assert reverse("admin:media_photo_change", args=[first.pk]) in html
    assert Photo.objects.count() == 1


def test_a_refused_upload_leaves_nothing_behind(photo_editor_client, settings):
    before = media_files(settings)
    for name, data in [("x.svg", SVG), ("x.jpg", image_bytes(format="PNG")), ("x.jpg", b"")]:
        response = admin_upload(photo_editor_client, upload(name, data))
        assert response.status_code == 200
        assert "image" in response.context["adminform"].form.errors
    assert not Photo.objects.exists()
    assert media_files(settings) == before


def test_a_photo_without_credit_in_the_form_or_the_file_is_refused(photo_editor_client):
    response = admin_upload(photo_editor_client, upload("plain.jpg", image_bytes()), credit="")
    assert "Give the photographer and agency." in response.content.decode()
    assert not Photo.objects.exists()


def test_a_photo_without_alt_text_is_refused(photo_editor_client):
    response = admin_upload(photo_editor_client, upload("harbour.jpg", image_bytes()), alt_text="")
    assert "alt_text" in form_errors(response)
    assert not Photo.objects.exists()


def test_an_image_over_the_pixel_limit_is_refused(photo_editor_client, settings):
    settings.PHOTO_MAX_PIXELS = 100 * 100
    response = admin_upload(
        photo_editor_client, upload("harbour.jpg", image_bytes(size=(200, 200)))
    )
    assert "megapixels" in " ".join(form_errors(response)["image"])
    assert not Photo.objects.exists()


def test_setting_the_focal_point_replaces_the_crops(photo_editor_client):
    photo = PhotoFactory(image__data=image_bytes(size=(1600, 900)))
    data = change_form(photo_editor_client, photo, focal_x="0.1", focal_y="0.9")
    response = photo_editor_client.post(change_url(photo), data)
    assert response.status_code == 302
    names = default_storage.listdir(renditions.folder(photo))[1]
    assert "square-70-0-640.jpg" in names
    assert not any(name.startswith("square-350-0") for name in names)


def test_the_change_page_shows_the_picker_and_where_the_photo_is_used(photo_editor_client):
    photo = PhotoFactory()
    article = ArticleFactory(lead_photo=photo, headline="Harbour bridge opens")
    html = photo_editor_client.get(
        reverse("admin:media_photo_change", args=[photo.pk])
    ).content.decode()
    assert "data-focal-picker" in html
    assert html.count("data-focal-crop") == 3
    assert "Harbour bridge opens" in html
    assert reverse("admin:articles_article_change", args=[article.pk]) in html


def test_the_library_filters_unused_and_searches_tags(photo_editor_client):
    used, unused = PhotoFactory(caption="Used one"), PhotoFactory(caption="Lonely one")
    ArticleFactory(lead_photo=used)
    unused.tags.add("harbour")
    listing = photo_editor_client.get(LIST_URL, {"use": "unused"}).content.decode()
    assert "Lonely one" in listing and "Used one" not in listing
    found = photo_editor_client.get(LIST_URL, {"q": "harbour"}).content.decode()
    assert "Lonely one" in found and "Used one" not in found


def test_a_photo_an_article_uses_cannot_be_deleted(photo_editor_client):
    client = photo_editor_client
    photo = PhotoFactory()
    ArticleFactory(lead_photo=photo, headline="Harbour bridge opens")
    url = reverse("admin:media_photo_delete", args=[photo.pk])
    page = client.get(url).content.decode()
    assert "Harbour bridge opens" in page
    assert "protected" in page
    client.post(url, {"post": "yes"})  # forged: the page offers no button to confirm
    assert Photo.objects.filter(pk=photo.pk).exists()


def test_deleting_an_unused_photo_removes_its_files(photo_editor_client, settings):
    photo = PhotoFactory()
    folder = renditions.folder(photo)
    assert default_storage.listdir(folder)[1]
    url = reverse("admin:media_photo_delete", args=[photo.pk])
    photo_editor_client.post(url, form_data(photo_editor_client.get(url), post="yes"))
    assert not Photo.objects.exists()
    assert not default_storage.exists(photo.image.name)
    assert default_storage.listdir(folder)[1] == []


def test_adding_the_same_file_from_code_is_refused_and_leaves_no_file(settings):
    from django.core.exceptions import ValidationError

    from media.services import add_photo

    data = image_bytes(size=(300, 200))
    add_photo(upload("one.jpg", data), alt_text="One", credit="A")
    before = media_files(settings)
    with pytest.raises(ValidationError):
        add_photo(upload("two.jpg", data), alt_text="Two", credit="B")
    assert media_files(settings) == before


def test_deleting_a_photo_from_code_removes_its_files():
    photo = PhotoFactory()
    original, folder = photo.image.name, renditions.folder(photo)
    assert default_storage.exists(original) and default_storage.listdir(folder)[1]
    photo.delete()
    assert not default_storage.exists(original)
    assert default_storage.listdir(folder)[1] == []


def test_a_new_image_on_the_change_page_replaces_the_old_files(photo_editor_client, settings):
    photo = PhotoFactory()
    old_original, old_folder = photo.image.name, renditions.folder(photo)
    data = change_form(photo_editor_client, photo)
    data["image"] = upload("new.jpg", image_bytes(size=(640, 360), color=(0, 90, 0)))
    assert photo_editor_client.post(change_url(photo), data).status_code == 302
    photo.refresh_from_db()
    assert not default_storage.exists(old_original)
    assert default_storage.listdir(old_folder)[1] == []
    assert default_storage.listdir(renditions.folder(photo))[1]
