from django.core.management.base import BaseCommand

from newsroom.locks import named_lock
from rankings import reader_markers
from rankings.rollups import roll_up_views


class Command(BaseCommand):
    help = (
        "Write the daily rows of each finished UTC day, drop hourly buckets older than "
        "RANKINGS_HOURLY_RETENTION_DAYS, and forget expired repeat-reader markers. Run "
        "it daily, after midnight UTC; safe to run twice at once or after a crash."
    )

    def handle(self, *args, **options):
        # One run at a time: a second waits, then finds the days already rolled up.
        with named_lock("rollup_views"):
            rolled = roll_up_views()
            forgotten = reader_markers.purge_expired()
        self.stdout.write(
            f"Rolled up {rolled} day(s); forgot {forgotten} expired reader marker(s)."
        )
