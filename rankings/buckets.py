"""Adding views to the hourly buckets, atomically, on SQLite and PostgreSQL alike."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F

from .models import HourlyViews


def hour_of(moment):
    """The UTC hour a moment falls in: the key of its bucket."""
    return moment.astimezone(datetime.UTC).replace(minute=0, second=0, microsecond=0)


def add_views(article_id, hour, views=1):
    """Add to the (article, hour) bucket, creating it if this is its first view.

    The increment happens in the database (UPDATE ... SET views = views + n), so
    concurrent adds never overwrite each other; when two requests race to create
    the bucket, the loser's insert fails on the unique constraint and it adds
    to the winner's row instead.
    """
    bucket = HourlyViews.objects.filter(article_id=article_id, hour=hour)
    if bucket.update(views=F("views") + views):
        return
    try:
        with transaction.atomic():
            HourlyViews.objects.create(article_id=article_id, hour=hour, views=views)
    except IntegrityError:
        bucket.update(views=F("views") + views)
