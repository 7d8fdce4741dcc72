import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from rankings.rollups import take_daily_snapshots


class Command(BaseCommand):
    help = "Keep the day's top ten, site-wide and per section (default: yesterday). Run daily."

    def add_arguments(self, parser):
        parser.add_argument("--day", help="The day in the newsroom's zone, as YYYY-MM-DD.")

    def handle(self, *args, day=None, **options):
        if day:
            try:
                day = datetime.date.fromisoformat(day)
            except ValueError:
                raise CommandError(f"--day {day!r} is not a date like 2025-04-04.") from None
        else:
            day = timezone.localdate() - datetime.timedelta(days=1)
        kept = take_daily_snapshots(day)  # one run at a time, under a named lock
        self.stdout.write(f"Kept {kept} ranking lines for {day:%Y-%m-%d}.")
