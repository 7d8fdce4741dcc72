"""A named lock across processes and machines, for scheduled commands.

On PostgreSQL, a session advisory lock: a second holder waits until the first lets
go, and a process that dies lets go with its connection, so a crash never leaves a
lock behind. SQLite needs none: it lets one write transaction run at a time
(settings.py makes every transaction take the write lock at its start), so work done
in one transaction is already serialised.
"""

import contextlib
import hashlib

from django.db import connections


def lock_id(name):
    """A stable signed 64-bit key for `name` (PostgreSQL's advisory lock key type)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


@contextlib.contextmanager
def named_lock(name, *, using="default"):
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    key = lock_id(f"newsroom:{name}")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [key])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
