"""The compose stack's contract, read from docker-compose.yml and .env.example (no Docker on
the machines that run the tests): Caddy in front, the app behind exactly one proxy, and
healthchecks that pass with .env.example as given."""

import re
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml", reason="PyYAML is needed to read docker-compose.yml")

REPO = Path(__file__).resolve().parent.parent
APP_SERVICES = ("migrate", "web", "worker", "beat")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def env_example():
    lines = (REPO / ".env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def test_compose_publishes_only_the_proxy(compose):
    services = compose["services"]
    published = {name for name, service in services.items() if service.get("ports")}

    assert published == {"proxy"}
    assert {"80:80", "443:443"} <= set(services["proxy"]["ports"])


def test_compose_proxy_runs_the_caddyfile_the_tests_run(compose):
    proxy = compose["services"]["proxy"]

    assert proxy["image"].startswith("caddy:")
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    assert proxy["environment"]["UPSTREAM"] == "web:8000"
    assert proxy["depends_on"]["web"]["condition"] == "service_healthy"


def test_compose_app_sits_behind_exactly_one_proxy(compose):
    for name in APP_SERVICES:
        environment = compose["services"][name]["environment"]
        assert str(environment["PROXY_COUNT"]) == "1", name
        # No plain-http overrides: TLS ends at the proxy, even on localhost.
        assert not {"SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE"} & set(environment), name


def test_compose_web_runs_gunicorn_with_its_config(compose):
    assert compose["services"]["web"]["command"] == ["gunicorn", "--config", "gunicorn.conf.py"]


def test_compose_web_healthcheck_calls_healthz_directly(compose):
    test = " ".join(compose["services"]["web"]["healthcheck"]["test"])

    # The container's own address, which no ALLOWED_HOSTS names: answered before host
    # validation (centres/middleware.py; tests/centres/test_views.py proves it).
    assert re.search(r"http://127\.0\.0\.1:8000/healthz\b", test)


def test_compose_worker_and_proxy_have_healthchecks(compose):
    services = compose["services"]

    assert "inspect ping" in " ".join(services["worker"]["healthcheck"]["test"])
    assert "http://127.0.0.1:2020/" in services["proxy"]["healthcheck"]["test"]
    # The proxy's health port is the Caddyfile's default.
    assert "{$HEALTH_PORT:2020}" in (REPO / "deploy" / "Caddyfile").read_text()


def test_env_example_answers_at_the_readme_address(env_example):
    readme = (REPO / "README.md").read_text()

    assert env_example["SITE_ADDRESS"] == "localhost"
    assert "localhost" in env_example["ALLOWED_HOSTS"].split(",")
    assert env_example["SITE_URL"] == "https://localhost"
    assert "https://localhost" in env_example["CSRF_TRUSTED_ORIGINS"].split(",")
    assert "https://localhost" in readme
    assert env_example["SECRET_KEY"]
