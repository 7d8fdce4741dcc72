"""gunicorn settings for Newsroom: `gunicorn -c deploy/gunicorn.conf.py newsroom.wsgi`.

Every value can be changed from the environment (the systemd unit's EnvironmentFile):

GUNICORN_BIND            address or unix:/path to listen on (127.0.0.1:8000)
GUNICORN_WORKERS         worker processes (2 per CPU, plus 1)
GUNICORN_TIMEOUT         seconds a worker may spend on one request before it is restarted (30)
GUNICORN_MAX_REQUESTS    requests before a worker is replaced by a fresh one (5000; 0: never)
GUNICORN_CONTROL_SOCKET  gunicorn's control socket (var/gunicorn.ctl in the project);
                         gunicorn 27 otherwise shares one default path between every
                         instance on the machine
GUNICORN_ACCESS_LOG      "-" for gunicorn's own access log on stdout; off by default,
                         since the app logs each request itself (LOG_FORMAT=json) and
                         nginx keeps the access log
"""

import os
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


bind = [os.environ.get("GUNICORN_BIND") or "127.0.0.1:8000"]
# Sync workers: a page is database work, and the cached pages are served by nginx.
workers = env_int("GUNICORN_WORKERS", 2 * (os.cpu_count() or 1) + 1)
wsgi_app = "newsroom.wsgi:application"
chdir = str(PROJECT)

timeout = env_int("GUNICORN_TIMEOUT", 30)
# A deploy (HUP or restart) lets requests in progress finish for this long.
graceful_timeout = 30
# nginx keeps connections to us open between requests.
keepalive = 5
# Recycle workers now and then so a slow leak never builds up; the jitter keeps them
# from all restarting at the same moment.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 5000)
max_requests_jitter = max_requests // 10

control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET") or str(PROJECT / "var" / "gunicorn.ctl")
Path(control_socket).parent.mkdir(parents=True, exist_ok=True)

# Only nginx on this machine may tell us the scheme (X-Forwarded-Proto).
forwarded_allow_ips = "127.0.0.1,::1"

accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
if os.environ.get("LOG_FORMAT") == "json":
    # gunicorn's own lines (workers starting, timeouts) in the app's JSON format too,
    # each once: not passed on to the root logger, which has the same console.
    logconfig_dict = {
        "formatters": {"generic": {"()": "newsroom.logs.JsonFormatter"}},
        "loggers": {
            "gunicorn.error": {"handlers": ["error_console"], "propagate": False},
            "gunicorn.access": {
                "handlers": ["console"],
                "level": "INFO" if accesslog else "WARNING",
                "propagate": False,
            },
        },
    }
