"""Shared by the operations scripts (load test, drills, security scan): production-like
settings, a database of their own, and a gunicorn they start and stop themselves.

Everything listens on 127.0.0.1 only. The scripts run with the project's virtualenv Python
from the project folder (the Makefile targets do that).
"""

import os
import secrets
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent


def database_url() -> str:
    """The server in DATABASE_URL, or the embedded PostgreSQL of `make run` (started here)."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    import pgserver

    server = pgserver.get_server(PROJECT / ".pgdata", cleanup_mode="stop")
    socket_directory = str(server.get_postmaster_info().socket_dir).replace("/", "%2F")
    return f"postgres://postgres@{socket_directory}/talentportal"


def production_environment(database: str, **overrides: str) -> dict[str, str]:
    """DEBUG=false and everything production insists on, for a server on the loopback."""
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url(),
        "DATABASE_NAME": database,
        "EMAIL_URL": "smtp://127.0.0.1:2525",  # nothing listens: mail stays queued
        "LOG_LEVEL": "WARNING",
        **overrides,
    }


def manage(*arguments: str, environment: dict[str, str], quiet: bool = True) -> None:
    subprocess.run(  # noqa: S603 – our own interpreter and manage.py
        [PYTHON, "manage.py", *arguments],
        cwd=PROJECT,
        env=environment,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def prepare_database(database: str, environment: dict[str, str]) -> None:
    """Create (if needed), migrate and fill the demo into the scripts' own database."""
    manage("create_database", database, environment={**environment, "DEBUG": "true"})
    manage("migrate", "--no-input", environment=environment)
    manage("createcachetable", environment=environment)
    manage("seed_demo", environment=environment)
    manage(
        "compilemessages",
        "--ignore=.venv",
        "--ignore=.venv-scan",
        "-v",
        "0",
        environment=environment,
    )
    manage("collectstatic", "--no-input", "-v", "0", environment=environment)


def get(url: str, timeout: float = 10) -> tuple[int, str]:
    """Status and body of a GET (an error status is an answer, not an exception)."""
    if not url.startswith(("http://127.0.0.1:", "https://127.0.0.1:")):
        raise ValueError(f"Only the local server, not {url}")
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
    # Our own throwaway certificate on the loopback (securityscan): nothing to verify against.
    context = ssl._create_unverified_context()  # noqa: S323  # nosec B323
    try:
        with urllib.request.urlopen(request, timeout=timeout, context=context) as response:  # noqa: S310  # nosec B310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_until_ready(base_url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if get(f"{base_url}/readyz", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"The portal at {base_url} did not become ready in {seconds:.0f} s.")


@contextmanager
def gunicorn(
    environment: dict[str, str], port: int, log: Path, *, tls: tuple[Path, Path] | None = None
) -> Iterator[str]:
    """gunicorn with the project's gunicorn.conf.py on 127.0.0.1:port; stopped afterwards.
    With ``tls`` (certificate, key) it speaks HTTPS itself, like the proxy in production."""
    base_url = f"{'https' if tls else 'http'}://127.0.0.1:{port}"
    certificate = ["--certfile", str(tls[0]), "--keyfile", str(tls[1])] if tls else []
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603
            [str(BIN / "gunicorn"), "talentportal.wsgi", *certificate],
            cwd=PROJECT,
            env={**environment, "GUNICORN_BIND": f"127.0.0.1:{port}"},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_ready(base_url)
            yield base_url
        finally:
            process.terminate()
            process.wait(timeout=40)
