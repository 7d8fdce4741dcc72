"""The photo library in the admin, as the photo desk uses it."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from articles.models import Article
from media import renditions
from media.models import Photo
from tests.factories import ArticleFactory, PhotoFactory
from tests.images import image_bytes

from .files import SVG, phone_jpeg, upload

pytestmark = pytest.mark.django_db(transaction=True)  # renditions are made on commit

ADD_URL = reverse("admin:media_photo_add")
LIST_URL = reverse("admin:media_photo_changelist")


@pytest.fixture
def desk(client, photo_editor):
    client.force_login(photo_editor)
    return client


def all_media_files(settings):
    return sorted(p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file())


def post_photo(client, file, **fields):
    data = {"image": file, "alt_text": "A crowd outside parliament", "credit": "", **fields}
    return client.post(ADD_URL, data)


def test_an_upload_is_cleaned_stored_and_rendered(desk, photo_editor):
    response = post_photo(desk, upload("IMG_2041.jpg", phone_jpeg(size=(1200, 900))))
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (900, 1200)
    assert photo.credit == "Mei Tanaka / Newsroom"  # prefilled from the file
    assert photo.caption == "Protesters gather outside parliament on Friday."
    assert photo.uploaded_by == photo_editor
    assert photo.image.name.endswith(".jpg")
    assert default_storage.exists(renditions.name(photo, renditions.SHAPES["card"], 640, "webp"))


def test_the_same_image_twice_is_refused_with_a_link_to_the_first(desk):
    data = image_bytes(size=(300, 200))
    post_photo(desk, upload("first.jpg", data), credit="A")
    response = post_photo(desk, upload("again.jpg", data), credit="B")
    first = Photo.objects.get()
    html = response.content.decode()
    assert "This image is already in the library" in html
    assert reverse("admin:media_photo_change", args=[first.pk]) in html
    assert Photo.objects.count() == 1


def test_a_refused_upload_leaves_nothing_behind(desk, settings):
    before = all_media_files(settings)
    for name, data in [("x.svg", SVG), ("x.jpg", image_bytes(format="PNG")), ("x.jpg", b"")]:
        response = post_photo(desk, upload(name, data), credit="C")
        assert response.status_code == 200
        assert "image" in response.context["adminform"].form.errors
    assert not Photo.objects.exists()
    assert all_media_files(settings) == before


def test_a_photo_without_credit_in_the_form_or_the_file_is_refused(desk):
    response = post_photo(desk, upload("plain.jpg", image_bytes()))
    assert "Give the photographer and agency." in response.content.decode()
    assert not Photo.objects.exists()


def test_setting_the_focal_point_replaces_the_crops(desk):
    photo = PhotoFactory(image__data=image_bytes(size=(1600, 900)))
    data = {
        "alt_text": photo.alt_text,
        "caption": photo.caption,
        "credit": photo.credit,
        "tags": "",
        "focal_x": "0.1",
        "focal_y": "0.9",
    }
    response = desk.post(reverse("admin:media_photo_change", args=[photo.pk]), data)
    assert response.status_code == 302
    names = default_storage.listdir(renditions.folder(photo))[1]
    assert "square-0.100-0.900-640.jpg" in names
    assert not any(name.startswith("square-0.500") for name in names)


def test_the_change_page_shows_the_picker_and_where_the_photo_is_used(desk):
    photo = PhotoFactory()
    article = ArticleFactory(lead_photo=photo, headline="Harbour bridge opens")
    html = desk.get(reverse("admin:media_photo_change", args=[photo.pk])).content.decode()
    assert "data-focal-picker" in html
    assert html.count("data-focal-crop") == 3
    assert "Harbour bridge opens" in html
    assert reverse("admin:articles_article_change", args=[article.pk]) in html


def test_the_library_filters_unused_and_searches_tags(desk):
    used, unused = PhotoFactory(caption="Used one"), PhotoFactory(caption="Lonely one")
    ArticleFactory(lead_photo=used)
    unused.tags.add("harbour")
    listing = desk.get(LIST_URL, {"use": "unused"}).content.decode()
    assert "Lonely one" in listing and "Used one" not in listing
    found = desk.get(LIST_URL, {"q": "harbour"}).content.decode()
    assert "Lonely one" in found and "Used one" not in found


def test_a_photo_an_article_uses_cannot_be_deleted(desk):
    client = desk
    photo = PhotoFactory()
    ArticleFactory(lead_photo=photo, headline="Harbour bridge opens")
    url = reverse("admin:media_photo_delete", args=[photo.pk])
    page = client.get(url).content.decode()
    assert "Harbour bridge opens" in page
    assert "protected" in page
    client.post(url, {"post": "yes"})
    assert Photo.objects.filter(pk=photo.pk).exists()


def test_deleting_an_unused_photo_removes_its_files(desk, settings):
    photo = PhotoFactory()
    folder = renditions.folder(photo)
    assert default_storage.listdir(folder)[1]
    desk.post(reverse("admin:media_photo_delete", args=[photo.pk]), {"post": "yes"})
    assert not Photo.objects.exists()
    assert not default_storage.exists(photo.image.name)
    assert default_storage.listdir(folder)[1] == []


def test_an_article_can_override_the_caption_and_credit(client):
    photo = PhotoFactory(caption="The library's caption", credit="Library credit")
    article = ArticleFactory(
        lead_photo=photo, lead_photo_caption="This story's caption", lead_photo_credit=""
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "This story&#x27;s caption" in html
    assert "Library credit" in html
    assert "The library&#x27;s caption" not in html
    assert Article.objects.get().lead_credit == "Library credit"


def test_the_social_image_is_the_1200_by_630_crop(client):
    article = ArticleFactory(lead_photo=PhotoFactory(image__data=image_bytes(size=(1600, 900))))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "social-0.500-0.500-1200.jpg" in html
    assert '<meta property="og:image:width" content="1200">' in html
