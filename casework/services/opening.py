"""Opening the police case for a report shared with the police."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import AccessLogEntry, Area, Role, User
from centres.outbox import queue_notifications
from reporting.models import Report

from ..models import Case, CaseEvent, CaseStatus, Clock
from .common import STAFF_LANGUAGE, log_change


def open_case(*, report: Report, by=None) -> Case:
    """Open the police case for a report shared with police, once: a second call returns the
    first case. It goes to the area the incident falls in, or the central queue.

    Lean, as it follows every shared submission: the report is locked and its case looked
    for in one query, the first routine clock is written with the case's next due time
    already set, and the area's SPOCs are told in one INSERT."""
    with transaction.atomic():
        # Lock the report so two callers (the submission, the sweep) cannot both open it.
        report = (
            Report.objects.select_for_update(of=("self",))
            .select_related("case", "area")
            .get(pk=report.pk)
        )
        existing = getattr(report, "case", None)
        if existing is not None:
            return existing
        if not report.is_shared_with_police:
            raise ValidationError(
                _("This report was not shared with the police."), code="not_shared"
            )
        now = timezone.now()
        case = Case(report=report, area=_area_for(report), opened_at=now)
        # Under 18: enhanced Victims' Code rights always, and the safeguarding flag police see.
        if report.is_under_18:
            case.enhanced_rights, case.safeguarding = True, True
        # The first routine clock, as Case.start_routine_clock would start it, without the
        # queries that stop and look up clocks a new case cannot have.
        due = case.routine_deadline(now)
        case.next_clock_due_at = due
        case.save()
        CaseEvent.objects.create(case=case, to_status=CaseStatus.NEW, at=now, by=by)
        Clock.objects.create(case=case, kind=Clock.Kind.ROUTINE, started_at=now, due_at=due)
        log_change(
            by,
            case,
            "opened (safeguarding: under 18)" if case.safeguarding else "opened",
            action=AccessLogEntry.Action.CREATE,
        )
        spocs = User.objects.of_area(case.area_id, Role.SPOC).only("pk")
        queue_notifications(
            {
                "key": f"case-opened:{case.pk}:{spoc.pk}",
                "kind": "case_opened",
                "channel": "email",
                "recipient": spoc,
                "language": STAFF_LANGUAGE,
                "context": {"case": case.pk},
            }
            for spoc in spocs
        )
    return case


def _area_for(report: Report) -> Area:
    area = report.area
    if area is None or area.is_central_queue:
        # Places may have been added to an area since the report arrived.
        return Area.objects.for_location(postcode=report.postcode, town=report.town)
    return area
