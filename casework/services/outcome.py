"""Outcomes, and an inspector's authorisation to close with no further action."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import Role, User
from reporting import access

from ..models import Authorisation, Case, CaseStatus, Outcome
from .common import lock_case, log_change, notify_staff


def record_outcome(
    *,
    case: Case,
    by,
    offender_identifiable: bool,
    outcome_type=None,
    local_code=None,
    notes: str = "",
) -> Outcome:
    """Record the Home Office outcome (directly, or through the area's local code) and move
    the case to "outcome recorded". A reopened case's outcome is replaced.

    Outcome types are outcomes of crimes: a case recorded as a non-crime hate incident or as
    no record closes without one. An outcome type that says a suspect was identified (11, 12,
    15, 16) cannot go with "the offender is not identifiable": no further action with an
    identifiable offender needs an inspector (`Outcome.needs_authorisation`), and a
    contradictory answer must not slip past that."""
    with transaction.atomic():
        case = lock_case(case)
        if case.is_non_crime:
            raise ValidationError(
                _(
                    "This case is recorded as “%(decision)s”: it has no crime outcome. Close "
                    "the case instead."
                )
                % {"decision": case.get_recording_decision_display()},
                code="non_crime",
            )
        if local_code is not None:
            if local_code.area_id != case.area_id:
                raise ValidationError({"local_code": _("Choose a code of this case's area.")})
            if outcome_type is not None and outcome_type.pk != local_code.outcome_type_id:
                raise ValidationError(
                    {"outcome_type": _("The local code maps to a different outcome type.")}
                )
            outcome_type = local_code.outcome_type
        if outcome_type is None:
            raise ValidationError({"outcome_type": _("Choose the outcome type.")})
        if outcome_type.suspect_identified and not offender_identifiable:
            raise ValidationError(
                {
                    "offender_identifiable": _(
                        "Outcome %(number)s means a suspect was identified: the offender is "
                        "identifiable."
                    )
                    % {"number": outcome_type.number}
                },
                code="suspect_identified",
            )
        outcome, _created = Outcome.objects.update_or_create(
            case=case,
            defaults={
                "outcome_type": outcome_type,
                "local_code": local_code,
                "offender_identifiable": offender_identifiable,
                "notes": notes.strip(),
                "recorded_by": by,
                "recorded_at": timezone.now(),
            },
        )
        case.transition(CaseStatus.OUTCOME_RECORDED, by=by)
    return outcome


def request_authorisation(*, case: Case, by, reason: str) -> Authorisation:
    """Ask an inspector to authorise closing with no further action."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why no further action is right.")})
    with transaction.atomic():
        case = lock_case(case)
        if case.status != CaseStatus.OUTCOME_RECORDED or not case.needs_authorisation():
            raise ValidationError(
                _("This case does not need an inspector's authorisation."), code="not_needed"
            )
        if case.authorisations.filter(decision=Authorisation.Decision.PENDING).exists():
            raise ValidationError(_("An authorisation is already waiting."), code="pending")
        authorisation = Authorisation.objects.create(
            case=case, requested_by=by, request_reason=reason.strip()
        )
        log_change(by, case, "authorisation requested", reason=reason)
        inspectors = User.objects.of_area(case.area_id, Role.INSPECTOR).exclude(pk=by.pk)
        for inspector in inspectors:
            notify_staff(
                key=f"authorisation-requested:{authorisation.pk}:{inspector.pk}",
                kind="authorisation_requested",
                user=inspector,
                context={"case": case.pk, "authorisation": authorisation.pk},
            )
    return authorisation


def decide_authorisation(
    *, authorisation: Authorisation, by, approve: bool, reason: str = ""
) -> Authorisation:
    """An inspector of the area approves (and the case closes) or refuses with a reason.
    Nobody decides their own request."""
    with transaction.atomic():
        case = lock_case(authorisation.case)
        authorisation = Authorisation.objects.select_for_update().get(pk=authorisation.pk)
        if authorisation.decision != Authorisation.Decision.PENDING:
            raise ValidationError(_("This authorisation has already been decided."))
        if not access.is_inspector_of(by, case.area_id):
            raise ValidationError(_("Only an inspector of this area can decide."), code="role")
        if authorisation.requested_by_id == by.pk:
            raise ValidationError(_("You cannot decide your own request."), code="self_approval")
        if not approve and not reason.strip():
            raise ValidationError({"reason": _("Give the reason for refusing.")})
        authorisation.decision = (
            Authorisation.Decision.APPROVED if approve else Authorisation.Decision.REFUSED
        )
        authorisation.decided_by = by
        authorisation.decided_at = timezone.now()
        authorisation.decision_reason = reason.strip()
        authorisation.save(
            update_fields=["decision", "decided_by", "decided_at", "decision_reason"]
        )
        log_change(by, case, f"authorisation {authorisation.decision}", reason=reason)
        if approve:
            case.close(by=by, reason=reason.strip())
        notify_staff(
            key=f"authorisation-decided:{authorisation.pk}",
            kind="authorisation_decided",
            user=authorisation.requested_by,
            context={"case": case.pk, "authorisation": authorisation.pk},
        )
    return authorisation
