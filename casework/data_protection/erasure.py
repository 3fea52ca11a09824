"""Erasure requests: a reporter asks for their report to be erased.

- A report never shared with the police (no case, and its consent never "share") is erased
  at once, through the retention module's one deletion (reporting/retention.delete_report:
  its evidence files go with it, and the deletion is logged).
- A report the police have had becomes an ErasureRequest to the force, due one calendar month
  after the request was received (ErasureRequest.due_on); the area's inspectors are told
  through the outbox (message "erasure_requested"). The officer records the force's
  answer: granted (the case and the report are erased here) or refused with its reason.

Every step is written to the access log: the request, the erasure, the answer.
"""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.utils import timezone

from centres.models import AccessLogEntry, Role, User
from centres.outbox import queue_notification
from centres.roles import STAFF_LANGUAGE
from reporting import access
from reporting.models import (
    SHARED_WITH_POLICE,
    ErasureRequest,
    Report,
    one_calendar_month_after,
)
from reporting.retention import delete_report

Action = AccessLogEntry.Action


def _case(report: Report):
    try:
        return report.case
    except ObjectDoesNotExist:
        return None


def was_shared_with_police(report: Report) -> bool:
    """Whether the police have ever had the report: a case was opened, or its consent is or
    ever was to share (what they received they may keep, and must be asked about)."""
    return (
        _case(report) is not None
        or report.consent in SHARED_WITH_POLICE
        or report.consent_changes.filter(current__in=SHARED_WITH_POLICE).exists()
    )


def request_erasure(*, report: Report, by, received_on=None) -> ErasureRequest | None:
    """Erase a never-shared report now (returns None), or record a request to the force
    (returns it; a request already waiting for this report is returned as it is)."""
    received_on = received_on or timezone.localdate()
    with transaction.atomic():
        report = access.reports_for_data_protection(
            by, Report.objects.select_for_update().filter(pk=report.pk)
        ).get()
        if not was_shared_with_police(report):
            delete_report(report=report, by=by, reason="erasure request: never shared, erased")
            return None
        waiting = report.erasure_requests.waiting().first()
        if waiting is not None:
            return waiting
        case = _case(report)
        request = ErasureRequest.objects.create(
            report=report,
            reference=report.reference,
            area=case.area if case is not None else report.area,
            received_on=received_on,
            due_on=one_calendar_month_after(received_on),
            recorded_by=by,
        )
        access.record(
            by,
            report,
            Action.CHANGE,
            detail="erasure requested from the force",
            reason=f"due {request.due_on:%Y-%m-%d}",
        )
        access.record(by, request, Action.CREATE, detail="erasure request recorded")
        _tell_the_force(request, case)
    return request


def _tell_the_force(request: ErasureRequest, case) -> None:
    """The area's inspectors hear of the request, with its due date and the case's page
    (nothing personal in the message), through the outbox in the same transaction."""
    for inspector in User.objects.of_area(request.area_id, Role.INSPECTOR):
        queue_notification(
            key=f"erasure-requested:{request.pk}:{inspector.pk}",
            kind="erasure_requested",
            channel="email",
            recipient=inspector,
            language=STAFF_LANGUAGE,
            context={
                "case": case.pk if case is not None else None,
                "due": f"{request.due_on:%d %B %Y}",
            },
        )


def answer_erasure_request(
    *, request: ErasureRequest, by, granted: bool, reason: str = ""
) -> ErasureRequest:
    """Record the force's answer. Granted: the case and the report are erased here too.
    Refused: the reason is required and kept."""
    reason = reason.strip()
    with transaction.atomic():
        request = ErasureRequest.objects.select_for_update().get(pk=request.pk)
        if request.status != ErasureRequest.Status.WAITING:
            raise ValidationError("This request has been answered already.", code="answered")
        if not granted and not reason:
            raise ValidationError(
                {"reason": "Give the force's reason for refusing."}, code="no_reason"
            )
        request.status = ErasureRequest.Status.GRANTED if granted else ErasureRequest.Status.REFUSED
        request.answered_at, request.answered_by = timezone.now(), by
        request.answer_reason = reason
        request.save(update_fields=["status", "answered_at", "answered_by", "answer_reason"])
        access.record(by, request, Action.CHANGE, detail=f"erasure {request.status}", reason=reason)
        if granted and request.report_id is not None:
            report = access.reports_for_data_protection(
                by, Report.objects.select_for_update().filter(pk=request.report_id)
            ).get()
            case = _case(report)
            if case is not None:
                access.record(by, case, Action.CHANGE, detail="deleted: erasure granted")
                case.delete()
            delete_report(report=report, by=by, reason="erasure granted by the force")
    return request
