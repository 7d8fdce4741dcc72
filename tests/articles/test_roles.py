"""The role rules hold on every path: change form, list actions and hand-made POSTs."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, SectionFactory, client_of

from .admin_forms import ADD_URL, CHANGELIST_URL, add_data, change_data, change_url

pytestmark = pytest.mark.django_db


def form_errors(response):
    return response.context["adminform"].form.errors


def test_the_roles_exist_as_groups():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Reporter",
        "Editor",
        "Photo editor",
    }
    editor = Group.objects.get(name="Editor").permissions.values_list("codename", flat=True)
    assert {"publish_article", "edit_any_article", "change_section", "change_author"} <= set(editor)


def test_reporter_cannot_create_an_article_as_published(reporter_client):
    response = reporter_client.post(
        ADD_URL,
        # Not among the choices the page offers a reporter: typed into the POST by hand.
        add_data(reporter_client, section=SectionFactory(), forged={"status": "published"}),
    )
    assert response.status_code == 200
    assert "status" in form_errors(response)
    assert not Article.objects.exists()


def test_reporter_cannot_publish_their_own_draft(reporter_client, reporter):
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None, owner=reporter)
    # The page offers no "Published": a hand-made POST sends it anyway.
    forged = change_data(reporter_client, draft, status="published")
    response = reporter_client.post(change_url(draft), forged)
    assert response.status_code == 200
    assert form_errors(response)["status"] == ["Only an editor can give an article this status."]
    assert "Only an editor can give an article this status." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_reporter_is_offered_only_draft_and_review(reporter_client, reporter):
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None, owner=reporter)
    page = reporter_client.get(change_url(draft)).content.decode()
    select = page.split('name="status"')[1].split("</select>")[0]
    assert re.findall(r'<option value="([^"]*)"', select) == ["draft", "review"]
    assert 'name="published_at_0"' not in page
    assert 'name="owner"' not in page


def test_reporter_can_submit_their_draft_for_review(reporter_client, reporter):
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None, owner=reporter)
    response = reporter_client.post(
        change_url(draft), change_data(reporter_client, draft, status="review")
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.REVIEW


def test_reporter_cannot_use_the_publish_actions(reporter_client, reporter):
    draft = ArticleFactory(status=Article.Status.REVIEW, published_at=None, owner=reporter)
    live = ArticleFactory(owner=reporter)
    changelist = reporter_client.get(CHANGELIST_URL).content.decode()
    assert 'value="publish"' not in changelist
    for action, article in [("publish", draft), ("unpublish", live)]:
        reporter_client.post(CHANGELIST_URL, {"action": action, "_selected_action": [article.pk]})
    draft.refresh_from_db()
    live.refresh_from_db()
    assert draft.status == Article.Status.REVIEW
    assert live.status == Article.Status.PUBLISHED


def test_reporter_cannot_set_a_publication_time_by_hand(reporter_client, reporter):
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None, owner=reporter)
    response = reporter_client.post(
        change_url(draft),
        {
            **change_data(reporter_client, draft),
            "published_at_0": "2025-01-01",
            "published_at_1": "10:00:00",
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.published_at is None


def test_reporter_cannot_edit_another_reporters_draft(client, reporter, other_reporter):
    theirs = ArticleFactory(
        status=Article.Status.DRAFT, published_at=None, owner=other_reporter, headline="Theirs"
    )
    client.force_login(other_reporter)
    their_form = change_data(client, theirs, headline="Mine now")
    client.force_login(reporter)
    response = client.post(change_url(theirs), their_form)
    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.headline == "Theirs"


def test_reporter_cannot_edit_a_published_article_even_their_own(reporter_client, reporter, editor):
    live = ArticleFactory(owner=reporter, headline="As published")
    response = reporter_client.post(
        change_url(live), change_data(client_of(editor), live, headline="Changed")
    )
    assert response.status_code == 403
    live.refresh_from_db()
    assert live.headline == "As published"


def test_reporter_cannot_delete_articles(reporter_client, reporter):
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None, owner=reporter)
    url = reverse("admin:articles_article_delete", args=[draft.pk])
    assert reporter_client.post(url, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=draft.pk).exists()


def test_reporter_cannot_change_ownership(reporter_client, reporter, other_reporter):
    response = reporter_client.post(
        ADD_URL,
        add_data(
            reporter_client,
            section=SectionFactory(),
            bylines=[reporter.author],
            # The owner is not editable for a reporter: forged.
            forged={"owner": other_reporter.pk},
        ),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.owner == reporter
    assert [b.author.name for b in article.bylines.all()] == ["Riley Reporter"]


def test_editor_edits_and_publishes_anyones_article(editor_client, reporter):
    draft = ArticleFactory(status=Article.Status.REVIEW, published_at=None, owner=reporter)
    response = editor_client.post(
        change_url(draft),
        change_data(editor_client, draft, headline="Edited by the desk", status="published"),
    )
    assert response.status_code == 302, form_errors(response)
    draft.refresh_from_db()
    assert draft.headline == "Edited by the desk"
    assert draft.is_live
    assert draft.published_at <= timezone.now()


def test_editor_orders_bylines(editor_client):
    first, second = AuthorFactory(name="First Writer"), AuthorFactory(name="Second Writer")
    article = ArticleFactory(authors=[first, second])
    data = change_data(editor_client, article)
    data["bylines-0-position"], data["bylines-1-position"] = "2", "1"
    assert editor_client.post(change_url(article), data).status_code == 302
    names = [b.author.name for b in article.bylines.all()]
    assert names == ["Second Writer", "First Writer"]
    assert (
        "Second Writer</a> and <a" in editor_client.get(article.get_absolute_url()).content.decode()
    )


def test_photo_editor_manages_photos_but_not_articles(client, photo_editor, editor):
    client.force_login(photo_editor)
    assert client.get(reverse("admin:media_photo_add")).status_code == 200
    assert client.get(ADD_URL).status_code == 403
    article = ArticleFactory(published_at=timezone.now() - datetime.timedelta(days=1))
    desk_form = change_data(client_of(editor), article)
    assert client.post(change_url(article), desk_form).status_code == 403
