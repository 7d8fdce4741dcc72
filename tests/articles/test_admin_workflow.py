"""The desk's day through the admin: a reporter files, an editor publishes, readers see it."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.formatting import newsroom_time
from articles.forms import ArticleAdminForm
from articles.models import Article
from media.models import Photo
from tests.factories import ArticleFactory, SectionFactory
from tests.images import image_upload
from tests.page_forms import form_data

from .admin_forms import (
    ADD_URL,
    CHANGELIST_URL,
    add_data,
    article_action_data,
    change_data,
    change_url,
)

pytestmark = pytest.mark.django_db


def upload_photo(client):
    """Add a photo from the article form's "+" button: the photo add page as a popup."""
    url = f"{reverse('admin:media_photo_add')}?_popup=1"
    data = form_data(
        client.get(url),
        form_id="photo_form",
        alt_text="A bridge over a harbour at dusk",
        caption="The planned bridge, seen from the port on Monday.",
        credit="Kim Sato / Newsroom",
    )
    data["image"] = image_upload("harbour.jpg", size=(320, 180))
    return client.post(url, data)


def test_reporter_files_an_editor_publishes_and_readers_see_it(client, reporter, editor):
    politics = SectionFactory(name="Politics", slug="politics")

    client.force_login(reporter)
    response = upload_photo(client)
    assert response.status_code == 200, response.content  # the popup closes itself
    photo = Photo.objects.get()
    assert (photo.width, photo.height, photo.uploaded_by) == (320, 180, reporter)

    response = client.post(
        ADD_URL,
        add_data(
            client,
            section=politics,
            bylines=[reporter.author],
            lead_photo=photo.pk,
            status="review",
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get()
    assert article.status == Article.Status.REVIEW
    assert article.owner == reporter
    assert [b.author.name for b in article.bylines.all()] == ["Riley Reporter"]
    assert article.published_at is None

    client.force_login(editor)
    before = timezone.now()
    response = client.post(
        CHANGELIST_URL, {"action": "publish", "_selected_action": [article.pk]}, follow=True
    )
    assert "Published 1 article(s)." in response.content.decode()
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at >= before

    client.logout()
    time_text = newsroom_time(article.published_at)
    assert re.fullmatch(r"\d{2}:\d{2} JST, [A-Z][a-z]+ \d{1,2}, \d{4}", time_text)
    for url in [
        "/",
        "/politics/",
        "/tags/大阪/",
        "/authors/riley-reporter/",
        article.get_absolute_url(),
    ]:
        html = client.get(url).content.decode()
        assert "大阪市議会、新しい港の橋を承認 🌉" in html, url
        assert time_text in html, url
    article_html = client.get(article.get_absolute_url()).content.decode()
    assert "The planned bridge, seen from the port on Monday." in article_html
    assert '<span class="dateline">OSAKA —</span>' in article_html


def test_the_change_page_carries_every_field_of_the_form_and_the_version_it_shows(
    editor_client,
):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None, tag_names=["港"])
    data = change_data(editor_client, article)
    posted_names = {name.removesuffix("_0").removesuffix("_1") for name in data}
    assert set(ArticleAdminForm.Meta.fields) <= posted_names
    assert data["loaded_version"] == str(article.version)
    assert data["loaded_fingerprint"].startswith("{")


def test_publishing_keeps_the_first_publication_time(editor_client):
    first = timezone.now() - datetime.timedelta(days=3)
    article = ArticleFactory(status=Article.Status.UNPUBLISHED, published_at=first)
    editor_client.post(CHANGELIST_URL, article_action_data(editor_client, "publish", article))
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at == first


def test_the_first_publication_time_cannot_be_changed_once_out(editor_client):
    first = timezone.now() - datetime.timedelta(days=30)
    article = ArticleFactory(published_at=first)
    page = editor_client.get(change_url(article))
    assert 'name="published_at_0"' not in page.content.decode()
    data = change_data(editor_client, article, headline="New headline")
    # A hand-made POST emptying the time the page no longer offers.
    response = editor_client.post(
        change_url(article), {**data, "published_at_0": "", "published_at_1": ""}
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "New headline"
    assert article.published_at == first


def test_marking_an_update_on_a_scheduled_article_changes_nothing_for_readers(editor_client):
    article = ArticleFactory(published_at=timezone.now() + datetime.timedelta(hours=3))
    data = change_data(editor_client, article, tick=["mark_updated"])
    assert editor_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.updated_at is None


def test_editor_schedules_an_article_for_later(editor_client):
    article = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    later = timezone.localtime() + datetime.timedelta(days=1)
    response = editor_client.post(
        change_url(article),
        change_data(
            editor_client,
            article,
            status="published",
            published_at_0=later.strftime("%Y-%m-%d"),
            published_at_1="06:30:00",
        ),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_scheduled
    assert editor_client.get(article.get_absolute_url()).status_code == 404
    listed = editor_client.get(CHANGELIST_URL + "?status=scheduled").content.decode()
    assert article.headline in listed


def test_a_substantive_update_is_marked_for_readers(editor_client):
    article = ArticleFactory()
    response = editor_client.post(
        change_url(article),
        change_data(editor_client, article, headline="Corrected", tick=["mark_updated"]),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.updated_at is not None
    assert "Updated <time" in editor_client.get(article.get_absolute_url()).content.decode()


def test_unpublish_takes_an_article_off_the_site(editor_client):
    article = ArticleFactory()
    editor_client.post(CHANGELIST_URL, article_action_data(editor_client, "unpublish", article))
    article.refresh_from_db()
    assert article.status == Article.Status.UNPUBLISHED
    assert editor_client.get(article.get_absolute_url()).status_code == 404


def test_article_list_shows_what_the_desk_needs(editor_client, committed):
    with committed():  # the list's search reads the search index, written at the commit
        article = ArticleFactory(
            headline="Budget talks resume",
            published_at=datetime.datetime(2025, 4, 4, 8, 25, tzinfo=datetime.UTC),
        )
    html = editor_client.get(CHANGELIST_URL).content.decode()
    assert "Budget talks resume" in html
    assert "17:25 JST, April 4, 2025" in html
    assert "Politics" in html
    searched = editor_client.get(CHANGELIST_URL + "?q=Second+paragraph").content.decode()
    assert article.headline in searched


def test_staff_preview_a_draft_that_readers_cannot_see(client, editor):
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    preview_url = reverse("articles:preview", args=[draft.pk])

    assert client.get(preview_url).status_code == 302  # to the login page

    client.force_login(editor)
    response = client.get(preview_url)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"]
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "Preview: Draft" in html
    assert draft.headline in html


def test_view_on_site_only_for_published_articles(editor_client):
    draft = ArticleFactory(status=Article.Status.DRAFT, published_at=None)
    live = ArticleFactory()
    assert "viewsitelink" not in editor_client.get(change_url(draft)).content.decode()
    assert live.get_absolute_url() in editor_client.get(change_url(live)).content.decode()


def test_tag_box_suggests_existing_tags(editor_client):
    ArticleFactory(tag_names=["European Union", "Energy", "Elections"])
    url = reverse("admin:articles_article_tag_suggestions")
    assert editor_client.get(url, {"q": "EL"}).json() == {"tags": ["Elections"]}
    assert editor_client.get(url, {"q": "e"}).json() == {
        "tags": ["Elections", "Energy", "European Union"]
    }
    assert editor_client.get(url).json() == {"tags": []}
    form = editor_client.get(ADD_URL).content.decode()
    assert 'data-tag-source="/admin/articles/article/tag-suggestions/"' in form
