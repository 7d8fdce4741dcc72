"""The version of what the public site shows: part of every cached page's identity.

Two things change a public page without anyone asking for it:

1. An edit: any save or delete of an article, byline, section, author, tag or photo
   (and the bulk publish actions, through `articles_changed`) adds one to a counter
   in the cache, after its transaction commits.
2. The clock: a scheduled article goes live at its publication time with nothing
   run. The version carries the next such time; once it has passed, the version is
   a new one.

Versioned, not targeted: an edit makes every cached page stale, not only the pages
that show the article. A headline appears on the home page, its section, its tags,
its authors, the rankings, the feeds and the sitemap; one counter cannot forget
any of them. A desk edits a few times a minute at most, and each page is then
rebuilt once (see newsroom.pagecache), so the cost is small.

If the cache cannot be reached when an edit commits, the edit is not counted: pages
cached before it may be served until their freshness (PAGE_CACHE_SECONDS) runs out.
"""

import contextlib
import logging
import secrets

from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from articles.models import Article
from articles.signals import articles_changed

logger = logging.getLogger(__name__)

EDITS_KEY = "pagecache:edits"
SCHEDULE_KEY = "pagecache:schedule"
# Apps whose rows a public page shows.
EDITORIAL_APPS = {"articles", "media", "taggit"}


def version_keys():
    return [EDITS_KEY, SCHEDULE_KEY]


def current_version(cache, stored, *, now):
    """The version now, from `stored` (what cache.get_many found for version_keys()).

    The schedule is looked up in the database only when it is missing, when an edit
    came after it was computed, or when its time has come: once per such change.
    """
    edits = current_edits(cache, stored.get(EDITS_KEY))
    schedule = stored.get(SCHEDULE_KEY)
    if schedule is None or schedule[0] != edits or _has_come(schedule[1], now):
        # Computed under the edit count read before the query: a computation that
        # raced an edit carries the old count and is redone by the next request.
        schedule = (edits, next_scheduled_timestamp())
        cache.set(SCHEDULE_KEY, schedule, None)
    return f"{edits}:{schedule[1]}"


def current_edits(cache, edits=None):
    """The edit count alone, a new value after each committed edit; `edits` is the
    value already read, if any. Cached rankings are kept under it (rankings.cached)."""
    if edits is None:
        # A random start: a counter lost (evicted, or Redis restarted) must not count
        # up again to a version whose pages are still cached.
        cache.add(EDITS_KEY, secrets.randbits(48), None)
        edits = cache.get(EDITS_KEY)
    return edits


def _has_come(timestamp, now):
    return timestamp is not None and now >= timestamp


def next_scheduled_timestamp():
    moment = Article.objects.next_scheduled_time()
    return moment.timestamp() if moment else None


def count_edit(cache):
    # No counter yet (ValueError): the next request starts one, a version of its own.
    with contextlib.suppress(ValueError):
        cache.incr(EDITS_KEY)


def editorial_change(sender, **kwargs):
    if sender._meta.app_label in EDITORIAL_APPS:
        _count_edit_after_commit()


def articles_changed_in_bulk(**kwargs):
    _count_edit_after_commit()


def _count_edit_after_commit():
    # After the commit: a page rebuilt before it would still show the old article
    # and be cached under the new version.
    transaction.on_commit(_count_edit_now)


def _count_edit_now():
    try:
        count_edit(caches["default"])
    except Exception:
        logger.warning("page cache: cache unavailable; edit not counted", exc_info=True)


def connect():
    for name, signal in [("save", post_save), ("delete", post_delete), ("m2m", m2m_changed)]:
        signal.connect(editorial_change, dispatch_uid=f"newsroom.content_version.{name}")
    articles_changed.connect(articles_changed_in_bulk, dispatch_uid="newsroom.content_version")
