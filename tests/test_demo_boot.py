"""The README's demo, started for real: its own PostgreSQL from the wheel, migrated, seeded
and served by serve_demo with the beat schedule beside it, then stopped with nothing left
running. The other tests share one PostgreSQL; this one proves the demo's own."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil
import pytest

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def postgres_serving(data_dir: Path) -> list[psutil.Process]:
    return [
        process
        for process in psutil.process_iter(["name", "cmdline"])
        if process.info["name"] == "postgres" and str(data_dir) in (process.info["cmdline"] or [])
    ]


def manage(env, *args, timeout=120):
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


@pytest.fixture
def demo_env(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "SECRET_KEY", "REDIS_URL", "CELERY_BROKER_URL"}
    }
    env.update(
        HATEREPORT_MODE="demo",
        EMBEDDED_POSTGRES_DIR=str(tmp_path / "postgres"),
        PYTHONUNBUFFERED="1",
    )
    return env


def test_demo_starts_its_own_postgres_serves_and_stops_it(demo_env, tmp_path):
    manage(demo_env, "migrate", "--verbosity", "0")
    seeded = manage(demo_env, "seed_demo", "--if-empty")
    assert "spoc@demo.hatereport.test" in seeded.stdout
    # Each command attached to the server and, as the last one out, stopped it.
    assert not postgres_serving(tmp_path / "postgres")

    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "serve_demo", f"127.0.0.1:{port}", "--noreload"],
        cwd=REPO,
        env=demo_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body = get(f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "serve.log").read_text()
                assert time.monotonic() < deadline, "the demo did not answer within 60 s"
                time.sleep(0.3)
        assert status == 200 and '"database": "ok"' in body

        status, body = get(f"http://127.0.0.1:{port}/ur/")
        assert status == 200 and 'dir="rtl"' in body
        status, body = get(f"http://127.0.0.1:{port}/staff/sign-in/")
        assert status == 200
        # The beat's catch-up ran the casework sweep on the demo's own data.
        assert "Casework sweep" in (tmp_path / "serve.log").read_text()
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
        log.close()
    deadline = time.monotonic() + 15
    while postgres_serving(tmp_path / "postgres") and time.monotonic() < deadline:
        time.sleep(0.3)
    assert not postgres_serving(tmp_path / "postgres"), "the demo's PostgreSQL kept running"
