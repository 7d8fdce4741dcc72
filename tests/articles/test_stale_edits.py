"""Two people editing one article: a save from a copy older than the saved article is refused.

Every form here is the one the change page rendered, read back with its hidden inputs.
"""

import html
import threading
import time

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from articles.admin import ArticleAdmin
from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory, client_of
from tests.page_forms import form_data

from .admin_forms import CHANGELIST_URL, change_data, change_url

pytestmark = pytest.mark.django_db

NOT_SAVED = "Your changes have not been saved; they are still in this form."


@pytest.fixture
def alice(other_editor):
    """A second editor, in a browser of her own."""
    return client_of(other_editor)


def stale_message(response):
    """The refusal as the page shows it, or None when the page shows none."""
    assert response.status_code == 200, response.status_code
    text = html.unescape(response.content.decode())
    if NOT_SAVED not in text:
        return None
    return text.split('<ul class="errorlist nonfield"><li>')[1].split("</li>")[0]


def changes_named(response):
    """The list of what the other person changed, as the message words it."""
    return stale_message(response).split("changing: ")[1].split(". Your changes")[0]


def test_a_save_from_a_stale_copy_is_refused_naming_only_what_changed(editor_client, alice):
    article = ArticleFactory(
        headline="Original headline", status=Article.Status.REVIEW, published_at=None
    )
    bob_copy = change_data(editor_client, article, summary="Bob’s new summary, café ☕.")

    alice_copy = change_data(alice, article, headline="港の新しい橋、市議会が承認")
    assert alice.post(change_url(article), alice_copy).status_code == 302

    response = editor_client.post(change_url(article), bob_copy)

    message = stale_message(response)
    assert message.startswith("Alice Ng saved this article at ")
    assert changes_named(response) == "Headline (now “港の新しい橋、市議会が承認”)"
    assert NOT_SAVED in message
    # Bob's copy is still in the form, to save again or compare.
    assert form_data(response, form_id="article_form")["summary"] == "Bob’s new summary, café ☕."
    article.refresh_from_db()
    assert article.headline == "港の新しい橋、市議会が承認"
    assert article.summary != "Bob’s new summary, café ☕."


def test_changes_to_tags_and_bylines_are_named_too(editor_client, alice):
    article = ArticleFactory(status=Article.Status.REVIEW, published_at=None, tag_names=["old"])
    stale = change_data(editor_client, article, summary="Mine.")

    theirs = change_data(alice, article, tags="budget, 東京")
    added = int(theirs["bylines-TOTAL_FORMS"])
    theirs["bylines-TOTAL_FORMS"] = str(added + 1)
    theirs[f"bylines-{added}-author"] = AuthorFactory(name="Kim Sato").pk
    theirs[f"bylines-{added}-position"] = str(added)
    assert alice.post(change_url(article), theirs).status_code == 302

    response = editor_client.post(change_url(article), stale)

    named = changes_named(response)
    assert named.startswith("Tags (now “budget, 東京”); Bylines (now “")
    assert "Kim Sato" in named
    assert set(article.tags.names()) == {"budget", "東京"}


def test_saving_again_after_seeing_the_conflict_is_a_deliberate_overwrite(editor_client, alice):
    article = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    stale = change_data(editor_client, article, headline="Second")
    alice.post(change_url(article), change_data(alice, article, headline="First"))

    refused = editor_client.post(change_url(article), stale)
    assert changes_named(refused) == "Headline (now “First”)"

    again = form_data(refused, form_id="article_form")
    assert again["headline"] == "Second"
    assert editor_client.post(change_url(article), again).status_code == 302
    article.refresh_from_db()
    assert article.headline == "Second"


def test_reloading_starts_from_the_saved_version(editor_client, alice):
    article = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    change_data(editor_client, article)  # opened, then left
    alice.post(change_url(article), change_data(alice, article, headline="First"))

    response = editor_client.post(change_url(article), change_data(editor_client, article))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "First"


def test_a_form_opened_before_the_publish_action_is_stale(editor_client, alice):
    article = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    opened = change_data(editor_client, article, headline="Late edit")
    action = form_data(alice.get(CHANGELIST_URL), form_id="changelist-form", action="publish")
    action["_selected_action"] = [article.pk]
    alice.post(CHANGELIST_URL, action)

    response = editor_client.post(change_url(article), opened)

    assert changes_named(response).startswith("Status (now “Published”); Publication time (now ")
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.headline != "Late edit"


def test_a_save_from_code_is_one_write_and_makes_open_forms_stale(editor_client):
    article = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    opened = change_data(editor_client, article, summary="From the desk.")
    copy = Article.objects.get(pk=article.pk)
    copy.headline = "Corrected by a script"

    with CaptureQueriesContext(connection) as queries:
        copy.save()

    writes = [query["sql"] for query in queries if not query["sql"].startswith("SELECT")]
    assert len(writes) == 1, writes
    assert writes[0].startswith("UPDATE")
    assert copy.version == article.version + 1
    assert Article.objects.get(pk=article.pk).version == copy.version

    response = editor_client.post(change_url(article), opened)
    assert changes_named(response) == "Headline (now “Corrected by a script”)"


def test_a_save_of_some_fields_from_code_moves_the_version_on_too(editor_client):
    article = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    opened = change_data(editor_client, article)
    before = article.version
    article.summary = "Trimmed by a script."
    article.save(update_fields=["summary"])

    assert article.version == Article.objects.get(pk=article.pk).version == before + 1
    response = editor_client.post(change_url(article), opened)
    assert changes_named(response) == "Summary (now “Trimmed by a script.”)"


def test_a_failed_save_from_code_leaves_the_copy_as_it_was():
    ArticleFactory(slug="taken")
    article = ArticleFactory(headline="東京: the copy")
    before = article.version
    article.slug = "taken"
    with pytest.raises(IntegrityError), transaction.atomic():
        article.save()
    assert article.version == before  # a number again, not the expression it tried


def test_saving_an_article_deleted_meanwhile_fails_rather_than_bringing_it_back():
    article = ArticleFactory(headline="Café closes")
    Article.objects.filter(pk=article.pk).delete()
    article.headline = "Café reopens"
    with pytest.raises(DatabaseError, match="did not affect any rows"), transaction.atomic():
        article.save()
    assert not Article.objects.exists()


def test_an_admin_save_moves_the_version_on_in_its_one_update(editor_client):
    article = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    data = change_data(editor_client, article, headline="New headline")

    with CaptureQueriesContext(connection) as queries:
        assert editor_client.post(change_url(article), data).status_code == 302

    article_updates = [
        query["sql"] for query in queries if query["sql"].startswith('UPDATE "articles_article"')
    ]
    assert len(article_updates) == 1, article_updates
    assert Article.objects.get(pk=article.pk).version == article.version + 1


@pytest.mark.django_db(transaction=True)
def test_two_saves_of_one_version_at_once_cannot_both_pass(editor, monkeypatch):
    """The row lock in the check: on PostgreSQL, without it, both saves would pass.

    (SQLite runs one write transaction at a time, so there it holds in any case.)
    """
    article = ArticleFactory(status=Article.Status.REVIEW, published_at=None)
    first, second = client_of(editor), client_of(editor)
    first_form = change_data(first, article, headline="First")
    second_form = change_data(second, article, summary="Second")

    # The first save stops a moment after its check has passed, before it writes.
    checked = threading.Event()
    save_model = ArticleAdmin.save_model

    def slow_save_model(admin, request, obj, form, change):
        if obj.headline == "First":
            checked.set()
            time.sleep(0.5)
        save_model(admin, request, obj, form, change)

    monkeypatch.setattr(ArticleAdmin, "save_model", slow_save_model)
    answers = {}

    def post_first():
        try:
            answers["first"] = first.post(change_url(article), first_form)
        finally:
            connection.close()

    thread = threading.Thread(target=post_first)
    thread.start()
    assert checked.wait(timeout=10)
    answers["second"] = second.post(change_url(article), second_form)
    thread.join()

    assert answers["first"].status_code == 302
    assert changes_named(answers["second"]) == "Headline (now “First”)"
    article.refresh_from_db()
    assert (article.headline, article.summary) == ("First", "What happened, in a sentence.")
