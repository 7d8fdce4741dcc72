"""With DEBUG off the site refuses to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


# A production secret of the kind `check --deploy` accepts (made for this test only).
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


def load_settings(*names, **env):
    """The given settings (TIME_ZONE and DEBUG by default), as printed by a fresh import."""
    names = names or ("TIME_ZONE", "DEBUG")
    printed = ", ".join(f"s.{name}" for name in names)
    return run_python(["-c", f"import newsroom.settings as s; print({printed})"], **env)


@pytest.mark.parametrize(
    "env, message",
    [
        ({"ALLOWED_HOSTS": "news.example"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "s3cret"}, "ALLOWED_HOSTS must be set"),
        ({"SECRET_KEY": "s3cret", "ALLOWED_HOSTS": "*"}, "not '*'"),
        ({"DEBUG": "maybe"}, "DEBUG must be true or false"),
        ({"DEBUG": "true", "NEWSROOM_TIME_ZONE": "Mars/Olympus"}, "not a known zone"),
    ],
)
def test_refuses_to_start_half_configured(env, message):
    result = load_settings(**env)
    assert result.returncode != 0
    assert message in result.stderr


def test_starts_when_configured():
    result = load_settings(SECRET_KEY="s3cret", ALLOWED_HOSTS="news.example")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["Asia/Tokyo", "False"]


def test_local_development_needs_nothing_but_debug():
    result = load_settings(DEBUG="true", NEWSROOM_TIME_ZONE="Europe/Brussels")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["Europe/Brussels", "True"]


def test_a_variable_set_but_empty_counts_as_unset():
    result = load_settings(
        "DATABASES['default']['ENGINE']",
        "TIME_ZONE",
        "CACHES['default']['BACKEND']",
        DEBUG="true",
        DATABASE_URL="",
        REDIS_URL="",
        NEWSROOM_TIME_ZONE="",
        RANKINGS_RECORDER="",
        MEDIA_ROOT="",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "Asia/Tokyo",
        "django.core.cache.backends.locmem.LocMemCache",
    ]


def test_production_settings_pass_djangos_deployment_checklist():
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        SECRET_KEY=PRODUCTION_SECRET,
        ALLOWED_HOSTS="news.example",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_is_https_only_and_two_factor_for_publishers_by_default():
    result = load_settings(
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_SECURE",
        "TWO_FACTOR_REQUIRED",
        SECRET_KEY=PRODUCTION_SECRET,
        ALLOWED_HOSTS="news.example",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "31536000", "True", "publishers"]


def test_local_development_serves_plain_http_without_two_factor():
    result = load_settings(
        "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "TWO_FACTOR_REQUIRED", DEBUG="true"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "0", "none"]
