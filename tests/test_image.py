"""The image builds its static manifest at production settings, as the Dockerfile says, and
pages render with it (without a manifest every page that loads a static file fails)."""

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
HASHED = re.compile(r'/static/govuk/[\w./-]+\.[0-9a-f]{12}\.(?:css|js)"')


def dockerfile_build_env() -> dict[str, str]:
    """The variables the Dockerfile exports for its compilemessages/collectstatic line."""
    text = (REPO / "Dockerfile").read_text().replace("\\\n", " ")
    line = next(line for line in text.splitlines() if "collectstatic" in line)
    exported = line.split("RUN export", 1)[1].split("&&", 1)[0]
    return dict(word.split("=", 1) for word in shlex.split(exported))


def test_dockerfile_builds_at_production_settings_with_a_throwaway_key():
    env = dockerfile_build_env()

    assert env["HATEREPORT_MODE"] == "production"
    assert env["SECRET_KEY"] and env["DATABASE_URL"]
    dockerfile = (REPO / "Dockerfile").read_text()
    # The build-only key lives in that one RUN line; the image runs in production mode.
    assert "ENV HATEREPORT_MODE=production" in dockerfile
    assert not re.search(r"^ENV .*(SECRET_KEY|DATABASE_URL)", dockerfile, re.M)
    assert 'CMD ["gunicorn", "--config", "gunicorn.conf.py"]' in dockerfile


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """collectstatic run the way the Dockerfile runs it, into a temporary STATIC_ROOT."""
    root = tmp_path_factory.mktemp("static")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "STATIC_MANIFEST", "DATABASE_URL", "SECRET_KEY"}
    }
    env.update(dockerfile_build_env(), STATIC_ROOT=str(root))
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return root


def test_collectstatic_writes_the_manifest(collected):
    manifest = json.loads((collected / "staticfiles.json").read_text())

    assert any(name.endswith(".css") for name in manifest["paths"])
    # WhiteNoise's compressed copies, served to browsers that accept them.
    assert list(collected.rglob("*.css.gz"))


@pytest.mark.django_db
def test_pages_render_with_the_manifest(collected, client, settings):
    settings.STATIC_ROOT = collected
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

    response = client.get("/en/")

    assert response.status_code == 200
    assert HASHED.search(response.content.decode())
