"""Settings: read from the environment and .env, checked by each app; with DEBUG off the
site refuses to start half-configured."""

import ast
import io
import os
import re
import shutil
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from .fresh_process import (
    NOT_INHERITED,
    PRODUCTION_SECRET,
    PROJECT,
    load_settings,
    run_python,
    sqlite_in,
)


@pytest.mark.parametrize(
    "env, message",
    [
        ({"ALLOWED_HOSTS": "news.example"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "s3cret"}, "ALLOWED_HOSTS must be set"),
        ({"SECRET_KEY": "s3cret", "ALLOWED_HOSTS": "*"}, "not '*'"),
        ({"DEBUG": "maybe"}, "DEBUG must be true or false"),
        ({"DEBUG": "true", "NEWSROOM_TIME_ZONE": "Mars/Olympus"}, "not a known zone"),
        # A typo must not quietly run another way (count in the database, ask no code).
        ({"DEBUG": "true", "RANKINGS_RECORDER": "Redis"}, "RANKINGS_RECORDER must be one of"),
        (
            {
                "DEBUG": "true",
                "RANKINGS_RECORDER": "redis",
                "REDIS_URL": "",
                "RANKINGS_REDIS_URL": "",
            },
            "needs RANKINGS_REDIS_URL",
        ),
        ({"DEBUG": "true", "TWO_FACTOR_REQUIRED": "publisher"}, "TWO_FACTOR_REQUIRED must be"),
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


def test_a_dotenv_file_fills_in_what_the_environment_does_not_set(tmp_path):
    """The settings read the project folder's .env: here a copy of the project's package."""
    shutil.copytree(
        PROJECT / "newsroom", tmp_path / "newsroom", ignore=shutil.ignore_patterns("__pycache__")
    )
    (tmp_path / ".env").write_text(
        "# a comment\n"
        "DEBUG=true\n"
        "NEWSROOM_NAME='Le Quotidien ☕ 東京'\n"
        "NEWSROOM_TIME_ZONE=Europe/Paris\n"
        "SECRET_KEY=from-the-file-${HOME}\n"
        "PAGE_CACHE_SECONDS=\n"
    )
    names = "s.NEWSROOM_NAME, s.TIME_ZONE, s.SECRET_KEY, s.PAGE_CACHE_SECONDS"
    code = f"import newsroom.settings as s; print({names}, sep='|')"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={
            **{k: v for k, v in os.environ.items() if k not in NOT_INHERITED},
            "NEWSROOM_TIME_ZONE": "UTC",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    # The environment wins over the file; a value is taken as written; empty is unset.
    assert result.stdout.strip().split("|") == [
        "Le Quotidien ☕ 東京",
        "UTC",
        "from-the-file-${HOME}",
        "60",
    ]


@pytest.mark.parametrize(
    "env, message",
    [
        ({"SECURE_COOKIES": "sometimes"}, "SECURE_COOKIES must be true or false, not 'sometimes'"),
        ({"PAGE_CACHE_SECONDS": "1m"}, "PAGE_CACHE_SECONDS must be a whole number, not '1m'"),
    ],
)
def test_a_value_that_cannot_be_read_names_its_variable(env, message):
    result = load_settings(DEBUG="true", **env)
    assert result.returncode != 0
    assert message in result.stderr


def variables_read():
    """The names newsroom/settings.py and deploy/gunicorn.conf.py read from the environment."""
    readers = {"env_str", "env_bool", "env_int", "env_list", "env_choice", "get"}
    names = set()
    for path in [PROJECT / "newsroom" / "settings.py", PROJECT / "deploy" / "gunicorn.conf.py"]:
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None)) in readers
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value.isupper()
            ):
                names.add(node.args[0].value)
    return names


def test_env_example_lists_exactly_the_variables_that_are_read():
    listed = set(re.findall(r"^# ([A-Z][A-Z0-9_]+)=", (PROJECT / ".env.example").read_text(), re.M))
    assert "SECRET_KEY" in listed and "GUNICORN_BIND" in listed
    assert listed == variables_read()


@pytest.mark.parametrize(
    "name, value, error_id",
    [
        ("RANKINGS_DEFAULT_WINDOW", "2h", "rankings.E001"),
        ("RANKINGS_RECORDER", "memcached", "rankings.E002"),
        ("RANKINGS_SITE_SIZE", 0, "rankings.E004"),
        ("RANKINGS_READS_PER_ADDRESS", "20", "rankings.E004"),
        ("RANKINGS_SECTION_LABEL", "", "rankings.E005"),
        ("ARTICLES_PER_PAGE", -1, "articles.E001"),
        ("ARTICLES_RELATED_SIZE", "4", "articles.E002"),
        ("PHOTO_RENDITION_WIDTHS", (320, "640"), "media.E001"),
        ("PHOTO_RENDITION_WIDTHS", (), "media.E001"),
        ("PHOTO_MAX_BYTES", 0, "media.E002"),
        ("TWO_FACTOR_REQUIRED", "publisher", "signin.E001"),
    ],
)
@pytest.mark.django_db  # `check` asks SQLite what it supports
def test_manage_py_check_refuses_a_bad_app_setting(settings, name, value, error_id):
    call_command("check", stdout=io.StringIO())
    setattr(settings, name, value)
    with pytest.raises(SystemCheckError, match=re.escape(error_id)):
        call_command("check", stdout=io.StringIO())


@pytest.mark.django_db
def test_the_redis_recorder_needs_a_redis(settings):
    settings.RANKINGS_RECORDER = "redis"
    settings.RANKINGS_REDIS_URL = ""
    with pytest.raises(SystemCheckError, match=r"(?s)rankings\.E003.*Set RANKINGS_REDIS_URL"):
        call_command("check", stdout=io.StringIO())


def test_a_newsrooms_own_settings_module_changes_labels_and_is_checked(tmp_path):
    (tmp_path / "paper_settings.py").write_text(
        "from newsroom.settings import *  # noqa\n"
        "RANKINGS_SITE_LABEL = 'LES PLUS LUS 📈'\n"
        "RANKINGS_DEFAULT_WINDOW = '7d'\n"
    )
    env = {
        "DEBUG": "true",
        "PYTHONPATH": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "paper_settings",
        "DATABASE_URL": sqlite_in(tmp_path),
    }
    printed = run_python(
        ["-c", "from django.conf import settings as s; print(s.RANKINGS_SITE_LABEL)"], **env
    )
    assert printed.stdout.strip() == "LES PLUS LUS 📈", printed.stderr
    assert run_python(["manage.py", "check"], **env).returncode == 0

    (tmp_path / "paper_settings.py").write_text(
        "from newsroom.settings import *  # noqa\nRANKINGS_DEFAULT_WINDOW = 'week'\n"
    )
    result = run_python(["manage.py", "check"], **env)
    assert result.returncode != 0
    assert "rankings.E001" in result.stderr
    assert "1h, 24h, 7d, 30d" in result.stderr


def test_a_setting_moved_out_of_the_environment_is_pointed_out(tmp_path):
    result = run_python(
        ["manage.py", "check"],
        DEBUG="true",
        RANKINGS_SITE_LABEL="MOST READ",
        DATABASE_URL=sqlite_in(tmp_path),
    )
    assert "newsroom.W001" in result.stderr + result.stdout
    assert "RANKINGS_SITE_LABEL" in result.stderr + result.stdout
