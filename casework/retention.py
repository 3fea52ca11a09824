"""Casework's part of anonymising a report (reporting/lifecycle/): the case keeps what
statistics need (status, recording decision, outcome type, clocks, times, area, owner) and
loses its free text: outcome notes, THRIVE notes, update texts, reasons, rationales.

Registered with reporting in CaseworkConfig.ready (reporting may not import casework). A
text the database requires (a constraint says it may not be empty) becomes REMOVED.
"""

from django.db.models import Q

from .models import (
    Authorisation,
    Case,
    CaseEvent,
    CaseImpactAssessment,
    CaseUpdate,
    LegalHold,
    Outcome,
    ThriveAssessment,
)

REMOVED = "[removed under the retention schedule]"


def scrub_cases(report_ids, now) -> None:
    """Remove the free text of the cases of these reports. Idempotent."""
    cases = Case.objects.filter(report_id__in=report_ids)
    of_cases = Q(case__in=cases)
    Outcome.objects.filter(of_cases).update(notes="")
    ThriveAssessment.objects.filter(of_cases).update(
        investigation="", vulnerability="", engagement="", reason=""
    )
    # A standard message stays (it is the same words for everyone); own words go.
    CaseUpdate.objects.filter(of_cases & ~Q(message_code="")).update(body="")
    CaseUpdate.objects.filter(of_cases & Q(message_code="") & ~Q(body="")).update(body=REMOVED)
    CaseEvent.objects.filter(of_cases & ~Q(reason="")).update(reason=REMOVED)
    Authorisation.objects.filter(of_cases).update(request_reason=REMOVED)
    Authorisation.objects.filter(of_cases & ~Q(decision_reason="")).update(decision_reason=REMOVED)
    CaseImpactAssessment.objects.filter(of_cases & ~Q(note="")).update(note=REMOVED)
    LegalHold.objects.filter(of_cases).update(reason=REMOVED)
    LegalHold.objects.filter(of_cases & ~Q(release_reason="")).update(release_reason=REMOVED)
    cases.filter(~Q(nchi_rationale="")).update(nchi_rationale=REMOVED)
    cases.filter(~Q(enhanced_downgrade_reason="")).update(enhanced_downgrade_reason=REMOVED)
