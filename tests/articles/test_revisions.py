"""Revisions: every committed change to an article is recorded once, two can be compared,
and one can be restored through the article form, with its roles, guard and cleaning.

Posts are the forms the admin pages rendered; each request is committed as a real one is
(`committed`), so the revisions recorded after the commit are there to read.
"""

import datetime
import html
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Author, Byline, Revision
from articles.revisions.diff import body_text, word_diff
from articles.revisions.recording import record_revisions
from newsroom.content_version import EDITS_KEY
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory
from tests.page_forms import form_data
from tests.rankings.helpers import article_action_data

from .admin_forms import CHANGELIST_URL, change_data, change_url

pytestmark = pytest.mark.django_db

HEADLINE = "東京湾の新しい橋、市議会が承認 🌉"
NEW_HEADLINE = "東京湾の新しい橋、市議会が否決 🌉"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what follows as a committed request: on_commit work (the revision) happens."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def story(committed, editor):
    zoe = AuthorFactory(name="Zoë Riley", slug="zoe-riley")
    with committed():
        article = ArticleFactory(
            headline=HEADLINE,
            body="<p>TOKYO — The council voted on Tuesday.</p><p>Café owners object.</p>",
            tag_names=["東京", "Café"],
            authors=[zoe],
        )
        Byline.objects.filter(article=article).update(credit="Special to The Daily Newsroom")
        article.modified_by = editor
        article.save()
    return article


def history_url(article):
    return reverse("admin:articles_article_history", args=[article.pk])


def restore_url(revision):
    return reverse(
        "admin:articles_article_restore_revision", args=[revision.article_id, revision.pk]
    )


def text_of(response):
    return html.unescape(response.content.decode())


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


def test_a_comparison_of_unknown_revisions_says_so(story, editor_client):
    compare = reverse("admin:articles_article_compare_revisions", args=[story.pk])
    response = editor_client.get(compare, {"old": "x", "new": "999999"}, follow=True)
    assert "Choose two revisions of this article to compare." in text_of(response)


def restore(client, revision, committed):
    """Open the restore page as the client does, and press Restore."""
    page = client.get(restore_url(revision))
    assert page.status_code == 200, page.status_code
    data = form_data(page, form_id="restore_form")
    with committed():
        return client.post(restore_url(revision), data)


def test_a_restore_brings_back_bylines_and_tags_as_a_new_revision(story, editor_client, committed):
    first = story.revisions.first()
    kim = AuthorFactory(name="Kim Sato", slug="kim-sato")
    data = change_data(editor_client, story, headline=NEW_HEADLINE, tags="選挙")
    data["bylines-0-author"] = kim.pk
    with committed():
        assert editor_client.post(change_url(story), data).status_code == 302
    assert list(story.tags.names()) == ["選挙"]
    count = story.revisions.count()

    response = restore(editor_client, first, committed)

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.headline == HEADLINE
    assert sorted(story.tags.names()) == ["Café", "東京"]
    byline = story.bylines.get()
    assert (byline.author.name, byline.credit) == ("Zoë Riley", "Special to The Daily Newsroom")
    assert story.revisions.count() == count + 1
    assert story.revisions.first().data == {**first.data, "slug": story.slug}
    assert "Restored the revision of" in LogEntry.objects.first().get_change_message()


def test_a_restore_keeps_the_address_status_and_corrections(story, editor_client, committed):
    first = story.revisions.first()
    with committed():
        story.headline = NEW_HEADLINE
        story.slug = "bridge-vote-rejected"
        story.status = Article.Status.UNPUBLISHED
        story.save()
        story.corrections.create(text="票数を訂正しました。")
    restore(editor_client, first, committed)
    story.refresh_from_db()
    assert story.headline == HEADLINE
    assert story.slug == "bridge-vote-rejected"
    assert story.status == Article.Status.UNPUBLISHED
    assert story.corrections.count() == 1


def test_a_reporter_cannot_restore_over_a_published_article(reporter, reporter_client, committed):
    with committed():
        article = ArticleFactory(
            headline=HEADLINE, owner=reporter, status="draft", published_at=None
        )
        article.headline = "Café vote ☕"
        article.save()
        article.status = Article.Status.PUBLISHED
        article.save()
    old = article.revisions.last()
    version = article.version

    assert reporter_client.get(restore_url(old)).status_code == 403
    with committed():
        response = reporter_client.post(restore_url(old), {"loaded_version": version})
    assert response.status_code == 403
    article.refresh_from_db()
    assert (article.headline, article.version) == ("Café vote ☕", version)


def test_a_reporter_restores_their_own_draft_with_its_bylines(reporter, reporter_client, committed):
    zoe = reporter.author
    with committed():
        article = ArticleFactory(
            headline=HEADLINE, owner=reporter, status="draft", published_at=None, authors=[zoe]
        )
    old = article.revisions.get()
    with committed():
        article.headline = "Café vote ☕"
        article.save()
        article.bylines.all().delete()
        Byline.objects.create(article=article, author=AuthorFactory(name="Kim Sato"))
    assert restore(reporter_client, old, committed).status_code == 302
    article.refresh_from_db()
    assert article.headline == HEADLINE
    assert [byline.author for byline in article.bylines.all()] == [zoe]


def test_a_revision_without_bylines_keeps_the_current_ones(editor_client, committed, other_editor):
    with committed():
        article = ArticleFactory(headline=HEADLINE, authors=[], status="draft", published_at=None)
    old = article.revisions.get()
    assert old.data["bylines"] == []
    with committed():
        article.headline = "Café vote ☕"
        article.modified_by = other_editor
        article.save()
        Byline.objects.create(article=article, author=AuthorFactory(name="Kim Sato"))
    assert restore(editor_client, old, committed).status_code == 302
    article.refresh_from_db()
    assert article.headline == HEADLINE
    assert [byline.author.name for byline in article.bylines.all()] == ["Kim Sato"]


def test_a_stale_restore_is_refused_with_the_guards_message(
    story, editor_client, committed, other_editor
):
    first = story.revisions.first()
    page = editor_client.get(restore_url(first))
    with committed():
        story.refresh_from_db()
        story.headline = "Alice’s headline, Zürich ✅"
        story.modified_by = other_editor
        story.save()
    with committed():
        response = editor_client.post(restore_url(first), form_data(page, form_id="restore_form"))
    assert response.status_code == 200
    text = text_of(response)
    assert "Alice Ng saved this article at " in text
    assert "Headline (now “Alice’s headline, Zürich ✅”). Nothing was restored." in text
    story.refresh_from_db()
    assert story.headline == "Alice’s headline, Zürich ✅"
    # Restoring again, with Alice's save in view, puts the revision over it on purpose.
    with committed():
        again = editor_client.post(restore_url(first), form_data(response, form_id="restore_form"))
    assert again.status_code == 302
    story.refresh_from_db()
    assert story.headline == HEADLINE


def test_a_restored_body_goes_through_the_cleaning(story, editor_client, committed):
    planted = Revision.objects.create(
        article=story,
        data={
            **story.revisions.first().data,
            "body": "<p>TOKYO — 市議会<script>alert('x')</script> voted.</p>",
        },
    )
    response = restore(editor_client, planted, committed)
    assert response.status_code == 302
    story.refresh_from_db()
    assert "<script>" not in story.body and "alert" not in story.body
    assert "市議会" in story.body
    assert "Removed <script>" in text_of(editor_client.get(change_url(story)))


def test_a_revision_with_a_section_since_deleted_is_refused_clearly(
    story, editor_client, committed
):
    gone = SectionFactory(name="Gone", slug="gone")
    planted = Revision.objects.create(
        article=story, data={**story.revisions.first().data, "section": gone.pk}
    )
    gone.delete()
    response = restore(editor_client, planted, committed)
    assert response.status_code == 200
    assert "Section: Select a valid choice." in text_of(response)
    story.refresh_from_db()
    assert story.headline == HEADLINE


def test_the_public_page_shows_the_restored_headline(story, editor_client, committed):
    first = story.revisions.first()
    with committed():
        story.headline = NEW_HEADLINE
        story.save()
    reader = Client()
    assert NEW_HEADLINE in reader.get(story.get_absolute_url()).content.decode()
    assert reader.get(story.get_absolute_url()).templates == []  # cached
    restore(editor_client, first, committed)
    assert HEADLINE in text_of(reader.get(story.get_absolute_url()))


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


def test_a_restore_keeps_a_scheduled_time_to_the_microsecond(editor_client, committed):
    later = timezone.now() + datetime.timedelta(days=2, microseconds=123)
    with committed():
        article = ArticleFactory(headline=HEADLINE, published_at=later)
    old = article.revisions.get()
    with committed():
        article.headline = "Café vote ☕"
        article.save()
    assert restore(editor_client, old, committed).status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.published_at, article.status) == (
        HEADLINE,
        later,
        Article.Status.PUBLISHED,
    )


def test_the_body_is_compared_as_paragraphs_with_its_photos_named():
    before = (
        '<p>東京 — 市議会は可決した。</p><figure data-photo="12"></figure><p>Zoë said “yes”.</p>'
    )
    after = (
        '<p>東京 — 市議会は否決した。</p><figure data-photo="13"><figcaption>Café</figcaption>'
        "</figure><p>Zoë said “yes” &lt;script&gt;.</p>"
    )
    assert body_text(before) == (
        "東京 — 市議会は可決した。\n\n[Library photo #12]\n\nZoë said “yes”."
    )
    diff = word_diff(body_text(before), body_text(after))
    assert "<del>可</del><ins>否</ins>" in diff
    assert "[Library photo <del>#12]</del><ins>#13] Café</ins>" in diff
    assert "<ins>“yes” &lt;script&gt;.</ins>" in diff
