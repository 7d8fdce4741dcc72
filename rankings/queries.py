"""Reads over the view buckets: QuerySet methods, and the span a ranking reads.

A span of time is read from two tables: the daily rows of whole UTC days already
rolled up, and the hourly buckets for everything else (the partial days at its
edges, and whole days not rolled up yet). `Span.top` finds the most-read articles
without summing every article in the span; `Span.totals` sums them all.
"""

import datetime
from dataclasses import dataclass

from django.db import connection, models
from django.db.models import F, Q, Sum, Window
from django.db.models.functions import RowNumber

DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)
# Rows taken from each hour or day first, per place wanted; grown 4-fold when the
# leaders do not settle the ranking, up to MAX_LEADERS before summing everything.
LEADERS_PER_PLACE = 4
MAX_LEADERS = 4096
# A span cut into more hours and days than this (roll-ups not run for weeks) is
# summed whole rather than place by place.
MAX_PLACES = 200


class BucketQuerySet(models.QuerySet):
    def in_section(self, section):
        return self if section is None else self.filter(section=section)

    def live(self):
        """Buckets of articles readers can see now: rankings count nothing else."""
        from articles.models import Article

        return self.filter(article__in=Article.objects.published())

    def totals(self):
        """{article_id: views}."""
        return dict(self.values_list("article").annotate(total=Sum("views")).order_by())

    def ranked(self, limit=None):
        """[(article_id, views)], most views first, ties to the more recently published."""
        rows = (
            self.values_list("article")
            .annotate(total=Sum("views"))
            .order_by("-total", "-article__published_at", "-article")
        )
        return list(rows[:limit] if limit else rows)


class HourlyViewsQuerySet(BucketQuerySet):
    granule = "hour"

    def between(self, start, end):
        return self.filter(hour__gte=start, hour__lt=end)


class DailyViewsQuerySet(BucketQuerySet):
    granule = "day"

    def between(self, first_day, end_day):
        """Days from first_day up to, not including, end_day."""
        return self.filter(day__gte=first_day, day__lt=end_day)


@dataclass(frozen=True)
class Span:
    """[start, end) in UTC, as hour ranges read hourly and rolled-up days read daily."""

    hour_ranges: tuple
    days: tuple

    @classmethod
    def of(cls, start, end):
        from .models import RolledUpDay

        start, end = start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)
        first = _midnight(start) if start == _midnight(start) else _midnight(start) + DAY
        last = _midnight(end)
        rolled = ()
        if first < last:  # one query, and only for spans holding a whole day
            rolled = tuple(
                RolledUpDay.objects.filter(day__gte=first.date(), day__lt=last.date())
                .order_by("day")
                .values_list("day", flat=True)
            )
        ranges, cursor = [], start
        for day in rolled:
            midnight = datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)
            if cursor < midnight:
                ranges.append((cursor, midnight))
            cursor = midnight + DAY
        if cursor < end:
            ranges.append((cursor, end))
        return cls(tuple(ranges), rolled)

    def hourly(self):
        from .models import HourlyViews

        if not self.hour_ranges:
            return HourlyViews.objects.none()
        where = Q()
        for start, end in self.hour_ranges:
            where |= Q(hour__gte=start, hour__lt=end)
        return HourlyViews.objects.filter(where)

    def daily(self):
        from .models import DailyViews

        return DailyViews.objects.filter(day__in=self.days)

    def parts(self, section=None):
        return [
            part.in_section(section).live()
            for part, used in ((self.hourly(), self.hour_ranges), (self.daily(), self.days))
            if used
        ]

    def totals(self, section=None, *, among=None):
        """{article_id: views} of live articles over the span."""
        totals = {}
        for part in self.parts(section):
            if among is not None:
                part = part.filter(article__in=among)
            for article_id, views in part.totals().items():
                totals[article_id] = totals.get(article_id, 0) + views
        return totals

    def top(self, section=None, *, limit):
        """{article_id: views} holding the `limit` most-read live articles, exactly.

        Threshold algorithm: take each hour's and day's most-read rows (an index
        gives them in order), sum those articles exactly, and stop when the last
        place wanted has more views than any other article could have (the sum of
        each hour's and day's last row taken). Otherwise take more, and past
        MAX_LEADERS sum everything. The cost follows the hours and days in the
        span, not the number of articles read in it.
        """
        per_place = LEADERS_PER_PLACE * limit
        places = sum(1 for _ in _hours(self.hour_ranges)) + len(self.days)
        while per_place <= MAX_LEADERS and places <= MAX_PLACES:
            candidates, bound, complete = self._leaders(section, per_place)
            totals = self.totals(section, among=candidates)
            if complete:
                return totals
            best = sorted(totals.values(), reverse=True)
            if len(best) >= limit and best[limit - 1] > bound:
                return totals
            per_place *= 4
        return self.totals(section)

    def _leaders(self, section, per_place):
        """(article ids, bound on any other article's views, whether every row was seen)."""
        parts = [
            (part.in_section(section), places)
            for part, places in (
                (self.hourly(), list(_hours(self.hour_ranges))),
                (self.daily(), self.days),
            )
            if places
        ]
        if connection.features.supports_slicing_ordering_in_compound:
            # One index probe per hour and day: a query for the hours, one for the days.
            rows = []
            for part, places in parts:
                queries = [
                    part.filter(**{part.granule: place})
                    .order_by("-views")
                    .values_list(part.granule, "article", "views")[:per_place]
                    for place in places
                ]
                rows += queries[0].union(*queries[1:], all=True)
        else:
            rows = [
                row
                for part, _ in parts
                for row in part.annotate(
                    place_rank=Window(
                        RowNumber(), partition_by=F(part.granule), order_by=F("views").desc()
                    )
                )
                .filter(place_rank__lte=per_place)
                .values_list(part.granule, "article", "views")
            ]
        taken, last = {}, {}
        for place, _, views in rows:
            taken[place] = taken.get(place, 0) + 1
            last[place] = min(last.get(place, views), views)
        full = [place for place, count in taken.items() if count == per_place]
        return {row[1] for row in rows}, sum(last[place] for place in full), not full


def _hours(ranges):
    """The bucket hours in the ranges: the first is the first whole hour of each."""
    for start, end in ranges:
        hour = start.replace(minute=0, second=0, microsecond=0)
        if hour < start:
            hour += HOUR
        while hour < end:
            yield hour
            hour += HOUR


def _midnight(moment):
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)
