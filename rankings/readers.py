"""Who is reading, for telling a first read from a repeat, without keeping who it was.

A reader is an HMAC of address and user agent under a key that changes every day,
so the stored marker cannot be turned back into an address, nor linked across days.
The markers live in the "rankings" cache (Redis, or the database), which every app
process shares.
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

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
    try:
        return caches["rankings"].add(
            f"seen:{article_id}:{reader}", 1, timeout=settings.RANKINGS_REPEAT_WINDOW
        )
    except Exception:
        logger.warning(
            "rankings: repeat-reader store unavailable; counting the read", exc_info=True
        )
        return True
