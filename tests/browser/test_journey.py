"""The reporting journey in a real browser: in English and in Urdu (right-to-left), without
JavaScript, by keyboard alone, and through axe-core on every page, blank and with errors, in
every language, on a small phone (320 px) and a desktop (1280 px) (see axe_walk.py)."""

import os
import time

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from casework.models import Case
from centres.models import Area, AreaPlace
from reporting.models import Report, ReporterContact
from tests.browser import axe_walk
from tests.browser.steps import ANONYMOUS, WITH_CONTACT
from tests.factories import AreaFactory, AreaPlaceFactory

pytestmark = [
    # serialized_rollback: the rows data migrations made (the central queue, outcome types)
    # come back after each test's flush, for the tests that run after these.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="needs Debian's chromium"),
]


@pytest.fixture
def journey_site(live_server, settings):
    call_command("load_reference_data", verbosity=0)
    Area.objects.get_or_create(
        is_central_queue=True, defaults={"name": "Central queue", "code": "central"}
    )
    area = AreaFactory(name="Sparkbrook")
    AreaPlaceFactory(area=area, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value="B11")
    # Every browser test answers from 127.0.0.1, and the counters live in Redis across runs.
    settings.REPORT_SUBMISSION_RATE = "100000/h"
    settings.REPORT_ANSWER_RATE = "100000/h"
    return live_server


def continue_(page):
    with page.expect_navigation():
        page.locator("form button.govuk-button:not(.govuk-button--secondary)").last.click()


def answer(page, actions):
    for kind, name, *value in actions:
        if kind in ("radio", "check"):
            page.check(f"input[name={name}][value={value[0]}]")
        elif kind == "first":
            page.locator(f"input[name={name}]").first.check()
        else:
            page.fill(f"[name={name}]", value[0])


def walk(page, base, lang, steps):
    """From the start page to the confirmation; returns the passphrase."""
    page.goto(f"{base}/{lang}/report/")
    page.locator("main a.govuk-button").click()
    page.locator("main a.govuk-button").click()
    for slug, actions in steps:
        assert page.url.endswith(f"/{lang}/report/{slug}/"), (slug, page.url)
        answer(page, actions)
        continue_(page)
    assert page.url.endswith(f"/{lang}/report/check/")
    # Send (the passphrase's show buttons are buttons in the form too).
    page.locator("form button.govuk-button:not(.govuk-button--secondary)").last.click()
    page.locator(".govuk-panel--confirmation").wait_for()
    return page.locator("[data-passphrase]").inner_text().strip()


def test_anonymous_report_in_english(journey_site, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    passphrase = walk(page, journey_site.url, "en", ANONYMOUS)

    report = Report.objects.get()
    assert report.reference in page.content()
    assert report.check_passphrase(passphrase)
    assert not ReporterContact.objects.exists()
    assert not Case.objects.exists()


def test_report_with_contact_details_in_urdu(journey_site, page):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{journey_site.url}/ur/report/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    walk(page, journey_site.url, "ur", WITH_CONTACT)

    assert page.locator("html").get_attribute("dir") == "rtl"
    report = Report.objects.get()
    assert report.language == "ur"
    assert report.contact.email == "amina@example.org"
    assert report.contact.name == "آمنہ"
    assert Case.objects.filter(report=report).exists()


def test_report_without_javascript(journey_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    walk(page, journey_site.url, "pl", ANONYMOUS)
    assert Report.objects.get().language == "pl"
    # The quick exit is a plain link, which works without JavaScript.
    assert page.locator("a.hr-quick-exit__button").get_attribute("href") == "/exit/"
    context.close()


def tab_to(page, selector, limit=80):
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector} on {page.url}")


def test_report_by_keyboard_alone(journey_site, page):
    """Tab, Space, typing and Enter only: the first option of every question."""
    page.goto(f"{journey_site.url}/en/report/")
    for _ in range(2):
        tab_to(page, "main a.govuk-button")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    typed = {
        "when-date": [
            ("occurred_on_day", "2"),
            ("occurred_on_month", "3"),
            ("occurred_on_year", "2025"),
        ],
        "where-place": [("postcode", "B11 1AA")],
        "contact-details": [("phone", "07700 900982")],
    }
    while "/report/check/" not in page.url:
        slug = page.url.rstrip("/").rsplit("/", 1)[1]
        groups = page.evaluate(
            """() => [...new Set([...document.querySelectorAll(
                 'main input[type=radio], main input[type=checkbox]')].map(i => i.name))]"""
        )
        for name in groups:
            if slug in ("contact-safety", "contact-needs", "equality-questions"):
                break  # optional pages: nothing to choose
            tab_to(page, f"input[name={name}]")
            page.keyboard.press("Space")
        for name, text in typed.get(slug, []):
            tab_to(page, f"[name={name}]")
            page.keyboard.type(text)
        tab_to(page, "form button.govuk-button:not(.govuk-button--secondary)")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert not page.url.endswith(f"/{slug}/"), f"stuck on {slug}"
    tab_to(page, "form button.govuk-button")
    page.keyboard.press("Enter")
    page.locator(".govuk-panel--confirmation").wait_for()
    report = Report.objects.get()
    assert report.consent == "share_details"
    assert report.contact.phone == "07700 900982"


@pytest.mark.axe
def test_every_page_passes_axe(journey_site, browser_type_launch_args, request, settings):
    """Every page of the journey and of tracking, blank and with its errors, in every
    language, at 320 px and 1280 px: no axe-core violation (WCAG 2.0-2.2 A/AA and best
    practice), and no English without a lang attribute on pages in another script."""
    # The product's addresses plus two that fail on purpose, so the 403 and 500 pages are
    # walked too (tests/error_urls.py).
    settings.ROOT_URLCONF = "tests.error_urls"
    languages = [code for code, _name in django_settings.LANGUAGES]
    # AXE_LANGUAGES=en,ur walks only those, while working on a fix.
    chosen = os.environ.get("AXE_LANGUAGES")
    languages = [code for code in languages if not chosen or code in chosen.split(",")]
    started = time.perf_counter()
    walked = axe_walk.walk_every_language(journey_site.url, languages, browser_type_launch_args)
    total = time.perf_counter() - started
    browser = axe_walk.browser_path(browser_type_launch_args["executable_path"])
    request.node.user_properties.append(
        (
            "timings",
            f"axe walk: {total:.1f} s for {len(walked)} languages, "
            f"{axe_walk.CONCURRENCY} at a time, in {os.path.basename(browser)}; "
            + ", ".join(f"{w.language} {w.seconds:.1f} s ({w.pages} pages)" for w in walked),
        )
    )
    assert not [w.error for w in walked if w.error], "\n".join(w.error for w in walked if w.error)
    # Every language saw every page (a walk that stopped early would also find nothing).
    assert len({w.pages for w in walked}) == 1, [(w.language, w.pages) for w in walked]
    findings = [finding for w in walked for finding in w.findings]
    assert not findings, axe_walk.report(findings)
