"""The full-page cache and the desk: every edit made in the admin is on every page
showing the article at the next request, and a scheduled article appears at its time."""

import datetime
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.articles.admin_forms import article_action_data
from tests.factories import ArticleFactory
from tests.page_forms import form_data

from .cached_pages import HEADLINE, pages_showing, read_all, warm

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_post(admin_client, django_capture_on_commit_callbacks):
    """The admin as a superuser, each post committed as a real request would be."""

    def post(url, **changes):
        form = form_data(admin_client.get(url), **changes)
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(url, form)
        assert response.status_code == 302, response.content.decode()[:2000]
        return response

    return post


def change_url(instance):
    meta = instance._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[instance.pk])


def test_an_edited_headline_is_on_every_page_at_the_next_request(reader, story, admin_post):
    urls = pages_showing(story)
    warm(reader, urls)
    admin_post(change_url(story), headline="知事選の投票率 — corrected ✅")
    for url, html in read_all(reader, urls).items():
        assert "知事選の投票率 — corrected ✅" in html, url
        assert "過去最高" not in html, url


def test_publishing_a_draft_puts_it_on_the_cached_lists(reader, story, admin_post):
    draft = ArticleFactory(
        headline="ドラフト: harbour bridge vote",
        section=story.section,
        status="draft",
        published_at=None,
        tag_names=["東京"],
        slug="harbour-bridge-vote",
    )
    urls = ["/", story.section.get_absolute_url(), reverse("articles:feed")]
    warm(reader, urls)
    admin_post(change_url(draft), status="published")
    for url, html in read_all(reader, urls).items():
        assert "ドラフト: harbour bridge vote" in html, url


def test_unpublishing_takes_it_off_every_cached_page(
    reader, story, admin_client, django_capture_on_commit_callbacks
):
    urls = pages_showing(story)
    warm(reader, urls)
    changelist = reverse("admin:articles_article_changelist")
    data = article_action_data(admin_client, "unpublish", story)
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(changelist, data).status_code == 302
    pages = read_all(reader, urls)
    assert pages[story.get_absolute_url()] is None  # 404
    for url, html in pages.items():
        assert html is None or HEADLINE not in html, url


def test_a_scheduled_article_moved_to_now_appears_at_once(reader, story, admin_post):
    later = ArticleFactory(
        headline="予定稿: the budget, line by line",
        section=story.section,
        published_at=timezone.now() + datetime.timedelta(days=1),
        slug="budget-line-by-line",
    )
    warm(reader, ["/"])
    assert "予定稿" not in reader.get("/").content.decode()
    now = timezone.localtime() - datetime.timedelta(minutes=1)
    admin_post(
        change_url(later),
        published_at_0=now.strftime("%Y-%m-%d"),
        published_at_1=now.strftime("%H:%M:%S"),
    )
    assert "予定稿: the budget, line by line" in reader.get("/").content.decode()


def test_a_scheduled_article_appears_at_its_time_with_nothing_run(reader, story):
    ArticleFactory(
        headline="Embargo lifts: 日銀 holds rates",
        section=story.section,
        published_at=timezone.now() + datetime.timedelta(seconds=1.5),
        slug="boj-holds-rates",
    )
    warm(reader, ["/"])
    assert "日銀" not in reader.get("/").content.decode()
    time.sleep(1.6)
    assert "Embargo lifts: 日銀 holds rates" in reader.get("/").content.decode()


def test_deleting_an_article_takes_it_off_every_cached_page(reader, story, admin_post):
    urls = pages_showing(story)
    warm(reader, urls)
    admin_post(reverse("admin:articles_article_delete", args=[story.pk]), post="yes")
    pages = read_all(reader, urls)
    assert pages[story.get_absolute_url()] is None
    for url, html in pages.items():
        assert html is None or HEADLINE not in html, url


def test_a_new_caption_credit_or_crop_is_on_the_article_page(reader, story, admin_post):
    url = story.get_absolute_url()
    warm(reader, [url, "/"])
    photo = story.lead_photo
    admin_post(change_url(photo), caption="Voters in 新宿, corrected.", credit="Ren Ito / Kyodo")
    html = reader.get(url).content.decode()
    assert "Voters in 新宿, corrected." in html and "Ren Ito / Kyodo" in html
    old_page = html
    admin_post(change_url(photo), focal_x="0.1", focal_y="0.9")
    assert reader.get(url).content.decode() != old_page


def test_renamed_sections_and_authors_show_at_the_next_request(reader, story, admin_post):
    urls = [story.get_absolute_url(), "/"]
    warm(reader, urls)
    admin_post(change_url(story.section), name="Politique & 政治")
    admin_post(change_url(story.bylines.get().author), name="Hana Mōri")
    for url, html in read_all(reader, urls).items():
        assert "Politique &amp; 政治" in html, url
    assert "Hana Mōri" in reader.get(story.get_absolute_url()).content.decode()
