"""What the revision tests share: the story's headlines, the History pages' addresses, and
pressing Restore as an editor does."""

import html

from django.urls import reverse

from tests.page_forms import form_data

HEADLINE = "東京湾の新しい橋、市議会が承認 🌉"
NEW_HEADLINE = "東京湾の新しい橋、市議会が否決 🌉"


def history_url(article):
    return reverse("admin:articles_article_history", args=[article.pk])


def restore_url(revision):
    return reverse(
        "admin:articles_article_restore_revision", args=[revision.article_id, revision.pk]
    )


def text_of(response):
    return html.unescape(response.content.decode())


def restore(client, revision, committed):
    """Open the restore page as the client does, and press Restore."""
    page = client.get(restore_url(revision))
    assert page.status_code == 200, page.status_code
    data = form_data(page, form_id="restore_form")
    with committed():
        return client.post(restore_url(revision), data)
