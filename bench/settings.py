"""The real settings, plus bare views to measure the site's pages and beacon against."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")

from newsroom.settings import *  # noqa: E402, F403

ROOT_URLCONF = "bench.urls"
# wrk connects from 127.0.0.1 only; wrk.lua gives each request its own reader
# address in X-Forwarded-For, as a reverse proxy would, so each read is a new
# reader at a new address and goes all the way to an increment.
RANKINGS_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
STATIC_ROOT = VAR_DIR / "bench-static"  # noqa: F405
# wrk speaks plain HTTP to 127.0.0.1, as a TLS proxy would: without this every
# request measured is a redirect to HTTPS (which wrk does not count as an error).
SECURE_SSL_REDIRECT = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# The size of bench/page/, the bare GET view: the article page's, measured by bench/serve.py.
BENCH_PAGE_BYTES = int(os.environ.get("BENCH_PAGE_BYTES", "20000"))
