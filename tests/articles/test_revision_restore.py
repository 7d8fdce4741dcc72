"""Restoring a revision: through the article form, with its roles, guard and cleaning; what
it brings back and what it keeps.

Posts are the forms the admin pages rendered; each request is committed as a real one is
(`committed`), so the revisions recorded after the commit are there to read.
"""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.utils import timezone

from articles.models import Article, Byline, Revision
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory
from tests.page_forms import form_data

from .admin_forms import change_data, change_url
from .revision_pages import HEADLINE, NEW_HEADLINE, restore, restore_url, text_of

pytestmark = pytest.mark.django_db


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
        # Forged: the restore page itself was refused above, so there is no form to send.
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
