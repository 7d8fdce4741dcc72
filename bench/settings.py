"""The real settings, plus one bare view to measure the beacon endpoint against."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")

from newsroom.settings import *  # noqa: E402, F403

ROOT_URLCONF = "bench.urls"
# wrk sends every request from 127.0.0.1 as a new reader; lift the per-address cap
# so each one goes all the way to an increment.
RANKINGS_READS_PER_ADDRESS = 10**9
STATIC_ROOT = VAR_DIR / "bench-static"  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
