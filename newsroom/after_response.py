"""Work a request starts but its reader should not wait for.

`run_after_response(work)` inside a request runs `work` once the response has gone
out: Django sends `request_finished` when the server closes the response, after the
last byte is written. Outside a request (a management command, a shell) it runs at
once. A failure is logged; the reader already has the page.
"""

import contextvars
import logging

from django.core.signals import request_finished, request_started

logger = logging.getLogger(__name__)

_pending = contextvars.ContextVar("after_response_pending", default=None)


def run_after_response(work):
    pending = _pending.get()
    if pending is None:
        work()
    else:
        pending.append(work)


def _start(**kwargs):
    _pending.set([])


def _finish(**kwargs):
    pending = _pending.get()
    _pending.set(None)
    for work in pending or ():
        try:
            work()
        except Exception:
            logger.exception("work after the response failed")


def connect():
    request_started.connect(_start, dispatch_uid="newsroom.after_response.start")
    request_finished.connect(_finish, dispatch_uid="newsroom.after_response.finish")
