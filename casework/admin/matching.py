"""The case page's "Same incident, same person" section: candidate matches with their score
and reasons, the reports linked to the case, the case this report is handled in, how often
the reporter reported in 12 months, their own answer to "has it happened before?", and how
many shared reports name the same offender. Every report listed is one the person may see,
and is written to the access log as seen."""

from centres.access_logging import record_listing
from reporting.models import Report

from ..models import ReportLink
from ..services import matching


def matching_context(user, case) -> dict:
    report = case.report
    found = matching.candidates(user, case)
    links = list(
        ReportLink.objects.filter(case=case)
        .select_related("report", "linked_by", "unlinked_by")
        .order_by("-linked_at")
    )
    repeat = matching.repeat_victim(user, report)
    named = matching.named_in(user, report)
    shown = [c.report for c in found] + repeat["visible"] + named["visible"]
    if shown:
        record_listing(user, Report, shown, detail=f"case {case.pk}: matches and repeats")
    return {
        "candidates": found,
        "links": [link for link in links if link.unlinked_at is None],
        "past_links": [link for link in links if link.unlinked_at is not None],
        "handled_in": matching.handling_case(report),
        "repeat": repeat,
        "named": named,
        "happened_before": report.get_happened_before_display(),
        "how_often": report.how_often,
        "identifiers": list(report.offender_identifiers.all()),
    }
