"""Every time the admin writes is in the newsroom's zone, with its abbreviation."""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from articles.models import Article, Revision
from articles.revisions.recording import record_revisions
from tests.articles.admin_forms import change_url
from tests.factories import ArticleFactory, PhotoFactory

# 08:25 UTC is 17:25 in Tokyo, where the desk works.
SAVED = datetime.datetime(2025, 4, 4, 8, 25, tzinfo=datetime.UTC)
SAVED_IN_TOKYO = "17:25 JST, April 4, 2025"


def readonly_text(html, field):
    """What the change page shows for a readonly field."""
    row = re.search(rf'field-{field}\b.*?<div class="readonly">(.*?)</div>', html, re.DOTALL)
    assert row, f"no readonly {field} on the page"
    return row.group(1).strip()


def test_a_saved_articles_times_are_in_the_newsrooms_zone(editor_client):
    article = ArticleFactory(headline="東京湾の新しい橋、市議会が承認 🌉", published_at=SAVED)
    Article.objects.filter(pk=article.pk).update(
        created_at=SAVED, updated_at=SAVED, modified_at=SAVED
    )
    html = editor_client.get(change_url(article)).content.decode()
    for field in ["created_at", "updated_at", "modified_at", "published_at"]:
        assert readonly_text(html, field) == SAVED_IN_TOKYO, field


def test_time_inputs_say_which_zone_they_are_in(editor_client):
    scheduled = ArticleFactory(
        status=Article.Status.PUBLISHED,
        published_at=datetime.datetime(2099, 1, 1, 0, 30, tzinfo=datetime.UTC),
    )
    html = editor_client.get(change_url(scheduled)).content.decode()
    assert "Times are in JST (Asia/Tokyo)." in html
    assert 'for="id_published_at_1">Time (JST):</label>' in html
    # What the editor types is Tokyo time: 09:30 there is half past midnight UTC.
    assert 'name="published_at_1" value="09:30:00"' in html


@pytest.mark.django_db(transaction=True)  # renditions are made on commit
def test_the_photo_library_lists_upload_times_in_the_newsrooms_zone(photo_editor_client):
    PhotoFactory(caption="東京駅の朝のラッシュ、Zoë Riley撮影", created_at=SAVED)
    html = photo_editor_client.get(reverse("admin:media_photo_changelist")).content.decode()
    assert re.search(rf"field-created_at[^>]*>{SAVED_IN_TOKYO}</td>", html)


def test_the_history_page_writes_times_in_the_newsrooms_zone(editor_client):
    article = ArticleFactory(headline="Café Zürich reopens 🍰")
    Revision.objects.filter(article=article).delete()
    record_revisions([article.pk])  # as the commit of its save would
    Revision.objects.filter(article=article).update(created_at=SAVED)
    history = reverse("admin:articles_article_history", args=[article.pk])
    html = editor_client.get(history).content.decode()
    assert SAVED_IN_TOKYO in html


def test_the_readers_panel_names_the_zone_of_its_hours(editor_client):
    article = ArticleFactory(headline="大阪の夜景 🌃")
    html = editor_client.get(change_url(article)).content.decode()
    assert re.search(r"<title>\w{3} \d{1,2} \d\d:00 JST: 0</title>", html)


def test_a_users_last_login_is_entered_in_the_newsrooms_zone(admin_client, editor):
    User.objects.filter(pk=editor.pk).update(last_login=SAVED)
    html = admin_client.get(reverse("admin:auth_user_change", args=[editor.pk])).content.decode()
    assert 'for="id_last_login_1">Time (JST):</label>' in html
    assert 'name="last_login_1" value="17:25:00"' in html
    assert "Times are in JST (Asia/Tokyo)." in html
