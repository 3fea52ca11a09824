"""In a real browser: a SPOC triages a new case, records an arrest and sends the victim an
update; the update shows on the case page, a message waits in the outbox, and the victim
reads it on their tracking page in their own language (Urdu).
"""

import os
import re

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import translation

from casework.models import Case, CaseUpdate, Clock
from centres.models import Notification, Role
from reporting.models import Consent
from tests.conftest import member, sign_in
from tests.factories import AreaFactory, CaseFactory, ReporterContactFactory, ReportFactory

# serialized_rollback: the flush after a transactional test would otherwise remove the rows
# data migrations made (the central queue, the Home Office outcome types) for later tests.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CHROMIUM = "/usr/bin/chromium"


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium")
def test_spoc_triages_records_arrest_and_updates_victim(live_server, page, browser):
    area = AreaFactory(name="Sparkhill")
    spoc = member(Role.SPOC, area=area, name="Sam SPOC")
    report = ReportFactory(area=area, consent=Consent.SHARE_WITH_DETAILS, language="ur")
    report.set_passphrase("lantern-orchard-velvet-compass-meadow")
    report.save(update_fields=["passphrase_hash"])
    ReporterContactFactory(report=report, channels=["email"], no_voicemail=True)
    case = CaseFactory(report=report, area=area)
    client = sign_in(Client(), spoc)
    page.context.add_cookies(
        [
            {
                "name": django_settings.SESSION_COOKIE_NAME,
                "value": client.cookies[django_settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )

    # Triage from the list.
    page.goto(f"{live_server.url}/admin/casework/case/")
    row = page.locator("#result_list tr", has_text=report.reference)
    row.locator("input[name=_selected_action]").check()
    page.select_option("select[name=action]", "mark_triaged")
    page.click("button[name=index]")
    page.get_by_text("1 cases marked triaged.").wait_for()

    # Open the case: the safe-contact plan comes first.
    page.get_by_role("link", name=report.reference).click()
    page.get_by_text("Safe-contact plan: read before contacting the victim").wait_for()
    assert page.get_by_text("Do not leave voicemail.").is_visible()

    # Record the arrest: a one-working-day clock starts.
    form = page.locator("#form-key-event")
    form.get_by_label("What happened").select_option("arrested")
    form.get_by_role("button", name="Save").click()
    page.get_by_text("Key event saved.").wait_for()
    assert page.locator("#clocks").get_by_text(re.compile("Key event: Suspect arrested")).count()

    # Tell the victim with the standard message.
    form = page.locator("#form-victim-update")
    form.get_by_label(re.compile("Standard message")).select_option("arrested")
    form.get_by_label(re.compile("Your own words")).fill("Please call us if you feel unsafe.")
    form.get_by_role("button", name="Save").click()
    page.get_by_text("Update for the victim saved.").wait_for()

    updates = page.locator("#updates")
    assert updates.get_by_text("Someone has been arrested in connection with your report.").count()
    assert updates.get_by_text("Please call us if you feel unsafe.").count()
    case = Case.objects.get(pk=case.pk)
    assert case.status == "triaged"
    update = case.updates.get(visibility=CaseUpdate.Visibility.VICTIM)
    message = Notification.objects.get(key=f"victim-update:{update.pk}")
    assert (message.channel, message.language, message.recipient) == (
        "email",
        "ur",
        report.contact,
    )
    assert not case.clocks.filter(kind=Clock.Kind.KEY_EVENT, met_at__isnull=True).exists()

    # The victim, on their own phone, reads it on the tracking page in Urdu.
    victim = browser.new_context(viewport={"width": 320, "height": 800}).new_page()
    victim.goto(f"{live_server.url}/ur/track/")
    assert victim.locator("html").get_attribute("dir") == "rtl"
    victim.locator("input[name=reference]").fill(report.reference.lower().replace("-", " "))
    victim.locator("input[name=passphrase]").fill("Lantern Orchard Velvet Compass Meadow")
    victim.locator("main button[type=submit]").click()
    with translation.override("ur"):
        urdu_message = str(update.standard_message)
    assert urdu_message != "Someone has been arrested in connection with your report."
    victim.get_by_text(urdu_message).wait_for()
    assert victim.get_by_text("Please call us if you feel unsafe.").count()
