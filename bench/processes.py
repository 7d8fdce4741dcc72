"""The benchmark's own Redis and gunicorn, started and stopped by their process ids."""

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY_CONFIG = ROOT / "deploy" / "gunicorn.conf.py"


def port_in_use(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def wait_for(check, what, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not come up within {timeout} s")


class Redis:
    """A Redis of our own, so stopping it mid-run touches nobody else's.

    No persistence, as in the brief's set-up; stop() saves a snapshot on the way
    down, as a maintenance restart does, so the counts it held survive the outage and
    counted-versus-accepted measures the application, not Redis's durability.
    """

    def __init__(self, port):
        self.port = port
        self.folder = Path(tempfile.mkdtemp(prefix="newsroom-bench-redis-"))
        self.process = None

    def start(self):
        if port_in_use(self.port):
            raise SystemExit(f"Something already listens on port {self.port}; stop it first.")
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
                "--dbfilename",
                "bench.rdb",
            ],  # fmt: skip
            stdout=subprocess.DEVNULL,
        )
        wait_for(lambda: self.cli("PING") == "PONG", f"redis-server on port {self.port}")

    def cli(self, *command):
        finished = subprocess.run(
            ["redis-cli", "-p", str(self.port), *command], capture_output=True, text=True
        )
        return finished.stdout.strip()

    def stop(self, *, save=True):
        self.cli("SHUTDOWN", "SAVE" if save else "NOSAVE")
        self.process.wait(timeout=30)

    def close(self):
        if self.process and self.process.poll() is None:
            self.stop(save=False)
        for file in self.folder.iterdir():
            file.unlink()
        self.folder.rmdir()


class Gunicorn:
    """bench.wsgi under the deploy config, GUNICORN_BIND and GUNICORN_WORKERS from env."""

    def __init__(self, port, workers, env, log):
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"
        self.workers = workers
        self.log = log.name
        self.folder = Path(tempfile.mkdtemp(prefix="newsroom-bench-gunicorn-"))
        env = {
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": str(workers),
        }
        if DEPLOY_CONFIG.exists():
            options = [f"--config={DEPLOY_CONFIG}"]
        else:
            # Until the deploy config exists: its equivalent on the command line.
            options = [f"--bind=127.0.0.1:{port}", f"--workers={workers}"]
        if port_in_use(port):
            raise SystemExit(f"Something already listens on port {port}; stop it first.")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                *options,
                f"--control-socket={self.folder / 'gunicorn.ctl'}",
                "bench.wsgi:application",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        )
        wait_for(self.answers, "gunicorn")

    def answers(self):
        if self.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log}")
        try:
            self.fetch("/bench/page/", 2)
            return True
        except (urllib.error.URLError, OSError):
            return False

    def drain(self):
        """Wait until the workers have worked off the requests wrk left queued.

        wrk abandons the requests still in flight when it stops, but sync workers
        still answer them, slow pages for seconds; measuring the next target before
        that would charge it for them. The accept queue is first in, first out: a
        request per worker sent now is answered once the queue ahead of it is done.
        """
        with ThreadPoolExecutor(self.workers) as pool:
            list(pool.map(lambda _: self.fetch("/bench/page/", 120), range(self.workers)))

    def fetch(self, path, timeout):
        with urllib.request.urlopen(f"{self.base_url}{path}", timeout=timeout) as response:
            return response.read()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


def uses_deploy_config():
    return DEPLOY_CONFIG.exists()
