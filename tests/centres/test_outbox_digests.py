"""Weekly centre summaries and training-expiry reminders: counts only, once per period."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from centres import delivery
from centres.digests import queue_training_expiry_reminders, queue_weekly_centre_summaries
from centres.models import Membership, Notification
from tests.factories import ReportFactory

TODAY = timezone.localdate()


def test_weekly_summary_counts_last_week_for_coordinators(centre_a, coordinator_a, volunteer_a):
    last_week = timezone.now() - timedelta(days=3)
    ReportFactory(centre=centre_a, channel="assisted", submitted_at=last_week)
    ReportFactory(
        centre=centre_a, channel="assisted", submitted_at=last_week, consent="do_not_share"
    )
    ReportFactory(centre=centre_a, channel="assisted", submitted_at=last_week - timedelta(days=7))

    ids = queue_weekly_centre_summaries(today=TODAY)
    again = queue_weekly_centre_summaries(today=TODAY)
    delivery.deliver_notifications(ids)

    assert again == []
    [summary] = Notification.objects.filter(kind="weekly_centre_summary")
    assert summary.recipient == coordinator_a
    assert summary.context["reports_logged"] == 2
    assert summary.context["reports_shared"] == 1
    [message] = mail.outbox
    assert "logged 2 reports, of which 1 were shared with the police" in message.body
    assert message.to == [coordinator_a.email]


def test_training_expiry_reminds_volunteer_and_coordinator_once(volunteer_a, coordinator_a):
    Membership.objects.filter(user=volunteer_a).update(
        training_expires_on=TODAY + timedelta(days=20)
    )
    Membership.objects.filter(user=coordinator_a).update(
        training_expires_on=TODAY + timedelta(days=200)
    )

    ids = queue_training_expiry_reminders(today=TODAY)
    again = queue_training_expiry_reminders(today=TODAY + timedelta(days=1))
    delivery.deliver_notifications(ids)

    assert len(ids) == 2 and again == []
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "Your volunteer training at" in bodies[volunteer_a.email]
    assert f"The training of {volunteer_a.name}" in bodies[coordinator_a.email]
    assert all(volunteer_a.name not in m.subject for m in mail.outbox)
