"""Moving the Redis hour counters into the database, exactly once.

1. Claim: each live hash `rankings:hits:<hour>` is renamed to a batch key with a
   fresh id. RENAME is atomic, so a read arriving meanwhile starts a new hash.
2. Apply: each batch is added to the buckets in one database transaction that also
   records the batch id in FlushedBatch. A batch whose id is already there was
   applied before and is skipped.
3. Forget: the batch key is deleted.

Killed after 1, the next run applies the claimed batch; killed inside 2, the
transaction rolls back and the next run applies it; killed after 2, the next run
finds the id, skips the batch and deletes it. Nothing is lost or counted twice.
"""

import contextlib
import datetime
import uuid
from dataclasses import dataclass

import redis
from django.db import transaction
from django.utils import timezone

from articles.models import Article

from .buckets import add_to_bucket, add_views
from .live import HITS_PREFIX
from .models import DailyViews, FlushedBatch, RolledUpDay

BATCH_PREFIX = "rankings:batch:"
FORGET_BATCH_IDS_AFTER = datetime.timedelta(days=7)


@dataclass
class FlushResult:
    batches: int = 0
    views: int = 0
    skipped: int = 0


def flush_redis_counts(client):
    claim_live_hashes(client)
    result = FlushResult()
    for batch in sorted(client.scan_iter(f"{BATCH_PREFIX}*")):
        views = apply_batch(client, batch)
        if views is None:
            result.skipped += 1
        else:
            result.batches += 1
            result.views += views
        client.delete(batch)
    FlushedBatch.objects.filter(flushed_at__lt=timezone.now() - FORGET_BATCH_IDS_AFTER).delete()
    return result


def claim_live_hashes(client):
    for key in client.scan_iter(f"{HITS_PREFIX}*"):
        hour = key.removeprefix(HITS_PREFIX)
        # A key gone since the scan was claimed by another flush first.
        with contextlib.suppress(redis.ResponseError):
            client.rename(key, f"{BATCH_PREFIX}{hour}:{uuid.uuid4().hex}")


def apply_batch(client, batch):
    """Add one batch to the buckets; the number of views, or None if it was applied before."""
    hour = datetime.datetime.strptime(
        batch.removeprefix(BATCH_PREFIX).split(":")[0], "%Y%m%d%H"
    ).replace(tzinfo=datetime.UTC)
    counts = {int(article): int(views) for article, views in client.hgetall(batch).items()}
    with transaction.atomic():
        # A concurrent flush of the same batch waits here for the first to commit,
        # then finds its row.
        _, first_time = FlushedBatch.objects.get_or_create(batch=batch)
        if not first_time:
            return None
        # Reads of articles deleted since are dropped with them.
        sections = dict(Article.objects.filter(pk__in=counts).values_list("pk", "section"))
        # A batch held back (Redis or this command down) past its day's roll-up is
        # added to the day's row too, or rankings reading that day would miss it.
        rolled_up = RolledUpDay.objects.filter(day=hour.date()).exists()
        for article_id in sorted(sections):
            add_views(article_id, sections[article_id], hour, counts[article_id])
            if rolled_up:
                add_to_bucket(
                    DailyViews,
                    counts[article_id],
                    section_id=sections[article_id],
                    article_id=article_id,
                    day=hour.date(),
                )
    return sum(counts[article_id] for article_id in sections)
