"""Benchmark: what the reporting journey costs a reporter's phone and the database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hr_bench_journey SECRET_KEY=bench \\
        .venv/bin/python bench/journey.py [--languages en,ur,...]

It refuses any database whose name does not contain "bench", creates it when missing,
migrates it and loads the reference data (strands, incident and place types, an area with
its postcode districts, one SPOC). Then:

1. Page weight, in headless Chromium (Debian's /usr/bin/chromium) against a live server: for
   each journey page, as a first-time visitor (a new browser profile: empty cache, only the
   draft's cookie), the requests made, the bytes downloaded gzipped (text compressed at
   level 6, as WhiteNoise and a front proxy send it; images as they are), the origins asked
   and any web font. Targets: the first page at most 60 KB and 6 requests; no third-party
   origin and no web font on any page.
2. Database queries, with Django's test client on the same database (autocommit, as in
   production): each question page shown (GET) and answered (POST), with the session
   counted; then the submission of four reports, from anonymous and unshared to shared with
   the police with contact details, equality answers and a photo, split into the report's
   own transaction, opening the police case after it, and the whole request. Targets: at
   most 3 queries a question page and 6 for the report's transaction.

Queries are SQL statements sent, without BEGIN and COMMIT, and without SAVEPOINT/RELEASE
(counted apart). A running server keeps content types cached, so they are looked up once
before measuring.
"""

import argparse
import gzip
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
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")
FIRST_PAGE_LIMIT = 60 * 1024
FIRST_PAGE_REQUESTS = 6
QUESTION_LIMIT = 3
REPORT_LIMIT = 6


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
    Membership.objects.get_or_create(user=spoc, role=Role.SPOC, area=area)
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


# --- Page weight -----------------------------------------------------------------------------


def gzipped(response) -> int:
    try:
        body = response.body()
    except Exception:  # a redirect has no body
        return 0
    kind = response.headers.get("content-type", "")
    if kind.startswith(TEXT_TYPES):
        return len(gzip.compress(body, compresslevel=6))
    return len(body)


def weigh(browser, address, path, cookies) -> dict:
    """One page as a first-time visitor: a new profile, with the draft's cookie only."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_cookies([{**c, "url": address} for c in cookies])
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(address + path, wait_until="load")
    sizes = [gzipped(r) for r in responses]
    origins = {urlparse(r.url).netloc for r in responses}
    fonts = [r.url for r in responses if r.request.resource_type == "font"]
    context.close()
    return {
        "requests": len(responses),
        "bytes": sum(sizes),
        "third_party": sorted(o for o in origins if o != urlparse(address).netloc),
        "fonts": fonts,
    }


def page_weights(languages):
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread
    from playwright.sync_api import sync_playwright

    server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    address = f"http://127.0.0.1:{server.port}"
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for lang in languages:
                # The draft a reporter would have by each page: answers through the client.
                walker = client()
                pages = [
                    ("start", f"/{lang}/"),
                    ("report start", url(lang)),
                    ("staying safe", url(lang, "staying-safe")),
                ]
                steps = scenarios()[2][1]
                cookie = []
                for slug, data in steps:
                    pages.append((slug, url(lang, slug), list(cookie)))
                    walker.post(url(lang, slug), data)
                    value = walker.cookies["report_draft"].value
                    cookie = [{"name": "report_draft", "value": value}]
                pages.append(("check", url(lang, "check"), cookie))
                for entry in pages:
                    name, path, cookies = (*entry, [])[:3]
                    rows.append((lang, name, weigh(browser, address, path, cookies)))
            browser.close()
    finally:
        server.terminate()
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

    print("Page weight: a first-time visitor on each page (gzipped bytes)")
    print(f"{'lang':<5} {'page':<20} {'requests':>8} {'KB':>7}  other origins / web fonts")
    weights = page_weights(args.languages.split(","))
    for lang, name, w in weights:
        extra = ", ".join(w["third_party"] + w["fonts"]) or "none"
        print(f"{lang:<5} {name:<20} {w['requests']:>8} {w['bytes'] / 1024:>7.1f}  {extra}")
        if w["third_party"] or w["fonts"]:
            failures.append(f"{lang} {name}: other origins or web fonts")
        if name == "start" and (
            w["bytes"] > FIRST_PAGE_LIMIT or w["requests"] > FIRST_PAGE_REQUESTS
        ):
            failures.append(f"{lang} first page: {w['bytes']} bytes, {w['requests']} requests")
    heaviest = max(weights, key=lambda row: row[2]["bytes"])
    print(f"heaviest: {heaviest[0]} {heaviest[1]}, {heaviest[2]['bytes'] / 1024:.1f} KB")

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
