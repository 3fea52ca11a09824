"""Proof, with a real Redis, real Celery worker and beat processes and PostgreSQL, that no
notification is lost or doubled when the broker, a worker or the mail server fails."""

import time

import pytest
from django.db import transaction
from django.test import Client

from centres.models import Notification
from centres.outbox import queue_notification
from centres.tasks import deliver_notifications
from reporting.models import Channel, Consent, Report, ReporterContact, ReporterRole
from tests.conftest import sign_in
from tests.factories import AreaFactory, ReporterContactFactory, UserFactory

from .conftest import free_port, wait_for

pytestmark = [
    pytest.mark.integration,
    # The worker is another process: rows must be committed. Serialized rollback puts the
    # migrations' reference data back for the tests that run after these.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def submit_report(*, area, n: int) -> Report:
    """What the report journey does on submit: the report, the contact details and the
    acknowledgement, in one transaction."""
    with transaction.atomic():
        report = Report.objects.create(
            reporter_role=ReporterRole.VICTIM,
            channel=Channel.ONLINE_SELF,
            language="ur" if n % 2 else "en",
            area=area,
            when_kind=Report.WhenKind.NOT_SURE,
            location_kind=Report.LocationKind.ONLINE,
            consent=Consent.DO_NOT_SHARE,
            passphrase_hash="placeholder",
        )
        contact = ReporterContact.objects.create(
            report=report, email=f"reporter{n}@example.org", channels=["email"]
        )
        queue_notification(
            key=f"report-acknowledgement:{report.pk}",
            kind="report_acknowledgement",
            channel="email",
            recipient=contact,
            language=report.language,
            context={"report": report.pk},
        )
    return report


def acknowledgement(contact) -> Notification:
    return queue_notification(
        key=f"report-acknowledgement:{contact.report_id}",
        kind="report_acknowledgement",
        channel="email",
        recipient=contact,
        language="en",
        context={"report": contact.report_id},
    )


def test_redis_down_while_200_reports_are_submitted_then_each_acknowledged_once(stack):
    area = AreaFactory()
    stack.redis.stop()

    started = time.monotonic()
    reports = [submit_report(area=area, n=n) for n in range(200)]
    elapsed = time.monotonic() - started

    assert Report.objects.count() == 200
    assert Notification.objects.filter(status="pending").count() == 200
    assert elapsed < 30, "a broker outage must not hold up the people reporting"

    stack.redis.start()
    stack.start_worker()
    stack.start_beat()
    wait_for(
        lambda: Notification.objects.filter(status="sent").count() == 200,
        timeout=90,
        what="200 acknowledgements to be sent",
    )
    time.sleep(3)  # a few more sweeps: nothing may be sent again

    sent = stack.message_ids()
    assert len(sent) == 200
    assert set(sent.values()) == {1}, "every acknowledgement exactly once"
    assert set(Notification.objects.values_list("attempts", flat=True)) == {1}
    assert len({r.reference for r in reports}) == 200


def test_worker_killed_mid_delivery_delivers_once(stack):
    stack.start_worker(
        EMAIL_BACKEND="tests.integration.backends.SlowFileBackend",
        SLOW_EMAIL_SECONDS=30,
        NOTIFICATION_LEASE_SECONDS=3,
        CELERY_VISIBILITY_TIMEOUT=4,
    )
    notification = acknowledgement(ReporterContactFactory())
    wait_for(stack.sending_markers, timeout=20, what="the worker to start sending")

    stack.kill("worker")

    notification.refresh_from_db()
    assert notification.status == "pending"
    assert notification.attempts == 1
    assert stack.message_ids() == {}

    # A new worker and beat: the broker re-delivers the killed task's unacknowledged message
    # once its visibility timeout has passed, and the outbox sweep finds the row once the
    # lease has; whichever comes first sends it, the other finds it sent.
    stack.start_worker("worker2", NOTIFICATION_LEASE_SECONDS=3, CELERY_VISIBILITY_TIMEOUT=4)
    stack.start_beat(NOTIFICATION_LEASE_SECONDS=3)
    wait_for(
        lambda: Notification.objects.filter(pk=notification.pk, status="sent").exists(),
        timeout=40,
        what="the message to be sent after the lease",
    )
    # And a late duplicate of the task, as a second re-delivery would be.
    deliver_notifications.apply_async(kwargs={"notification_ids": [notification.pk]})
    wait_for(
        lambda: "'skipped': 1" in stack.log("worker2"),
        timeout=20,
        what="the duplicate task to find the message already sent",
    )

    notification.refresh_from_db()
    assert notification.attempts == 2
    assert list(stack.message_ids().values()) == [1], "delivered once, not twice"


def test_mail_server_down_retries_with_back_off_then_fails_visibly(stack):
    retry = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": free_port(),  # nothing listens here
        "EMAIL_TIMEOUT": 2,
        "NOTIFICATION_MAX_ATTEMPTS": 3,
        "NOTIFICATION_RETRY_BASE_SECONDS": 2,
    }
    stack.start_worker(**retry)
    stack.start_beat(**retry)
    notification = acknowledgement(ReporterContactFactory())

    delays = {}
    deadline = time.monotonic() + 45
    while time.monotonic() < deadline:
        notification.refresh_from_db()
        if notification.status == "failed":
            break
        if notification.last_error and notification.attempts not in delays:
            delays[notification.attempts] = notification.next_attempt_at.timestamp() - time.time()
        time.sleep(0.1)

    assert notification.status == "failed"
    assert notification.attempts == 3
    assert notification.last_error == "ConnectionRefusedError (111)"
    assert delays[2] > 1.4 * delays[1], f"back-off grows: {delays}"
    assert stack.message_ids() == {}

    admin = sign_in(Client(), UserFactory(is_superuser=True))
    page = admin.get("/admin/centres/notification/?status__exact=failed")
    assert page.status_code == 200
    assert "report_acknowledgement" in page.content.decode()
    assert "failed" in page.content.decode().lower()
