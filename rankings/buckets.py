"""Adding views to the hourly and daily buckets, atomically, on SQLite and PostgreSQL."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import HourlyViews


def hour_of(moment):
    """The UTC hour a moment falls in: the key of its bucket."""
    return moment.astimezone(datetime.UTC).replace(minute=0, second=0, microsecond=0)


def hourly_retention_start(now=None):
    """The UTC midnight from which hourly buckets are kept; only daily rows before it."""
    moment = (now or timezone.now()) - datetime.timedelta(
        days=settings.RANKINGS_HOURLY_RETENTION_DAYS
    )
    return hour_of(moment).replace(hour=0)


def add_views(article_id, section_id, hour, views=1):
    """Add to the (article, hour) bucket, creating it if this is its first view."""
    add_to_bucket(HourlyViews, views, article_id=article_id, hour=hour, section_id=section_id)


def add_to_bucket(model, views, *, section_id, **key):
    """Add views to the bucket row `key` names (hourly or daily), creating it if needed.

    The increment happens in the database (UPDATE ... SET views = views + n), so
    concurrent adds never overwrite each other; when two requests race to create
    the bucket, the loser's insert fails on the unique constraint and it adds
    to the winner's row instead. Once the bucket exists, as it does for every read
    of an article after its first in the hour, this is one UPDATE.
    """
    bucket = model.objects.filter(**key)
    if bucket.update(views=F("views") + views):
        return
    try:
        with transaction.atomic():
            model.objects.create(views=views, section_id=section_id, **key)
    except IntegrityError:
        bucket.update(views=F("views") + views)
