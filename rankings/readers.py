"""Who is reading, for telling a first read from a repeat, without keeping who it was.

A reader is an HMAC of address and user agent under a key that changes every day,
so the stored marker cannot be turned back into an address, nor linked across days.
The markers live where every app process sees them: Redis when REDIS_URL is set,
the RecentRead table otherwise.
"""

import datetime
import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import RecentRead

logger = logging.getLogger(__name__)


def client_address(request):
    """The reader's address: REMOTE_ADDR, or the last hop our own proxy added."""
    header = settings.RANKINGS_CLIENT_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def reader_id(request, *, now=None):
    day = (now or timezone.now()).strftime("%Y-%m-%d")
    key = hmac.new(settings.SECRET_KEY.encode(), f"rankings.reader.{day}".encode(), "sha256")
    message = f"{client_address(request)}\n{request.META.get('HTTP_USER_AGENT', '')}"
    return hmac.new(key.digest(), message.encode(), hashlib.sha256).hexdigest()[:32]


def is_first_read(reader, article_id):
    """True, once per window, for a reader and an article; False for repeats.

    If the shared store cannot be reached the read is counted: losing a reader's
    read would be worse than counting one repeat.
    """
    key = f"{article_id}:{reader}"
    try:
        if settings.REDIS_URL:
            return caches["rankings"].add(key, 1, timeout=settings.RANKINGS_REPEAT_WINDOW)
        return _first_read_in_database(key)
    except Exception:
        logger.warning(
            "rankings: repeat-reader store unavailable; counting the read", exc_info=True
        )
        return True


def _first_read_in_database(key):
    now = timezone.now()
    expires_at = now + datetime.timedelta(seconds=settings.RANKINGS_REPEAT_WINDOW)
    # A marker whose window has passed is renewed: this is a first read again.
    if RecentRead.objects.filter(key=key, expires_at__lte=now).update(expires_at=expires_at):
        return True
    try:
        with transaction.atomic():
            RecentRead.objects.create(key=key, expires_at=expires_at)
    except IntegrityError:
        return False  # a live marker: a repeat within the window
    return True


def forget_expired_reads():
    """Delete read markers whose window has passed; run daily by rollup_views."""
    deleted, _ = RecentRead.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted
