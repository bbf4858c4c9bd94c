"""An embedded PostgreSQL for machines without a database server (development only).

The pgserver package ships real PostgreSQL binaries. The first process that asks starts the server
with its data in a git-ignored folder; the last process that exits stops it cleanly.
"""

import json
import signal
import sys
import threading
from pathlib import Path
from typing import Any

DATABASE_NAME = "talentportal"


def embedded_database_settings(data_directory: Path) -> dict[str, Any]:
    """Start (or join) the embedded server and return Django database settings for it."""
    import warnings

    import psycopg

    with warnings.catch_warnings():
        # pgserver's runtime folder falls back to /tmp when XDG_RUNTIME_DIR is unset; that is fine.
        warnings.simplefilter("ignore")
        import pgserver

    _forget_dead_processes(pgserver.PostgresServer, data_directory)
    server = pgserver.get_server(data_directory, cleanup_mode="stop")
    if (
        signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
        and threading.current_thread() is threading.main_thread()
    ):
        # A plain `kill` should stop the server too: exit through atexit, where pgserver stops it.
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    socket_directory = server.get_postmaster_info().socket_dir
    with psycopg.connect(server.get_uri(), autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "HOST": str(socket_directory),
        "PORT": str(server.get_postmaster_info().port or ""),
    }


def _forget_dead_processes(server_class: Any, data_directory: Path) -> None:
    """pgserver stops the server when the last process that uses it exits, and keeps their ids in
    a file. A process that was killed outright never takes its id out, and the server would then
    run forever: drop ids of processes that no longer exist."""
    import psutil

    handles = data_directory / ".handle_pids.json"
    with server_class._lock:
        if handles.exists():
            alive = [pid for pid in json.loads(handles.read_text()) if psutil.pid_exists(pid)]
            handles.write_text(json.dumps(alive))
