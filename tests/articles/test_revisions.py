"""Revisions: every committed change to an article is recorded once, two can be compared,
and one can be restored through the article form, with its roles, guard and cleaning.

Posts are the forms the admin pages rendered; each request is committed as a real one is
(`committed`), so the revisions recorded after the commit are there to read.
"""

import re

import pytest
from django.contrib.admin.models import LogEntry
from django.core.cache import caches
from django.urls import reverse

from articles.body_text import body_text
from articles.models import Article, Author, Revision
from articles.revisions.diff import body_photo_names, word_diff
from articles.revisions.recording import record_revisions
from newsroom.content_version import EDITS_KEY
from tests.factories import ArticleFactory, PhotoFactory

from .admin_forms import CHANGELIST_URL, article_action_data, change_data, change_url
from .revision_pages import NEW_HEADLINE, history_url, restore_url, text_of

pytestmark = pytest.mark.django_db


def test_a_save_in_the_admin_records_one_revision_with_bylines_and_tags(
    story, editor_client, editor, committed
):
    before = story.revisions.count()
    data = change_data(editor_client, story, headline=NEW_HEADLINE, tags="東京, Café, 選挙")
    with committed():
        assert editor_client.post(change_url(story), data).status_code == 302

    assert story.revisions.count() == before + 1
    latest = story.revisions.first()
    assert latest.created_by == editor
    assert latest.data["headline"] == NEW_HEADLINE
    assert latest.data["tags"] == ["Café", "東京", "選挙"]
    zoe = story.bylines.get().author
    assert latest.data["bylines"] == [{"author": zoe.pk, "credit": "Special to The Daily Newsroom"}]


def test_the_change_message_never_names_the_guard_fields(story, editor_client, committed):
    data = change_data(editor_client, story, headline=NEW_HEADLINE)
    # Renaming an author changes the page's fingerprint of the article, not its version:
    # the hidden loaded_fingerprint posted then differs from the one the form expects.
    Author.objects.update(name="Zoë Riley-Sato")
    with committed():
        assert editor_client.post(change_url(story), data).status_code == 302
    assert LogEntry.objects.get().get_change_message() == "Changed Headline."


def test_bulk_publish_records_one_revision_per_article(editor_client, committed):
    with committed():
        drafts = [
            ArticleFactory(headline=f"下書き {n} ✏️", status="draft", published_at=None)
            for n in range(2)
        ]
    data = article_action_data(editor_client, "publish", drafts[0])
    data["_selected_action"] = [draft.pk for draft in drafts]
    with committed():
        assert editor_client.post(CHANGELIST_URL, data).status_code == 302
    for draft in drafts:
        assert list(draft.revisions.values_list("data__status", flat=True)) == [
            "published",
            "draft",
        ]


def test_a_save_from_code_records_one_revision(story, committed, other_editor):
    before = story.revisions.count()
    with committed():
        story.headline = "Zürich café owners object ☕"
        story.modified_by = other_editor
        story.save()
        story.tags.add("Zürich")
    assert story.revisions.count() == before + 1
    assert story.revisions.first().created_by == other_editor
    assert "Zürich" in story.revisions.first().data["tags"]


def test_a_save_that_changes_nothing_adds_no_revision(story, committed):
    before = story.revisions.count()
    with committed():
        story.save()
    assert story.revisions.count() == before


def test_corrections_are_kept_in_the_revision(story, committed):
    with committed():
        story.corrections.create(text="市議会の票数を訂正しました。", serious=True)
    correction = story.revisions.first().data["corrections"][0]
    assert correction["text"] == "市議会の票数を訂正しました。"
    assert correction["kind"] == "correction" and correction["serious"] is True


def test_the_history_lists_revisions_newest_first_with_times_of_the_newsroom(
    story, editor_client, committed, other_editor
):
    with committed():
        story.headline = NEW_HEADLINE
        story.modified_by = other_editor
        story.save()
    page = text_of(editor_client.get(history_url(story)))
    assert re.findall(r'class="revision-author">([^<]*)<', page) == ["Alice Ng", "東京デスク"]
    times = re.findall(r'class="revision-time">([^<]*)<', page)
    assert len(times) == 2
    assert all(re.fullmatch(r"\d\d:\d\d JST, \w+ \d{1,2}, \d{4}", time) for time in times)


def test_only_older_revisions_offer_a_restore(story, editor_client, committed, other_editor):
    assert "restore" not in text_of(editor_client.get(history_url(story))).lower()
    with committed():
        story.headline = NEW_HEADLINE
        story.modified_by = other_editor
        story.save()
    newest, older = story.revisions.order_by("-created_at", "-pk")
    page = text_of(editor_client.get(history_url(story)))
    assert restore_url(older) in page
    assert restore_url(newest) not in page
    assert page.count("Restore…") == 1
    assert "or restore an older one" in page


def test_the_history_runs_the_same_queries_whatever_the_number_of_revisions(
    story, editor_client, django_assert_num_queries
):
    url = history_url(story)
    editor_client.get(url)
    # The session, the user and their second-factor devices (5), the article with its
    # bylines and authors (3), the permissions (2), the revisions' count and page (2), the
    # session's save in its savepoint (3): none of them grows with the revisions.
    with django_assert_num_queries(15):
        editor_client.get(url)
    Revision.objects.bulk_create(
        Revision(article=story, data={"headline": f"{n} 🌉"}) for n in range(45)
    )
    with django_assert_num_queries(15):
        response = editor_client.get(url)
    assert "46 revisions" in text_of(response)


def test_the_comparison_marks_the_words_that_changed(story, editor_client, committed):
    old = story.revisions.first()
    with committed():
        story.headline = NEW_HEADLINE
        story.body = (
            "<p>TOKYO — The council <b>rejected</b> it on Tuesday.</p><p>Café owners object.</p>"
        )
        story.save()
    new = story.revisions.first()
    compare = reverse("admin:articles_article_compare_revisions", args=[story.pk])
    page = editor_client.get(compare, {"old": old.pk, "new": new.pk}).content.decode()
    assert "市議会が<del>承認</del><ins>否決</ins> 🌉" in page
    assert "<del>voted</del><ins>rejected it</ins>" in page
    assert "Café owners object." in page


@pytest.mark.parametrize(
    "old, new", [("x", "999999"), ("99999999999999999999", "1"), ("-1", "1"), ("１", "1")]
)
def test_a_comparison_of_unknown_revisions_says_so(story, editor_client, old, new):
    compare = reverse("admin:articles_article_compare_revisions", args=[story.pk])
    response = editor_client.get(compare, {"old": old, "new": new}, follow=True)
    assert "Choose two revisions of this article to compare." in text_of(response)


def test_photos_are_kept_by_id_and_shown_by_caption(story, editor_client, committed):
    old = story.revisions.first()
    photo = PhotoFactory(caption="Ana Costa, left, at the café in Zürich.")
    with committed():
        story.lead_photo = photo
        story.save()
    assert story.revisions.first().data["lead_photo"] == photo.pk
    compare = reverse("admin:articles_article_compare_revisions", args=[story.pk])
    page = text_of(editor_client.get(compare, {"old": old.pk, "new": story.revisions.first().pk}))
    assert "Ana Costa, left, at the café in Zürich." in page


def test_recording_runs_a_fixed_number_of_queries(committed, django_assert_num_queries):
    articles = [ArticleFactory(tag_names=["東京"]) for _ in range(3)]
    record_revisions([article.pk for article in articles])
    for article in articles:
        article.tags.add("選挙")
    # The articles, their bylines, tags and corrections, their latest revisions, the insert.
    with django_assert_num_queries(6):
        record_revisions([article.pk for article in articles])


def test_recording_a_revision_leaves_the_cached_pages_alone(story, committed):
    cache = caches["default"]
    cache.set(EDITS_KEY, 7, None)
    Article.objects.filter(pk=story.pk).update(headline="Café vote, without signals ☕")
    with committed():
        assert len(record_revisions([story.pk])) == 1
    assert cache.get(EDITS_KEY) == 7


def test_the_body_is_compared_as_paragraphs_with_its_photos_named():
    harbour = PhotoFactory(caption="東京湾の夜明け 🌅")
    bridge = PhotoFactory(caption="")
    before = (
        f'<p>東京 — 市議会は可決した。</p><figure data-photo="{harbour.pk}"></figure>'
        "<p>Zoë said “yes”.</p>"
    )
    after = (
        f'<p>東京 — 市議会は否決した。</p><figure data-photo="{bridge.pk}">'
        "<figcaption>Café</figcaption></figure><p>Zoë said “yes” &lt;script&gt;.</p>"
    )
    names = body_photo_names(before, after)
    assert body_text(before, names) == (
        "東京 — 市議会は可決した。\n\n[Photo: 東京湾の夜明け 🌅]\n\nZoë said “yes”."
    )
    diff = word_diff(body_text(before, names), body_text(after, names))
    assert "<del>可</del><ins>否</ins>" in diff
    assert "[Photo: <del>東京湾の夜明け 🌅]</del><ins>" in diff
    assert bridge.alt_text in diff and "Café</ins>" in diff
    assert "<ins>“yes” &lt;script&gt;.</ins>" in diff
