"""Reader markers: the repeat and cap counters in the ReaderMarker table, for a site
without Redis (or while Redis cannot be reached).

Each counter is one upsert that says in its answer whether the read was taken:
INSERT ... ON CONFLICT DO UPDATE ... WHERE ... RETURNING, on SQLite and PostgreSQL
alike. Django's bulk_create(update_conflicts=True) cannot add to a column or make
the update conditional, hence the statement below, built from the model's own
table and column names with every value a parameter.
"""

import datetime

from django.conf import settings
from django.db import connection
from django.utils import timezone

from .models import ReaderMarker

# Expired counters are deleted by the reads that add new ones: the one counted read
# in 16 whose reader hash ends in "0" deletes up to SWEEP_ROWS, more than the 32
# counters 16 reads add at most, so the table holds about one window's counters
# between the daily purges.
SWEEP_ROWS = 64


def _take_slot_sql():
    table = connection.ops.quote_name(ReaderMarker._meta.db_table)
    key, reads, expires = (connection.ops.quote_name(c) for c in ("key", "reads", "expires_at"))
    expired = f"{table}.{expires} <= %(now)s"
    return (
        f"INSERT INTO {table} ({key}, {reads}, {expires}) VALUES (%(key)s, 1, %(until)s) "
        f"ON CONFLICT ({key}) DO UPDATE SET "
        f"{reads} = CASE WHEN {expired} THEN 1 ELSE {table}.{reads} + 1 END, "
        f"{expires} = CASE WHEN {expired} THEN excluded.{expires} ELSE {table}.{expires} END "
        f"WHERE {expired} OR {table}.{reads} < %(cap)s "
        f"RETURNING {reads}"
    )


def _take_slot(cursor, key, *, cap, now, until):
    """Count one more read under `key` if fewer than `cap` were counted in its window
    (a window that has passed starts again); True when it was counted."""
    cursor.execute(_take_slot_sql(), {"key": key, "now": now, "until": until, "cap": cap})
    return cursor.fetchone() is not None


def mark(reader, address, *, now):
    """Mark the reader and count the address; True when this read counts.

    Call inside a transaction and roll it back on False: a repeat changes nothing,
    and a read over the address's cap must not keep the reader's marker. Two
    requests of one reader at once meet on the reader's unique key, and the second
    finds the first's marker once it commits.
    """
    until = now + datetime.timedelta(seconds=settings.RANKINGS_REPEAT_WINDOW)
    with connection.cursor() as cursor:
        if not _take_slot(cursor, reader, cap=1, now=now, until=until):
            return False
        if not _take_slot(
            cursor, address, cap=settings.RANKINGS_READS_PER_ADDRESS, now=now, until=until
        ):
            return False
    if reader.endswith("0"):
        _sweep_expired(now)
    return True


def _sweep_expired(now):
    """Delete some expired counters; rows another request holds are skipped, not waited for."""
    expired = (
        ReaderMarker.objects.filter(expires_at__lte=now)
        .select_for_update(skip_locked=True)
        .values_list("pk", flat=True)[:SWEEP_ROWS]
    )
    ReaderMarker.objects.filter(pk__in=list(expired), expires_at__lte=now).delete()


def purge_expired():
    """Delete the markers and counters whose window has passed; run daily by rollup_views."""
    deleted, _ = ReaderMarker.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted
