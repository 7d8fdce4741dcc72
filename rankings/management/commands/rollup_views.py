from django.core.management.base import BaseCommand

from newsroom.locks import named_lock
from rankings.readers import forget_expired_reads
from rankings.selectors import hourly_retention_start
from rankings.services import roll_up_hourly_views


class Command(BaseCommand):
    help = (
        "Fold hourly view buckets older than RANKINGS_HOURLY_RETENTION_DAYS into daily "
        "buckets, and forget expired repeat-reader markers. Run it daily."
    )

    def handle(self, *args, **options):
        # Always the setting's point: rankings read hourly buckets back to exactly there.
        cutoff = hourly_retention_start()
        # One run at a time: a second waits, then finds the days already folded.
        with named_lock("rollup_views"):
            rolled = roll_up_hourly_views(before=cutoff)
            forgotten = forget_expired_reads()
        self.stdout.write(
            f"Rolled up {rolled} day(s) of hourly buckets before {cutoff:%Y-%m-%d}; "
            f"forgot {forgotten} expired reader marker(s)."
        )
