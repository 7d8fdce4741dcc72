"""Two people editing one article: the second save from a stale copy is refused."""

import pytest
from django.db.models import F

from articles.models import Article, Byline, StaleArticleError
from articles.services import publish_articles
from tests.factories import ArticleFactory, AuthorFactory, UserFactory

from .admin_forms import change_data, change_url

pytestmark = pytest.mark.django_db


def test_a_save_from_a_stale_copy_is_refused_and_shows_what_changed(client, editor):
    article = ArticleFactory(
        headline="Original headline", status=Article.Status.REVIEW, published_at=None
    )
    alice = UserFactory(username="alice", first_name="Alice", last_name="Ng")
    alice.groups.add(*editor.groups.all())
    alice_copy = change_data(article)
    bob_copy = change_data(article)

    client.force_login(alice)
    assert (
        client.post(change_url(article), {**alice_copy, "headline": "Alice's headline"}).status_code
        == 302
    )

    client.force_login(editor)
    response = client.post(change_url(article), {**bob_copy, "summary": "Bob's new summary."})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Alice Ng saved this article at" in html
    assert "after you opened it, changing: Headline (now “Alice&#x27;s headline”)." in html
    assert "Summary" not in html.split("changing:")[1].split("Your changes")[0]
    assert "Your changes have not been saved; they are still in this form." in html
    assert "Bob&#x27;s new summary." in html  # the stale copy is still in the form
    article.refresh_from_db()
    assert article.headline == "Alice's headline"
    assert article.summary != "Bob's new summary."


def test_changes_to_tags_and_bylines_are_named_too(editor_client):
    article = ArticleFactory(status=Article.Status.REVIEW, published_at=None, tag_names=["old"])
    stale = change_data(article)
    article.tags.set(["budget", "tax"])
    Byline.objects.create(article=article, author=AuthorFactory(name="Kim Sato"))
    Article.objects.filter(pk=article.pk).update(version=F("version") + 1)

    response = editor_client.post(change_url(article), {**stale, "summary": "Mine."})

    html = response.content.decode()
    assert "changing: Tags (now “budget, tax”); Bylines (now “Kim Sato”)." in html
    assert set(article.tags.names()) == {"budget", "tax"}


def test_saving_again_after_seeing_the_conflict_is_a_deliberate_overwrite(editor_client):
    article = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    stale = change_data(article)
    editor_client.post(change_url(article), {**stale, "headline": "First"})

    refused = editor_client.post(change_url(article), {**stale, "headline": "Second"})
    form = refused.context["adminform"].form
    resubmitted = {**stale, "headline": "Second", "loaded_version": form["loaded_version"].value()}

    assert editor_client.post(change_url(article), resubmitted).status_code == 302
    article.refresh_from_db()
    assert article.headline == "Second"


def test_a_form_opened_before_a_publish_action_is_stale(editor_client):
    article = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    opened = change_data(article)
    publish_articles(Article.objects.filter(pk=article.pk), by=None)

    response = editor_client.post(change_url(article), {**opened, "headline": "Late edit"})

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


def test_the_model_refuses_a_stale_save_on_every_path():
    article = ArticleFactory()
    first, second = Article.objects.get(pk=article.pk), Article.objects.get(pk=article.pk)
    first.headline = "First"
    first.save()
    second.headline = "Second"
    with pytest.raises(StaleArticleError):
        second.save()
    article.refresh_from_db()
    assert article.headline == "First"
