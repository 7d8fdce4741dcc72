from django.conf import settings
from django.core.management.base import BaseCommand

from rankings.readers import forget_expired_reads
from rankings.services import retention_cutoff, roll_up_hourly_views


class Command(BaseCommand):
    help = (
        "Fold hourly view buckets older than RANKINGS_HOURLY_RETENTION_DAYS into daily "
        "buckets, and forget expired repeat-reader markers. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.RANKINGS_HOURLY_RETENTION_DAYS,
            help="Keep this many days of hourly buckets (default: the setting).",
        )

    def handle(self, *args, days, **options):
        cutoff = retention_cutoff(days=days)
        rolled = roll_up_hourly_views(before=cutoff)
        forgotten = forget_expired_reads()
        self.stdout.write(
            f"Rolled up {rolled} day(s) of hourly buckets before {cutoff:%Y-%m-%d}; "
            f"forgot {forgotten} expired reader marker(s)."
        )
