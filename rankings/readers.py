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
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import RecentRead
from .recorders import redis_client

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


def count_if_first_read(request, article_id):
    """Count this read against the reader and the address; True when it is a view.

    It is one when it is the reader's first within the repeat window and the address
    is still under RANKINGS_READS_PER_ADDRESS reads of the article in that window.

    The cap stops one client from passing as many readers by changing its user agent
    on every request, while an office or a household behind one address still counts
    as several readers.
    """
    reader_key = f"reader:{article_id}:{reader_id(request)}"
    address_key = f"address:{article_id}:{address_id(request)}"
    cap = settings.RANKINGS_READS_PER_ADDRESS
    if settings.RANKINGS_REDIS_URL:
        # With Redis the counters live there; while it cannot be reached they go to
        # the database table, so repeats are still caught.
        try:
            return _counted_in_redis(reader_key, address_key, cap)
        except Exception:
            logger.warning("rankings: Redis unavailable for reader counters", exc_info=True)
    return _take_read_slot(reader_key, 1) and _take_read_slot(address_key, cap)


# One round trip, atomic: mark the reader; only for a first read, count the address.
COUNT_READ = """
if redis.call("SET", KEYS[1], 1, "NX", "EX", ARGV[1]) then
    local reads = redis.call("INCR", KEYS[2])
    if reads == 1 then redis.call("EXPIRE", KEYS[2], ARGV[1]) end
    if reads <= tonumber(ARGV[2]) then return 1 end
end
return 0
"""


def _counted_in_redis(reader_key, address_key, cap):
    script = redis_client().register_script(COUNT_READ)  # sent once, then run by its hash
    prefix = "rankings:seen:"
    return bool(
        script(
            keys=[prefix + reader_key, prefix + address_key],
            args=[settings.RANKINGS_REPEAT_WINDOW, cap],
        )
    )


def _take_read_slot(key, cap):
    """Count one more read under `key` if fewer than `cap` were counted in the window;
    True when it was counted."""
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
