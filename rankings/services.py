"""Writes that keep the ranking data in shape: roll-ups and daily snapshots."""

import datetime

from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import TruncDate

from articles.models import Category

from .buckets import add_to_bucket
from .models import DailyViews, HourlyViews, RankingSnapshot
from .selectors import rank
from .windows import day_start

SNAPSHOT_SIZE = 10


def roll_up_hourly_views(*, before):
    """Fold hourly buckets older than `before` (a UTC day boundary) into daily ones.

    One transaction per day, so a run stopped midway leaves every day either
    fully hourly or fully daily, and the next run carries on.
    """
    days = 0
    while True:
        oldest = HourlyViews.objects.filter(hour__lt=before).order_by("hour").first()
        if oldest is None:
            return days
        day_start = oldest.hour.replace(hour=0)
        day_end = min(day_start + datetime.timedelta(days=1), before)
        with transaction.atomic():
            hours = HourlyViews.objects.filter(hour__gte=day_start, hour__lt=day_end)
            # Lock the day's buckets: a second roll-up running at the same time waits,
            # then finds them gone instead of adding them again.
            list(hours.select_for_update().values_list("pk", flat=True))
            totals = (
                hours.annotate(day=TruncDate("hour", tzinfo=datetime.UTC))
                .values_list("article", "day")
                .annotate(total=Sum("views"))
            )
            for article_id, day, views in totals:
                add_to_bucket(DailyViews, views, article_id=article_id, day=day)
            hours.delete()
        days += 1


@transaction.atomic
def take_daily_snapshots(day):
    """Keep the top ten of a newsroom-zone day, site-wide and per section.

    Running it again for the same day replaces that day's snapshot.
    """
    start, end = day_start(day), day_start(day + datetime.timedelta(days=1))
    RankingSnapshot.objects.filter(day=day).delete()
    rows = []
    for section in [None, *Category.objects.all()]:
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
