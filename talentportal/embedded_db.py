"""An embedded PostgreSQL for machines without a database server (development only).

The pgserver package ships real PostgreSQL binaries. The first process that asks starts the server
with its data in a git-ignored folder; the last process that exits stops it cleanly.
"""

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

    server = pgserver.get_server(data_directory, cleanup_mode="stop")
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
