"""What counts as a read, top to bottom.

1. The page's signed token names the article (`read_view_token`); a forged, altered
   or expired one is refused with 400 by the view.
2. Requests that are not a person reading count for nothing (`reason_not_to_count`):
   another site's page, no user agent, a known bot, a prefetch or prerender, staff.
3. The reader is an HMAC of address and user agent, the address (its /64 for IPv6)
   another, both under a key that changes daily (`reader_id`, `address_id`): nothing
   stored can be turned back into who read.
4. A read counts when the article is live (published, and its time has come), it is
   the reader's first of that article within RANKINGS_REPEAT_WINDOW, and the address
   has had fewer than RANKINGS_READS_PER_ADDRESS counted reads of it in that window.
   The cap is checked before the reader is marked, so reads over it store nothing.
5. A counted read adds exactly one view to the (article, hour) bucket.

Where 4 and 5 happen (`count_read`): with RANKINGS_RECORDER=redis, in one Lua script
in Redis (`rankings/live.py`), without SQL; while Redis cannot be reached, and with
the database recorder, in one short database transaction (`rankings/reader_markers.py`
for the markers, unless Redis holds them, and `rankings/buckets.py` for the bucket).
"""

import functools
import hashlib
import hmac

from crawleruseragents import is_crawler
from django.conf import settings
from django.core import signing
from django.db import connection, transaction
from django.utils import timezone

from articles.models import Article
from newsroom.client import address_block, client_address

from . import live, reader_markers
from .buckets import add_views, hour_of

TOKEN_SALT = "rankings.view"
PREFETCH_HEADERS = {
    "HTTP_SEC_PURPOSE": ("prefetch", "prerender"),
    "HTTP_PURPOSE": ("prefetch", "preview"),
    "HTTP_X_PURPOSE": ("prefetch", "preview"),
    "HTTP_X_MOZ": ("prefetch",),
}


# 1. The token. The page may come from a full-page cache or a CDN, so the token names
# only the article and when the page was made; it must outlive the page's cache life.


class InvalidToken(Exception):
    pass


def make_view_token(article_id):
    return signing.TimestampSigner(salt=TOKEN_SALT).sign(str(article_id))


def read_view_token(token):
    """The article id in a token, or InvalidToken if it is forged, altered or expired."""
    try:
        value = signing.TimestampSigner(salt=TOKEN_SALT).unsign(
            token, max_age=settings.RANKINGS_TOKEN_MAX_AGE
        )
    except signing.SignatureExpired:
        raise InvalidToken("expired") from None
    except signing.BadSignature:
        raise InvalidToken("bad signature") from None
    if not value.isdigit():
        raise InvalidToken("bad article id")
    return int(value)


# 2. Not a reader.


def reason_not_to_count(request):
    """Why this request is not a reader's read, or None when it is one."""
    if is_cross_site(request):
        return "cross-site"
    user_agent = request.META.get("HTTP_USER_AGENT", "").strip()
    if not user_agent:
        return "no user agent"
    if is_known_crawler(user_agent):
        return "bot"
    for header, words in PREFETCH_HEADERS.items():
        value = request.META.get(header, "").lower()
        if any(word in value for word in words):
            return "prefetch"
    # Costs no SQL without a session cookie, which a reader does not have.
    if request.user.is_staff:
        return "staff"
    return None


# The crawler list is some thousand patterns, 0.1 ms a request; readers show a few
# thousand user agents at most, so the answer for each ordinary one is kept. A long
# one is checked afresh: kept, a client sending huge ones could fill memory.
CRAWLER_VERDICT_MAX_LENGTH = 512


def is_known_crawler(user_agent):
    if len(user_agent) > CRAWLER_VERDICT_MAX_LENGTH:
        return is_crawler(user_agent)
    return _crawler_verdict(user_agent)


@functools.lru_cache(maxsize=8192)
def _crawler_verdict(user_agent):
    return is_crawler(user_agent)


def is_cross_site(request):
    """True when another site's page sent the request through its visitor's browser.

    Browsers say where a request comes from (Sec-Fetch-Site, else Origin); our own
    beacon is same-origin. A request that says nothing (not a browser) passes here
    and meets the other checks.
    """
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin != f"{request.scheme}://{request.get_host()}"
    return False


# 3. Who is reading, without keeping who it was.


def _daily_hash(purpose, message, now):
    day = (now or timezone.now()).strftime("%Y-%m-%d")
    key = hmac.new(settings.SECRET_KEY.encode(), f"rankings.{purpose}.{day}".encode(), "sha256")
    return hmac.new(key.digest(), message.encode(), hashlib.sha256).hexdigest()[:32]


def reader_id(request, *, now=None):
    """The reader: address and user agent, hashed under today's key."""
    message = f"{client_address(request)}\n{request.META.get('HTTP_USER_AGENT', '')}"
    return _daily_hash("reader", message, now)


def address_id(request, *, now=None):
    """The address alone, hashed under today's key: for the per-address cap."""
    # Addresses that do not parse (a proxy writing "unknown", say) share one cap.
    block = address_block(client_address(request)) or "unparsable"
    return _daily_hash("address", block, now)


# 4 and 5. Live, first, under the cap: counted.


def count_read(request, article_id):
    """Count one read of the article if it is a reader's first; True when it counted."""
    if reason_not_to_count(request) is not None:
        return False
    now = timezone.now()
    reader = f"reader:{article_id}:{reader_id(request, now=now)}"
    address = f"address:{article_id}:{address_id(request, now=now)}"
    redis_reachable = bool(settings.RANKINGS_REDIS_URL)
    if settings.RANKINGS_RECORDER == "redis":
        counted = live.count_in_redis(article_id, reader, address, now=now)
        if counted is not None:
            return counted
        redis_reachable = False
    return _count_in_database(article_id, reader, address, now, markers_in_redis=redis_reachable)


def _count_in_database(article_id, reader, address, now, *, markers_in_redis):
    """Rule 4 and 5 against the database: one query for the article, one transaction.

    With the markers in the database too, the transaction holds the marker and the
    increment: a read over the cap rolls back its reader's marker, and no marker is
    ever kept without its view.
    """
    sections = Article.objects.published().filter(pk=article_id).values_list("section", flat=True)
    section_id = next(iter(sections[:1]), None)  # unordered: first() would sort
    if section_id is None:
        return False
    if markers_in_redis:
        first = live.mark_in_redis(reader, address)
        if first is None:
            markers_in_redis = False
        elif not first:
            return False
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Wait for the commit, not for its flush to disk: only a crash of the
            # database server itself could lose the last fraction of a second of
            # reads (Redis, for the Redis recorder, keeps less), and each counted
            # read stops costing a disk write.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        if not markers_in_redis and not reader_markers.mark(reader, address, now=now):
            transaction.set_rollback(True)
            return False
        add_views(article_id, section_id, hour_of(now))
    return True
