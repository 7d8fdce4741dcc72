"""The article list's search box in the admin: the site's index, drafts included, and
a fixed number of queries whatever it finds."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from tests.factories import ArticleFactory, client_of
from tests.page_forms import form_data

from .admin_forms import CHANGELIST_URL

pytestmark = pytest.mark.django_db


def listed(client, q, **filters):
    """Headlines the list shows after typing `q` into its search box and submitting."""
    data = form_data(client.get(CHANGELIST_URL), form_id="changelist-search", q=q)
    response = client.get(CHANGELIST_URL, {**data, **filters})
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    return re.findall(r'<td class="field-headline"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def desk(committed, zoe):
    with committed():
        ArticleFactory(
            headline="Bridge vote tonight", status=Article.Status.DRAFT, published_at=None
        )
        ArticleFactory(headline="Council approves bridge", authors=[zoe])
        ArticleFactory(headline="東京湾の新しい橋", tag_names=["Café"])
        ArticleFactory(headline="Weather", body="<p>Rain on the bridge.</p>")


def test_staff_find_drafts_by_the_same_words_as_readers(editor_client, desk):
    # In the list's own order: undated drafts first, then the newest.
    assert listed(editor_client, "bridge") == [
        "Bridge vote tonight",
        "Weather",
        "Council approves bridge",
    ]
    assert listed(editor_client, "zoe riley") == ["Council approves bridge"]
    assert listed(editor_client, "東京 cafe") == ["東京湾の新しい橋"]
    assert listed(editor_client, '"approves bridge"') == ["Council approves bridge"]


def test_the_search_box_keeps_working_with_the_filters(editor_client, desk):
    assert listed(editor_client, "bridge", status="draft") == ["Bridge vote tonight"]


@pytest.mark.parametrize("q", ['"', "((", "NOT", "x" * 10_000, "🎉", "a) OR (b"])
def test_hostile_searches_get_a_list(editor_client, desk, q):
    listed(editor_client, q)


def test_the_list_costs_the_same_queries_whatever_it_finds(editor, committed):
    client = client_of(editor)
    client.get(CHANGELIST_URL, {"q": "warm"})
    counts = []
    for n in (1, 6):
        with committed():
            for _ in range(n):
                ArticleFactory(headline=f"Typhoon {n}", tag_names=["台風"])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(CHANGELIST_URL, {"q": f"typhoon {n}"}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_readers_cannot_use_the_admin_search():
    response = Client().get(CHANGELIST_URL, {"q": "bridge"})
    assert response.status_code == 302
