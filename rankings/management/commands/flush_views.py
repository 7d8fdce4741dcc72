from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rankings.flush import flush_redis_counts
from rankings.live import redis_client


class Command(BaseCommand):
    help = (
        "Move view counts from Redis into the hourly buckets. Safe to run every minute, "
        "and to rerun after a crash: nothing is lost or counted twice."
    )

    def handle(self, *args, **options):
        if settings.RANKINGS_RECORDER != "redis":
            raise CommandError("RANKINGS_RECORDER is not 'redis': there is nothing to flush.")
        result = flush_redis_counts(redis_client())
        self.stdout.write(
            f"Flushed {result.views} views in {result.batches} batches "
            f"({result.skipped} already applied)."
        )
