"""Legal holds: an inspector of the case's area keeps a case whole past every retention
period while a prosecution, a complaint or a review needs it, and releases it after."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import AccessLogEntry
from reporting import access

from ..models import Case, LegalHold, LegalHoldKind


def _locked_case_for_inspector(case: Case, by) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if not (access.is_inspector_of(by, case.area_id) or getattr(by, "is_superuser", False)):
        raise PermissionDenied(_("Only an inspector of the case's area can do this."))
    return case


def place_legal_hold(*, case: Case, by, kind: str, reason: str) -> LegalHold:
    """Place a hold: the retention purge leaves the case and its report alone until it is
    released. Logged in the access log with the reason."""
    reason = (reason or "").strip()
    if kind not in LegalHoldKind.values:
        raise ValidationError({"kind": _("Choose why the case is held.")})
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the hold.")})
    with transaction.atomic():
        case = _locked_case_for_inspector(case, by)
        if case.on_legal_hold:
            raise ValidationError(_("This case is already on legal hold."), code="held")
        hold = LegalHold.objects.create(case=case, kind=kind, reason=reason, placed_by=by)
        case.on_legal_hold = True
        case.save(update_fields=["on_legal_hold"])
        access.record(
            by,
            case,
            AccessLogEntry.Action.CHANGE,
            detail=f"legal hold placed: {kind}",
            reason=reason,
        )
    return hold


def release_legal_hold(*, case: Case, by, reason: str) -> LegalHold:
    """Release the hold in force: the retention schedule applies again (a period that ran
    out meanwhile is acted on at the next run). Logged in the access log with the reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"release_reason": _("Give the reason for the release.")})
    with transaction.atomic():
        case = _locked_case_for_inspector(case, by)
        hold = LegalHold.objects.filter(case=case, released_at__isnull=True).first()
        if hold is None:
            raise ValidationError(_("This case is not on legal hold."), code="not_held")
        hold.released_at = timezone.now()
        hold.released_by = by
        hold.release_reason = reason
        hold.save(update_fields=["released_at", "released_by", "release_reason"])
        case.on_legal_hold = False
        case.save(update_fields=["on_legal_hold"])
        access.record(
            by, case, AccessLogEntry.Action.CHANGE, detail="legal hold released", reason=reason
        )
    return hold
