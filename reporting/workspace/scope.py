"""Who may use the workspace, and the reports it shows."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from centres.decorators import staff_required

from .. import access
from ..models import Report


def centre_worker_required(view):
    @wraps(view)
    @staff_required
    def wrapper(request, *args, **kwargs):
        if not request.user.is_centre_worker:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def centre_reports(user):
    """The reports logged at the person's centres: the workspace never shows the reports a
    person may also see in another role (a volunteer who is also a police officer)."""
    centres = access.centres_worked_at(user)
    # A school's reports: those its staff logged and those a pupil chose to tell it about.
    return access.reports_visible_to(
        user, Report.objects.filter(Q(centre__in=centres) | Q(school__in=centres))
    )


def support_queue(user):
    """The reports in the support queues of the person's centres (reporting/support.py): the
    centre's own support requests, and for a hub the area's online ones."""
    return access.reports_visible_to(
        user, Report.objects.filter(support_centre__in=access.centres_worked_at(user))
    )


def workspace_reports(user):
    """Every report the workspace shows one at a time: logged at the person's centres, or in
    their support queues."""
    centres = access.centres_worked_at(user)
    return access.reports_visible_to(
        user,
        Report.objects.filter(
            Q(centre__in=centres) | Q(support_centre__in=centres) | Q(school__in=centres)
        ),
    )
