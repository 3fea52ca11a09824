"""The casework sweeps: set-based, idempotent escalations and alerts."""

import datetime as dt
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from casework import sweeps
from casework.models import DailyReview, Escalation
from centres import delivery
from centres.bank_holidays import LONDON
from centres.models import Notification, Role
from tests.conftest import member
from tests.factories import (
    AreaFactory,
    AuthorisationFactory,
    CaseFactory,
    ClockFactory,
    ThriveAssessmentFactory,
    UserFactory,
)

NOW = timezone.now()


@pytest.fixture
def officer_a(area_a):
    return member(Role.OFFICER, area=area_a, name="Officer A")


def overdue_clock(case, *, hours=1):
    return ClockFactory(
        case=case, started_at=NOW - timedelta(days=10), due_at=NOW - timedelta(hours=hours)
    )


def messages_to(user, kind="escalation"):
    return Notification.objects.filter(recipient_id=user.pk, kind=kind)


def test_overdue_clock_escalates_to_officer_and_spoc_once(area_a, spoc_a, officer_a, inspector_a):
    case = CaseFactory(report__area=area_a, owner=officer_a)
    clock = overdue_clock(case)

    first = sweeps.sweep_casework(now=NOW)
    second = sweeps.sweep_casework(now=NOW + timedelta(minutes=5))

    escalation = Escalation.objects.get()
    assert (escalation.case, escalation.clock, escalation.kind, escalation.level) == (
        case,
        clock,
        Escalation.Kind.UPDATE_OVERDUE,
        Escalation.Level.SPOC,
    )
    assert escalation.area == area_a  # copied from the case: the area's lists read it
    assert first.raised == {"update_overdue:spoc": 1}
    assert second.raised == {} and second.notification_ids == []
    assert messages_to(spoc_a).count() == 1
    assert messages_to(officer_a).count() == 1
    assert messages_to(inspector_a).count() == 0


def test_overdue_clock_goes_to_the_inspector_after_the_area_delay(area_a, spoc_a, inspector_a):
    area_a.inspector_after_hours = 8
    area_a.save()
    overdue_clock(CaseFactory(report__area=area_a), hours=9)
    overdue_clock(CaseFactory(report__area=area_a), hours=7)

    result = sweeps.sweep_casework(now=NOW)

    assert result.raised == {"update_overdue:spoc": 2, "update_overdue:inspector": 1}
    [to_inspector] = messages_to(inspector_a)
    assert to_inspector.context["counts"] == {"update_overdue:inspector": 1}
    [to_spoc] = messages_to(spoc_a)
    assert to_spoc.context["total"] == 2
    assert to_spoc.context["case"] is None


def test_not_triaged_follows_each_area_threshold(area_a, area_b, spoc_a, spoc_b):
    area_b.triage_within_hours = 48
    area_b.save()
    late_a = CaseFactory(report__area=area_a, opened_at=NOW - timedelta(hours=25))
    CaseFactory(report__area=area_a, opened_at=NOW - timedelta(hours=23))
    CaseFactory(report__area=area_b, opened_at=NOW - timedelta(hours=25))

    sweeps.sweep_casework(now=NOW)

    [escalation] = Escalation.objects.all()
    assert escalation.case == late_a
    assert escalation.kind == Escalation.Kind.NOT_TRIAGED
    assert messages_to(spoc_a).get().context["case"] == late_a.pk
    assert not messages_to(spoc_b).exists()


def test_triage_resolves_the_escalation(area_a, spoc_a):
    case = CaseFactory(report__area=area_a, opened_at=NOW - timedelta(hours=30))
    sweeps.sweep_casework(now=NOW)
    case.triage(by=spoc_a)

    result = sweeps.sweep_casework(now=NOW + timedelta(minutes=5))

    assert result.resolved == 1
    assert Escalation.objects.get().resolved_at is not None


def test_high_risk_unassigned_escalates_until_assigned(area_a, spoc_a, officer_a):
    case = CaseFactory(report__area=area_a, status="triaged", triaged_at=NOW)
    ThriveAssessmentFactory(case=case, risk="high", assessed_at=NOW - timedelta(hours=3))
    calm = CaseFactory(report__area=area_a, status="triaged", triaged_at=NOW)
    ThriveAssessmentFactory(case=calm, risk="low", assessed_at=NOW - timedelta(hours=3))

    raised = sweeps.sweep_casework(now=NOW)
    case.owner = officer_a
    case.save()
    after_assignment = sweeps.sweep_casework(now=NOW + timedelta(minutes=5))

    assert raised.raised == {"high_risk_unassigned:spoc": 1}
    assert Escalation.objects.get().case == case
    assert after_assignment.resolved == 1


def test_authorisation_waiting_too_long_goes_to_inspectors(area_a, spoc_a, inspector_a):
    case = CaseFactory(report__area=area_a, status="triaged", triaged_at=NOW)
    AuthorisationFactory(case=case, requested_at=NOW - timedelta(hours=49))

    result = sweeps.sweep_casework(now=NOW)

    assert result.raised == {"authorisation_waiting:inspector": 1}
    assert messages_to(inspector_a).count() == 1
    assert not messages_to(spoc_a).exists()


def test_clock_due_within_a_working_day_alerts_the_owner_once(area_a, spoc_a, officer_a):
    case = CaseFactory(report__area=area_a, owner=officer_a)
    soon = ClockFactory(case=case, started_at=NOW, due_at=NOW + timedelta(hours=3))
    ClockFactory(case=case, started_at=NOW, due_at=NOW + timedelta(days=9))

    sweeps.sweep_casework(now=NOW)
    sweeps.sweep_casework(now=NOW + timedelta(minutes=5))

    soon.refresh_from_db()
    assert soon.due_soon_alerted_at is not None
    [alert] = messages_to(officer_a, kind="clock_due_soon")
    assert alert.context == {"total": 1, "case": case.pk, "cases": [case.pk]}
    assert not messages_to(spoc_a, kind="clock_due_soon").exists()


def test_escalation_message_lists_counts_and_links(area_a, spoc_a, settings):
    settings.SITE_URL = "https://example.test"
    for _ in range(3):
        overdue_clock(CaseFactory(report__area=area_a))
    sweeps.sweep_casework(now=NOW)

    delivery.deliver_notifications(messages_to(spoc_a).values_list("pk", flat=True))

    [message] = mail.outbox
    assert "Victim update overdue (SPOC): 3" in message.body
    assert "https://example.test/admin/casework/case/" in message.body


def test_sweep_hands_off_at_most_one_message_per_500(
    area_a, monkeypatch, django_capture_on_commit_callbacks
):
    from centres import outbox
    from centres.tasks import deliver_notifications

    published = []
    monkeypatch.setattr(outbox, "_paused_until", 0.0)
    monkeypatch.setattr(
        deliver_notifications, "apply_async", lambda kwargs, **o: published.append(kwargs)
    )
    spocs = [member(Role.SPOC, area=area_a) for _ in range(3)]
    for _ in range(20):
        overdue_clock(CaseFactory(report__area=area_a))

    with django_capture_on_commit_callbacks(execute=True):
        result = sweeps.sweep_casework(now=NOW)

    assert result.raised_total == 20
    assert len(result.notification_ids) == len(spocs)
    assert published == [{"notification_ids": result.notification_ids}]


def test_daily_review_digest_counts_and_links_to_the_review(area_a, spoc_a, settings):
    settings.SITE_URL = "https://example.test"
    CaseFactory(report__area=area_a, opened_at=NOW - timedelta(hours=2))
    CaseFactory(
        report__area=area_a, opened_at=NOW - timedelta(hours=3), status="triaged", triaged_at=NOW
    )
    CaseFactory(report__area=area_a, opened_at=NOW - timedelta(hours=30))

    first = sweeps.queue_daily_review_digests(now=NOW)
    again = sweeps.queue_daily_review_digests(now=NOW)
    delivery.deliver_notifications(first)

    assert len(first) == 1 and again == []
    [message] = mail.outbox
    assert "2 new cases since the last review, 1 not yet triaged" in message.body
    assert f"/admin/casework/case/daily-review/?area={area_a.pk}" in message.body


def test_escalation_in_an_area_without_an_inspector_goes_to_the_forces_inspectors(area_a, spoc_a):
    area_a.force = "West Midlands Police"
    area_a.inspector_after_hours = 0
    area_a.save()
    neighbour = AreaFactory(force="West Midlands Police")
    inspector_next_door = member(Role.INSPECTOR, area=neighbour, name="Inspector next door")
    other_force = member(
        Role.INSPECTOR, area=AreaFactory(force="Essex Police"), name="Inspector in Essex"
    )
    overdue_clock(CaseFactory(report__area=area_a), hours=2)

    result = sweeps.sweep_casework(now=NOW)

    assert result.raised["update_overdue:inspector"] == 1
    [message] = messages_to(inspector_next_door)
    assert message.context["counts"] == {"update_overdue:inspector": 1}
    assert messages_to(other_force).count() == 0


def test_escalation_with_no_police_to_tell_goes_to_the_superusers(area_a):
    area_a.force = ""
    area_a.inspector_after_hours = 0
    area_a.save()
    superuser = UserFactory(is_superuser=True)
    overdue_clock(CaseFactory(report__area=area_a), hours=2)

    result = sweeps.sweep_casework(now=NOW)

    assert set(result.raised) == {"update_overdue:spoc", "update_overdue:inspector"}
    [message] = messages_to(superuser)
    assert message.context["counts"] == {
        "update_overdue:spoc": 1,
        "update_overdue:inspector": 1,
    }


def test_mondays_digest_counts_the_weekend_since_fridays_review(area_a, spoc_a):
    """The digest counts what the review will cover: since the area's last review, so
    Monday's counts Saturday's and Sunday's cases (casework/review.py's window)."""
    monday = dt.datetime(2026, 12, 7, 7, 0, tzinfo=LONDON)
    friday_review = monday - timedelta(days=3)
    DailyReview.objects.create(
        area=area_a,
        chair=spoc_a,
        held_at=friday_review,
        covered_from=friday_review - timedelta(days=1),
        covered_until=friday_review,
    )
    CaseFactory(report__area=area_a, opened_at=monday - timedelta(days=2))  # Saturday
    CaseFactory(report__area=area_a, opened_at=monday - timedelta(days=1))  # Sunday
    CaseFactory(report__area=area_a, opened_at=friday_review - timedelta(hours=1))  # reviewed

    [notification_id] = sweeps.queue_daily_review_digests(now=monday)

    context = Notification.objects.get(pk=notification_id).context
    assert context["cases"] == 2
    assert context["since"] == friday_review.isoformat()
