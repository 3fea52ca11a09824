"""An agreed referral reaches the support service through the real outbox and a real Celery
worker (Redis, PostgreSQL, mail to files), once; its delivery shows on the workspace, and the
reporter's tracking page says who it was passed to and when."""

import re
from email import message_from_string

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from centres.models import Area, Notification, ReferralChannel, Role
from reporting import support
from reporting.models import Consent, Referral
from tests.conftest import member, sign_in
from tests.factories import (
    AreaFactory,
    CentreFactory,
    ReporterContactFactory,
    ReportFactory,
    SupportServiceFactory,
)

from .conftest import wait_for

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSPHRASE = "orbit velvet tundra mango fable"


def mails_to(stack, address: str) -> list:
    found = []
    for path in stack.mail_dir.glob("*.log"):
        # The file backend writes each message followed by a line of dashes.
        for chunk in path.read_text().split("-" * 79):
            if chunk.strip() and f"To: {address}" in chunk:
                found.append(message_from_string(chunk.strip()))
    return found


def test_an_agreed_referral_reaches_the_service_once_and_the_reporter_is_told(stack):
    Area.objects.get_or_create(
        is_central_queue=True, defaults={"name": "Central queue", "code": "central"}
    )
    area = AreaFactory(name="Sparkbrook", code="sparkbrook")
    hub = CentreFactory(area=area, name="Sparkbrook Support Hub", is_support_hub=True)
    volunteer = member(Role.VOLUNTEER, centre=hub)
    service = SupportServiceFactory(
        name="Mend the Harm",
        referral_channel=ReferralChannel.SECURE_EMAIL,
        referral_email="referrals@mend.example.org",
    )
    report = ReportFactory(
        area=area,
        consent=Consent.DO_NOT_SHARE,
        support_wanted="yes",
        support_needs="Someone to talk to in Urdu.",
        language="en",
        description="They shouted at me outside the mosque.",
    )
    report.set_passphrase(PASSPHRASE)
    contact = ReporterContactFactory(
        report=report, name="Amina", email="amina@example.org", channels=["email"]
    )
    support.route(report, contact)
    report.save()
    assert report.support_centre == hub

    stack.start_worker()
    staff = sign_in(Client(), volunteer)
    response = staff.post(
        reverse("workspace:refer", args=[report.pk]),
        {"service": service.pk, "consent_given": "on"},
    )
    assert response.status_code == 302

    referral = Referral.objects.get()
    wait_for(
        lambda: Notification.objects.filter(
            pk=referral.notification_id, status=Notification.Status.SENT
        ).exists(),
        timeout=60,
        what="the referral to be sent by the worker",
    )
    # The worker had its chance to send a second copy: there is one.
    stack.stop_all()
    mails = mails_to(stack, service.referral_email)
    assert len(mails) == 1
    mail = mails[0]
    body = mail.get_payload(decode=True).decode()
    # What the service needs to contact the person safely, and never what happened.
    assert report.reference in body
    assert "amina@example.org" in body and "Amina" in body
    assert "Do not leave voicemail." in body
    assert "Someone to talk to in Urdu." in body
    assert "mosque" not in body
    # Nothing personal in the subject.
    assert mail["Subject"] == "A referral from Hate Report"
    assert mail["To"] == "referrals@mend.example.org"

    sent = Notification.objects.get(pk=referral.notification_id)
    page = staff.get(reverse("workspace:report", args=[report.pk])).content.decode()
    assert "Mend the Harm" in page
    assert f"sent {timezone.localtime(sent.sent_at):%-d %b %Y}" in page

    reporter = Client()
    reporter.post("/en/track/", {"reference": report.reference, "passphrase": PASSPHRASE})
    tracking = reporter.get("/en/track/status/").content.decode()
    assert "We passed your details to Mend the Harm" in tracking
    assert re.search(rf"{timezone.localtime(sent.sent_at):%-d %B %Y}", tracking)
