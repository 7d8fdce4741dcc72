"""Background work as Django tasks, for a deployment that runs a task worker.

Each task wraps the same service the management command calls, so a cron line
and a task queue do exactly the same thing.
"""

import datetime

from django.tasks import task

from . import rollups


@task
def take_daily_snapshots(day):
    """Snapshot the top ten of `day` (an ISO date string: task arguments must be JSON)."""
    return rollups.take_daily_snapshots(datetime.date.fromisoformat(day))
