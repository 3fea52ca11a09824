"""The data protection officer's demo: erasure requests waiting for the force (one overdue)
and one the force refused, and yesterday's access log with one officer who opened many of
their area's reports that are not assigned to them (the unusual-viewing list)."""

from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from centres.models import AccessLogEntry
from reporting.models import ErasureRequest, Report, one_calendar_month_after

from ..models import Case

# Days before today that each demo request was received, and how the force answered.
REQUESTS = [(45, ""), (12, ""), (70, "refused")]
REFUSAL = "A prosecution is under way: the force keeps the report until it ends."
UNUSUAL_OPENED = 30


def create_examples(demo):
    dpo = demo.users["dpo"]
    cases = list(Case.objects.select_related("report", "area").order_by("pk")[: len(REQUESTS)])
    for case, (days_ago, answer) in zip(cases, REQUESTS, strict=False):
        received = demo.today - timedelta(days=days_ago)
        request = ErasureRequest(
            report=case.report,
            reference=case.report.reference,
            area=case.area,
            received_on=received,
            due_on=one_calendar_month_after(received),
            recorded_by=dpo,
            recorded_at=demo.now - timedelta(days=days_ago),
        )
        if answer:
            request.status = answer
            request.answered_at = demo.now - timedelta(days=days_ago - 20)
            request.answered_by = dpo
            request.answer_reason = REFUSAL
        request.save()
    _unusual_viewing(demo)


def _unusual_viewing(demo):
    """Yesterday, the Birmingham East SPOC opened more of the area's reports, not assigned to
    them, than the review's threshold."""
    spoc = demo.users["spoc"]
    yesterday = demo.today - timedelta(days=1)
    start = timezone.make_aware(datetime.combine(yesterday, time(9)))
    reports = list(
        Report.objects.filter(case__area__in=[m.area for m in spoc.active_memberships])
        .exclude(case__owner=spoc)
        .order_by("pk")[:UNUSUAL_OPENED]
    )
    report_type = ContentType.objects.get_for_model(Report)
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(
            user=spoc,
            action=AccessLogEntry.Action.VIEW,
            object_type=report_type,
            object_id=report.pk,
            object_label=str(report)[:80],
            detail="admin",
            at=start + timedelta(minutes=7 * number),
        )
        for number, report in enumerate(reports)
    )
