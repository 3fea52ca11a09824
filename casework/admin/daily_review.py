"""The daily threat review on screen, for the morning meeting (the PDF is in pdfs.py): hold
the review, assess each case's community impact, and the chair's sign-off."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from centres.models import AccessLogEntry

from .. import services
from ..forms.review import ImpactForm
from ..models import DailyReview
from ..review import daily_review, log_review


def _int(value) -> int | None:
    return int(value) if str(value or "").isdigit() else None


def review_for(case_admin, request):
    """The reviews of the person's areas (or of the one area, or the one review, asked for)."""
    if not case_admin.has_view_permission(request):
        raise PermissionDenied
    return daily_review(
        request.user,
        area_id=_int(request.GET.get("area")),
        review_id=_int(request.GET.get("review")),
    )


def daily_review_view(case_admin, request):
    reviews = review_for(case_admin, request)
    if request.method == "POST" and _post(request, reviews):
        return HttpResponseRedirect(request.get_full_path())
    _attach_forms(request, reviews, data=None)
    log_review(request.user, reviews, action=AccessLogEntry.Action.VIEW, detail="daily review")
    context = {
        **case_admin.admin_site.each_context(request),
        "opts": case_admin.opts,
        "title": _("Daily threat review"),
        "reviews": reviews,
        "now": timezone.now(),
        "area": request.GET.get("area", ""),
    }
    return TemplateResponse(request, "admin/casework/case/daily_review.html", context)


def _attach_forms(request, reviews, *, data):
    """An impact form on each case of a review being held, for the police of its area."""
    for review in reviews:
        if review.held is None or review.held.is_signed_off:
            continue
        for case in review.cases:
            if not hasattr(case, "impact_form"):  # a form bound to what was typed stays
                case.impact_form = ImpactForm(data, case=case, impact=case.impact)


def _post(request, reviews) -> bool:
    """Hold a review, or save the impact assessments (and sign off). True when done; else
    the forms keep what was typed and say what is wrong."""
    action = request.POST.get("action")
    if action == "hold":
        review = _find(reviews, area_id=_int(request.POST.get("area")))
        try:
            services.hold_review(area=review.area, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return True
        messages.success(request, _("Review held: assess each case's community impact."))
        return True
    review = _find(reviews, review_id=_int(request.POST.get("review")))
    _attach_forms(request, [review], data=request.POST)
    forms = [case.impact_form for case in review.cases]
    valid = [form.is_valid() for form in forms]  # every form, so each shows its errors
    if not all(valid):
        messages.error(request, _("There is a problem: see the cases marked below."))
        return False
    try:
        with transaction.atomic():
            for form in forms:
                _save_impact(request, review.held, form)
            if action == "sign_off":
                services.sign_off_review(review=review.held, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return False
    if action == "sign_off":
        messages.success(request, _("Review signed off."))
    else:
        messages.success(request, _("Community impact saved."))
    return True


def _save_impact(request, held: DailyReview, form: ImpactForm) -> None:
    data, impact = form.cleaned_data, form.case.impact
    if not data["level"]:
        return
    if impact is not None and (impact.level, impact.note) == (data["level"], data["note"].strip()):
        return  # unchanged: not written, not logged
    try:
        services.assess_impact(
            review=held, case=form.case, by=request.user, level=data["level"], note=data["note"]
        )
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        raise


def _find(reviews, *, area_id=None, review_id=None):
    for review in reviews:
        if area_id is not None and review.area.pk == area_id and review.held is None:
            return review
        if review_id is not None and review.held is not None and review.held.pk == review_id:
            return review
    raise PermissionDenied
