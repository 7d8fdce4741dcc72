"""Past top tens outlive their articles: a takedown stays possible for the desk."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from rankings.buckets import hour_of
from rankings.models import HourlyViews, RankingSnapshot
from tests.articles.admin_forms import CHANGELIST_URL, article_action_data
from tests.factories import ArticleFactory, SectionFactory
from tests.page_forms import form_data

pytestmark = pytest.mark.django_db

TAKEN_DOWN = "Café owner in Zürich named in 東京 case 📰"
SNAPSHOTS_URL = reverse("admin:rankings_rankingsnapshot_changelist")


@pytest.fixture
def yesterdays_top():
    """Yesterday's snapshot, with a story that must be taken down at its top."""
    tokyo = SectionFactory(name="東京", slug="tokyo")
    taken_down = ArticleFactory(headline=TAKEN_DOWN, section=tokyo)
    kept = ArticleFactory(headline="Harbour bridge opens")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    noon = hour_of(timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time(12))))
    HourlyViews.objects.create(
        article=taken_down, section_id=taken_down.section_id, hour=noon, views=90
    )
    HourlyViews.objects.create(article=kept, section_id=kept.section_id, hour=noon, views=40)
    call_command("snapshot_rankings", stdout=io.StringIO())
    return taken_down, kept, yesterday


@pytest.mark.parametrize("who", ["editor", "admin_user"])
def test_an_article_in_a_snapshot_can_be_deleted_and_the_history_stays(
    client, request, yesterdays_top, who
):
    taken_down, kept, yesterday = yesterdays_top
    client.force_login(request.getfixturevalue(who))
    delete_url = reverse("admin:articles_article_delete", args=[taken_down.pk])

    page = client.get(delete_url)
    assert page.status_code == 200
    assert "would require deleting" not in page.content.decode()
    response = client.post(delete_url, form_data(page, post="yes"))

    assert response.status_code == 302, response.content.decode()
    assert not Article.objects.filter(pk=taken_down.pk).exists()
    site_wide = RankingSnapshot.objects.filter(day=yesterday, section=None)
    assert [(s.rank, s.article_id, s.headline, s.article_section, s.views) for s in site_wide] == [
        (1, None, TAKEN_DOWN, "東京", 90),
        (2, kept.pk, "Harbour bridge opens", "Politics", 40),
    ]
    html = client.get(SNAPSHOTS_URL).content.decode()
    assert f"{TAKEN_DOWN} (deleted)" in html
    assert "Harbour bridge opens" in html


def test_deleting_from_the_article_list_works_too(editor_client, yesterdays_top):
    taken_down, kept, _ = yesterdays_top
    changelist = editor_client.get(CHANGELIST_URL)
    data = form_data(changelist, form_id="changelist-form", action="delete_selected")
    data["_selected_action"] = [taken_down.pk]  # its ticked box
    confirm = editor_client.post(CHANGELIST_URL, data)
    assert confirm.status_code == 200
    response = editor_client.post(CHANGELIST_URL, form_data(confirm, post="yes"))
    assert response.status_code == 302
    assert list(Article.objects.all()) == [kept]
    assert RankingSnapshot.objects.filter(article=None).count() == 2  # site-wide, its section


def test_an_unpublished_article_keeps_its_place_in_past_snapshots(editor_client, yesterdays_top):
    taken_down, _, _ = yesterdays_top
    editor_client.post(CHANGELIST_URL, article_action_data(editor_client, "unpublish", taken_down))
    taken_down.refresh_from_db()
    assert taken_down.status == Article.Status.UNPUBLISHED
    html = editor_client.get(SNAPSHOTS_URL).content.decode()
    assert TAKEN_DOWN in html
