"""The benchmark's figures as Markdown, to paste into a note as they are."""

import os
import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Setup:
    workers: int
    deploy_config: bool
    rounds: int
    seconds: int
    connections: int
    many_connections: int
    page_bytes: int
    outage: tuple  # (seconds, Redis stopped at, for)


def ms(value):
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def summary(results):
    """Median throughput and p50 over rounds, the worst round's p99, all errors."""
    return {
        "rps": statistics.median(result.rps for result in results),
        "p50": statistics.median(result.p50_ms for result in results),
        "p99": max(result.p99_ms for result in results),
        "errors": sum(result.errors for result in results),
        "runs": len(results),
    }


def serving_table(setup, servers, targets, results):
    lines = [
        "| target | server | conn. | req/s | p50 ms | p99 ms | errors | × bare req/s "
        "| p99 ÷ bare p99 | goal |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for connections in (setup.connections, setup.many_connections):
        for server in servers:
            for target in targets[server.key]:
                row = summary(results[(server.key, target.key, connections)])
                ratio = p99_ratio = ""
                if target.floor:
                    floor = summary(results[(server.key, target.floor, connections)])
                    ratio = f"{row['rps'] / floor['rps']:.2f}"
                    p99_ratio = f"{row['p99'] / floor['p99']:.1f}"
                goal = target.goal
                if connections == setup.many_connections:
                    goal = "0 errors"
                lines.append(
                    f"| {target.label} | {server.label} | {connections} | {row['rps']:,.0f} "
                    f"| {ms(row['p50'])} | {ms(row['p99'])} | {row['errors']} | {ratio} "
                    f"| {p99_ratio} | {goal} |"
                )
    return lines


def rankings_table(rankings):
    runs = len(rankings[0][2])
    lines = [
        f"| window | ranking | median ms ({runs} runs) | worst ms |",
        "|---|---|--:|--:|",
    ]
    for window, where, spent in rankings:
        lines.append(f"| {window} | {where} | {ms(statistics.median(spent))} | {ms(max(spent))} |")
    return lines


def outage_table(setup, result, counted):
    seconds, down_at, down_for = setup.outage
    accepted = result.answered_204
    return [
        f"{setup.many_connections} connections, article page and beacon in turn for "
        f"{seconds} s, then pages only until every beacon is answered (Redis recorder, "
        f"page cache on); Redis stopped at {down_at} s for {down_for} s; "
        "`manage.py flush_views` after the run.",
        "",
        "| requests | req/s | p50 ms | p99 ms | errors (status + socket) "
        "| reads accepted (204) | views counted | counted − accepted |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|",
        f"| {result.requests:,} | {result.rps:,.0f} | {ms(result.p50_ms)} | "
        f"{ms(result.p99_ms)} | {result.errors} ({result.status_errors} + "
        f"{result.socket_errors}) | {accepted:,} | {counted:,} | {counted - accepted:+,} |",
    ]


def print_all(
    *, when, load, command, setup, servers, targets, results, rankings, outage, counted, minutes
):
    serving, total = minutes
    config = (
        "deploy/gunicorn.conf.py"
        if setup.deploy_config
        else "command-line options, deploy/gunicorn.conf.py being absent"
    )
    lines = [
        "## Serving benchmark",
        "",
        f"`{command}` — {when:%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores (load average "
        f"{load:.2f} at the start: anything else running skews the figures); gunicorn with "
        f"{setup.workers} workers ({config}); wrk, 1 thread, {setup.rounds} interleaved rounds of "
        f"{setup.seconds} s at {setup.connections} connections and one at "
        f"{setup.many_connections}. The article page is {setup.page_bytes:,} bytes and so "
        "is the bare GET view's. req/s and p50: median of the rounds; p99: the worst "
        f"round. Run time {serving:.1f} min after seeding, {total:.1f} min in all.",
        "",
        *serving_table(setup, servers, targets, results),
        "",
        "### Rankings, uncached, in-process",
        "",
        *rankings_table(rankings),
        "",
        "### Redis outage",
        "",
        *outage_table(setup, outage, counted),
    ]
    print("\n".join(lines))
