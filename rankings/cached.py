"""The rankings readers see, cached: what templates, the ranking page and the article
panel call. The queries themselves are in queries.py.

A ranking is served from the cache for RANKINGS_CACHE_SECONDS, then kept a while
longer as a stale copy: the first request to find it stale recomputes it after its
response has gone out, and every request meanwhile is served the stale copy, so
readers wait for a cache read, not for a ranking, except on a cold cache.

Every cached list is kept under the site's edit count (newsroom.content_version,
counted after the commit of any article, section, author, tag or photo change):
an edit makes every cached ranking and fallback list stale at once, and each is
recomputed on its next request, as on a cold cache.
"""

import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

from articles.models import Article
from newsroom import content_version
from newsroom.after_response import run_after_response
from newsroom.pagecache import limit_freshness

from .queries import RankedArticle, rank
from .windows import WINDOWS

logger = logging.getLogger(__name__)
# How many times RANKINGS_CACHE_SECONDS a stale ranking may still be served while
# one request recomputes it.
STALE_FACTOR = 10


def top_articles(window_key, *, section=None, limit=10):
    """The top `limit` of a rolling window, site-wide or for one section, cached."""
    key = f"rankings:top:{window_key}:{section.pk if section else 'all'}:{limit}"

    def compute():
        start, end = WINDOWS[window_key].span(timezone.now())
        return rank(start, end, section=section, limit=limit)

    return _cached(key, compute)


def latest_articles(*, section=None, limit=10):
    """The fallback for an empty ranking: the newest articles, cached like a ranking."""
    key = f"rankings:latest:{section.pk if section else 'all'}:{limit}"
    return _cached(key, lambda: _latest_lines(section, limit))


def filled_ranking(window_key, *, section=None, length):
    """What the widgets show, cached: the top `length` of the window, then, when fewer
    were read, the latest articles of the section (of the site) that are not in it,
    marked `is_fill`, up to `length` lines numbered 1..length.

    A widget asks for one line more than it shows, so that an article page can drop
    the article being read and still show its full size: one entry per window and
    section serves every article page and the home page alike.
    """
    key = f"rankings:filled:{window_key}:{section.pk if section else 'all'}:{length}"

    def compute():
        start, end = WINDOWS[window_key].span(timezone.now())
        ranked = rank(start, end, section=section, limit=length)
        if len(ranked) == length:
            return ranked
        fills = _latest_lines(
            section,
            length - len(ranked),
            after=len(ranked),
            exclude=[line.article_id for line in ranked],
        )
        return ranked + fills

    return _cached(key, compute)


def _latest_lines(section, limit, *, after=0, exclude=()):
    """Lines of the `limit` newest live articles not in `exclude`, numbered from
    after + 1, each marked as a fill: none of them was ranked."""
    articles = Article.objects.published().in_section(section).exclude(pk__in=exclude)
    return [
        RankedArticle.of(position, article, 0, is_fill=True)
        for position, article in enumerate(
            articles.select_related("section")[:limit], start=after + 1
        )
    ]


def _cached(key, compute):
    cache = caches["default"]
    try:
        key = f"{key}:{content_version.current_edits(cache)}"
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
