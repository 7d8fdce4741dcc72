"""With DEBUG off the site refuses to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


def load_settings(**env):
    """Import the real settings in a fresh interpreter with exactly these variables."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "NEWSROOM_TIME_ZONE"}
    }
    return subprocess.run(
        [sys.executable, "-c", "import newsroom.settings as s; print(s.TIME_ZONE, s.DEBUG)"],
        cwd=PROJECT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


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
