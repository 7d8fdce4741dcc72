"""Embargoes in the desk: editors set and lift them through the change form; the list,
its filter and the change form say until when, in the newsroom's time; staff not on an
embargoed story do not see it; no input reaches the database's refusal."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, PhotoFactory, SectionFactory, client_of
from tests.page_forms import form_data

from .admin_forms import CHANGELIST_URL, change_data, change_url

pytestmark = pytest.mark.django_db

HEADLINE = "東京湾の新しい橋、市議会が承認 🌉"
TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")
# 10:00 in Tokyo, as an editor types it, is 01:00 UTC.
EMBARGO = datetime.datetime(2030, 4, 5, 10, 0, tzinfo=TOKYO)
EMBARGO_SHOWN = "10:00 JST, April 5, 2030"
TYPED_EMBARGO = {"embargoed_until_0": "2030-04-05", "embargoed_until_1": "10:00:00"}


def preview_url(article):
    return reverse("articles:preview", args=[article.pk])


def draft(**fields):
    politics = SectionFactory(name="Politics", slug="politics")
    fields = {"status": Article.Status.DRAFT, "published_at": None, **fields}
    return ArticleFactory(headline=HEADLINE, slug="tokyo-bay-bridge", section=politics, **fields)


def test_an_editor_sets_an_embargo_and_sees_it_in_jst_on_the_list_and_form(editor_client):
    article = draft()
    page = editor_client.get(change_url(article)).content.decode()
    assert "Asia/Tokyo" in page  # the help text names the zone the time is typed in
    response = editor_client.post(
        change_url(article), change_data(editor_client, article, **TYPED_EMBARGO)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.embargoed_until == EMBARGO
    assert article.embargoed_until.astimezone(datetime.UTC).hour == 1

    listing = editor_client.get(CHANGELIST_URL).content.decode()
    assert f"Draft, embargoed until {EMBARGO_SHOWN}" in listing
    banner = editor_client.get(change_url(article)).content.decode()
    assert f"Embargoed until {EMBARGO_SHOWN}." in banner
    assert "Publishing it without a publication time schedules it for the embargo" in banner


def test_publishing_without_a_time_schedules_it_for_the_embargos_end(editor_client):
    article = draft(embargoed_until=EMBARGO)
    data = change_data(editor_client, article, status="published")
    assert data["published_at_0"] == ""
    assert editor_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.published_at == EMBARGO and not article.is_live
    page = editor_client.get(change_url(article)).content.decode()
    assert "Scheduled for the embargo&#x27;s end." in page
    listing = editor_client.get(CHANGELIST_URL).content.decode()
    assert f"Embargoed until {EMBARGO_SHOWN}" in listing
    # The publication time stays editable until it has come.
    assert 'name="published_at_0"' in page


def test_a_publication_time_before_the_embargo_is_a_field_error_and_saves_nothing(
    editor_client,
):
    article = draft(embargoed_until=EMBARGO)
    data = change_data(
        editor_client,
        article,
        status="published",
        published_at_0="2030-04-05",
        published_at_1="09:59:00",
    )
    response = editor_client.post(change_url(article), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["published_at"] == [
        f"The publication time cannot be before the embargo ends, {EMBARGO_SHOWN}. "
        "Leave it empty to publish at the embargo's end."
    ]
    assert Article.objects.get(pk=article.pk).status == Article.Status.DRAFT


def test_an_embargo_after_an_article_went_out_is_a_field_error_not_a_500(editor_client):
    article = draft(status=Article.Status.PUBLISHED, published_at=timezone.now())
    page = editor_client.get(change_url(article)).content.decode()
    assert 'name="published_at_0"' not in page  # kept once readers have seen it
    response = editor_client.post(
        change_url(article), change_data(editor_client, article, **TYPED_EMBARGO)
    )
    assert response.status_code == 200
    [error] = response.context["adminform"].form.errors["embargoed_until"]
    assert error.startswith("Readers have seen this article since ")
    assert Article.objects.get(pk=article.pk).embargoed_until is None


def test_bulk_publish_schedules_an_embargoed_draft_for_the_embargos_end(editor_client):
    article = draft(embargoed_until=EMBARGO)
    plain = ArticleFactory(headline="Zürich café wins award ☕", status="draft", published_at=None)
    data = form_data(editor_client.get(CHANGELIST_URL), form_id="changelist-form")
    data.update(action="publish", _selected_action=[article.pk, plain.pk])
    response = editor_client.post(CHANGELIST_URL, data, follow=True)
    assert "Published 2 article(s). 1 under embargo: scheduled for the embargo" in (
        response.content.decode()
    )
    article.refresh_from_db()
    plain.refresh_from_db()
    assert (article.status, article.published_at) == (Article.Status.PUBLISHED, EMBARGO)
    assert plain.is_live and plain.published_at <= timezone.now()


def test_the_list_filter_shows_articles_under_embargo(editor_client):
    draft(embargoed_until=EMBARGO)
    ArticleFactory(headline="Zürich café wins award ☕")
    ArticleFactory(
        headline="Embargo over: 日銀 holds rates",
        embargoed_until=timezone.now() - datetime.timedelta(hours=1),
    )
    listing = editor_client.get(CHANGELIST_URL, {"status": "embargoed"}).content.decode()
    assert HEADLINE in listing
    assert "Zürich" not in listing and "日銀" not in listing


def test_a_reporter_cannot_set_or_lift_an_embargo(reporter_client, reporter):
    article = draft(owner=reporter, embargoed_until=EMBARGO)
    page = reporter_client.get(change_url(article)).content.decode()
    assert 'name="embargoed_until_0"' not in page
    assert EMBARGO_SHOWN in page  # shown, read-only
    with pytest.raises(AssertionError, match="embargoed_until_0"):
        change_data(reporter_client, article, embargoed_until_0="")
    forged = change_data(reporter_client, article, headline="東京湾の橋 — reporter's edit")
    forged.update(embargoed_until_0="", embargoed_until_1="")
    assert reporter_client.post(change_url(article), forged).status_code == 302
    article.refresh_from_db()
    assert article.headline == "東京湾の橋 — reporter's edit"
    assert article.embargoed_until == EMBARGO


def test_a_reporter_cannot_embargo_their_own_draft_by_a_forged_post(reporter_client, reporter):
    article = draft(owner=reporter)
    forged = change_data(reporter_client, article)
    forged.update(TYPED_EMBARGO)
    assert reporter_client.post(change_url(article), forged).status_code == 302
    assert Article.objects.get(pk=article.pk).embargoed_until is None


def test_a_reporter_not_on_an_embargoed_story_sees_nothing_of_it(reporter_client, other_reporter):
    article = draft(owner=other_reporter, embargoed_until=EMBARGO)
    ArticleFactory(headline="Zürich café wins award ☕")
    listing = reporter_client.get(CHANGELIST_URL).content.decode()
    assert "Zürich café" in listing and HEADLINE not in listing
    assert HEADLINE not in reporter_client.get(CHANGELIST_URL, {"q": "東京湾"}).content.decode()
    response = reporter_client.get(change_url(article), follow=True)
    assert HEADLINE not in response.content.decode()
    assert "doesn’t exist" in response.content.decode()
    assert reporter_client.get(preview_url(article)).status_code == 404


@pytest.mark.django_db(transaction=True)  # renditions are made on commit
def test_a_photo_in_the_library_does_not_name_an_embargoed_story_to_staff_not_on_it(
    reporter, other_reporter, editor
):
    photo = PhotoFactory(caption="東京湾の橋の模型")
    draft(owner=other_reporter, embargoed_until=EMBARGO, lead_photo=photo)
    ArticleFactory(headline="Zürich café wins award ☕", lead_photo=photo)
    photo_page = reverse("admin:media_photo_change", args=[photo.pk])

    seen_by_reporter = client_of(reporter).get(photo_page).content.decode()
    assert "Zürich café wins award ☕" in seen_by_reporter
    assert HEADLINE not in seen_by_reporter
    assert "1 more you cannot open" in seen_by_reporter
    seen_by_editor = client_of(editor).get(photo_page).content.decode()
    assert HEADLINE in seen_by_editor and "cannot open" not in seen_by_editor


def test_tag_suggestions_leave_out_tags_only_a_hidden_embargoed_story_carries(
    reporter_client, other_reporter, editor
):
    draft(owner=other_reporter, embargoed_until=EMBARGO, tag_names=["合併-Acme", "東京"])
    ArticleFactory(tag_names=["東京"])
    suggestions = reverse("admin:articles_article_tag_suggestions")
    assert reporter_client.get(suggestions, {"q": "合"}).json() == {"tags": []}
    assert reporter_client.get(suggestions, {"q": "東"}).json() == {"tags": ["東京"]}
    assert client_of(editor).get(suggestions, {"q": "合"}).json() == {"tags": ["合併-Acme"]}


def test_staff_on_an_embargoed_story_see_it_with_the_embargo_banner(
    reporter, other_reporter, photo_editor
):
    owned = draft(owner=reporter, embargoed_until=EMBARGO)
    bylined = ArticleFactory(
        headline="大阪の新しい港 — Osaka's harbour 🚢",
        status="review",
        published_at=None,
        embargoed_until=EMBARGO,
        owner=other_reporter,
        authors=[reporter.author],
    )
    reporter_client = client_of(reporter)
    for article in (owned, bylined):
        assert reporter_client.get(change_url(article)).status_code == 200
        preview = reporter_client.get(preview_url(article)).content.decode()
        assert f"EMBARGOED UNTIL {EMBARGO_SHOWN.upper()}." in preview
    listing = reporter_client.get(CHANGELIST_URL).content.decode()
    assert HEADLINE in listing and "Osaka" in listing
    # A photo editor, who may preview any article, is on neither.
    assert client_of(photo_editor).get(preview_url(owned)).status_code == 404


def test_once_the_embargo_has_ended_everyone_sees_the_article(reporter_client, other_reporter):
    article = draft(
        owner=other_reporter, embargoed_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert HEADLINE in reporter_client.get(CHANGELIST_URL).content.decode()
    preview = reporter_client.get(preview_url(article)).content.decode()
    assert "EMBARGOED" not in preview
