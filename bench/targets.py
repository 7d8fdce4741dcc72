"""What bench/serve.py measures: the server set-ups, and the addresses under each."""

from dataclasses import dataclass
from urllib.parse import unquote


@dataclass(frozen=True)
class Server:
    key: str
    label: str
    recorder: str
    page_cache: bool


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    path: str
    floor: str  # the bare view's key this one is compared with; empty for a bare view
    goal: str
    mode: str = "page"
    body: str = ""


SERVERS = [
    Server("cached-db", "page cache on, database recorder", "database", True),
    Server("cached-redis", "page cache on, Redis recorder", "redis", True),
    Server("uncached", "page cache off (PAGE_CACHE_SECONDS=0)", "database", False),
]

CACHED = "≥ 0.70, p99 < 2× bare"


def server_targets(pages):
    """{server key: [Target]}; every server run measures its own bare views."""
    bare_get = Target("bare-get", "bare GET view", "/bench/page/", "", "")
    bare_post = Target(
        "bare-post", "bare POST view", "/bench/bare/", "", "", mode="beacon", body=pages["token"]
    )

    def beacon(goal):
        return Target(
            "beacon", f"beacon {pages['beacon']}", pages["beacon"], "bare-post", goal,
            mode="beacon", body=pages["token"],
        )  # fmt: skip

    return {
        "cached-db": [
            bare_get,
            bare_post,
            Target("home", "home /", "/", "bare-get", CACHED),
            Target("section", f"section {pages['section']}", pages["section"], "bare-get", CACHED),
            Target("article", "article", pages["article"], "bare-get", CACHED),
            Target("tag", f"tag {unquote(pages['tag'])}", pages["tag"], "bare-get", CACHED),
            Target("ranking", "ranking /rankings/", "/rankings/", "bare-get", CACHED),
            beacon("≥ 0.60"),
        ],
        "cached-redis": [bare_get, bare_post, beacon("≥ 0.80")],
        "uncached": [
            bare_get,
            Target("article", "article", pages["article"], "bare-get", "≥ 0.25"),
        ],
    }
