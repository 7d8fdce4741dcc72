"""Where a counted read goes: the database, or Redis flushed to the database.

Chosen by RANKINGS_RECORDER ("database" or "redis"). Both add exactly one view to
the (article, hour) bucket of the moment of the read.
"""

import functools
import logging

import redis
from django.conf import settings
from django.utils import timezone

from .buckets import add_views, hour_of

logger = logging.getLogger(__name__)

REDIS_HITS_PREFIX = "rankings:hits:"


class DatabaseRecorder:
    def record(self, article_id, *, at=None):
        add_views(article_id, hour_of(at or timezone.now()))


class RedisRecorder:
    """HINCRBY into one hash per hour; `manage.py flush_views` moves them to the database.

    When Redis cannot be reached the read goes to the database instead, so the
    reader sees no error and the view is not lost. A command that was sent but
    answered too late is not retried there: Redis may have applied it, and a view
    counted twice is worse than one lost.
    """

    def __init__(self, client, fallback):
        self.client = client
        self.fallback = fallback

    def record(self, article_id, *, at=None):
        hour = hour_of(at or timezone.now())
        try:
            self.client.hincrby(redis_hits_key(hour), str(article_id), 1)
        except (redis.ConnectionError, redis.TimeoutError) as error:
            if not never_reached_redis(error):
                logger.warning("rankings: Redis answered too late; view not retried", exc_info=True)
                return
            self._fall_back(article_id, at)

    def _fall_back(self, article_id, at):
        logger.warning("rankings: Redis unavailable; recording in the database", exc_info=True)
        self.fallback.record(article_id, at=at)


def never_reached_redis(error):
    """True when the command cannot have been applied: no connection was ever made.

    redis-py reports a timeout while connecting and one while waiting for an answer
    with the same exception class; only its message tells them apart.
    """
    if isinstance(error, redis.TimeoutError):
        return str(error).startswith("Timeout connecting")
    return True


def redis_hits_key(hour):
    return f"{REDIS_HITS_PREFIX}{hour:%Y%m%d%H}"


@functools.cache
def redis_client():
    return redis.Redis.from_url(
        settings.RANKINGS_REDIS_URL,
        socket_timeout=settings.RANKINGS_REDIS_TIMEOUT,
        socket_connect_timeout=settings.RANKINGS_REDIS_TIMEOUT,
        decode_responses=True,
    )


@functools.cache
def get_recorder():
    if settings.RANKINGS_RECORDER == "redis":
        return RedisRecorder(redis_client(), fallback=DatabaseRecorder())
    return DatabaseRecorder()
