"""`make run`'s setup_local leaves what production's daily timer would have: snapshots."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from rankings.buckets import add_views
from rankings.models import RankingSnapshot
from rankings.windows import day_start
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def local(settings, tmp_path, roles):
    settings.DEBUG = True
    settings.VAR_DIR = tmp_path / "var"  # not there yet, as in a fresh clone


def reads_on(article, day, views, hour=9):
    add_views(
        article.pk, article.section_id, day_start(day) + datetime.timedelta(hours=hour), views
    )


def setup_local():
    out = io.StringIO()
    call_command("setup_local", stdout=out)
    return out.getvalue()


def test_each_past_day_with_reads_gets_its_snapshot(local):
    politics = SectionFactory(name="Politics", slug="politics")
    week_ago = TODAY - datetime.timedelta(days=7)
    first = ArticleFactory(
        headline="東京の選挙 — Café ☕", section=politics, published_at=day_start(week_ago)
    )
    second = ArticleFactory(headline="Économie", section=politics, published_at=first.published_at)
    for days_back in [7, 5, 1]:
        reads_on(first, TODAY - datetime.timedelta(days=days_back), 30)
        reads_on(second, TODAY - datetime.timedelta(days=days_back), 10 * days_back)
    # 02:00 in the newsroom's zone (Tokyo: the day before, in UTC) belongs to its own day.
    reads_on(second, TODAY - datetime.timedelta(days=1), 100, hour=2)
    reads_on(first, TODAY, 999)

    output = setup_local()

    days = sorted(set(RankingSnapshot.objects.values_list("day", flat=True)))
    assert days == [TODAY - datetime.timedelta(days=n) for n in (7, 5, 1)]
    assert "Ranking snapshots for 3 past day(s)" in output
    number_one = {
        line.day: (line.headline, line.views)
        for line in RankingSnapshot.objects.filter(section=None, rank=1)
    }
    assert number_one == {
        TODAY - datetime.timedelta(days=7): ("Économie", 70),
        TODAY - datetime.timedelta(days=5): ("Économie", 50),
        TODAY - datetime.timedelta(days=1): ("Économie", 110),
    }
    assert RankingSnapshot.objects.filter(section=politics).count() == 6


def test_a_later_start_fills_in_only_the_missing_days(local):
    article = ArticleFactory(headline="東京 ☕")
    reads_on(article, TODAY - datetime.timedelta(days=3), 5)
    setup_local()
    first_lines = list(RankingSnapshot.objects.values_list("pk", flat=True))

    reads_on(article, TODAY - datetime.timedelta(days=2), 7)
    output = setup_local()

    assert "Ranking snapshots for 1 past day(s)" in output
    assert set(first_lines) < set(RankingSnapshot.objects.values_list("pk", flat=True))
    assert RankingSnapshot.objects.filter(day=TODAY - datetime.timedelta(days=2)).exists()
    assert "Ranking snapshots" not in setup_local()
