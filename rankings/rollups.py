"""What happens to finished days: their buckets rolled up into daily rows, and their
top tens kept as snapshots."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from articles.models import Section
from newsroom.locks import named_lock

from .buckets import hour_of, hourly_retention_start
from .models import DailyViews, HourlyViews, RankingSnapshot, RolledUpDay
from .queries import rank
from .windows import day_start

SNAPSHOT_SIZE = 10


def roll_up_views(*, now=None):
    """Write the daily rows of every finished UTC day not rolled up yet, then drop the
    hourly buckets older than hourly retention; the number of days rolled up.

    Safe to run twice at once and after a crash: see roll_up_day.
    """
    now = now or timezone.now()
    today = hour_of(now).replace(hour=0)
    rolled = sum(roll_up_day(day) for day in days_to_roll_up(before=today))
    # Every day before today is rolled up now (or by a run that got there first).
    HourlyViews.objects.filter(hour__lt=min(hourly_retention_start(now), today)).delete()
    return rolled


def days_to_roll_up(*, before):
    """UTC days from the oldest hourly bucket up to `before`, not rolled up yet."""
    oldest = HourlyViews.objects.filter(hour__lt=before).order_by("hour").first()
    if oldest is None:
        return []
    first = oldest.hour.astimezone(datetime.UTC).date()
    done = set(RolledUpDay.objects.filter(day__gte=first).values_list("day", flat=True))
    days = (first + datetime.timedelta(days=n) for n in range((before.date() - first).days))
    return [day for day in days if day not in done]


def roll_up_day(day):
    """Write one finished UTC day's daily rows; False when it was rolled up already.

    One transaction: a crash leaves nothing behind, and the next run does the day.
    A second run doing the same day at the same time waits on the RolledUpDay row
    the first inserted, then finds it and stops. The day's hourly buckets stay
    (rankings read them for partial days) until hourly retention ends.
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                RolledUpDay.objects.create(day=day)
        except IntegrityError:
            return False
        start = datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)
        hours = HourlyViews.objects.between(start, start + datetime.timedelta(days=1))
        # Hold the day's buckets: a late flush adding to one waits, then sees the day
        # rolled up and adds to its daily row as well (flush.py).
        list(hours.select_for_update().values_list("pk", flat=True))
        DailyViews.objects.bulk_create(
            DailyViews(article_id=article_id, section_id=section_id, day=day, views=views)
            for article_id, section_id, views in hours.values_list("article", "section")
            .annotate(total=Sum("views"))
            .order_by()
        )
    return True


def take_daily_snapshots(day):
    """Keep the top ten of a newsroom-zone day, site-wide and per section.

    Running it again for the same day replaces that day's snapshot. Two runs at once
    (the timer, a hand-run, a task) would both insert the day's lines: the second
    waits for the first's named lock, then replaces its lines.
    """
    start, end = day_start(day), day_start(day + datetime.timedelta(days=1))
    with named_lock("snapshot_rankings"), transaction.atomic():
        RankingSnapshot.objects.filter(day=day).delete()
        rows = []
        for section in [None, *Section.objects.all()]:
            for item in rank(start, end, section=section, limit=SNAPSHOT_SIZE):
                rows.append(
                    RankingSnapshot(
                        day=day,
                        section=section,
                        rank=item.rank,
                        article_id=item.article_id,
                        headline=item.headline,
                        article_section=item.section,
                        views=item.views,
                    )
                )
        RankingSnapshot.objects.bulk_create(rows)
    return len(rows)
