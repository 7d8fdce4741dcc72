"""Two people editing one article: the second save from a stale copy is refused."""

import pytest
from django.urls import reverse

from articles.models import Article, StaleArticleError
from articles.services import publish_articles
from tests.factories import ArticleFactory

from .admin_forms import change_data

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_a_save_from_a_stale_copy_is_refused_and_shows_what_changed(editor_client):
    article = ArticleFactory(
        headline="Original headline", status=Article.Status.REVIEW, published_at=None
    )
    alice_copy = change_data(article)
    bob_copy = change_data(article)

    assert (
        editor_client.post(
            change_url(article), {**alice_copy, "headline": "Alice's headline"}
        ).status_code
        == 302
    )

    response = editor_client.post(
        change_url(article), {**bob_copy, "summary": "Bob's new summary."}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved this article while you were editing it." in html
    assert "Headline (saved: “Alice&#x27;s headline”)" in html
    assert "Bob&#x27;s new summary." in html  # the stale copy is still in the form
    article.refresh_from_db()
    assert article.headline == "Alice's headline"
    assert article.summary != "Bob's new summary."


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
    publish_articles(Article.objects.filter(pk=article.pk))

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
