"""Request ids and JSON log lines."""

import io
import json
import logging
import re

import pytest

from newsroom.logs import JsonFormatter, RequestIdFilter, logging_config
from tests.factories import ArticleFactory

from .fresh_process import load_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_log():
    """What the app logs, as LOG_FORMAT=json writes it: one JSON object per line."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root, requests = logging.getLogger(), logging.getLogger("newsroom.requests")
    level = requests.level
    root.addHandler(handler)
    requests.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    requests.setLevel(level)


def test_each_request_logs_one_json_line_with_its_id(client, json_log):
    article = ArticleFactory(headline="東京の選挙 — Café ☕")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    request_id = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)

    [line] = [entry for entry in json_log() if entry["logger"] == "newsroom.requests"]
    assert line["request_id"] == request_id
    assert (line["method"], line["path"], line["status"]) == (
        "GET",
        article.get_absolute_url(),
        200,
    )
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] > 0
    assert line["level"] == "INFO"


def test_events_logged_inside_a_request_carry_its_id(client, json_log):
    response = client.get("/tags/存在しない/", headers={"x-request-id": "edge-42"})
    assert response.status_code == 404
    assert response["X-Request-ID"] == "edge-42"
    lines = json_log()
    not_found = next(entry for entry in lines if entry["logger"] == "django.request")
    assert not_found["level"] == "WARNING"
    assert {entry["request_id"] for entry in lines} == {"edge-42"}
    request_line = next(entry for entry in lines if entry["logger"] == "newsroom.requests")
    assert request_line["path"] == "/tags/存在しない/", "non-ASCII text stays readable"

    logging.getLogger("newsroom.test").warning("outside a request")
    assert "request_id" not in json_log()[-1]


@pytest.mark.parametrize(
    "sent",
    ["", "has space", "line\nbreak", '"quoted"', "x" * 129, "東京"],
)
def test_an_unusable_request_id_is_replaced(client, sent):
    response = client.get("/healthz", headers={"x-request-id": sent})
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_a_request_id_from_nginx_is_kept(client):
    nginx_id = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
    response = client.get("/healthz", headers={"x-request-id": nginx_id})
    assert response["X-Request-ID"] == nginx_id


def test_every_request_gets_its_own_id(client):
    ids = {client.get("/healthz")["X-Request-ID"] for _ in range(5)}
    assert len(ids) == 5


def test_an_exception_is_one_json_line_with_its_traceback():
    try:
        raise RuntimeError("東京 ☕ failed\nsecond line")
    except RuntimeError:
        record = logging.LogRecord("newsroom", logging.ERROR, __file__, 1, "boom", (), None)
        record.exc_info = __import__("sys").exc_info()
    line = JsonFormatter().format(record)
    assert "\n" not in line
    assert "東京 ☕ failed" in json.loads(line)["exception"]


def test_human_readable_by_default_and_json_on_request():
    assert "format" in logging_config(log_format="human", level="INFO")["formatters"]["default"]
    assert logging_config(log_format="json", level="INFO")["formatters"]["default"] == {
        "()": JsonFormatter
    }
    result = load_settings("LOG_FORMAT", DEBUG="true")
    assert result.stdout.split() == ["human"]
    result = load_settings(DEBUG="true", LOG_FORMAT="xml")
    assert result.returncode != 0
    assert "LOG_FORMAT must be one of human, json, not 'xml'" in result.stderr
