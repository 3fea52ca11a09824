"""The centre workspace (/centre/): volunteers and coordinators see their centre's reports.

These views live in reporting because they are about reports; the people and centres they
are scoped by come from centres, and the scope from reporting/access.py.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from centres.views import staff_required

from .models import Report


def centre_worker_required(view):
    @wraps(view)
    @staff_required
    def wrapper(request, *args, **kwargs):
        if not request.user.is_centre_worker:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@centre_worker_required
def home(request):
    reports = (
        Report.objects.visible_to(request.user)
        .select_related("centre", "case")
        .order_by("-submitted_at")[:50]
    )
    centres = [m.centre for m in request.user.active_memberships if m.centre_id]
    return render(
        request, "reporting/workspace/home.html", {"reports": reports, "centres": centres}
    )
