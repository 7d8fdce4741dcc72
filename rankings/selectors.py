"""Reading rankings, for templates, views and the dashboard: a thin layer over the
bucket QuerySets and spans in queries.py, with the ranking cache.

The cost of a ranking follows the hours and days in its span, never the number of
views ever recorded: each bucket is one row however many views it holds.
"""

import datetime
import logging
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

from articles.models import Article
from newsroom.after_response import run_after_response
from newsroom.pagecache import limit_freshness

from . import queries
from .queries import Span
from .windows import WINDOWS

logger = logging.getLogger(__name__)
# How many times RANKINGS_CACHE_SECONDS a stale ranking may still be served while
# one request recomputes it.
STALE_FACTOR = 10
# Part of every cached ranking's key; a new value makes every cached ranking stale.
GENERATION_KEY = "rankings:generation"


@dataclass(frozen=True)
class RankedArticle:
    rank: int
    article_id: int
    headline: str
    url: str
    section: str
    published_at: datetime.datetime
    views: int


def published_articles(section=None):
    articles = Article.objects.published()
    if section is not None:
        articles = articles.filter(section=section)
    return articles


def view_totals(start, end, *, section=None):
    """{article_id: views} for published articles over [start, end) in UTC.

    Whole UTC days already rolled up are read from their daily rows, the rest from
    the hourly buckets; past hourly retention only whole days remain (the hours of
    a partial day at the edge are no longer known apart and are left out).
    """
    return Span.of(start, end).totals(section)


def hourly_retention_start(now=None):
    """The UTC midnight from which hourly buckets are kept; only daily rows before it."""
    moment = (now or timezone.now()) - datetime.timedelta(
        days=settings.RANKINGS_HOURLY_RETENTION_DAYS
    )
    return moment.astimezone(datetime.UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def ranked_order(totals):
    """Article ids by views, ties to the more recently published: the order of every ranking."""
    published = dict(Article.objects.filter(pk__in=totals).values_list("pk", "published_at"))
    return queries.ranked_order(totals, published)


def rank(start, end, *, section=None, limit=None, totals=None):
    """The most-read published articles in [start, end), most views first.

    With a limit, only the articles that can reach it are summed (Span.top);
    without, every article read in the span. One more query fetches the articles.
    """
    if totals is not None:
        ranked = [(pk, totals[pk]) for pk in ranked_order(totals)[:limit]]
    elif limit:
        ranked = Span.of(start, end).top(section, limit=limit)
    else:
        totals = Span.of(start, end).totals(section)
        ranked = [(pk, totals[pk]) for pk in ranked_order(totals)]
    if not ranked:
        return []
    articles = Article.objects.select_related("section").in_bulk([pk for pk, _ in ranked])
    return [
        _ranked(position, articles[pk], views)
        for position, (pk, views) in enumerate(ranked, start=1)
    ]


def _ranked(position, article, views):
    return RankedArticle(
        rank=position,
        article_id=article.pk,
        headline=article.headline,
        url=article.get_absolute_url(),
        section=article.section.name,
        published_at=article.published_at,
        views=views,
    )


def top_articles(window_key, *, section=None, limit=10):
    """The cached top `limit` of a rolling window, site-wide or for one section.

    A ranking is served from the cache for RANKINGS_CACHE_SECONDS, then kept a
    while longer as a stale copy: the first request to find it stale recomputes
    it after its response has gone out, and every request meanwhile is served the
    stale copy, so readers wait for a cache read, not for a ranking, except on a
    cold cache.
    """
    key = f"rankings:top:{window_key}:{section.pk if section else 'all'}:{limit}"

    def compute():
        start, end = WINDOWS[window_key].span(timezone.now())
        return rank(start, end, section=section, limit=limit)

    return _cached(key, compute)


def _cached(key, compute):
    cache = caches["default"]
    try:
        key = f"{key}:{_generation(cache)}"
        entry = cache.get(key)
    except Exception:
        logger.warning("rankings: cache unavailable; computing directly", exc_info=True)
        return compute()
    if entry is None:
        value, fresh_until = _compute_and_keep(cache, key, compute)
    else:
        value, fresh_until = entry
        # cache.add is the lock: only one request refreshes a stale entry, and only
        # once its reader has the page.
        if time.time() >= fresh_until and _claim_refresh(cache, key):
            run_after_response(lambda: _compute_and_keep(cache, key, compute))
    # A page showing this ranking is fresh no longer than the ranking is.
    limit_freshness(fresh_until)
    return value


def _claim_refresh(cache, key):
    try:
        return cache.add(f"{key}:refreshing", 1, _fresh_for())
    except Exception:  # the cache went away since the read: keep the copy we have
        return False


def _fresh_for():
    return settings.RANKINGS_CACHE_SECONDS


def _compute_and_keep(cache, key, compute):
    value = compute()
    fresh_until = time.time() + _fresh_for()
    try:
        cache.set(key, (value, fresh_until), _fresh_for() * STALE_FACTOR)
        cache.delete(f"{key}:refreshing")
    except Exception:
        logger.warning("rankings: cache unavailable; not keeping the ranking", exc_info=True)
    return value, fresh_until


def _generation(cache):
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A generation lost (evicted, or the cache cleared) starts a new one, never an
        # old one whose rankings may still be cached.
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return generation


def mark_rankings_stale():
    """Stop serving every cached ranking and fallback list; each is recomputed on its
    next request, as on a cold cache."""
    try:
        caches["default"].set(GENERATION_KEY, uuid.uuid4().hex, None)
    except Exception:
        # The article change is saved already; the rankings catch up when their
        # RANKINGS_CACHE_SECONDS run out, as they did before this was added.
        logger.warning("rankings: cache unavailable; cached rankings not refreshed", exc_info=True)


def latest_articles(*, section=None, limit=10):
    """The fallback for an empty ranking: the newest articles, cached like a ranking."""
    key = f"rankings:latest:{section.pk if section else 'all'}:{limit}"

    def compute():
        articles = published_articles(section).select_related("section")
        return [
            _ranked(position, article, 0)
            for position, article in enumerate(articles[:limit], start=1)
        ]

    return _cached(key, compute)
