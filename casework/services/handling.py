"""Triage and handling: THRIVE, the recording decision, assignment, the victim's rights and
the routine update interval."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import User
from reporting import access

from ..models import Case, Clock, RecordingDecision, ThriveAssessment
from .common import lock_case, log_change, notify_staff


def assess_case(
    *,
    case: Case,
    by,
    threat: str,
    harm: str,
    risk: str,
    grade: str,
    investigation: str = "",
    vulnerability: str = "",
    engagement: str = "",
    reason: str = "",
) -> ThriveAssessment:
    """Record a THRIVE assessment. A re-assessment needs a reason; the history is kept and
    the case's priority follows the latest grade."""
    with transaction.atomic():
        case = lock_case(case)
        if case.assessments.exists() and not reason.strip():
            raise ValidationError(
                {"reason": _("Say why you are assessing this case again.")}, code="reason"
            )
        assessment = ThriveAssessment.objects.create(
            case=case,
            assessed_by=by,
            threat=threat,
            harm=harm,
            risk=risk,
            grade=grade,
            investigation=investigation,
            vulnerability=vulnerability,
            engagement=engagement,
            reason=reason.strip(),
        )
        case.priority = grade
        case.save(update_fields=["priority"])
        log_change(by, case, f"THRIVE: {grade}", reason=reason)
    return assessment


def decide_recording(
    *,
    case: Case,
    by,
    decision: str,
    nchi_threshold_met: bool | None = None,
    nchi_rationale: str = "",
) -> Case:
    """Crime, non-crime hate incident or no record. For a non-crime incident the 2023 code's
    threshold test for keeping the subject's personal data is recorded with a rationale; when
    it is not met, the subject's personal data is removed at once (`remove_subject_data`)."""
    with transaction.atomic():
        case = lock_case(case)
        if decision == RecordingDecision.NCHI:
            errors = {}
            if nchi_threshold_met is None:
                errors["nchi_threshold_met"] = _(
                    "Say whether the threshold for keeping the subject's personal data is met."
                )
            if not nchi_rationale.strip():
                errors["nchi_rationale"] = _("Give the rationale for the threshold decision.")
            if errors:
                raise ValidationError(errors)
        else:
            nchi_threshold_met, nchi_rationale = None, ""
        case.recording_decision = decision
        case.nchi_threshold_met = nchi_threshold_met
        case.nchi_rationale = nchi_rationale.strip()
        changed = ["recording_decision", "nchi_threshold_met", "nchi_rationale"]
        below_threshold = decision == RecordingDecision.NCHI and nchi_threshold_met is False
        if below_threshold and case.subject_data_removed_at is None:
            remove_subject_data(case, by=by)
            changed.append("subject_data_removed_at")
        case.save(update_fields=changed)
        log_change(by, case, f"recording decision: {decision}")
    return case


# What the report holds about the subject (the person whose conduct was reported): the
# reporter's description of them. The reporter's own account, the harm and the evidence are
# the victim's, and stay; the officer edits a subject's name out of a note by hand.
SUBJECT_FIELDS = {"offender_description": ""}


def remove_subject_data(case: Case, *, by) -> None:
    """The 2023 NCHI code: below the threshold, the subject's personal data is not kept.
    Blank it on the report, stamp the case (the caller saves it, locked) and log the removal.
    It cannot be undone: a later decision that the threshold is met does not bring it back."""
    report = case.report
    for field, empty in SUBJECT_FIELDS.items():
        setattr(report, field, empty)
    report.save(update_fields=list(SUBJECT_FIELDS))
    # What the reporter named that identifies the subject, and its keyed hash (issue 20).
    report.offender_identifiers.all().delete()
    case.subject_data_removed_at = timezone.now()
    log_change(by, case, "subject's personal data removed (NCHI threshold not met, 2023 code)")


def assign_case(*, case: Case, officer: User, by) -> Case:
    """Give the case to an officer, SPOC or inspector of its area."""
    with transaction.atomic():
        case = lock_case(case)
        if not User.objects.police_of_area(case.area_id).filter(pk=officer.pk).exists():
            raise ValidationError(
                {"officer": _("Choose an officer of this case's area.")}, code="not_police"
            )
        if case.owner_id == officer.pk:
            return case
        case.owner = officer
        case.save(update_fields=["owner"])
        log_change(by, case, f"assigned to person {officer.pk}")
        if officer.pk != getattr(by, "pk", None):
            notify_staff(
                key=f"case-assigned:{case.pk}:{officer.pk}:{timezone.now().timestamp()}",
                kind="case_assigned",
                user=officer,
                context={"case": case.pk},
            )
    return case


def set_victim_rights(*, case: Case, by, enhanced: bool, reason: str = "") -> Case:
    """Hate crime victims have enhanced rights by default; standard rights need a reason.
    A child's (a safeguarding case: under 18) are lifted only by an inspector of the case's
    area. Running key-event clocks are re-timed to the new entitlement."""
    with transaction.atomic():
        case = lock_case(case)
        lowering = case.enhanced_rights and not enhanced
        if lowering and case.safeguarding and not access.is_inspector_of(by, case.area_id):
            raise ValidationError(
                {
                    "enhanced": _(
                        "This victim is under 18, so they keep enhanced rights. Only an "
                        "inspector can change this, with a reason."
                    )
                },
                code="under_18",
            )
        if not enhanced and not reason.strip():
            raise ValidationError(
                {"reason": _("Give the reason this victim has standard rights.")}, code="reason"
            )
        case.enhanced_rights = enhanced
        case.enhanced_downgrade_reason = "" if enhanced else reason.strip()
        case.save(update_fields=["enhanced_rights", "enhanced_downgrade_reason"])
        for clock in case.clocks.running().filter(kind=Clock.Kind.KEY_EVENT):
            clock.due_at = case.key_event_deadline(clock.started_at)
            clock.save(update_fields=["due_at"])
        case.refresh_next_due()
        what = "enhanced rights" if enhanced else "standard rights"
        if lowering and case.safeguarding:
            what = "standard rights for a victim under 18 (inspector)"
        log_change(by, case, what, reason=reason)
    return case


def set_update_interval(*, case: Case, by, days: int) -> Case:
    """The routine update interval agreed with the victim; the running clock is re-timed."""
    if days < 1:
        raise ValidationError({"days": _("Enter a number of days of 1 or more.")})
    with transaction.atomic():
        case = lock_case(case)
        case.update_interval_days = days
        case.save(update_fields=["update_interval_days"])
        for clock in case.clocks.running().filter(kind=Clock.Kind.ROUTINE):
            clock.due_at = case.routine_deadline(clock.started_at)
            clock.save(update_fields=["due_at"])
        case.refresh_next_due()
        log_change(by, case, f"update interval: {days} days")
    return case
