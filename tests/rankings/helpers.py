"""What a reader's browser sends to the view endpoint, and the Redis the tests count in."""

import datetime
import os

import redis
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from rankings import live
from rankings.buckets import hour_of
from rankings.counting import make_view_token
from rankings.models import HourlyViews, ReaderMarker

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
VIEW_URL = reverse("rankings:record_view")
BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Safari/537.36"
)


def browser(n=0):
    """A distinct, ordinary browser user agent per reader number."""
    return BROWSER.replace("Safari/537.36", f"Safari/537.{n}")


def report_read(client, article, *, user_agent=BROWSER, token=None, address="127.0.0.1", **headers):
    data = {"token": token if token is not None else make_view_token(article.pk)}
    return client.post(
        VIEW_URL, data, headers={"user-agent": user_agent, **headers}, REMOTE_ADDR=address
    )


def forget_redis_connection():
    """Let the next read connect to the Redis the settings now name."""
    if live.redis_client.cache_info().currsize:
        live.redis_client().close()
    live.redis_client.cache_clear()
    live._script.cache_clear()


def views_of(article):
    return sum(HourlyViews.objects.filter(article=article).values_list("views", flat=True))


def stored_reader_keys():
    """Every repeat-reader counter, from whichever store is configured."""
    if settings.RANKINGS_REDIS_URL:
        client = redis.Redis.from_url(settings.RANKINGS_REDIS_URL)
        return [key.decode() for key in client.keys("rankings:seen:*")]
    return list(ReaderMarker.objects.values_list("key", flat=True))


def end_repeat_windows():
    """Move past every reader's repeat window."""
    if settings.RANKINGS_REDIS_URL:
        client = redis.Redis.from_url(settings.RANKINGS_REDIS_URL)
        for key in client.keys("rankings:seen:*"):
            client.delete(key)
    else:
        ReaderMarker.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))


def record_views(article, views, *, hours_ago=0):
    """Views of the article, as if counted in the hour `hours_ago` hours back.

    Creates the (article, hour) bucket, which must not exist yet: a test's set-up, not
    the counting's own rankings.buckets.add_views."""
    HourlyViews.objects.create(
        article=article,
        section_id=article.section_id,
        hour=hour_of(timezone.now() - datetime.timedelta(hours=hours_ago)),
        views=views,
    )
