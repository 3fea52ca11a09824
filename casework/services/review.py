"""The daily threat review as held: hold it (its window is fixed then), assess each case's
community impact, and the chair's sign-off."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import Area
from reporting import access

from ..models import Case, CaseImpactAssessment, DailyReview
from ..review import AreaReview, latest_reviews, review_cases, window_start
from .common import log_change


def _check_police_of(by, area_id: int) -> None:
    if area_id not in {area.pk for area in access.police_areas(by)}:
        raise ValidationError(_("Only police of this area can hold its review."), code="role")


def hold_review(*, area: Area, by, until=None) -> DailyReview:
    """Start the area's review with `by` in the chair: it covers every case opened since the
    previous review (`review.window_start`) until now, and keeps that window."""
    _check_police_of(by, area.pk)
    until = until or timezone.now()
    with transaction.atomic():
        # The area's row lock: two people holding its review at once get one review.
        Area.objects.select_for_update().get(pk=area.pk)
        latest = latest_reviews([area.pk]).get(area.pk)
        if latest is not None and not latest.is_signed_off:
            raise ValidationError(
                _("This area's review is already being held by %(chair)s.")
                % {"chair": latest.chair},
                code="open",
            )
        try:
            with transaction.atomic():
                return DailyReview.objects.create(
                    area=area,
                    chair=by,
                    held_at=until,
                    covered_from=window_start(latest, until),
                    covered_until=until,
                )
        except IntegrityError as exc:  # the one-open-review constraint
            raise ValidationError(
                _("This area's review is already being held."), code="open"
            ) from exc


def _open_review(review: DailyReview) -> DailyReview:
    review = DailyReview.objects.select_for_update().select_related("chair").get(pk=review.pk)
    if review.is_signed_off:
        raise ValidationError(_("This review has been signed off."), code="signed_off")
    return review


def assess_impact(
    *, review: DailyReview, case: Case, by, level: str, note: str = ""
) -> CaseImpactAssessment:
    """Record (or change, until sign-off) the community impact of one case of the review:
    low, medium or high; medium and high say what follows from it."""
    note = note.strip()
    if level not in CaseImpactAssessment.Level.values:
        raise ValidationError({"level": _("Choose low, medium or high.")})
    if level != CaseImpactAssessment.Level.LOW and not note:
        raise ValidationError(
            {"note": _("Say what the impact is and what is being done about it.")}
        )
    with transaction.atomic():
        review = _open_review(review)
        _check_police_of(by, review.area_id)
        in_review = (
            access.cases_shared_with_police(Case.objects.filter(pk=case.pk))
            .filter(
                area_id=review.area_id,
                opened_at__gte=review.covered_from,
                opened_at__lt=review.covered_until,
            )
            .exists()
        )
        if not in_review:
            raise ValidationError(_("This case is not in this review."), code="not_in_review")
        impact, _created = CaseImpactAssessment.objects.update_or_create(
            review=review,
            case=case,
            defaults={
                "level": level,
                "note": note,
                "assessed_by": by,
                "assessed_at": timezone.now(),
            },
        )
        log_change(by, case, f"community impact: {level} (daily review {review.pk})")
    return impact


def sign_off_review(*, review: DailyReview, by) -> DailyReview:
    """The chair signs the review off once every case in it has its community impact
    assessed. The next review starts where this one ended."""
    with transaction.atomic():
        review = _open_review(review)
        if review.chair_id != by.pk:
            raise ValidationError(
                _("Only the chair, %(chair)s, can sign this review off.") % {"chair": review.chair},
                code="not_chair",
            )
        assessed = set(review.assessments.values_list("case_id", flat=True))
        held = _review_as_held(review)
        missing = [case for case in review_cases(by, [held]) if case.pk not in assessed]
        if missing:
            raise ValidationError(
                _("Assess the community impact of every case first: %(references)s.")
                % {"references": ", ".join(str(case) for case in missing)},
                code="not_assessed",
            )
        review.signed_off_at = timezone.now()
        review.save(update_fields=["signed_off_at"])
    return review


def _review_as_held(review: DailyReview) -> AreaReview:
    return AreaReview(
        area=review.area, since=review.covered_from, until=review.covered_until, held=review
    )
