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

from newsroom.client import address_block, client_address

from .models import RecentRead
from .recorders import redis_client

logger = logging.getLogger(__name__)
# More than one, so expired counters go faster than new ones come.
SWEEP_PER_NEW_COUNTER = 2


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
    return _counted_in_database(reader_key, address_key, cap)


# One round trip, atomic. A repeat changes nothing; an address at its cap marks no
# reader, so a client cycling user agents cannot fill Redis with markers.
COUNT_READ = """
if redis.call("EXISTS", KEYS[1]) == 1 then return 0 end
if tonumber(redis.call("GET", KEYS[2]) or "0") >= tonumber(ARGV[2]) then return 0 end
redis.call("SET", KEYS[1], 1, "EX", ARGV[1])
if redis.call("INCR", KEYS[2]) == 1 then redis.call("EXPIRE", KEYS[2], ARGV[1]) end
return 1
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


def _counted_in_database(reader_key, address_key, cap):
    """The same rule as COUNT_READ, in the RecentRead table.

    The address is checked before the reader is marked: a read over the cap writes
    no row, so one client showing a new user agent per request adds at most
    cap + 1 rows per article and window.
    """
    if RecentRead.objects.filter(key=reader_key, expires_at__gt=timezone.now()).exists():
        return False
    if not _take_read_slot(address_key, cap):
        return False
    if not _take_read_slot(reader_key, 1):
        # The same reader's other request marked it since the check: a repeat after
        # all, so the address gets its slot back.
        RecentRead.objects.filter(key=address_key, reads__gt=0).update(reads=F("reads") - 1)
        return False
    return True


def _take_read_slot(key, cap):
    """Count one more read under `key` if fewer than `cap` were counted in the window;
    True when it was counted."""
    now = timezone.now()
    expires_at = now + datetime.timedelta(seconds=settings.RANKINGS_REPEAT_WINDOW)
    try:
        with transaction.atomic():
            RecentRead.objects.create(key=key, reads=1, expires_at=expires_at)
    except IntegrityError:
        pass
    else:
        _sweep_expired_reads(now)
        return True
    counter = RecentRead.objects.filter(key=key)
    # A window that has passed starts again with this read.
    if counter.filter(expires_at__lte=now).update(reads=1, expires_at=expires_at):
        return True
    return bool(counter.filter(reads__lt=cap).update(reads=F("reads") + 1))


def _sweep_expired_reads(now):
    """Delete a few expired counters for each new one, so the table holds about one
    window's counters between the daily purges, whatever the traffic.

    Rows another request has locked (renewing its window) are skipped, not waited for.
    """
    expired = (
        RecentRead.objects.filter(expires_at__lte=now)
        .select_for_update(skip_locked=True)
        .values_list("pk", flat=True)[:SWEEP_PER_NEW_COUNTER]
    )
    stale = list(expired)
    if stale:
        RecentRead.objects.filter(pk__in=stale, expires_at__lte=now).delete()


def forget_expired_reads():
    """Delete read counters whose window has passed; run daily by rollup_views."""
    deleted, _ = RecentRead.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted
