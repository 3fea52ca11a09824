"""The modes are said out loud, and only the demo ever runs on a published key."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
READ = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.MODE, settings.DEBUG, settings.CELERY_TASK_ALWAYS_EAGER, "
    "settings.SECURE_SSL_REDIRECT, settings.PASSWORD_HASHERS[0].rsplit('.', 1)[1], "
    "settings.CRISPY_FAIL_SILENTLY)"
)


def settings_in(**env) -> subprocess.CompletedProcess:
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {"HATEREPORT_MODE", "SECRET_KEY", "DATABASE_URL", "DEBUG"}
    }
    return subprocess.run(  # noqa: S603 - our own interpreter and settings
        [sys.executable, "-c", READ],
        cwd=REPO,
        env={**clean, "DJANGO_SETTINGS_MODULE": "hatereport.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("mode", ["production", "test"])
def test_outside_the_demo_no_secret_key_refuses_to_start(mode):
    result = settings_in(HATEREPORT_MODE=mode, DATABASE_URL=os.environ["DATABASE_URL"])
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_is_the_default_mode_and_needs_its_database():
    result = settings_in(SECRET_KEY="a-key-of-its-own")
    assert result.returncode != 0
    assert "Set DATABASE_URL" in result.stderr


def test_an_unknown_mode_is_refused_by_name():
    result = settings_in(HATEREPORT_MODE="staging", SECRET_KEY="k")
    assert "HATEREPORT_MODE must be one of production, demo, test" in result.stderr


def test_production_is_hardened_and_lets_no_rendering_error_through_to_a_victim():
    result = settings_in(SECRET_KEY="k", DATABASE_URL=os.environ["DATABASE_URL"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "production",
        "False",
        "False",
        "True",
        "Argon2PasswordHasher",
        "True",
    ]


def test_the_test_mode_declares_what_tests_need_and_fails_on_rendering_errors():
    result = settings_in(
        HATEREPORT_MODE="test", SECRET_KEY="k", DATABASE_URL=os.environ["DATABASE_URL"]
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "test",
        "False",
        "False",
        "False",
        "MD5PasswordHasher",
        "False",
    ]


def test_the_demo_runs_without_a_key_tasks_in_process():
    result = settings_in(HATEREPORT_MODE="demo", DATABASE_URL=os.environ["DATABASE_URL"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:3] == ["demo", "False", "True"]
