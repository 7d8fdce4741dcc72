"""Running wrk with bench/wrk.lua and reading the figures its done() hook prints."""

import itertools
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "wrk.lua"
# A slow answer is measured, not dropped: only one slower than this is a socket error.
TIMEOUT_SECONDS = 10
_runs = itertools.count()


@dataclass(frozen=True)
class Result:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    status_errors: int
    socket_errors: int
    answered_204: int

    @property
    def rps(self):
        return self.requests / self.seconds

    @property
    def errors(self):
        return self.status_errors + self.socket_errors


def run(base_url, path, *, seconds, connections, mode="page", body="", page="", tail=0):
    """One wrk run against base_url + path; every run gets its own reader addresses."""
    env = {
        **os.environ,
        "BENCH_MODE": mode,
        "BENCH_PATH": path,
        "BENCH_BODY": body,
        "BENCH_PAGE": page,
        "BENCH_TAIL": str(tail),
        "BENCH_RUN": str(next(_runs)),
    }
    command = [
        "wrk",
        "-t1",  # one thread drives 64 connections easily and leaves the cores to gunicorn
        f"-c{connections}",
        f"-d{seconds}s",
        f"--timeout={TIMEOUT_SECONDS}s",
        "-s",
        str(SCRIPT),
        base_url + path,
    ]
    finished = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    line = next((line for line in finished.stdout.splitlines() if line.startswith("BENCH ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no figures for {path}:\n{finished.stdout}")
    return Result(**json.loads(line.removeprefix("BENCH ")))
