import datetime
import math
import random

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles.models import Article
from rankings.buckets import hour_of
from rankings.models import HourlyViews
from rankings.rollups import roll_up_views

# Share of a day's reads in each hour of the newsroom's day: quiet at night,
# peaks at breakfast, lunch and evening.
DAY_SHAPE = [1, 1, 1, 1, 1, 2, 4, 7, 9, 8, 7, 7, 9, 8, 7, 6, 6, 7, 9, 10, 9, 7, 4, 2]


class Command(BaseCommand):
    help = (
        "Local demo only: give the published articles a plausible history of reads, "
        "so the ranking widgets and the dashboard have something to show. Does "
        "nothing when any views are already recorded."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        if HourlyViews.objects.exists():
            self.stdout.write("Views already recorded; nothing added.")
            return
        rng = random.Random(2025)
        now = timezone.now()
        rows = []
        for article in Article.objects.published():
            rows.extend(self.history(article, rng, now))
        HourlyViews.objects.bulk_create(rows, batch_size=5000)
        roll_up_views(now=now)
        total = sum(row.views for row in rows)
        self.stdout.write(f"Demo reads: {total} views in {len(rows)} hourly buckets.")

    @staticmethod
    def history(article, rng, now):
        """Reads that start strong after publication and fade over a few days."""
        popularity = rng.lognormvariate(3.0, 1.0)
        half_life = rng.uniform(8, 48)
        hour = hour_of(article.published_at)
        age = 0
        while hour <= now:
            local_hour = timezone.localtime(hour).hour
            expected = popularity * math.exp(-age / half_life) * DAY_SHAPE[local_hour] / 5
            views = int(expected + rng.random())
            if views:
                yield HourlyViews(
                    article=article, section_id=article.section_id, hour=hour, views=views
                )
            hour += datetime.timedelta(hours=1)
            age += 1
