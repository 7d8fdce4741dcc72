"""The daily rollup_views command, run as the timer runs it: what it writes and forgets,
what it prints, and that a second run changes nothing."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from rankings.buckets import hour_of
from rankings.models import DailyViews, HourlyViews, ReaderMarker
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def rollup_views():
    out = io.StringIO()
    call_command("rollup_views", stdout=out)
    return out.getvalue()


def daily_rows():
    return sorted(
        DailyViews.objects.values_list("article__headline", "section__slug", "day", "views")
    )


@pytest.fixture
def reads(settings):
    """Reads on the last few UTC days and today, with hourly buckets kept for three days."""
    settings.RANKINGS_HOURLY_RETENTION_DAYS = 3
    today = hour_of(timezone.now()).replace(hour=0)  # UTC midnight
    days = {n: today - datetime.timedelta(days=n) for n in range(6)}
    politics = ArticleFactory(headline="東京の選挙 — Café ☕")
    business = ArticleFactory(
        headline="Zürich harbour bridge opens",
        section=SectionFactory(name="Économie", slug="economie"),
    )
    for article, day, hour, views in [
        (politics, 5, 6, 8),  # before the three days of hourly buckets
        (politics, 2, 3, 5),
        (politics, 2, 20, 7),
        (politics, 1, 1, 10),
        (business, 1, 23, 3),
        (politics, 0, 0, 4),  # today: not finished, not rolled up
    ]:
        HourlyViews.objects.create(
            article=article,
            section_id=article.section_id,
            hour=days[day] + datetime.timedelta(hours=hour),
            views=views,
        )
    return {n: day.date() for n, day in days.items()}


@pytest.fixture
def reader_markers():
    """Two repeat-reader markers: one whose window has passed, one still open."""
    now = timezone.now()
    second, twenty_minutes = datetime.timedelta(seconds=1), datetime.timedelta(minutes=20)
    ReaderMarker.objects.create(key="reader:1:gone", expires_at=now - second)
    ReaderMarker.objects.create(key="reader:1:open", expires_at=now + twenty_minutes)


def test_each_finished_day_gets_its_daily_rows_and_old_hours_go(reads, reader_markers):
    output = rollup_views()

    # Every finished day since the oldest bucket is done, read or not: five.
    assert output == "Rolled up 5 day(s); forgot 1 expired reader marker(s).\n"
    assert daily_rows() == sorted(
        [
            ("東京の選挙 — Café ☕", "politics", reads[5], 8),
            ("東京の選挙 — Café ☕", "politics", reads[2], 12),
            ("東京の選挙 — Café ☕", "politics", reads[1], 10),
            ("Zürich harbour bridge opens", "economie", reads[1], 3),
        ]
    )
    # Hourly buckets stay for the retention period only; today's is untouched.
    assert sorted(HourlyViews.objects.values_list("views", flat=True)) == [3, 4, 5, 7, 10]
    assert list(ReaderMarker.objects.values_list("key", flat=True)) == ["reader:1:open"]


def test_a_second_run_changes_nothing_and_says_so(reads, reader_markers):
    rollup_views()
    rows, hours = daily_rows(), sorted(HourlyViews.objects.values_list("pk", flat=True))

    assert rollup_views() == "Rolled up 0 day(s); forgot 0 expired reader marker(s).\n"
    assert daily_rows() == rows
    assert sorted(HourlyViews.objects.values_list("pk", flat=True)) == hours
