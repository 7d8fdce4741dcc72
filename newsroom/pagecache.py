"""Whole public pages for anonymous readers, from Django's cache.

Which pages: the views the URL configuration wraps in `public_page()` (home,
sections, articles, tags, authors, the ranking page, feeds, the sitemap). Who: GET
and HEAD requests without a session cookie. Signed-in staff carry one and always
get a page made for them; previews are never public pages.

A cached page is served without touching the database or a template. It is kept
under its URL with the content version it was made for (newsroom.content_version):
an edit or a scheduled article going live makes a new version, and a page of an
older one is never served again. Within a version a page is fresh for
PAGE_CACHE_SECONDS, or less when it shows a ranking that is due sooner
(`limit_freshness`); after that the first request to find it stale rebuilds it
while the others are served the stale copy for up to PAGE_CACHE_STALE_SECONDS. A
page missing or of an older version is built by one request while the others wait
for it (up to REBUILD_WAIT seconds), so a page everybody wants is built once.

Headers for a CDN or nginx in front: `Cache-Control: public, max-age=0,
s-maxage=PAGE_CACHE_EDGE_SECONDS, stale-while-revalidate=PAGE_CACHE_SECONDS` and
an ETag; a
conditional GET whose ETag still matches gets 304 Not Modified.
"""

import contextvars
import functools
import hashlib
import logging
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_cache_control

from . import content_version

logger = logging.getLogger(__name__)

# How long a request waits for another one building the same page before building
# it itself; and how often it looks.
REBUILD_WAIT = 3.0
REBUILD_POLL = 0.02
# Headers of the view's response a cached copy does not keep.
UNCACHED_HEADERS = {"set-cookie", "age", "date"}

_fresh_until = contextvars.ContextVar("page_fresh_until", default=None)


def public_page(view, *, query=()):
    """Mark `view` as a public page: the same for every reader, made from its path and
    the `query` parameters named (others, such as utm_source, share its cached copy)."""

    @functools.wraps(view)
    def page(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    page.public_page_query = tuple(sorted(query))
    return page


def limit_freshness(until):
    """Keep the page being built fresh no later than `until` (a time.time() value): for
    parts with a freshness of their own, such as a ranking widget."""
    current = _fresh_until.get()
    if current is not None and until < current:
        _fresh_until.set(until)


@dataclass(frozen=True)
class CachedPage:
    version: str
    fresh_until: float
    status: int
    headers: tuple
    content: bytes
    etag: str

    def to_response(self, request):
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response[name] = value
        return get_conditional_response(request, etag=self.etag, response=response)


class PageCacheMiddleware:
    """Serve and keep public pages; see the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = public_page_query(request)
        if query is None:
            return self.get_response(request)
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            # Staff: a page of their own, and no shared cache in front may keep it.
            response = self.get_response(request)
            patch_cache_control(response, private=True, no_cache=True)
            return response
        cache = caches["default"]
        key = page_key(request, query)
        now = time.time()
        try:
            stored = cache.get_many([*content_version.version_keys(), key])
            version = content_version.current_version(cache, stored, now=now)
        except Exception:
            logger.warning("page cache: cache unavailable; building the page", exc_info=True)
            return self.get_response(request)
        page = stored.get(key)
        current = page is not None and page.version == version
        if current and now < page.fresh_until:
            return page.to_response(request)
        claimed = claim_rebuild(cache, key)
        if not claimed:
            if current:
                return page.to_response(request)  # stale, while another request rebuilds it
            page = wait_for_rebuild(cache, key, version)
            if page is not None:
                return page.to_response(request)
        try:
            return self.build(request, cache, key, version)
        finally:
            if claimed:
                release_rebuild(cache, key)

    def build(self, request, cache, key, version):
        fresh_for = settings.PAGE_CACHE_SECONDS
        token = _fresh_until.set(time.time() + fresh_for)
        try:
            response = self.get_response(request)
            fresh_until = _fresh_until.get()
        finally:
            _fresh_until.reset(token)
        if not can_keep(response):
            return response
        add_public_headers(response)
        page = CachedPage(
            version=version,
            fresh_until=fresh_until,
            status=response.status_code,
            headers=tuple(
                (name, value)
                for name, value in response.items()
                if name.lower() not in UNCACHED_HEADERS
            ),
            content=response.content,
            etag=response["ETag"],
        )
        try:
            cache.set(key, page, fresh_for + settings.PAGE_CACHE_STALE_SECONDS)
        except Exception:
            logger.warning("page cache: cache unavailable; page not kept", exc_info=True)
        return page.to_response(request)


def public_page_query(request):
    """The query parameters that make the requested public page, or None when the request
    is not for a public page the cache may serve."""
    if request.method not in ("GET", "HEAD") or settings.PAGE_CACHE_SECONDS <= 0:
        return None
    return _public_page_query(request.path_info)


# Resolving a path is a good part of what serving a cached page costs; the same few
# paths are asked for again and again.
@functools.lru_cache(maxsize=4096)
def _public_page_query(path):
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return getattr(match.func, "public_page_query", None)


def page_key(request, query):
    params = urlencode([(name, value) for name in query for value in request.GET.getlist(name)])
    address = f"{request.get_host()}{request.path}?{params}"
    return "pagecache:page:" + hashlib.sha256(address.encode()).hexdigest()


def can_keep(response):
    """A page the same for every reader: a 200 that sets no cookie and says nothing
    against being kept."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Cache-Control"):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
    return "cookie" not in vary


def add_public_headers(response):
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=settings.PAGE_CACHE_EDGE_SECONDS,
        # A proxy's stale copy is replaced within a page's own freshness.
        stale_while_revalidate=settings.PAGE_CACHE_SECONDS,
    )
    digest = hashlib.sha256(response.content).hexdigest()[:32]
    response["ETag"] = f'"{digest}"'


def claim_rebuild(cache, key):
    """True for the one request that may rebuild the page now."""
    try:
        return cache.add(rebuild_key(key), 1, int(REBUILD_WAIT * 3))
    except Exception:
        return True


def release_rebuild(cache, key):
    try:
        cache.delete(rebuild_key(key))
    except Exception:
        logger.warning("page cache: cache unavailable; rebuild lock left to expire")


def rebuild_key(key):
    return f"{key}:rebuilding"


def wait_for_rebuild(cache, key, version):
    """The page another request is building, once it is kept; None when that request
    gave up (its answer was not a page to keep, say) or takes too long."""
    deadline = time.monotonic() + REBUILD_WAIT
    while time.monotonic() < deadline:
        time.sleep(REBUILD_POLL)
        try:
            found = cache.get_many([key, rebuild_key(key)])
        except Exception:
            return None
        page = found.get(key)
        if page is not None and page.version == version:
            return page
        if rebuild_key(key) not in found:
            return None
    return None
