"""Delivering the outbox: once, in the recipient's language, through a channel their plan
allows, with retries and a visible failure."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone, translation

from casework.models import CaseUpdate
from centres import delivery, sms
from centres.models import Notification, Role
from centres.notify import reference_for
from tests.conftest import member
from tests.factories import (
    CaseFactory,
    CaseUpdateFactory,
    CentreFactory,
    NotificationFactory,
    ReporterContactFactory,
    ReportFactory,
    UserFactory,
)

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class RefusingBackend(BaseEmailBackend):
    """A mail server nobody answers on."""

    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused to amina@example.org")


@pytest.fixture(autouse=True)
def _delivery_settings(settings):
    settings.SITE_URL = "https://example.test"
    settings.VICTIM_SITE_URL = "https://news.example.test"
    settings.SMS_BACKEND = "centres.sms.LocmemSmsBackend"
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    settings.NOTIFICATION_RETRY_BASE_SECONDS = 60
    sms.outbox.clear()


def acknowledgement(contact, *, channel="email", language="en"):
    return NotificationFactory(
        key=f"report-acknowledgement:{contact.report_id}",
        kind="report_acknowledgement",
        channel=channel,
        recipient=contact,
        language=language,
        context={"report": contact.report_id},
    )


def deliver(notification):
    return delivery.deliver_notifications([notification.pk])


def test_acknowledgement_sent_once_with_reference_and_tracking_link(db):
    contact = ReporterContactFactory(report__language="en")
    notification = acknowledgement(contact)

    assert deliver(notification) == {"sent": 1}
    assert deliver(notification) == {"skipped": 1}

    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT
    assert notification.sent_at is not None
    assert notification.attempts == 1
    [message] = mail.outbox
    assert message.to == ["amina@example.org"]
    assert message.from_email == settings.VICTIM_FROM_EMAIL
    assert contact.report.reference in message.body
    assert "https://news.example.test/en/track/" in message.body
    assert contact.report.reference not in message.subject
    assert "hate" not in (message.subject + message.body).lower()
    assert message.extra_headers["Message-ID"] == delivery.message_id(notification)
    assert notification.key not in message.extra_headers["Message-ID"]


@pytest.mark.parametrize("language", LANGUAGE_CODES)
@pytest.mark.parametrize("kind", ["report_acknowledgement", "victim_update"])
def test_victim_messages_render_in_every_language(db, kind, language):
    contact = ReporterContactFactory(report__language=language)
    update = CaseUpdateFactory(case=CaseFactory(report=contact.report), message_code="received")
    notification = NotificationFactory(
        kind=kind, recipient=contact, language=language, context={"update": update.pk}
    )

    outgoing = delivery.build(notification)

    assert f"https://news.example.test/{language}/track/" in outgoing.body
    assert outgoing.subject and "\n" not in outgoing.subject
    assert "Amina" not in outgoing.subject + outgoing.body
    assert update.body not in outgoing.body
    if kind == "report_acknowledgement":
        assert contact.report.reference in outgoing.body
    with translation.override("en"):
        english = delivery.build(NotificationFactory(kind=kind, recipient=contact, language="en"))
    if language != "en":
        assert outgoing.subject != english.subject, f"{kind} subject is not translated"
        assert outgoing.body != english.body
    else:
        assert "hate" not in (outgoing.subject + outgoing.body).lower()


def test_victim_update_says_what_only_when_the_plan_allows_it(db):
    contact = ReporterContactFactory(message_may_say_what=False)
    update = CaseUpdateFactory(
        case=CaseFactory(report=contact.report),
        message_code="arrested",
        body="PC Smith arrested John Doe at 4 Elm Road.",
    )
    notification = NotificationFactory(
        kind="victim_update", recipient=contact, context={"update": update.pk}
    )
    said = str(CaseUpdate(message_code="arrested").standard_message)

    quiet = delivery.build(notification)
    contact.message_may_say_what = True
    contact.save()
    notification.refresh_from_db()
    told = delivery.build(notification)

    assert said not in quiet.body
    assert said in told.body
    assert "John Doe" not in told.body, "free text never goes in a message"
    assert said not in told.subject


def test_sms_goes_through_the_sms_backend_with_an_opaque_reference(db):
    contact = ReporterContactFactory(channels=["sms"])
    notification = acknowledgement(contact, channel="sms", language="pl")

    assert deliver(notification) == {"sent": 1}

    [text] = sms.outbox
    assert text.to == "07700 900123"
    assert text.reference == reference_for(notification.key)
    assert text.reference.startswith("hr-")
    assert "acknowledgement" not in text.reference, "the reference says nothing"
    assert contact.report.reference in text.body
    assert "/pl/track/" in text.body
    assert mail.outbox == []


def test_plan_that_no_longer_allows_the_channel_cancels(db):
    contact = ReporterContactFactory(channels=["email"])
    notification = acknowledgement(contact, channel="sms")

    assert deliver(notification) == {"cancelled": 1}

    notification.refresh_from_db()
    assert notification.status == Notification.Status.CANCELLED
    assert notification.last_error == "the safe-contact plan does not allow this channel"
    assert sms.outbox == []


def test_purged_contact_cancels(db):
    contact = ReporterContactFactory()
    notification = acknowledgement(contact)
    contact.delete()

    assert deliver(notification) == {"cancelled": 1}
    notification.refresh_from_db()
    assert notification.status == Notification.Status.CANCELLED
    assert notification.last_error == "recipient no longer exists"


def test_staff_member_no_longer_active_cancels(db):
    user = UserFactory(is_active=False)
    notification = NotificationFactory(kind="case_assigned", recipient=user, context={"case": 1})

    assert deliver(notification) == {"cancelled": 1}
    assert mail.outbox == []


def test_staff_message_links_to_the_case_in_the_admin(db):
    user = UserFactory()
    case = CaseFactory()
    notification = NotificationFactory(
        kind="case_assigned", recipient=user, context={"case": case.pk}
    )

    deliver(notification)

    [message] = mail.outbox
    assert message.to == [user.email]
    assert f"https://example.test/admin/casework/case/{case.pk}/change/" in message.body
    assert case.report.reference not in message.subject


def test_centre_channel_tells_the_centre_team(db):
    centre = CentreFactory()
    volunteer = member(Role.VOLUNTEER, centre=centre)
    coordinator = member(Role.COORDINATOR, centre=centre)
    member(Role.VOLUNTEER, centre=CentreFactory())  # another centre's volunteer
    contact = ReporterContactFactory(
        channels=["centre"], report=ReportFactory(centre=centre, channel="assisted")
    )
    notification = NotificationFactory(
        kind="victim_update", channel="centre", recipient=contact, context={"update": 1}
    )

    assert deliver(notification) == {"sent": 1}

    [message] = mail.outbox
    assert message.to == []
    assert sorted(message.bcc) == sorted([volunteer.email, coordinator.email])
    assert contact.report.reference in message.body
    assert contact.report.reference not in message.subject


def test_not_yet_due_is_left_alone(db):
    notification = acknowledgement(ReporterContactFactory())
    notification.next_attempt_at = timezone.now() + timedelta(minutes=5)
    notification.save()

    assert deliver(notification) == {"skipped": 1}
    assert mail.outbox == []


def test_claimed_by_another_worker_is_left_alone(db):
    notification = acknowledgement(ReporterContactFactory())
    assert delivery.claim(notification.pk) is not None  # another worker, mid-send

    assert deliver(notification) == {"skipped": 1}
    assert mail.outbox == []


def test_result_not_recorded_when_the_claim_was_lost(db):
    notification = acknowledgement(ReporterContactFactory())
    mine = delivery.claim(notification.pk)
    Notification.objects.filter(pk=notification.pk).update(attempts=mine.attempts + 1)

    assert delivery._finish(mine, status=Notification.Status.SENT, sent_at=timezone.now()) is False
    notification.refresh_from_db()
    assert notification.status == Notification.Status.PENDING


def test_failure_retries_with_exponential_back_off_then_fails_visibly(db, settings):
    settings.EMAIL_BACKEND = "tests.centres.test_delivery.RefusingBackend"
    notification = acknowledgement(ReporterContactFactory())
    waits = []

    for _attempt in range(3):
        before = timezone.now()
        outcome = deliver(notification)
        notification.refresh_from_db()
        waits.append((notification.next_attempt_at - before).total_seconds())
        Notification.objects.filter(pk=notification.pk).update(next_attempt_at=timezone.now())

    assert outcome == {"failed": 1}
    assert notification.status == Notification.Status.FAILED
    assert notification.attempts == 3
    assert notification.last_error == "ConnectionRefusedError (111)"
    assert 50 < waits[0] < 70 and 100 < waits[1] < 140
    assert "amina" not in notification.last_error


def test_unknown_kind_fails_at_once(db):
    notification = NotificationFactory(kind="no_such_message", recipient=UserFactory())

    assert deliver(notification) == {"failed": 1}
    notification.refresh_from_db()
    assert notification.status == Notification.Status.FAILED
    assert notification.last_error == "unknown message kind"
    assert notification.attempts == 1


def test_interrupted_too_often_fails_instead_of_looping(db):
    notification = acknowledgement(ReporterContactFactory())
    Notification.objects.filter(pk=notification.pk).update(attempts=3)

    assert deliver(notification) == {"skipped": 1}
    notification.refresh_from_db()
    assert notification.status == Notification.Status.FAILED
    assert notification.last_error == "interrupted too often"
    assert mail.outbox == []


def test_message_id_is_stable_and_reveals_nothing(db):
    notification = acknowledgement(ReporterContactFactory())

    first = delivery.message_id(notification)

    assert first == delivery.message_id(Notification.objects.get(pk=notification.pk))
    assert re.fullmatch(r"<n\d+\.[0-9a-f]{24}@[^>]+>", first)
