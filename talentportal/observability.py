"""Logs an operator can follow: one JSON object per line, each with the id of the request it
belongs to, and a warning for every slow database query.

The request id comes from the proxy's ``X-Request-ID`` header when it sends a sane one (so that
proxy and portal logs line up), otherwise it is made here; the response carries it back, and the
gunicorn access log prints it too.
"""

import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

REQUEST_ID_HEADER = "X-Request-ID"
_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
request_id: ContextVar[str] = ContextVar("request_id", default="-")

slow_query_logger = logging.getLogger("talentportal.slow_query")
_LONG_PLACEHOLDER_LISTS = re.compile(r"(?:%s, ){5,}%s")  # IN (%s, %s, … 500 of them)


class RequestIdMiddleware:
    """Give every request an id, for its log lines and in the response header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        current = incoming if _SANE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        # Kept until the request has finished (forget_request_id), so that Django's own lines
        # about the response ("Not Found: …", errors) carry it too.
        request_id.set(current)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = current
        return response


def forget_request_id(**kwargs: Any) -> None:
    """request_finished receiver: log lines between requests belong to none."""
    request_id.set("-")


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every log record (``-`` outside a request: worker, commands)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for the log collector."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        for extra in ("duration_ms", "status_code"):
            if hasattr(record, extra):
                entry[extra] = getattr(record, extra)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def log_slow_queries(
    execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]
) -> Any:
    """Database execute wrapper: warn about a query slower than SLOW_QUERY_MS (its SQL without
    the parameters, which may hold personal data)."""
    started = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        duration_ms = (time.perf_counter() - started) * 1000
        if duration_ms >= settings.SLOW_QUERY_MS:
            slow_query_logger.warning(
                "Slow query (%.0f ms): %s",
                duration_ms,
                _LONG_PLACEHOLDER_LISTS.sub("%s, …, %s", sql)[:2000],
                extra={"duration_ms": round(duration_ms, 1)},
            )


def watch_for_slow_queries(*, connection: Any, **kwargs: Any) -> None:
    """connection_created receiver: every new database connection gets the slow-query wrapper."""
    if log_slow_queries not in connection.execute_wrappers:
        connection.execute_wrappers.append(log_slow_queries)
