"""Addresses staff can mistype or be sent: a clear 400, never a 500 (PostgreSQL included)."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory

from .admin_forms import CHANGELIST_URL

pytestmark = pytest.mark.django_db

NUL_ADDRESSES = [
    reverse("admin:articles_article_tag_suggestions") + "?q=%00",
    reverse("admin:articles_article_tag_suggestions") + "?q=%E6%9D%B1%00",
    reverse("admin:autocomplete")
    + "?term=%00&app_label=articles&model_name=article&field_name=section",
    CHANGELIST_URL + "?q=%00",
    CHANGELIST_URL + "?q=Caf%C3%A9%00",
    CHANGELIST_URL + "?%00=1",
    reverse("admin:index") + "?%00",
    reverse("admin:media_photo_changelist") + "?q=%00",
]

BAD_DATES = [
    "published_at__year=99999999999",
    "published_at__year=9999",  # the admin's range would end in year 10000
    "published_at__year=9999&published_at__month=12",
    "published_at__year=9999&published_at__month=12&published_at__day=31",
    "published_at__year=1",  # starts before the first representable UTC time
    "published_at__year=2025&published_at__month=13",
    "published_at__year=2025&published_at__month=2&published_at__day=30",
    "published_at__year=2025&published_at__month=4&published_at__day=0",
    "published_at__year=２０２５&published_at__month=-1",
    "published_at__year=abc",
]


@pytest.mark.parametrize("url", NUL_ADDRESSES)
def test_a_nul_character_in_the_address_is_refused_plainly(editor_client, url):
    ArticleFactory(headline="東京 council votes", tag_names=["東京"])
    response = editor_client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == "The address contains a NUL character."


@pytest.mark.parametrize("query", BAD_DATES)
def test_a_date_the_list_cannot_show_is_refused_plainly(editor_client, query):
    ArticleFactory(headline="Café opens in Zürich")
    response = editor_client.get(f"{CHANGELIST_URL}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "The date in the address (year, month, day) is not a date the list can show."
    )


@pytest.mark.parametrize(
    "query",
    [
        "",
        "q=%E6%9D%B1%E4%BA%AC",
        "published_at__year=2025",
        "published_at__year=9998&published_at__month=12&published_at__day=31",
        "published_at__year=2",
    ],
)
def test_good_addresses_still_answer(editor_client, query):
    ArticleFactory(headline="東京 council votes")
    assert editor_client.get(f"{CHANGELIST_URL}?{query}").status_code == 200


@pytest.mark.parametrize("url", ["/?page=%00", "/politics/?page=%00", "/tags/%00/"])
def test_public_pages_answer_a_nul_character_without_an_error(client, url):
    ArticleFactory(tag_names=["東京"])
    assert client.get(url).status_code == 404


def test_tag_suggestions_still_suggest_japanese_tags(editor_client):
    ArticleFactory(tag_names=["東京", "東北"])
    url = reverse("admin:articles_article_tag_suggestions") + "?q=%E6%9D%B1"
    assert editor_client.get(url).json() == {"tags": ["東京", "東北"]}
