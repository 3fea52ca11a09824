"""A real Redis and real Celery worker and beat processes against the test database.

Redis runs on its own port (not the shared 6379), so a test can stop it. The worker and beat
are subprocesses pointed at pytest-django's test database by DATABASE_URL; the tests commit
their rows (transactional_db) so those processes can see them. Mail goes to files.
"""

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import kombu.pools
import pytest
from django.conf import settings
from django.db import connection

from centres import outbox
from hatereport.celery import app as celery_app

REPO = Path(__file__).resolve().parents[2]


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "integration: starts Redis and Celery processes (deselect with -m 'not integration')",
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition, *, timeout: float, interval: float = 0.2, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"Timed out after {timeout}s waiting for {what}")


class RedisServer:
    """A redis-server of our own, which a test may stop and start again on the same port."""

    def __init__(self, port: int):
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - fixed command
            [
                shutil.which("redis-server") or "/usr/bin/redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self.ping, timeout=10, what="redis to start")

    def ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def flush(self):
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as sock:
            sock.sendall(b"FLUSHALL\r\n")
            sock.recv(16)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None
        wait_for(lambda: not self.ping(), timeout=5, what="redis to stop")


@pytest.fixture(scope="session")
def redis_server():
    server = RedisServer(free_port())
    server.start()
    yield server
    server.stop()


def _reset_producer_pools():
    """Drop the test process's broker connections, so the next publish connects afresh
    (kombu keeps producer pools in a global registry keyed by broker URL)."""
    kombu.pools.reset()
    if celery_app._pool is not None:
        with contextlib.suppress(Exception):  # the pool's broker may be gone
            celery_app._pool.force_close_all()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def database_url(db: dict) -> str:
    """A DATABASE_URL for the test database, over TCP or the embedded server's socket."""
    host = quote(db["HOST"] or "127.0.0.1", safe="")
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{quote(db['USER'])}:{quote(db['PASSWORD'] or '')}@{host}{port}/{db['NAME']}"


class Stack:
    """Worker and beat processes, and the mail they send."""

    def __init__(self, *, redis: RedisServer, tmp: Path):
        self.redis = redis
        self.tmp = tmp
        self.mail_dir = tmp / "mail"
        self.mail_dir.mkdir()
        self.processes: dict[str, subprocess.Popen] = {}
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "hatereport.settings",
            "DATABASE_URL": database_url(connection.settings_dict),
            "DB_CONN_MAX_AGE": "0",
            # Contact details are encrypted with keys derived from SECRET_KEY.
            "SECRET_KEY": settings.SECRET_KEY,
            "REDIS_URL": redis.url,
            "CELERY_BROKER_URL": redis.url,
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "SITE_URL": "https://example.test",
            "OUTBOX_SWEEP_SECONDS": "1",
            "CASEWORK_SWEEP_SECONDS": "3600",
            "LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
        }

    def start(self, name: str, args: list[str], **env) -> subprocess.Popen:
        log = open(self.tmp / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(  # noqa: S603 - fixed command
            [sys.executable, "-m", "celery", "-A", "hatereport", *args],
            cwd=REPO,
            env={**self.env, **{key: str(value) for key, value in env.items()}},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: kill the pool children with it
        )
        self.processes[name] = process
        return process

    def log(self, name: str) -> str:
        path = self.tmp / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def start_worker(self, name: str = "worker", **env) -> subprocess.Popen:
        before = self.log(name).count(" ready.")
        process = self.start(
            name,
            [
                "worker",
                "--pool",
                "prefork",
                "--concurrency",
                "1",
                "--loglevel",
                "INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--hostname",
                f"{name}-{time.monotonic_ns()}@%h",
            ],
            **env,
        )
        wait_for(
            lambda: self.log(name).count(" ready.") > before, timeout=30, what=f"{name} to be ready"
        )
        return process

    def start_beat(self, **env) -> subprocess.Popen:
        return self.start(
            "beat",
            ["beat", "--loglevel", "INFO", "--schedule", str(self.tmp / "beat-schedule")],
            **env,
        )

    def kill(self, name: str):
        """SIGKILL the whole process group: no warm shutdown, no acknowledgement."""
        process = self.processes.pop(name)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)

    def stop_all(self):
        for name in list(self.processes):
            process = self.processes.pop(name)
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(5)

    def message_ids(self) -> Counter:
        """Every Message-ID in every mail file the workers wrote."""
        found = Counter()
        for path in self.mail_dir.glob("*.log"):
            found.update(re.findall(r"^Message-ID: (<[^>]+>)", path.read_text(), re.M))
        return found

    def sending_markers(self) -> list[Path]:
        return list(self.mail_dir.glob("sending-*"))


@pytest.fixture
def stack(transactional_db, redis_server, tmp_path, settings):
    """Point this process's Celery at the test Redis; start processes with `stack.start_*`.
    Torn down before the database is flushed, so no worker holds a connection then."""
    settings.CELERY_BROKER_URL = redis_server.url
    old_broker = celery_app.conf.broker_url
    celery_app.conf.broker_url = redis_server.url
    _reset_producer_pools()
    outbox._paused_until = 0.0
    if not redis_server.ping():
        redis_server.start()
    redis_server.flush()
    stack = Stack(redis=redis_server, tmp=tmp_path)
    yield stack
    stack.stop_all()
    if not redis_server.ping():
        redis_server.start()
    celery_app.conf.broker_url = old_broker
    _reset_producer_pools()
    outbox._paused_until = 0.0
