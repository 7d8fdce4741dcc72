"""Request ids and JSON log lines, so one request can be followed through the logs.

Every request gets an id: the X-Request-ID the proxy sent (nginx's $request_id) when
it looks like one, otherwise a fresh one. It is echoed in the X-Request-ID response
header and carried by every line logged while the request runs. With LOG_FORMAT=json
each line is one JSON object, and each request ends with one line of its own
(logger "newsroom.requests": method, path, status, duration in milliseconds).
"""

import contextvars
import datetime
import json
import logging
import re
import time
import uuid

from django.core.signals import request_finished

REQUEST_ID_HEADER = "X-Request-ID"
# Wide enough for nginx's 32 hex digits, a UUID or a load balancer's own ids; narrow
# enough that a client cannot smuggle spaces, quotes or line breaks into the logs.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")

request_id = contextvars.ContextVar("request_id", default=None)
request_logger = logging.getLogger("newsroom.requests")


def incoming_request_id(request):
    """The proxy's request id when it is a sane one, else a fresh one."""
    given = request.META.get("HTTP_X_REQUEST_ID", "")
    if VALID_REQUEST_ID.fullmatch(given):
        return given
    return uuid.uuid4().hex


class RequestLogMiddleware:
    """First in MIDDLEWARE, so its line has the final status and the whole duration."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rid = incoming_request_id(request)
        # Kept until the response is closed (forget_request_id), not reset here:
        # Django logs a 4xx or 5xx response after the middleware has returned.
        request_id.set(rid)
        started = time.perf_counter()
        response = self.get_response(request)
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        response[REQUEST_ID_HEADER] = rid
        request_logger.info(
            "%s %s %s %.1fms",
            request.method,
            request.path,
            response.status_code,
            duration_ms,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
            },
        )
        return response


def forget_request_id(**kwargs):
    """On request_finished: lines logged between requests belong to none."""
    request_id.set(None)


# Fields the request line adds to its record; other `extra` keys are not logged.
REQUEST_FIELDS = ("method", "path", "status", "duration_ms")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, exception."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        rid = getattr(record, "request_id", None) or request_id.get()
        if rid and rid != "-":
            entry["request_id"] = rid
        for field in REQUEST_FIELDS:
            if hasattr(record, field):
                entry[field] = getattr(record, field)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        # Headlines and paths in Japanese stay readable; json escapes line breaks.
        return json.dumps(entry, ensure_ascii=False, default=str)


class RequestIdFilter(logging.Filter):
    """Stamps the request id on each record as it is emitted, in the request's thread."""

    def filter(self, record):
        record.request_id = request_id.get() or "-"
        return True


def logging_config(*, log_format, level):
    """The LOGGING setting for LOG_FORMAT "human" (the default) or "json"."""
    formatter = (
        {"()": JsonFormatter}
        if log_format == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"default": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's own console handler would print each of its lines a second time.
            "django": {"handlers": [], "propagate": True},
            # Locally runserver already prints a line per request; in JSON the app's
            # own line replaces an access log.
            "newsroom.requests": {"level": "INFO" if log_format == "json" else "WARNING"},
        },
    }


def connect():
    request_finished.connect(forget_request_id, dispatch_uid="newsroom.forget_request_id")
