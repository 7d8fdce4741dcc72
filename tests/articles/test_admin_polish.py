"""The article's change form as an editor and a reporter walk through it: what comes
where, and what each box says."""

import datetime
import re
import zoneinfo

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from articles.corrections import add_correction
from tests.factories import ArticleFactory, UserFactory

from .admin_forms import change_data, change_url

pytestmark = pytest.mark.django_db

BRIDGE = "東京湾の新しい橋、市議会が承認 🌉"
CAFE = "Zoë Riley’s café is in 東京."
MADE_AT = datetime.datetime(2025, 4, 5, 10, 2, tzinfo=zoneinfo.ZoneInfo("Asia/Tokyo"))


def user_url(user):
    return reverse("admin:auth_user_change", args=[user.pk])


def test_the_corrections_come_after_the_fields_and_the_readers_panel_last(editor_client):
    article = ArticleFactory(headline=BRIDGE, status="published")
    page = editor_client.get(change_url(article)).content.decode()

    publication = page.index('id="fieldset-0-3-heading"')
    corrections = page.index('id="corrections-group"')
    readers = page.index("<h2>Readers</h2>")
    assert publication < corrections < readers < page.index('class="submit-row"')


def test_a_correction_row_is_headed_by_its_kind_and_time_not_the_headline(editor, editor_client):
    article = ArticleFactory(headline=BRIDGE, status="published")
    add_correction(article, kind="correction", text=CAFE, by=editor, made_at=MADE_AT)
    page = editor_client.get(change_url(article)).content.decode()

    corrections = page[page.index('id="corrections-group"') :]
    assert "Correction, 10:02 JST, April 5, 2025" in corrections
    assert BRIDGE not in corrections
    assert "Made at (JST)" in corrections


def test_a_reporter_reads_the_corrections_with_their_zone(editor, reporter, reporter_client):
    article = ArticleFactory(headline=BRIDGE, owner=reporter, status="in_review")
    add_correction(article, kind="correction", text=CAFE, by=editor, made_at=MADE_AT)
    page = reporter_client.get(change_url(article)).content.decode()

    assert "Made at (JST)" in page
    assert "10:02 JST, April 5, 2025" in page
    assert "No corrections." not in page


def test_a_reporter_is_told_there_are_no_corrections_and_can_still_save(reporter, reporter_client):
    article = ArticleFactory(headline=BRIDGE, owner=reporter, status="draft")
    page = reporter_client.get(change_url(article)).content.decode()
    assert "No corrections. Editors add them." in page

    data = change_data(reporter_client, article, headline="東京湾の橋、承認 🌉")
    assert reporter_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.headline == "東京湾の橋、承認 🌉"


def test_a_reporter_sees_the_owner_by_name_without_a_link_they_may_not_open(
    reporter, reporter_client
):
    reporter.first_name, reporter.last_name = "Zoë", "Riley"
    reporter.save()
    article = ArticleFactory(headline=BRIDGE, owner=reporter, status="draft")
    page = reporter_client.get(change_url(article)).content.decode()

    owner = page[page.index("Owner:") :]
    owner = owner[: owner.index("</div>")]
    assert "Zoë Riley" in owner
    assert "<a " not in owner
    assert reporter_client.get(user_url(reporter)).status_code == 403


def test_someone_who_may_open_users_gets_the_owner_as_a_link(reporter, client):
    reader_of_users = UserFactory(username="ユーザー係", is_staff=True)
    reader_of_users.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_article", "view_user"])
    )
    client.force_login(reader_of_users)
    article = ArticleFactory(headline=BRIDGE, owner=reporter, status="draft")
    page = client.get(change_url(article)).content.decode()

    assert f'<a href="{user_url(reporter)}">zoë-riley</a>' in page


def test_the_summary_is_a_three_row_box_kept_to_one_line(editor_client):
    article = ArticleFactory(headline=BRIDGE, summary="Café Zürich の店主は反対 ☕")
    page = editor_client.get(change_url(article)).content.decode()
    box = re.search(r"<textarea[^>]*name=\"summary\"[^>]*>", page).group(0)
    assert 'rows="3"' in box
    assert 'data-max-length="300"' in box

    typed = "市議会は 31 対 9 で可決した。\r\nThe Café Zürich owners object."
    data = change_data(editor_client, article, summary=typed)
    assert editor_client.post(change_url(article), data).status_code == 302
    article.refresh_from_db()
    assert article.summary == "市議会は 31 対 9 で可決した。 The Café Zürich owners object."
