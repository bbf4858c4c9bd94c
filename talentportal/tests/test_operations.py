"""Faults an operator meets: the database goes away, queries are slow, logs must tie together."""

import json
import logging
from contextlib import contextmanager

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.utils import CursorWrapper

from talentportal.observability import JsonFormatter, RequestIdFilter, request_id


@contextmanager
def every_query_fails(monkeypatch, error: Exception):
    """The database connection is gone: every query raises ``error`` (the test database is left
    alone, so that it can be torn down afterwards)."""

    def fail(*args, **kwargs):
        raise error

    with monkeypatch.context() as patch:
        patch.setattr(CursorWrapper, "execute", fail)
        yield


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/stellen/", "Das Portal ist kurz nicht erreichbar"),
        ("/en/jobs/", "The portal is briefly unavailable"),
    ],
)
def test_lost_database_answers_a_friendly_503_without_internals(
    client, db, monkeypatch, path, heading
):
    client.raise_request_exception = False
    refused = OperationalError("connection to server at 127.0.0.1 failed: Connection refused")
    with every_query_fails(monkeypatch, refused):
        response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert heading in response.text
    for internal in ("Traceback", "OperationalError", "127.0.0.1", "Connection refused", "SELECT"):
        assert internal not in response.text


def test_interface_error_is_a_503_too(client, db, monkeypatch):
    client.raise_request_exception = False
    with every_query_fails(monkeypatch, InterfaceError("connection already closed")):
        assert client.get("/stellen/").status_code == 503


def test_other_errors_answer_the_plain_500_page(client, db, monkeypatch):
    client.raise_request_exception = False
    with every_query_fails(monkeypatch, ZeroDivisionError("secret internals")):
        response = client.get("/stellen/")
    assert response.status_code == 500
    assert "Entschuldigung, etwas ist schiefgelaufen." in response.text
    assert "secret internals" not in response.text
    assert "ZeroDivisionError" not in response.text


def test_portal_serves_again_once_the_database_is_back(client, db, monkeypatch):
    client.raise_request_exception = False
    closed = OperationalError("server closed the connection unexpectedly")
    with every_query_fails(monkeypatch, closed):
        assert client.get("/stellen/").status_code == 503
    assert client.get("/stellen/").status_code == 200


def test_every_response_carries_a_request_id(client, db):
    first, second = client.get("/"), client.get("/")
    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_request_id_from_the_proxy_is_kept_when_sane(client, db):
    assert client.get("/", HTTP_X_REQUEST_ID="proxy-1234abcd")["X-Request-ID"] == "proxy-1234abcd"
    forged = client.get("/", HTTP_X_REQUEST_ID="x\nInjected: yes")["X-Request-ID"]
    assert forged != "x\nInjected: yes" and len(forged) == 32


def test_log_lines_are_json_with_the_request_id():
    record = logging.LogRecord(
        "talentportal", logging.WARNING, __file__, 1, "Hallo %s", ("Welt",), None
    )
    token = request_id.set("abc123def456")
    try:
        RequestIdFilter().filter(record)
    finally:
        request_id.reset(token)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "Hallo Welt"
    assert line["request_id"] == "abc123def456"
    assert line["level"] == "WARNING"


def test_slow_queries_are_logged_without_their_parameters(db, settings, caplog):
    from django.db import connection

    from talentportal.observability import watch_for_slow_queries

    watch_for_slow_queries(connection=connection)
    settings.SLOW_QUERY_MS = 0
    with (
        caplog.at_level(logging.WARNING, logger="talentportal.slow_query"),
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT %s", ["geheim@example.org"])
    assert any("Slow query" in message and "SELECT" in message for message in caplog.messages)
    assert not any("geheim@example.org" in message for message in caplog.messages)


def test_shared_state_moves_to_redis_and_object_storage_when_configured():
    """Several app servers: cache, sessions and rate limits in Redis, uploads in S3."""
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "from django.conf import settings as s; from django.core.files.storage import storages; "
        "d = storages['default']; print(s.CACHES['default']['BACKEND'], s.SESSION_ENGINE, "
        "type(d).__name__, d.bucket_name, d.default_acl, d.querystring_auth)"
    )
    result = subprocess.run(  # noqa: S603 – our own interpreter and manage.py
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env={
            "PATH": "/usr/bin:/bin",
            "DATABASE_URL": "postgres://user@localhost/unused",
            "REDIS_URL": "redis://cache.internal:6379/0",
            "S3_BUCKET": "talentportal-uploads",
            "S3_ENDPOINT_URL": "https://s3.example.net",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stdout.split()[-6:] == [
        "django.core.cache.backends.redis.RedisCache",
        "django.contrib.sessions.backends.cached_db",
        "S3Storage",
        "talentportal-uploads",
        "private",
        "True",
    ]


def test_djangos_own_lines_about_a_request_carry_its_id(client, db, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/gibt-es-nicht/")
    record = next(record for record in caplog.records if record.name == "django.request")
    assert record.request_id == response["X-Request-ID"]  # set by the stdout handler's filter
    assert request_id.get() == "-"  # and forgotten once the request is done
