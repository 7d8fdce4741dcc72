"""Reading rankings: sums over buckets in a span, published articles only.

The cost of a ranking grows with the number of (article, hour) buckets in its span,
never with the number of views ever recorded: each bucket is one row however many
views it holds, and spans older than hourly retention read one row per article-day.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db.models import Sum
from django.utils import timezone

from articles.models import Article

from .models import DailyViews, HourlyViews
from .windows import WINDOWS


@dataclass(frozen=True)
class RankedArticle:
    rank: int
    article_id: int
    headline: str
    url: str
    section: str
    published_at: datetime.datetime
    views: int


def published_articles(section=None, article_ids=None):
    articles = Article.objects.published()
    if section is not None:
        articles = articles.filter(category=section)
    if article_ids is not None:
        articles = articles.filter(pk__in=article_ids)
    return articles


def view_totals(start, end, *, section=None, article_ids=None):
    """{article_id: views} for published articles over [start, end) in UTC.

    Hourly buckets cover the span as far back as they are kept; before that, the
    daily roll-ups count for the whole days inside the span.
    """
    live = published_articles(section, article_ids)
    totals = dict(
        HourlyViews.objects.filter(hour__gte=start, hour__lt=end, article__in=live)
        .values_list("article")
        .annotate(total=Sum("views"))
    )
    if start < hourly_retention_start():
        daily = (
            DailyViews.objects.filter(day__gte=start.date(), day__lt=end.date(), article__in=live)
            .values_list("article")
            .annotate(total=Sum("views"))
        )
        for article_id, views in daily:
            totals[article_id] = totals.get(article_id, 0) + views
    return totals


def hourly_retention_start():
    """The earliest hour whose bucket is still kept: older ones are rolled up by day."""
    days = settings.RANKINGS_HOURLY_RETENTION_DAYS
    return (timezone.now() - datetime.timedelta(days=days)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )


def rank(start, end, *, section=None, limit=None):
    """The most-read published articles in [start, end), most views first.

    Ties go to the more recently published article. Inside hourly retention the
    database sums, orders and cuts the list in one query; a span reaching further
    back adds the daily roll-ups and orders in Python. One more query fetches the
    ranked articles with their sections.
    """
    if start >= hourly_retention_start():
        rows = (
            HourlyViews.objects.filter(
                hour__gte=start, hour__lt=end, article__in=published_articles(section)
            )
            .values_list("article")
            .annotate(total=Sum("views"))
            .order_by("-total", "-article__published_at", "-article")
        )
        totals = dict(rows[:limit] if limit else rows)
        order = list(totals)
    else:
        totals = view_totals(start, end, section=section)
        published = dict(Article.objects.filter(pk__in=totals).values_list("pk", "published_at"))
        order = sorted(totals, key=lambda pk: (-totals[pk], -published[pk].timestamp(), -pk))
        order = order[:limit] if limit else order
    if not order:
        return []
    articles = Article.objects.select_related("category").in_bulk(order)
    return [
        _ranked(position, articles[pk], totals[pk]) for position, pk in enumerate(order, start=1)
    ]


def _ranked(position, article, views):
    return RankedArticle(
        rank=position,
        article_id=article.pk,
        headline=article.headline,
        url=article.get_absolute_url(),
        section=article.category.name,
        published_at=article.published_at,
        views=views,
    )


def top_articles(window_key, *, section=None, limit=10):
    """The cached top `limit` of a rolling window, site-wide or for one section.

    What readers see is at most RANKINGS_CACHE_SECONDS old; a cached ranking costs
    one cache read and no SQL.
    """
    cache = caches["default"]
    key = f"rankings:top:{window_key}:{section.pk if section else 'all'}:{limit}"
    ranking = cache.get(key)
    if ranking is None:
        start, end = WINDOWS[window_key].span(timezone.now())
        ranking = rank(start, end, section=section, limit=limit)
        cache.set(key, ranking, settings.RANKINGS_CACHE_SECONDS)
    return ranking


def latest_articles(*, section=None, limit=10):
    """The fallback for an empty ranking: the newest articles, cached like a ranking."""
    cache = caches["default"]
    key = f"rankings:latest:{section.pk if section else 'all'}:{limit}"
    latest = cache.get(key)
    if latest is None:
        articles = Article.objects.published().select_related("category")
        if section is not None:
            articles = articles.filter(category=section)
        latest = [
            _ranked(position, article, 0)
            for position, article in enumerate(articles[:limit], start=1)
        ]
        cache.set(key, latest, settings.RANKINGS_CACHE_SECONDS)
    return latest
