"""The site works in a real browser under its own Content-Security-Policy and
Permissions-Policy: the quick exit (link and keys), the language switcher, the journey with
GOV.UK Frontend's scripts, the receipt PDF, the staff sign-in's QR code, the centre workspace,
the SPOC admin and its stylesheet, the Django admin's widgets (select boxes that filter,
autocomplete, calendars), the authenticator QR code in the admin and the insights page.

Each test fails on any console message about the policies (tests/browser/conftest.py), so a
page that needs an inline script or style, or an image from elsewhere, fails here before it
reaches a person.
"""

import os
import re

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from centres.models import Area, AreaPlace, Role
from reporting.models import Consent, Report
from tests.browser.steps import ANONYMOUS
from tests.conftest import PASSWORD, member, sign_in
from tests.factories import (
    AreaFactory,
    AreaPlaceFactory,
    CaseFactory,
    CentreFactory,
    ReporterContactFactory,
    ReportFactory,
    UserFactory,
)

pytestmark = [
    # serialized_rollback: the migrated rows come back after each test (tests/browser/conftest.py).
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="needs Debian's chromium"),
]


@pytest.fixture
def site(live_server, settings):
    call_command("load_reference_data", verbosity=0)
    Area.objects.get_or_create(
        is_central_queue=True, defaults={"name": "Central queue", "code": "central"}
    )
    area = AreaFactory(name="Sparkbrook")
    AreaPlaceFactory(area=area, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value="B11")
    settings.REPORT_SUBMISSION_RATE = "100000/h"
    settings.REPORT_ANSWER_RATE = "100000/h"
    # Offline: the quick exit leaves for a page of the live server instead of the weather.
    settings.QUICK_EXIT_URL = f"{live_server.url}/en/privacy/"
    return live_server


def scripts_ran(page) -> bool:
    """site.js ran (it marks the body for GOV.UK Frontend), so the page's one script loaded.
    A module script runs after the document is parsed: waits up to 5 s for it (a check made
    the moment the page's `dir` is set could run before the script had)."""
    try:
        page.wait_for_function(
            "document.body && document.body.classList.contains('govuk-frontend-supported')",
            timeout=5000,
        )
    except PlaywrightTimeoutError:
        return False
    return True


def style_of(page, selector: str, prop: str) -> str:
    return page.locator(selector).first.evaluate(
        "(el, prop) => getComputedStyle(el).getPropertyValue(prop)", prop
    )


def sign_in_browser(page, base, user):
    """Signed in with a second factor, by the test client's session cookie."""
    client = sign_in(Client(), user)
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": base,
            }
        ]
    )


def test_public_pages_quick_exit_and_language_switcher(site, page):
    page.goto(f"{site.url}/en/")
    assert scripts_ran(page)
    # The stylesheets applied: the quick exit is GOV.UK's red warning button.
    assert style_of(page, ".hr-quick-exit__button", "background-color") == "rgb(202, 53, 53)"

    # The language switcher, to Welsh, then to Urdu (right to left, with its own stylesheet).
    page.get_by_role("link", name="Cymraeg").click()
    expect(page).to_have_url(f"{site.url}/cy/")
    page.locator("a[hreflang=ur]").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert scripts_ran(page)

    # The quick exit by keys (Escape twice), then by its link from another page.
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    expect(page).to_have_url(f"{site.url}/en/privacy/")
    page.goto(f"{site.url}/pl/track/")
    page.locator("[data-quick-exit]").click()
    expect(page).to_have_url(f"{site.url}/en/privacy/")


def test_journey_scripts_and_receipt(site, page):
    page.goto(f"{site.url}/en/report/")
    page.locator("main a.govuk-button").click()
    page.locator("main a.govuk-button").click()
    for slug, actions in ANONYMOUS:
        assert page.url.endswith(f"/en/report/{slug}/"), (slug, page.url)
        if slug == "evidence":
            # GOV.UK Frontend's file upload, started by site.js from the module.
            expect(page.locator(".govuk-file-upload-button")).to_be_visible()
        for kind, name, *value in actions:
            if kind == "radio":
                page.check(f"input[name={name}][value={value[0]}]")
            elif kind == "first":
                page.locator(f"input[name={name}]").first.check()
            else:
                page.fill(f"[name={name}]", value[0])
        with page.expect_navigation():
            page.locator("form button.govuk-button:not(.govuk-button--secondary)").last.click()

    # The passphrase's "Show" button exists only once GOV.UK Frontend's script has run.
    page.locator("[data-passphrase-choice] summary").click()
    toggle = page.locator(".govuk-password-input__toggle").first
    expect(toggle).to_be_visible()
    toggle.click()
    expect(page.locator(".govuk-password-input__input").first).to_have_attribute("type", "text")
    page.locator("form button.govuk-button:not(.govuk-button--secondary)").last.click()
    page.locator(".govuk-panel--confirmation").wait_for()

    with page.expect_download() as receipt:
        page.get_by_role("link", name=re.compile("Download a receipt")).click()
    with open(receipt.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert Report.objects.get().reference in page.content()


def test_staff_sign_in_qr_code_and_centre_workspace(site, page):
    centre = CentreFactory(
        name="Sparkbrook Community Centre", area=Area.objects.get(name="Sparkbrook")
    )
    volunteer = member(Role.VOLUNTEER, centre=centre, name="Vera Volunteer")
    report = ReportFactory(area=centre.area, centre=centre, consent=Consent.DO_NOT_SHARE)

    page.goto(f"{site.url}/centre/")
    page.fill("input[name=username]", volunteer.email)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/staff/sign-in/set-up/"))
    # The QR code is inline SVG: drawn, with nothing the policy has to allow.
    box = page.locator(".hr-qr svg").bounding_box()
    assert box and box["width"] > 50 and box["height"] > 50
    device = TOTPDevice.objects.get(user=volunteer)
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.fill("input[name=token]", f"{code:0{device.digits}d}")
    page.get_by_role("button", name="Confirm").click()
    page.get_by_role("link", name=re.compile("Continue")).first.click()

    expect(page).to_have_url(f"{site.url}/centre/")
    page.get_by_role("link", name="Reports").first.click()
    page.get_by_role("link", name=report.reference).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(report.reference)
    assert scripts_ran(page)


def test_spoc_admin_case_page_and_daily_review(site, page):
    area = Area.objects.get(name="Sparkbrook")
    spoc = member(Role.SPOC, area=area, name="Sam SPOC")
    report = ReportFactory(area=area, consent=Consent.SHARE_WITH_DETAILS)
    ReporterContactFactory(report=report, channels=["email"], no_voicemail=True)
    case = CaseFactory(report=report, area=area)
    sign_in_browser(page, site.url, spoc)

    page.goto(f"{site.url}/admin/casework/case/")
    page.locator("#result_list tr", has_text=report.reference).get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(rf"/admin/casework/case/{case.pk}/change/"))
    # The case page's own stylesheet (static/casework/admin.css), no longer a <style> block.
    plan = ".casework-plan"
    assert style_of(page, plan, "border-top-color") == "rgb(176, 0, 32)"
    page.goto(f"{site.url}/admin/casework/case/daily-review/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_admin_widgets_authenticator_qr_code_and_insights(site, page):
    superuser = UserFactory(name="Break glass", is_superuser=True)
    centre = CentreFactory(
        name="Sparkbrook Community Centre", area=Area.objects.get(name="Sparkbrook")
    )
    sign_in_browser(page, site.url, superuser)

    # Select boxes that filter (filter_horizontal) and the calendar's shortcuts.
    page.goto(f"{site.url}/admin/centres/centre/{centre.pk}/change/")
    expect(
        page.locator(".selector-available input.selector-filter, .selector-filter input").first
    ).to_be_visible()
    # Autocomplete (select2, which fetches its options from the admin).
    page.goto(f"{site.url}/admin/centres/awarenessactivity/add/")
    expect(page.locator(".datetimeshortcuts").first).to_be_visible()
    page.locator(".select2-selection").first.click()
    expect(page.locator(".select2-results__option", has_text=centre.name)).to_be_visible()

    # The authenticator app's QR code in the admin: an image from the site itself.
    device = TOTPDevice.objects.get(user=superuser)
    page.goto(f"{site.url}/admin/otp_totp/totpdevice/{device.pk}/config/")
    image = page.locator("img.qrcode-image")
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")

    # The insights page, as an analyst.
    page.context.clear_cookies()
    sign_in_browser(page, site.url, member(Role.ANALYST, name="Ana Analyst"))
    page.goto(f"{site.url}/insights/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Insights")
