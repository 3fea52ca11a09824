"""Shared set-up for the browser tests (pytest-playwright, Debian's chromium, live_server).

Playwright cannot download a browser here, so it launches /usr/bin/chromium with the flags
that make it run headless and offline (see RECIPES.md).
"""

import os
import re
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test's thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
# Headless, offline, no first-run work (RECIPES.md); bench/journey.py uses them too.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Put the database back as the migrations left it after each browser test.

    Browser tests commit their rows (live_server), so pytest-django empties every table when
    they end, data migrations' rows included (the central queue, the Home Office outcome
    types). pytest-django runs these tests amid the others, and a later test would find
    them gone. The migrated state was serialized when the test database was created
    (serialized_rollback on test_centre_workspace.py) and is loaded back here.
    """
    result = yield
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection
    from pytest_django.plugin import blocking_manager_key

    contents = getattr(connection, "_test_serialized_contents", None)
    # After the last test the test database itself has gone (session teardown).
    if contents and nextitem is not None and item.get_closest_marker("django_db"):
        with item.config.stash[blocking_manager_key].unblock():
            # Empty again without post_migrate, so content types keep their first ids; and
            # without resetting sequences (as Django's own teardown), or the next row made
            # would take the id of one loaded back below.
            call_command(
                "flush",
                interactive=False,
                inhibit_post_migrate=True,
                reset_sequences=False,
                verbosity=0,
            )
            connection.creation.deserialize_db_from_string(contents)
        ContentType.objects.clear_cache()
    return result


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
    """Browser tests last. They run against the live server in real transactions, and the
    flush after each one also empties what data migrations made (the central queue, the
    outcome types) for any database test that runs after them."""
    here = Path(__file__).resolve().parent
    browser = [item for item in items if here in Path(str(item.path)).resolve().parents]
    if browser:
        items[:] = [item for item in items if item not in browser] + browser


@pytest.fixture(autouse=True)
def _fresh_content_types():
    # A flush (after any transactional test) re-creates content types with new ids, while
    # ContentType's in-process cache still holds the old ones.
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()


def pytest_terminal_summary(terminalreporter):
    """Timings a browser test recorded (the axe walk's, per language), shown after the run."""
    lines = [
        value
        for outcome in ("passed", "failed")
        for report in terminalreporter.stats.get(outcome, [])
        if report.when == "call"
        for name, value in report.user_properties
        if name == "timings"
    ]
    if lines:
        terminalreporter.write_sep("-", "browser test timings")
        for line in lines:
            terminalreporter.write_line(line)


# What Chromium writes to the console when the Content-Security-Policy blocks something ("...
# violates the following Content Security Policy directive ...") or when the Permissions-Policy
# header names a feature it does not know or a page uses one it turns off.
POLICY_MESSAGE = re.compile(r"Content[- ]Security[- ]Policy|Permissions[- ]Policy", re.IGNORECASE)


def watch_policies(context) -> list[str]:
    """Every console message about the site's policies from any page of `context`, as it
    comes. For tests that open a context of their own; `page` is watched already."""
    seen: list[str] = []

    def note(message):
        if POLICY_MESSAGE.search(message.text):
            seen.append(f"{message.type}: {message.text} (on {message.page and message.page.url})")

    context.on("console", note)
    return seen


@pytest.fixture(autouse=True)
def _no_policy_violations(request):
    """Every browser test that uses `page` fails when the browser reports a CSP violation or a
    Permissions-Policy error on any page it opened: inline script or style, a handler
    attribute, an image or font from elsewhere (docs/security.md, "Headers on every response")."""
    if "page" not in request.fixturenames:
        yield
        return
    seen = watch_policies(request.getfixturevalue("context"))
    yield
    assert not seen, "the browser reported policy errors:\n" + "\n".join(seen)
