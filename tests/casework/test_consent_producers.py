"""Consent in every producer: once a reporter withdraws (through the tracking page's own
service), nothing that reaches the police mentions their case any more.

Each test builds a case whose reporter keeps sharing it and one whose reporter withdraws, runs
one producer, and checks both: the withdrawn case is nowhere, the kept one is there (so no test
can pass because the producer produced nothing).
"""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from casework import services, sweeps
from casework.models import Clock, Escalation
from casework.notifications import NOT_SHARED
from casework.tracking.services import withdraw_consent
from centres import delivery
from centres.models import AccessLogEntry, Notification, Role
from centres.outbox import queue_notification
from reporting import access
from reporting.models import SHARED_WITH_POLICE, Consent, Report
from tests.casework.conftest import make_case
from tests.conftest import member, sign_in
from tests.factories import (
    AuthorisationFactory,
    ClockFactory,
    ReportFactory,
    ThriveAssessmentFactory,
)

pytestmark = pytest.mark.django_db

NOW = timezone.now()


@pytest.fixture
def officer_a(area_a):
    return member(Role.OFFICER, area=area_a, name="Officer A")


def withdraw(case):
    """Withdraw as the reporter does on the tracking page."""
    change = withdraw_consent(report=case.report)
    assert change is not None and change.current == Consent.DO_NOT_SHARE
    case.report.refresh_from_db()


def escalated(case) -> set[tuple[str, str]]:
    return set(
        Escalation.objects.filter(case=case, resolved_at__isnull=True).values_list("kind", "level")
    )


def messages_to(user, kind):
    return Notification.objects.filter(recipient_id=user.pk, kind=kind)


def deliver(*notifications):
    delivery.deliver_notifications([n.pk for n in notifications])
    for notification in notifications:
        notification.refresh_from_db()


def overdue_clock(case, *, hours=30, **fields):
    return ClockFactory(
        case=case,
        started_at=NOW - timedelta(days=10),
        due_at=NOW - timedelta(hours=hours),
        **fields,
    )


# --- The one definition ---------------------------------------------------------------------


def test_the_sql_form_of_the_rule_picks_the_same_reports_as_the_orm_form(report_mix):
    expected = {r.pk for r in report_mix.all if r.consent in SHARED_WITH_POLICE}
    condition = access.shared_with_police_sql("r")

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT r.id FROM reporting_report r WHERE {condition}")  # noqa: S608
        by_sql = {row[0] for row in cursor.fetchall()}
    by_orm = set(Report.objects.filter(access.shared_with_police()).values_list("pk", flat=True))

    assert by_sql == by_orm == expected
    assert report_mix.a_withdrawn.pk not in by_sql and report_mix.a_details.pk in by_sql


def test_the_sql_form_refuses_an_alias_that_is_not_a_plain_name():
    with pytest.raises(ValueError):
        access.shared_with_police_sql("r; DROP TABLE reporting_report")


# --- The casework sweep: every rule ---------------------------------------------------------


def test_not_triaged_escalations_leave_out_a_withdrawn_case(area_a, spoc_a, inspector_a):
    area_a.inspector_after_hours = 2
    area_a.save()
    kept = make_case(area=area_a, opened_at=NOW - timedelta(hours=30))
    gone = make_case(area=area_a, opened_at=NOW - timedelta(hours=30))
    withdraw(gone)

    result = sweeps.sweep_casework(now=NOW)

    assert result.raised == {"not_triaged:spoc": 1, "not_triaged:inspector": 1}
    assert escalated(kept) == {("not_triaged", "spoc"), ("not_triaged", "inspector")}
    assert escalated(gone) == set()
    for user, level in ((spoc_a, "spoc"), (inspector_a, "inspector")):
        [message] = messages_to(user, "escalation")
        assert message.context["case"] == kept.pk
        assert message.context["cases"] == {f"not_triaged:{level}": [kept.pk]}


def test_overdue_update_and_key_event_escalations_leave_out_a_withdrawn_case(
    area_a, spoc_a, inspector_a, officer_a
):
    area_a.inspector_after_hours = 2
    area_a.save()
    kept = make_case(area=area_a, status="triaged", owner=officer_a)
    gone = make_case(area=area_a, status="triaged", owner=officer_a)
    for case in (kept, gone):
        overdue_clock(case)
        overdue_clock(case, kind=Clock.Kind.KEY_EVENT, key_event="arrested")
    withdraw(gone)

    result = sweeps.sweep_casework(now=NOW)

    # Two clocks of the kept case, at each level.
    assert result.raised == {"update_overdue:spoc": 2, "update_overdue:inspector": 2}
    assert escalated(kept) == {("update_overdue", "spoc"), ("update_overdue", "inspector")}
    assert escalated(gone) == set()
    for user in (spoc_a, officer_a, inspector_a):
        [message] = messages_to(user, "escalation")
        assert message.context["case"] == kept.pk
        assert gone.pk not in [pk for ids in message.context["cases"].values() for pk in ids]


def test_high_risk_unassigned_escalation_leaves_out_a_withdrawn_case(area_a, spoc_a):
    kept = make_case(area=area_a, status="triaged")
    gone = make_case(area=area_a, status="triaged")
    for case in (kept, gone):
        ThriveAssessmentFactory(case=case, risk="high", assessed_at=NOW - timedelta(hours=3))
    withdraw(gone)

    result = sweeps.sweep_casework(now=NOW)

    assert result.raised == {"high_risk_unassigned:spoc": 1}
    assert escalated(kept) == {("high_risk_unassigned", "spoc")}
    assert escalated(gone) == set()
    assert messages_to(spoc_a, "escalation").get().context["case"] == kept.pk


def test_authorisation_waiting_escalation_leaves_out_a_withdrawn_case(area_a, inspector_a):
    kept = make_case(area=area_a, status="triaged")
    gone = make_case(area=area_a, status="triaged")
    for case in (kept, gone):
        AuthorisationFactory(case=case, requested_at=NOW - timedelta(hours=49))
    withdraw(gone)

    result = sweeps.sweep_casework(now=NOW)

    assert result.raised == {"authorisation_waiting:inspector": 1}
    assert escalated(kept) == {("authorisation_waiting", "inspector")}
    assert escalated(gone) == set()
    assert messages_to(inspector_a, "escalation").get().context["case"] == kept.pk


def test_due_soon_reminder_leaves_out_a_withdrawn_case(area_a, spoc_a, officer_a):
    kept = make_case(area=area_a, status="triaged", owner=officer_a)
    gone = make_case(area=area_a, status="triaged", owner=officer_a)
    unassigned_gone = make_case(area=area_a, status="triaged")
    clocks = {
        case: ClockFactory(case=case, started_at=NOW, due_at=NOW + timedelta(hours=3))
        for case in (kept, gone, unassigned_gone)
    }
    withdraw(gone)
    withdraw(unassigned_gone)

    result = sweeps.sweep_casework(now=NOW)

    assert result.due_soon == 1
    [reminder] = messages_to(officer_a, "clock_due_soon")
    assert reminder.context == {"total": 1, "case": kept.pk, "cases": [kept.pk]}
    # The unassigned one would have gone to the SPOC: nothing for them.
    assert not messages_to(spoc_a, "clock_due_soon").exists()
    for clock in clocks.values():
        clock.refresh_from_db()
    assert clocks[kept].due_soon_alerted_at is not None
    # Not marked either: nothing was said about them.
    assert clocks[gone].due_soon_alerted_at is None
    assert clocks[unassigned_gone].due_soon_alerted_at is None


def test_withdrawal_resolves_open_escalations_at_the_next_sweep(area_a, spoc_a):
    kept = make_case(area=area_a)
    gone = make_case(area=area_a)
    for case in (kept, gone):
        overdue_clock(case, hours=1)
    sweeps.sweep_casework(now=NOW)
    assert escalated(gone) == {("update_overdue", "spoc")}

    withdraw(gone)
    after = sweeps.sweep_casework(now=NOW + timedelta(minutes=5))
    again = sweeps.sweep_casework(now=NOW + timedelta(minutes=10))

    assert after.resolved == 1
    assert escalated(gone) == set()
    assert Escalation.objects.get(case=gone).resolved_at == NOW + timedelta(minutes=5)
    assert escalated(kept) == {("update_overdue", "spoc")}
    assert again.raised == {} and again.resolved == 0


# --- The SPOCs' daily digest ------------------------------------------------------------------


def test_daily_digest_does_not_count_a_withdrawn_case(area_a, spoc_a):
    kept = make_case(area=area_a, opened_at=NOW - timedelta(hours=2))
    gone = make_case(area=area_a, opened_at=NOW - timedelta(hours=2))
    withdraw(gone)

    [digest] = Notification.objects.filter(pk__in=sweeps.queue_daily_review_digests(now=NOW))
    deliver(digest)

    assert (digest.context["cases"], digest.context["not_triaged"]) == (1, 1)
    [message] = mail.outbox
    assert "1 new cases since the last review, 1 not yet triaged" in message.body
    assert kept.report.reference not in message.body  # counts only, ever


def test_daily_digest_queued_before_a_withdrawal_is_counted_again_when_sent(area_a, spoc_a):
    make_case(area=area_a, opened_at=NOW - timedelta(hours=2))
    gone = make_case(area=area_a, opened_at=NOW - timedelta(hours=2))
    [digest] = Notification.objects.filter(pk__in=sweeps.queue_daily_review_digests(now=NOW))
    assert digest.context["cases"] == 2

    withdraw(gone)
    deliver(digest)

    assert digest.status == Notification.Status.SENT
    [message] = mail.outbox
    assert "1 new cases since the last review, 1 not yet triaged" in message.body


# --- The daily threat review, on screen and as a PDF -----------------------------------------


def pdf_text(content: bytes) -> str:
    """The PDF's text without its white space (a table cell wraps a reference)."""
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)
    return "".join(text.split())


@pytest.mark.parametrize("who", ["spoc_a", "superuser"])
def test_daily_review_and_its_pdf_leave_out_a_withdrawn_case(client, request, area_a, who):
    user = request.getfixturevalue(who)
    kept = make_case(area=area_a)
    gone = make_case(area=area_a)
    withdraw(gone)
    sign_in(client, user)

    screen = client.get(reverse("admin:casework_case_daily_review"), {"area": area_a.pk})
    pdf = client.get(reverse("admin:casework_case_daily_review_pdf"), {"area": area_a.pk})

    [review] = screen.context["reviews"]
    assert [case.pk for case in review.cases] == [kept.pk]
    assert review.not_triaged == 1
    page = screen.content.decode()
    assert kept.report.reference in page and gone.report.reference not in page
    text = pdf_text(pdf.content)
    assert kept.report.reference in text and gone.report.reference not in text
    # Nothing of it was consulted or exported, so nothing of it is in the access log.
    assert not AccessLogEntry.objects.about(gone).filter(user=user).exists()
    assert AccessLogEntry.objects.about(kept).filter(user=user).count() == 2


# --- Police screens: the case list, its count, the case page and its PDF --------------------


def test_case_list_count_and_pages_leave_out_a_withdrawn_case(client, area_a, spoc_a):
    kept = make_case(area=area_a)
    gone = make_case(area=area_a)
    withdraw(gone)
    sign_in(client, spoc_a)

    cases = client.get(reverse("admin:casework_case_changelist"))
    unassigned = client.get(reverse("admin:casework_case_changelist"), {"assigned": "nobody"})
    reports = client.get(reverse("admin:reporting_report_changelist"))
    kept_page = client.get(reverse("admin:casework_case_change", args=[kept.pk]))
    gone_page = client.get(reverse("admin:casework_case_change", args=[gone.pk]))
    gone_pdf = client.get(reverse("admin:casework_case_summary_pdf", args=[gone.pk]))

    assert [case.pk for case in cases.context["cl"].result_list] == [kept.pk]
    assert cases.context["cl"].result_count == 1
    assert [case.pk for case in unassigned.context["cl"].result_list] == [kept.pk]
    assert [report.pk for report in reports.context["cl"].result_list] == [kept.report.pk]
    assert kept_page.status_code == 200
    assert gone_page.status_code in (302, 404) and gone_pdf.status_code == 404
    for response in (cases, unassigned, reports, gone_page, gone_pdf):
        assert gone.report.reference not in response.content.decode()
    assert not AccessLogEntry.objects.about(gone).filter(user=spoc_a).exists()


# --- Messages to the police already queued when the reporter withdraws ----------------------


@pytest.mark.parametrize(
    "kind",
    [
        "case_opened",
        "case_assigned",
        "case_status_changed",
        "authorisation_requested",
        "authorisation_decided",
    ],
)
def test_a_queued_message_about_a_withdrawn_case_is_cancelled_when_sent(area_a, spoc_a, kind):
    kept = make_case(area=area_a)
    gone = make_case(area=area_a)
    queued = {
        case: queue_notification(
            key=f"test:{kind}:{case.pk}",
            kind=kind,
            channel="email",
            recipient=spoc_a,
            language="en",
            context={"case": case.pk},
        )
        for case in (kept, gone)
    }
    withdraw(gone)

    deliver(*queued.values())

    assert queued[gone].status == Notification.Status.CANCELLED
    assert queued[gone].last_error == NOT_SHARED
    assert queued[kept].status == Notification.Status.SENT
    [message] = mail.outbox
    assert f"/admin/casework/case/{kept.pk}/" in message.body


def test_case_opened_messages_from_the_real_service_are_cancelled_after_a_withdrawal(
    area_a, spoc_a
):
    kept, gone = (services.open_case(report=ReportFactory(area=area_a)) for _ in range(2))
    withdraw(gone)

    deliver(*messages_to(spoc_a, "case_opened"))

    by_case = {n.context["case"]: n for n in messages_to(spoc_a, "case_opened")}
    assert by_case[gone.pk].status == Notification.Status.CANCELLED
    assert by_case[kept.pk].status == Notification.Status.SENT
    assert len(mail.outbox) == 1


def test_a_queued_escalation_is_recounted_or_cancelled_when_sent(area_a, spoc_a):
    officer_of_gone = member(Role.OFFICER, area=area_a, name="Officer of the withdrawn case")
    kept = make_case(area=area_a)
    gone = make_case(area=area_a, owner=officer_of_gone)
    for case in (kept, gone):
        overdue_clock(case, hours=1)
    sweeps.sweep_casework(now=NOW)
    [to_spoc] = messages_to(spoc_a, "escalation")
    [to_officer] = messages_to(officer_of_gone, "escalation")
    assert to_spoc.context["counts"] == {"update_overdue:spoc": 2}

    withdraw(gone)
    deliver(to_spoc, to_officer)

    assert to_officer.status == Notification.Status.CANCELLED
    assert to_officer.last_error == NOT_SHARED
    assert to_spoc.status == Notification.Status.SENT
    [message] = mail.outbox
    assert message.to == [spoc_a.email]
    assert "Victim update overdue (SPOC): 1" in message.body


def test_a_queued_due_soon_reminder_is_recounted_or_cancelled_when_sent(area_a, officer_a):
    officer_of_gone = member(Role.OFFICER, area=area_a, name="Officer of the withdrawn case")
    kept = make_case(area=area_a, owner=officer_a)
    gone = make_case(area=area_a, owner=officer_a)
    only_gone = make_case(area=area_a, owner=officer_of_gone)
    for case in (kept, gone, only_gone):
        ClockFactory(case=case, started_at=NOW, due_at=NOW + timedelta(hours=3))
    sweeps.sweep_casework(now=NOW)
    [to_officer] = messages_to(officer_a, "clock_due_soon")
    [to_other] = messages_to(officer_of_gone, "clock_due_soon")
    assert to_officer.context["total"] == 2

    withdraw(gone)
    withdraw(only_gone)
    deliver(to_officer, to_other)

    assert to_other.status == Notification.Status.CANCELLED
    assert to_other.last_error == NOT_SHARED
    assert to_officer.status == Notification.Status.SENT
    [message] = mail.outbox
    assert "A victim update is due within a working day." in message.body


# --- The victim keeps their own updates -----------------------------------------------------


def test_the_victim_still_hears_their_news_while_the_police_message_is_cancelled(
    area_a, spoc_a, officer_a
):
    case = make_case(
        area=area_a, status="triaged", owner=officer_a, contact_fields={"channels": ["email"]}
    )
    services.send_victim_update(case=case, by=spoc_a, message_code="received")
    case.investigate(by=spoc_a)
    [to_victim] = Notification.objects.filter(kind="victim_update")
    [to_police] = messages_to(officer_a, "case_status_changed")

    withdraw(case)
    deliver(to_victim, to_police)

    assert to_police.status == Notification.Status.CANCELLED
    assert to_victim.status == Notification.Status.SENT
    [message] = mail.outbox
    assert message.to == [case.report.contact.email]
