"""GOV.UK Notify as the provider: the outbox sends text messages and email through Notify's
official client to a local server that speaks Notify's API (tests/notify_server.py), and
never sends a message twice when a previous attempt's outcome is unknown."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from centres import delivery
from centres.models import Notification, Role
from centres.notify import reference_for
from tests.conftest import member
from tests.factories import CentreFactory, NotificationFactory, ReporterContactFactory
from tests.notify_server import NotifyServer


@pytest.fixture
def notify(settings):
    server = NotifyServer().start()
    for name, value in server.settings().items():
        setattr(settings, name, value)
    settings.SMS_BACKEND = "centres.notify.NotifySmsBackend"
    settings.EMAIL_BACKEND = "centres.notify.NotifyEmailBackend"
    yield server
    server.stop()


def acknowledgement(contact, *, channel):
    return NotificationFactory(
        key=f"report-acknowledgement:{contact.report_id}",
        kind="report_acknowledgement",
        channel=channel,
        recipient=contact,
        language=contact.report.language,
        context={"report": contact.report_id},
    )


def deliver(notification):
    return delivery.deliver_notifications([notification.pk])


def as_if_recording_failed(notification):
    """The state a row is left in when the provider accepted the message and recording the
    result failed (the database restarting): still pending, claimed once, lease run out."""
    Notification.objects.filter(pk=notification.pk).update(
        status=Notification.Status.PENDING, sent_at=None, next_attempt_at=timezone.now()
    )


def test_text_message_goes_through_notify_in_the_reporters_language(db, notify):
    contact = ReporterContactFactory(channels=["sms"], report__language="pl")
    notification = acknowledgement(contact, channel="sms")

    assert deliver(notification) == {"sent": 1}

    [text] = notify.sent("sms")
    assert text["phone_number"] == "07700 900123"
    assert text["reference"] == reference_for(notification.key)
    assert contact.report.reference in text["personalisation"]["body"]
    assert "/pl/track/" in text["personalisation"]["body"]
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT


def test_email_goes_through_notify_with_subject_and_body(db, notify):
    contact = ReporterContactFactory(channels=["email"], email="r@example.org")
    notification = acknowledgement(contact, channel="email")

    assert deliver(notification) == {"sent": 1}

    [email] = notify.sent("email")
    assert email["email_address"] == "r@example.org"
    assert email["reference"] == reference_for(notification.key)
    assert email["personalisation"]["subject"]
    assert contact.report.reference in email["personalisation"]["body"]


def test_centre_relay_is_one_notify_email_per_team_member(db, notify):
    """Notify takes one address per request: a Bcc list becomes one private email each."""
    centre = CentreFactory()
    team = [member(Role.VOLUNTEER, centre=centre) for _ in range(3)]
    contact = ReporterContactFactory(channels=["centre"], report__centre=centre)
    notification = acknowledgement(contact, channel="centre")

    assert deliver(notification) == {"sent": 1}

    emails = notify.sent("email")
    assert sorted(e["email_address"] for e in emails) == sorted(u.email for u in team)
    assert len({e["reference"] for e in emails}) == 3


def test_unknown_outcome_asks_notify_first_and_does_not_send_again(db, notify):
    contact = ReporterContactFactory(channels=["sms"])
    notification = acknowledgement(contact, channel="sms")
    assert deliver(notification) == {"sent": 1}
    as_if_recording_failed(notification)

    assert deliver(notification) == {"already-sent": 1}

    assert len(notify.sent("sms")) == 1, "Notify had it: not sent twice"
    assert notify.lookups == [reference_for(notification.key)]
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT
    assert notification.attempts == 2


def test_unknown_outcome_email_to_a_team_sends_only_to_those_notify_lacks(db, notify):
    centre = CentreFactory()
    for _ in range(3):
        member(Role.VOLUNTEER, centre=centre)
    contact = ReporterContactFactory(channels=["centre"], report__centre=centre)
    notification = acknowledgement(contact, channel="centre")
    assert deliver(notification) == {"sent": 1}
    # The worker died after Notify took the first of the three.
    del notify.messages[1:]
    as_if_recording_failed(notification)

    assert deliver(notification) == {"sent": 1}

    references = notify.references()
    assert len(references) == 3 and len(set(references)) == 3, "each member once"


def test_first_attempt_sends_without_asking(db, notify):
    notification = acknowledgement(ReporterContactFactory(channels=["sms"]), channel="sms")

    deliver(notification)

    assert notify.lookups == []


def test_message_notify_never_got_is_sent_on_the_next_attempt(db, notify):
    notification = acknowledgement(ReporterContactFactory(channels=["sms"]), channel="sms")
    notify.fail_next = [500]
    assert deliver(notification) == {"retry": 1}
    notification.refresh_from_db()
    assert notification.last_error == "ProviderError"

    as_if_recording_failed(notification)
    assert deliver(notification) == {"sent": 1}

    assert len(notify.sent("sms")) == 1
    assert len(notify.lookups) == 1


def test_when_notify_cannot_say_the_message_waits_rather_than_risk_a_double(db, notify):
    notification = acknowledgement(ReporterContactFactory(channels=["sms"]), channel="sms")
    deliver(notification)
    as_if_recording_failed(notification)
    notify.fail_lookups = True

    assert deliver(notification) == {"retry": 1}

    assert len(notify.sent("sms")) == 1
    notification.refresh_from_db()
    assert notification.status == Notification.Status.PENDING
    assert notification.next_attempt_at > timezone.now()


def test_number_notify_refuses_fails_for_good_without_quoting_it(db, notify):
    contact = ReporterContactFactory(channels=["sms"], phone="01632 960000")  # a landline
    notification = acknowledgement(contact, channel="sms")

    assert deliver(notification) == {"failed": 1}

    notification.refresh_from_db()
    assert notification.status == Notification.Status.FAILED
    assert notification.last_error == "refused by GOV.UK Notify (400)"
    assert notify.sent() == []


def test_notify_busy_retries_later(db, notify):
    notification = acknowledgement(ReporterContactFactory(channels=["sms"]), channel="sms")
    notify.fail_next = [429]

    assert deliver(notification) == {"retry": 1}
    notification.refresh_from_db()
    assert notification.status == Notification.Status.PENDING
    assert notification.attempts == 1


def test_wrong_key_is_refused_by_the_server_and_retried(db, notify, settings):
    settings.NOTIFY_API_KEY = "hatereport_test-" + "0" * 36 + "-" + "1" * 36
    notification = acknowledgement(ReporterContactFactory(channels=["sms"]), channel="sms")

    assert deliver(notification) == {"retry": 1}
    assert notify.sent() == []


def test_worker_that_lost_its_claim_never_sends(db, notify, settings):
    """A worker frozen past its lease wakes with a stale claim: another worker has claimed the
    row since, and only that one sends."""
    settings.NOTIFICATION_LEASE_SECONDS = 300
    notification = acknowledgement(ReporterContactFactory(channels=["sms"]), channel="sms")
    frozen = delivery.claim(notification.pk)
    assert frozen is not None

    with time_machine.travel(timezone.now() + timedelta(seconds=301), tick=False):
        assert deliver(notification) == {"sent": 1}
        # The frozen worker resumes where it stopped: after its claim, before its send.
        assert delivery.deliver_claimed(frozen, sender=delivery.Sender()) == "skipped"

    assert len(notify.sent("sms")) == 1
    notification.refresh_from_db()
    assert notification.status == Notification.Status.SENT


def test_claim_with_too_little_lease_left_is_not_used_to_send(db, settings):
    settings.NOTIFICATION_LEASE_SECONDS = 300
    settings.NOTIFICATION_SEND_MARGIN_SECONDS = 60
    notification = acknowledgement(ReporterContactFactory(channels=["sms"]), channel="sms")
    claimed = delivery.claim(notification.pk)

    assert delivery.still_ours(claimed)
    with time_machine.travel(timezone.now() + timedelta(seconds=250), tick=False):
        assert not delivery.still_ours(claimed), "under a minute left: let the lease run out"
