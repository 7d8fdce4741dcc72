"""GET /healthz, for the load balancer, systemd and whoever is on call.

503 only when the database cannot be reached: without it no page can be served.
Redis down answers 200 with "unavailable", since pages and counted reads then fall
back to the database. The answer is never cached, counted, or given a cookie.
"""

import logging

import redis
from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connections
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from newsroom.cache import FailFastRedisCache
from rankings.live import redis_client

logger = logging.getLogger(__name__)


def database_status():
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.error("healthz: database unreachable", exc_info=True)
        return "unavailable"
    return "ok"


def redis_status(ping):
    try:
        ping()
    except (redis.RedisError, OSError):
        return "unavailable"
    return "ok"


def cache_redis_status():
    cache = caches["default"]
    if not isinstance(cache, FailFastRedisCache):
        return "not configured"
    # Through the cache, so an open circuit answers at once instead of reconnecting.
    return redis_status(cache.ping)


def rankings_redis_status():
    if not settings.RANKINGS_REDIS_URL:
        return "not configured"
    return redis_status(redis_client().ping)


@require_safe
def healthz(request):
    status = {
        "database": database_status(),
        "redis": cache_redis_status(),
        "rankings_redis": rankings_redis_status(),
        "recorder": settings.RANKINGS_RECORDER,
    }
    response = JsonResponse(status, status=200 if status["database"] == "ok" else 503)
    response["Cache-Control"] = "no-store"
    return response
