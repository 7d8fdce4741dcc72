"""The ranking queries: `rank()`, the QuerySets of the view buckets, and the span a
ranking reads.

A span of time is read from two tables: the daily rows of whole UTC days already
rolled up, and the hourly buckets for everything else (the partial days at its
edges, and whole days not rolled up yet). `Span.top` finds the most-read articles
without summing every article in the span; `Span.totals` sums them all. The cost of
a ranking follows the hours and days in its span, never the number of views ever
recorded: each bucket is one row however many views it holds.
"""

import datetime
from dataclasses import dataclass, field

from django.db import connection, models
from django.db.models import F, Sum, Window
from django.db.models.functions import RowNumber

from articles.models import Article

DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)
# Rows taken from each hour or day first, per place wanted; grown 4-fold when the
# leaders do not settle the ranking, up to MAX_LEADERS before summing everything.
LEADERS_PER_PLACE = 2
MAX_LEADERS = 4096
# A span cut into more hours and days than this (roll-ups not run for weeks) is
# summed whole rather than place by place.
MAX_PLACES = 200


class BucketQuerySet(models.QuerySet):
    def in_section(self, section):
        return self if section is None else self.filter(section=section)

    def live(self):
        """Buckets of articles readers can see now: rankings count nothing else."""
        return self.filter(article__in=Article.objects.published())

    def totals(self):
        """{article_id: views}."""
        return dict(self.values_list("article").annotate(total=Sum("views")).order_by())


class HourlyViewsQuerySet(BucketQuerySet):
    def between(self, start, end):
        return self.filter(hour__gte=start, hour__lt=end)


class DailyViewsQuerySet(BucketQuerySet):
    def between(self, first_day, end_day):
        """Days from first_day up to, not including, end_day."""
        return self.filter(day__gte=first_day, day__lt=end_day)


@dataclass(frozen=True)
class RankedArticle:
    """One line of a ranking."""

    rank: int
    article_id: int
    headline: str
    url: str
    section: str
    published_at: datetime.datetime
    views: int
    # A line from the latest articles (a widget's fill, a fallback), not a ranked one.
    is_fill: bool = field(default=False, kw_only=True)

    @classmethod
    def of(cls, rank, article, views, *, is_fill=False):
        """The line for `article` (its section selected with it)."""
        return cls(
            rank=rank,
            article_id=article.pk,
            headline=article.headline,
            url=article.get_absolute_url(),
            section=article.section.name,
            published_at=article.published_at,
            views=views,
            is_fill=is_fill,
        )


def rank(start, end, *, section=None, limit=None):
    """[RankedArticle] of the most-read published articles in [start, end) in UTC, most
    views first, site-wide or in one section.

    With a limit, only the articles that can reach it are summed (Span.top); without,
    every article read in the span. One more query fetches the articles.
    """
    span = Span.of(start, end)
    if limit:
        return _lines(span.top(section, limit=limit))
    return rank_totals(span.totals(section))


def rank_totals(totals, *, limit=None):
    """[RankedArticle] of {article_id: views} already summed (Span.totals), in ranking
    order, the first `limit` of them."""
    order = ranked_order(totals, publication_times(totals))[:limit]
    return _lines([(pk, totals[pk]) for pk in order])


def _lines(ranked):
    """[RankedArticle] of [(article_id, views)] in ranking order."""
    if not ranked:
        return []
    articles = Article.objects.select_related("section").in_bulk([pk for pk, _ in ranked])
    return [
        RankedArticle.of(position, articles[pk], views)
        for position, (pk, views) in enumerate(ranked, start=1)
    ]


def ranked_order(totals, published):
    """Article ids of {article_id: views} by views, ties to the more recently published:
    the order of every ranking. `published` is {article_id: publication time}."""
    return sorted(totals, key=lambda pk: (-totals[pk], -published[pk].timestamp(), -pk))


def publication_times(article_ids):
    """{article_id: publication time}, for ranked_order."""
    return dict(Article.objects.filter(pk__in=article_ids).values_list("pk", "published_at"))


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

    def parts(self):
        """The QuerySets that hold the span: one per hour range, one for the days."""
        from .models import DailyViews, HourlyViews

        # A range each: ORed ranges in one query would keep the planner from
        # using them as index conditions.
        parts = [HourlyViews.objects.between(start, end) for start, end in self.hour_ranges]
        if self.days:
            parts.append(DailyViews.objects.filter(day__in=self.days))
        return parts

    def totals(self, section=None, *, among=None):
        """{article_id: views} of live articles over the span; of `among` only, when
        given (ids of articles known to be live, few), in one query."""
        totals = {}
        parts = [part.in_section(section) for part in self.parts()]
        if among is not None:
            rows = [
                part.filter(article__in=among).values_list("article", "views") for part in parts
            ]
            parts = [rows[0].union(*rows[1:], all=True)] if rows else []
        else:
            parts = [part.live().totals().items() for part in parts]
        for part in parts:
            for article_id, views in part:
                totals[article_id] = totals.get(article_id, 0) + views
        return totals

    def top(self, section=None, *, limit):
        """[(article_id, views)] of the `limit` most-read live articles, exactly, most
        views first, ties to the more recently published.

        A threshold search: take each hour's and day's most-read rows (an index holds
        them in order). Any article not among them has at most `bound` views: the
        sum of the last row taken from each hour or day that had more. Those taken
        give each article seen a floor (its views seen) and a ceiling (plus the last
        row of each place it was not seen in); only articles whose ceiling reaches
        the floors' `limit`-th are summed exactly. When the `limit`-th sum beats
        `bound`, no other article can place; otherwise take more rows per place,
        and past MAX_LEADERS sum everything. The cost follows the hours and days in
        the span and the articles near the top, not all the articles read in it.
        """
        per_place = LEADERS_PER_PLACE * limit
        places = sum(1 for _ in _hours(self.hour_ranges)) + len(self.days)
        while per_place <= MAX_LEADERS and places <= MAX_PLACES:
            seen, bound = self._leaders(section, per_place)
            published = {pk: at for pk, (_, _, at) in seen.items() if at is not None}
            floors = sorted((seen[pk][0] for pk in published), reverse=True)
            cut = floors[limit - 1] if len(floors) >= limit else 0
            contenders = [pk for pk in published if seen[pk][1] >= cut]
            totals = self.totals(section, among=contenders)
            order = ranked_order(totals, published)[:limit]
            if not bound or (len(order) == limit and totals[order[-1]] > bound):
                return [(pk, totals[pk]) for pk in order]
            per_place *= 4
        totals = self.totals(section)
        return [(pk, totals[pk]) for pk in ranked_order(totals, publication_times(totals))[:limit]]

    def _leaders(self, section, per_place):
        """({article id: (floor, ceiling, publication time if live, else None)}, bound)
        from the first `per_place` rows of each hour and day by views."""
        places = [("hour", hour) for hour in _hours(self.hour_ranges)]
        places += [("day", day) for day in self.days]
        if connection.vendor == "postgresql":
            return _leaders_by_lateral_join(places, section, per_place)
        rows = _first_rows(places, section, per_place)
        taken, last = {}, {}
        for place, _, views, _ in rows:
            taken[place] = taken.get(place, 0) + 1
            last[place] = min(last.get(place, views), views)
        last_of_full = {place: last[place] for place, count in taken.items() if count == per_place}
        bound = sum(last_of_full.values())
        seen = {}
        for place, article_id, views, published_at in rows:
            floor, ceiling, _ = seen.get(article_id, (0, bound, None))
            ceiling += views - last_of_full.get(place, 0)
            seen[article_id] = (floor + views, ceiling, published_at)
        return seen, bound


def _first_rows(places, section, per_place):
    """(place, article id, views, publication time if live) of the first `per_place`
    rows of each place by views; a place is ("hour", an hour) or ("day", a day)."""
    rows = []
    for granule, model in _bucket_models().items():
        chosen = [place for kind, place in places if kind == granule]
        rows += (
            model.objects.in_section(section)
            .filter(**{f"{granule}__in": chosen})
            .annotate(
                place_rank=Window(RowNumber(), partition_by=F(granule), order_by=F("views").desc())
            )
            .filter(place_rank__lte=per_place)
            .values_list(granule, "article", "views")
        )
    live = Article.objects.published().filter(pk__in={pk for _, pk, _ in rows})
    published = dict(live.values_list("pk", "published_at"))
    return [(place, pk, views, published.get(pk)) for place, pk, views in rows]


def _leaders_by_lateral_join(places, section, per_place):
    """What Span._leaders works out, in one statement on PostgreSQL: one index probe
    per place (a LATERAL join, which the ORM cannot write), each article's floor and
    ceiling, and its publication time if Article.objects.published() has it. Names
    come from the models, every value is a parameter."""
    quote = connection.ops.quote_name
    live = Article.objects.published().order_by().values_list("id", "published_at")
    live_sql, live_params = live.query.sql_with_params()
    selects, params = [], []
    for granule, model in _bucket_models().items():
        chosen = [place for kind, place in places if kind == granule]
        if not chosen:
            continue
        in_section = " AND section_id = %s" if section is not None else ""
        selects.append(
            f"SELECT '{granule}' AS kind, p.place::text AS place, b.article_id, b.views "
            f"FROM unnest(%s) AS p(place) CROSS JOIN LATERAL ("
            f"SELECT article_id, views FROM {quote(model._meta.db_table)} "
            f"WHERE {quote(granule)} = p.place{in_section} "
            f"ORDER BY views DESC LIMIT %s) AS b"
        )
        params += [chosen, *([section.pk] if section is not None else []), per_place]
    if not selects:
        return {}, 0
    sql = (
        f"WITH taken AS ({' UNION ALL '.join(selects)}), "
        "full_places AS (SELECT kind, place, min(views) AS last FROM taken "
        "GROUP BY kind, place HAVING count(*) = %s), "
        "bound AS (SELECT coalesce(sum(last), 0)::bigint AS views FROM full_places) "
        "SELECT t.article_id, sum(t.views)::bigint, "
        "(sum(t.views) + (SELECT views FROM bound) - coalesce(sum(f.last), 0))::bigint, "
        f"(SELECT live.published_at FROM ({live_sql}) AS live WHERE live.id = t.article_id), "
        "(SELECT views FROM bound) "
        "FROM taken AS t LEFT JOIN full_places AS f USING (kind, place) GROUP BY t.article_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, per_place, *live_params])
        rows = cursor.fetchall()
    bound = rows[0][4] if rows else 0
    return {pk: (floor, ceiling, at) for pk, floor, ceiling, at, _ in rows}, bound


def _bucket_models():
    from .models import DailyViews, HourlyViews

    return {"hour": HourlyViews, "day": DailyViews}


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
