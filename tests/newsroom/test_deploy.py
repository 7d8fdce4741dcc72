"""deploy/: the gunicorn config runs the app, nginx accepts the site, systemd the units."""

import configparser
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.management import get_commands

from tests.servers import free_port

from .fresh_process import PRODUCTION_SECRET, PROJECT

DEPLOY = PROJECT / "deploy"


class Gunicorn:
    def __init__(self, tmp_path, **env):
        self.port = free_port()
        self.control_socket = tmp_path / "gunicorn.ctl"
        self.log = tmp_path / "gunicorn.log"
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS"))}
        self.log_file = self.log.open("w")
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn")), "-c", "deploy/gunicorn.conf.py"],
            cwd=tmp_path,
            env={
                **clean,
                "DEBUG": "false",
                "SECRET_KEY": PRODUCTION_SECRET,
                "ALLOWED_HOSTS": "127.0.0.1",
                "GUNICORN_BIND": f"127.0.0.1:{self.port}",
                "GUNICORN_WORKERS": "2",
                "GUNICORN_CONTROL_SOCKET": str(self.control_socket),
                "LOG_FORMAT": "json",
                **env,
            },
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
        )

    def get(self, path, **headers):
        deadline = time.monotonic() + 20
        while True:
            request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    return response.status, response.headers, response.read()
            except urllib.error.HTTPError as error:
                return error.code, error.headers, error.read()
            except urllib.error.URLError:
                assert self.process.poll() is None, self.log.read_text()
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def log_lines(self):
        """The complete JSON lines written so far (a worker may be mid-line)."""
        text = self.log.read_text()
        lines = text[: text.rfind("\n") + 1].splitlines()
        return [json.loads(line) for line in lines if line.startswith("{")]

    def wait_for_line(self, predicate, count=1):
        deadline = time.monotonic() + 20
        while sum(map(predicate, self.log_lines())) < count:
            assert time.monotonic() < deadline, self.log.read_text()
            time.sleep(0.1)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=40)
        self.log_file.close()


@pytest.fixture
def gunicorn(tmp_path):
    # From another folder: the config must find the project by itself.
    (tmp_path / "deploy").symlink_to(DEPLOY)
    started = []

    def start(**env):
        started.append(Gunicorn(tmp_path, **env))
        return started[-1]

    yield start
    for server in started:
        server.stop()


def test_gunicorn_config_serves_the_app_with_json_logs(gunicorn, tmp_path):
    server = gunicorn(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    status, headers, body = server.get("/healthz", **{"X-Request-ID": "nginx-0123abcd"})
    assert status == 200, body
    assert json.loads(body)["database"] == "ok"
    assert headers["X-Request-ID"] == "nginx-0123abcd"
    assert server.control_socket.is_socket(), "our own control socket, not the shared default"

    server.wait_for_line(lambda line: "Booting worker" in line["message"], count=2)
    lines = server.log_lines()
    assert any(line["message"].startswith("Listening at") for line in lines)
    assert sum("Booting worker" in line["message"] for line in lines) == 2
    [request_line] = [line for line in lines if line["logger"] == "newsroom.requests"]
    assert request_line["request_id"] == "nginx-0123abcd"
    assert (request_line["path"], request_line["status"]) == ("/healthz", 200)


def test_healthz_answers_503_when_the_database_refuses(gunicorn):
    closed = free_port()
    server = gunicorn(DATABASE_URL=f"postgres://postgres@127.0.0.1:{closed}/newsroom")
    started = time.monotonic()
    status, headers, body = server.get("/healthz")
    assert status == 503
    assert json.loads(body)["database"] == "unavailable"
    assert headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in headers
    assert time.monotonic() - started < 15
    server.wait_for_line(lambda line: line["logger"] == "newsroom.health")


def units():
    return sorted((DEPLOY / "systemd").glob("*.service")) + sorted(
        (DEPLOY / "systemd").glob("*.timer")
    )


def read_unit(path):
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read_string(path.read_text())
    return parser


def test_every_timer_runs_a_real_command():
    commands = get_commands()
    timers = {path.stem: read_unit(path)["Timer"] for path in units() if path.suffix == ".timer"}
    scheduled = {timer["Unit"] for timer in timers.values()}
    assert scheduled == {
        "newsroom-manage@flush_views.service",
        "newsroom-manage@snapshot_rankings.service",
        "newsroom-manage@rollup_views.service",
    }
    for unit in scheduled:
        assert unit.split("@")[1].removesuffix(".service") in commands
    template = read_unit(DEPLOY / "systemd" / "newsroom-manage@.service")["Service"]
    assert template["ExecStart"].endswith("manage.py %i")
    assert template["EnvironmentFile"] == "/etc/newsroom/newsroom.env"


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_systemd_accepts_the_units(tmp_path):
    # As installed: the project at its place, the user and environment file existing.
    for path in units():
        text = path.read_text().replace("/srv/newsroom", str(PROJECT))
        text = text.replace("/etc/newsroom/newsroom.env", str(path.parent / "newsroom.env.example"))
        text = text.replace("User=newsroom", "User=root").replace("Group=newsroom", "Group=root")
        (tmp_path / path.name).write_text(text)
    names = [path.name for path in units() if "@" not in path.name]
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *names],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr


def manage_check_deploy(**env):
    """`manage.py check --deploy` in a fresh interpreter with exactly `env` (and PATH)."""
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_four_production_variables_pass_djangos_deployment_checklist():
    result = manage_check_deploy(
        SECRET_KEY=PRODUCTION_SECRET,
        ALLOWED_HOSTS="news.example.com",
        DATABASE_URL="postgres://newsroom@127.0.0.1:5432/newsroom",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_the_shipped_environment_file_passes_it_too():
    lines = (DEPLOY / "systemd" / "newsroom.env.example").read_text().splitlines()
    env = dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))
    result = manage_check_deploy(**env)
    assert result.returncode != 0, "the example's placeholder secret must not pass"
    assert "security.W009" in result.stderr + result.stdout
    result = manage_check_deploy(**{**env, "SECRET_KEY": PRODUCTION_SECRET})
    assert result.returncode == 0, result.stderr + result.stdout
