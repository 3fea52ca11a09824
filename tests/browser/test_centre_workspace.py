"""In a real browser: a volunteer signs in with their password and a code from their
authenticator app, logs a report in Polish for someone at the centre, and finds it in the
centre's list."""

import os
import re

import pytest
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from centres.models import Area, AreaPlace, Role
from reporting.models import Channel, Report
from tests.conftest import PASSWORD, member
from tests.factories import AreaFactory, AreaPlaceFactory, CentreFactory

pytestmark = [
    # serialized_rollback: the migrated database is saved for tests/browser/conftest.py to
    # restore after each browser test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="needs Debian's chromium"),
]


def current_code(device) -> str:
    """The code the volunteer's authenticator app shows now."""
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{code:0{device.digits}d}"


def test_volunteer_logs_a_report_in_polish_and_finds_it(live_server, page):
    call_command("load_reference_data", verbosity=0)
    # Made by a data migration, but gone once a transactional test has flushed the tables.
    Area.objects.get_or_create(
        is_central_queue=True, defaults={"name": "Central queue", "code": "central"}
    )
    area = AreaFactory(name="Sparkbrook")
    AreaPlaceFactory(area=area, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value="B11")
    centre = CentreFactory(name="Sparkbrook Community Centre", area=area)
    volunteer = member(Role.VOLUNTEER, centre=centre, name="Vera Volunteer")
    device = TOTPDevice.objects.create(user=volunteer, name="phone", confirmed=True)

    # Sign in: the password page, then the code from the authenticator app.
    page.goto(f"{live_server.url}/centre/")
    expect(page).to_have_url(re.compile(r"/staff/sign-in/\?next="))
    page.fill("input[name=username]", volunteer.email)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/staff/sign-in/code/"))
    page.fill("input[name=token]", current_code(device))
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{live_server.url}/centre/")

    # Start a report for someone who reads Polish.
    page.get_by_role("link", name="Log a report for someone").first.click()
    page.select_option("select[name=language]", "pl")
    page.get_by_role("button", name="Start").click()

    # The questions are in Polish; the workspace around them stays in English.
    expect(page.locator("div[lang=pl] h1")).to_have_text("Kto zgłasza?")
    expect(page.get_by_role("button", name="Continue")).to_be_visible()

    def answer(*, check=(), fill=None):
        for selector in check:
            page.check(selector)
        for selector, value in (fill or {}).items():
            page.fill(selector, value)
        page.get_by_role("button", name="Continue").click()

    answer(check=["input[name=reporter_role][value=victim]"])
    answer(fill={"textarea[name=description]": "Sąsiad krzyczał na mnie obelgi."})
    answer(check=["input[name=when_kind][value=not_sure]"])
    answer(check=["input[name=happened_before][value=yes]"])
    answer(check=["input[name=location_kind][value=place]"])
    answer(fill={"input[name=postcode]": "B11 1AA"})
    page.locator("input[name=motivation]").first.check()
    answer()
    answer(check=["input[name=offender_known][value=yes]"])
    answer()  # what identifies them: optional, left empty
    answer(
        check=[
            "input[name=injured][value=no]",
            "input[name=property_damaged][value=no]",
            "input[name=threatened][value=yes]",
        ]
    )
    page.click("button[name=action][value=continue]")  # no evidence files
    answer(check=["input[name=consent][value=share_anonymous]"])
    answer(check=["input[name=contact_wanted][value=no]"])
    answer(check=["input[name=support_wanted][value=yes]"])
    answer(check=["input[name=equality_wanted][value=no]"])

    # Check the answers together, record the go-between, send.
    expect(
        page.get_by_role("heading", name="Check the answers and send the report")
    ).to_be_visible()
    expect(page.locator("div[lang=pl]")).to_contain_text("Sąsiad krzyczał na mnie obelgi.")
    page.check("input[name=centre_is_go_between][value=yes]")
    page.get_by_role("button", name="Send report").click()

    reference = page.locator("[data-reference]").get_attribute("data-reference")
    expect(page.locator("div[lang=pl] [data-passphrase]")).to_be_visible()
    report = Report.objects.get(reference=reference)
    assert (report.channel, report.centre, report.logged_by, report.language) == (
        Channel.ASSISTED,
        centre,
        volunteer,
        "pl",
    )
    assert report.centre_is_go_between

    # The report is in the centre's list.
    page.get_by_role("link", name="Reports").click()
    row = page.locator("tbody tr", has_text=reference)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("We pass on news")
    row.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(reference)
