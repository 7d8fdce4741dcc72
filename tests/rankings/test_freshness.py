"""An article taken off the site leaves every cached ranking and widget at once."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from rankings.cached import filled_ranking
from tests.articles.admin_forms import CHANGELIST_URL, article_action_data, change_url
from tests.factories import ArticleFactory
from tests.page_forms import form_data

from .helpers import record_views

pytestmark = pytest.mark.django_db

GONE = "東京 Café story taken down 📰"


@pytest.fixture
def cached_rankings(client):
    """A ranked article on every public list, each list already cached."""
    gone = ArticleFactory(headline=GONE)
    other = ArticleFactory(headline="Zürich harbour bridge opens")
    record_views(gone, 50)
    record_views(other, 10)
    assert GONE in public_lists(client, other)
    return gone, other


def public_lists(client, other):
    """The ranking page, the home page's ranking and another article's two widgets."""
    ranking_page = client.get("/rankings/").content.decode()
    home = client.get("/").content.decode().split('aria-label="ACCESS RANKING"')[1]
    widgets = client.get(other.get_absolute_url()).content.decode()
    widgets = widgets.split('aria-label="Politics · POPULAR ARTICLE"')[1]
    assert "Zürich harbour bridge opens" in ranking_page
    return ranking_page + home + widgets


def test_unpublishing_on_the_change_form(
    client, editor_client, cached_rankings, django_capture_on_commit_callbacks
):
    gone, other = cached_rankings
    page = editor_client.get(change_url(gone))
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            change_url(gone), form_data(page, form_id="article_form", status="unpublished")
        )
    assert response.status_code == 302
    assert GONE not in public_lists(client, other)


def test_the_bulk_unpublish_action(
    client, editor_client, cached_rankings, django_capture_on_commit_callbacks
):
    gone, other = cached_rankings
    data = article_action_data(editor_client, "unpublish", gone)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(CHANGELIST_URL, data)
    assert response.status_code == 302
    assert Article.objects.get(pk=gone.pk).status == Article.Status.UNPUBLISHED
    assert GONE not in public_lists(client, other)


def test_deleting_in_the_admin(
    client, editor_client, cached_rankings, django_capture_on_commit_callbacks
):
    gone, other = cached_rankings
    delete_url = reverse("admin:articles_article_delete", args=[gone.pk])
    page = editor_client.get(delete_url)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(delete_url, form_data(page, post="yes"))
    assert response.status_code == 302
    assert GONE not in public_lists(client, other)


def test_rescheduling_into_the_future(client, cached_rankings, django_capture_on_commit_callbacks):
    gone, other = cached_rankings
    with django_capture_on_commit_callbacks(execute=True):
        gone.published_at = timezone.now() + datetime.timedelta(days=1)
        gone.save()
    assert GONE not in public_lists(client, other)


def test_the_fallback_list_drops_it_too(client, editor_client, django_capture_on_commit_callbacks):
    gone = ArticleFactory(headline=GONE)
    other = ArticleFactory(headline="Zürich harbour bridge opens")
    assert GONE in client.get(other.get_absolute_url()).content.decode()  # "Latest articles"
    data = article_action_data(editor_client, "unpublish", gone)
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(CHANGELIST_URL, data)
    assert GONE not in client.get(other.get_absolute_url()).content.decode()


def test_a_change_still_uncommitted_does_not_refresh_the_rankings(
    cached_rankings, django_capture_on_commit_callbacks, settings
):
    """A ranking recomputed before the commit would still hold the old article."""
    gone, _ = cached_rankings
    with django_capture_on_commit_callbacks() as callbacks:
        gone.status = Article.Status.UNPUBLISHED
        gone.save()
    site_widget = {"length": settings.RANKINGS_SITE_SIZE + 1}  # the entry the widget keeps
    assert [item.headline for item in filled_ranking("24h", **site_widget)][0] == GONE
    for callback in callbacks:
        callback()
    assert GONE not in [item.headline for item in filled_ranking("24h", **site_widget)]


def test_renaming_a_section_reaches_the_cached_rankings(
    client, editor_client, cached_rankings, django_capture_on_commit_callbacks
):
    """Rankings are kept under the page cache's edit count: any edit readers see counts."""
    section = cached_rankings[0].section
    assert '<span class="meta">Politics</span>' in client.get("/rankings/").content.decode()
    url = reverse("admin:articles_section_change", args=[section.pk])
    page = editor_client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url, form_data(page, name="Politique 🇫🇷"))
    assert response.status_code == 302
    html = client.get("/rankings/").content.decode()
    assert '<span class="meta">Politique 🇫🇷</span>' in html
    assert '<span class="meta">Politics</span>' not in html
