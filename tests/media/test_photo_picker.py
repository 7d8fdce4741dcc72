"""Choosing a lead photo: the admin's autocomplete searches the library and shows thumbnails."""

import json
import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Permission
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from media import renditions
from media.models import Photo
from tests.articles.admin_forms import change_url
from tests.factories import ArticleFactory, PhotoFactory, UserFactory, client_of
from tests.images import image_bytes
from tests.page_forms import form_data

from .admin_uploads import admin_upload, media_files
from .files import SVG, upload

PICKER = {"app_label": "articles", "model_name": "article", "field_name": "lead_photo"}
POPUP_ADD_URL = reverse("admin:media_photo_add") + "?_to_field=id&_popup=1"


def search(client, term="", **params):
    return client.get(reverse("admin:autocomplete"), {**PICKER, "term": term, **params})


def found(client, term):
    response = search(client, term)
    assert response.status_code == 200, response.status_code
    return {result["id"]: result for result in response.json()["results"]}


@pytest.fixture
def library(db):
    station = PhotoFactory(
        caption=(
            "東京駅の丸の内駅舎、朝の通勤ラッシュ。Commuters cross the square outside "
            "Tokyo Station on Monday, the first working day after the Golden Week holidays."
        ),
        credit="Zoë Riley / Newsroom",
        alt_text="Commuters crossing a brick station square",
    )
    bridge = PhotoFactory(
        caption="Café owners watch the new bridge open 🌉",
        credit="Aiko Tanaka / 共同通信",
        alt_text="A white bridge over a bay at dusk",
    )
    bridge.tags.add("東京", "infrastructure")
    return station, bridge


def test_search_by_caption_in_japanese(reporter_client, library):
    station, bridge = library
    results = found(reporter_client, "東京駅")
    assert set(results) == {str(station.pk)}


def test_search_by_credit_alt_text_and_tag(reporter_client, library):
    station, bridge = library
    assert set(found(reporter_client, "共同通信")) == {str(bridge.pk)}
    assert set(found(reporter_client, "brick station")) == {str(station.pk)}
    assert set(found(reporter_client, "infrastructure")) == {str(bridge.pk)}


def test_results_carry_thumbnail_full_caption_and_credit(reporter_client, library, settings):
    station, _ = library
    result = found(reporter_client, "Tokyo Station")[str(station.pk)]
    assert result["text"] == str(station)
    assert result["thumbnail"] == renditions.thumbnail_url(station)
    assert result["caption"] == station.caption  # whole, where the name is cut at 80
    assert len(result["caption"]) > len(result["text"])
    assert result["credit"] == "Zoë Riley / Newsroom"
    thumbnail_name = result["thumbnail"].removeprefix(settings.MEDIA_URL)
    assert default_storage.exists(thumbnail_name), thumbnail_name


def _queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert search(client).status_code == 200
    return len(queries)


def test_the_search_costs_the_same_queries_however_many_photos(editor_client, library):
    one_page = _queries(editor_client)
    for number in range(25):
        PhotoFactory(caption=f"新しい写真 {number} 📷").tags.add("東京")
    assert _queries(editor_client) == one_page
    # Session, user, three kinds of second factor, permissions (own and groups'),
    # the count, the page, and the session's save in a savepoint (three).
    assert one_page == 12


def test_someone_who_may_not_view_the_library_is_refused(library):
    writer = UserFactory(username="ines-müller")
    writer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_article", "change_article"])
    )
    assert search(client_of(writer), "東京").status_code == 403


@pytest.mark.parametrize(
    "params",
    [
        {"app_label": ""},
        {"app_label": "nowhere"},
        {"model_name": "photo"},
        {"field_name": "headline"},
        {"field_name": "東京"},
        {"page": "two"},
        {"page": "999"},
        {"page": "-1"},
        {"term": "東京\x00駅"},
    ],
)
def test_malformed_searches_get_a_client_error(editor_client, library, params):
    query = urlencode({**PICKER, **params})
    response = editor_client.get(f"{reverse('admin:autocomplete')}?{query}")
    assert 400 <= response.status_code < 500, (params, response.status_code)


def test_the_change_page_shows_the_chosen_photo_with_its_thumbnail(editor_client, library):
    station, _ = library
    article = ArticleFactory(headline="東京駅、開業110年 🚉", lead_photo=station)
    html = editor_client.get(change_url(article)).content.decode()
    select, options = re.search(
        r'(<select name="lead_photo"[^>]*>)(.*?)</select>', html, re.S
    ).groups()
    # One select2, started by photo-picker.js, not a second one by Django's autocomplete.js.
    assert 'class="photo-picker"' in select
    option = re.search(rf'<option value="{station.pk}"[^>]*>', options).group(0)
    assert f'data-thumbnail="{renditions.thumbnail_url(station)}"' in option
    assert 'data-credit="Zoë Riley / Newsroom"' in option
    assert "selected" in option
    assert 'id="add_id_lead_photo"' in html  # the "+" that opens the library's add form
    assert "media/photo-picker.js" in html


@pytest.mark.parametrize("posted", ["東京", "²", "", "99999"])
def test_a_tampered_lead_photo_is_refused_with_a_message(editor_client, library, posted):
    article = ArticleFactory(headline="Zürich café reopens ☕", lead_photo=library[0])
    page = editor_client.get(change_url(article))
    data = form_data(page, form_id="article_form", lead_photo=posted, headline="")
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 200  # the form again, headline missing
    form = response.context["adminform"].form
    assert ("lead_photo" in form.errors) == bool(posted)  # no photo is allowed
    article.refresh_from_db()
    assert article.lead_photo == library[0]


def popup_upload(client, file, **typed):
    """The library's add form as the "+" popup opens it, posted with `file` chosen."""
    fields = {"alt_text": "A ferry at Tokyo Bay", "credit": "Zoë Riley / Newsroom"}
    return admin_upload(client, file, url=POPUP_ADD_URL, **{**fields, **typed})


@pytest.mark.django_db(transaction=True)  # renditions are made on commit
def test_the_popup_answers_with_the_new_photos_thumbnail(editor_client, editor):
    response = popup_upload(
        editor_client, upload("ferry.jpg", image_bytes(size=(320, 200))), caption="東京湾のフェリー"
    )
    assert response.status_code == 200
    photo = Photo.objects.get()
    answer = re.search(r'data-popup-response="([^"]*)"', response.content.decode()).group(1)
    data = json.loads(answer.replace("&quot;", '"'))
    assert data["value"] == str(photo.pk)
    assert data["thumbnail"] == renditions.thumbnail_url(photo)
    assert data["caption"] == "東京湾のフェリー"
    assert data["credit"] == "Zoë Riley / Newsroom"


@pytest.mark.django_db(transaction=True)
def test_a_refused_upload_in_the_popup_says_why_and_leaves_nothing(editor_client, settings):
    before = media_files(settings)
    response = popup_upload(editor_client, upload("drawing.svg", SVG))
    assert response.status_code == 200
    assert "image" in response.context["adminform"].form.errors
    assert 'name="_popup"' in response.content.decode()  # still the popup's form
    assert not Photo.objects.exists()
    assert media_files(settings) == before
