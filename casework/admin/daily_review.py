"""The daily threat review on screen, for the morning meeting (the PDF is in pdfs.py)."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import AccessLogEntry
from reporting import access

from ..review import daily_review


def review_for(case_admin, request):
    """The review of the person's areas (or of the one area asked for), and its start."""
    if not case_admin.has_view_permission(request):
        raise PermissionDenied
    area = request.GET.get("area", "")
    return daily_review(request.user, area_id=int(area) if area.isdigit() else None)


def daily_review_view(case_admin, request):
    reviews, since = review_for(case_admin, request)
    for review in reviews:
        for case in review.cases:
            access.record(request.user, case, AccessLogEntry.Action.VIEW, detail="daily review")
    context = {
        **case_admin.admin_site.each_context(request),
        "opts": case_admin.opts,
        "title": _("Daily threat review"),
        "reviews": reviews,
        "since": since,
        "now": timezone.now(),
        "area": request.GET.get("area", ""),
    }
    return TemplateResponse(request, "admin/casework/case/daily_review.html", context)
