"""The rolling windows a ranking can cover, and the span of buckets each reads."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from .buckets import hour_of


@dataclass(frozen=True)
class Window:
    key: str
    label: str
    hours: int

    def span(self, now):
        """[start, end) in UTC: the current, partial hour plus `hours` whole hours before it.

        With hourly buckets a "last hour" ranking at 10:05 reads 09:00 to 10:05 rather
        than five minutes of data.
        """
        end = hour_of(now) + datetime.timedelta(hours=1)
        return end - datetime.timedelta(hours=self.hours + 1), end


WINDOWS = {
    window.key: window
    for window in [
        Window("1h", "Last hour", 1),
        Window("24h", "24 hours", 24),
        Window("7d", "7 days", 24 * 7),
        Window("30d", "30 days", 24 * 30),
    ]
}


def day_start(day):
    """The moment a day begins in the newsroom's zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
