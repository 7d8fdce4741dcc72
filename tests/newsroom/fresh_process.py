"""Settings as a fresh process sees them: a new interpreter with exactly the given
environment, for the tests of settings, logging and the deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
# A production secret of the kind `check --deploy` accepts (made for the tests only).
PRODUCTION_SECRET = "k7#Qm2!vR9@pL4$wX8^nB6&zT1*cY5(hJ3)fD0-gS+aE=uN_oI"


# What a test sets itself, and what the test settings set for the suite.
NOT_INHERITED = {
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DEBUG",
    "NEWSROOM_TIME_ZONE",
    "DJANGO_SETTINGS_MODULE",
    "SECURE_COOKIES",
    "SECURE_SSL_REDIRECT",
    "SERVE_MEDIA",
    "TWO_FACTOR_REQUIRED",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def run_python(code, args=(), **env):
    """Run `code` in a fresh interpreter with the project's settings and exactly `env`."""
    clean = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    return subprocess.run(
        [sys.executable, *code, *args],
        cwd=PROJECT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "newsroom.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def sqlite_in(folder):
    """A SQLite database of its own in `folder`, for a `manage.py check` (which opens
    the database to ask what it supports) that must not touch the project's var/."""
    return f"sqlite:///{folder / 'db.sqlite3'}"


def load_settings(*names, **env):
    """The given settings (TIME_ZONE and DEBUG by default), as printed by a fresh import."""
    names = names or ("TIME_ZONE", "DEBUG")
    printed = ", ".join(f"s.{name}" for name in names)
    return run_python(["-c", f"import newsroom.settings as s; print({printed})"], **env)
