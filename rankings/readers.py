"""Who is reading, for telling a first read from a repeat, without keeping who it was.

A reader is an HMAC of address and user agent under a key that changes every day,
so the stored marker cannot be turned back into an address, nor linked across days;
an address alone is hashed the same way for a per-address cap. The counters live
where every app process sees them: Redis when REDIS_URL is set, the RecentRead
table otherwise.
"""

import datetime
import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import RecentRead

logger = logging.getLogger(__name__)


def client_address(request):
    """The reader's address: REMOTE_ADDR, or the last hop our own proxy added."""
    header = settings.RANKINGS_CLIENT_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


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
    return _daily_hash("address", client_address(request), now)


def is_counted(request, article_id):
    """True when this read counts: the reader's first within the repeat window, and the
    address still under RANKINGS_READS_PER_ADDRESS reads of the article in that window.

    The cap stops one client from passing as many readers by changing its user agent
    on every request, while an office or a household behind one address still counts
    as several readers.
    """
    return _within(f"reader:{article_id}:{reader_id(request)}", 1) and _within(
        f"address:{article_id}:{address_id(request)}", settings.RANKINGS_READS_PER_ADDRESS
    )


def _within(key, cap):
    """Count one more read under `key` if fewer than `cap` were counted in the window.

    With Redis configured the counters live there; while it cannot be reached they
    go to the database table, so repeats are still caught.
    """
    if settings.REDIS_URL:
        try:
            return _within_in_redis(key, cap)
        except Exception:
            logger.warning("rankings: Redis unavailable for reader markers", exc_info=True)
    return _within_in_database(key, cap)


def _within_in_redis(key, cap):
    cache = caches["rankings"]
    if cache.add(key, 1, timeout=settings.RANKINGS_REPEAT_WINDOW):
        return True
    if cap == 1:
        return False
    try:
        return cache.incr(key) <= cap
    except ValueError:  # expired between the two calls: a new window
        return cache.add(key, 1, timeout=settings.RANKINGS_REPEAT_WINDOW)


def _within_in_database(key, cap):
    now = timezone.now()
    expires_at = now + datetime.timedelta(seconds=settings.RANKINGS_REPEAT_WINDOW)
    try:
        with transaction.atomic():
            RecentRead.objects.create(key=key, reads=1, expires_at=expires_at)
        return True
    except IntegrityError:
        pass
    counter = RecentRead.objects.filter(key=key)
    # A window that has passed starts again with this read.
    if counter.filter(expires_at__lte=now).update(reads=1, expires_at=expires_at):
        return True
    return bool(counter.filter(reads__lt=cap).update(reads=F("reads") + 1))


def forget_expired_reads():
    """Delete read counters whose window has passed; run daily by rollup_views."""
    deleted, _ = RecentRead.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted
