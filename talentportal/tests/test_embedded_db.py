import json
import os

import psycopg

from talentportal.embedded_db import (
    DATABASE_NAME,
    _forget_dead_processes,
    embedded_database_settings,
)

NO_SUCH_PROCESS = 2**22 + 17  # above Linux's largest process id


def test_embedded_postgresql_starts_with_full_text_search(tmp_path):
    data_directory = tmp_path / "pgdata"
    settings = embedded_database_settings(data_directory)
    import pgserver  # imported by embedded_database_settings, without its runtime-folder warning

    server = pgserver.get_server(data_directory)
    try:
        with psycopg.connect(
            dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"]
        ) as connection:
            (version,) = connection.execute("SHOW server_version").fetchall()[0]
            (german,) = connection.execute(
                "SELECT to_tsvector('german', 'Werkstudierende')::text"
            ).fetchall()[0]
        assert settings["NAME"] == DATABASE_NAME
        assert int(version.split(".")[0]) >= 16
        assert german == "'werkstudier':1"

        handles = data_directory / ".handle_pids.json"
        handles.write_text(json.dumps([NO_SUCH_PROCESS, os.getpid()]))
        _forget_dead_processes(pgserver.PostgresServer, data_directory)
        assert json.loads(handles.read_text()) == [os.getpid()]
    finally:
        server.cleanup()
    assert not (data_directory / "postmaster.pid").exists()  # stopped cleanly
