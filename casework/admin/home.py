"""The admin home for police roles: what waits for the person, each count a link to the list
that shows it (the SPOC's day on one screen). Registered on the staff site in
casework/admin/__init__.py; administrators keep Django's app list, which stays below.

Cost: four counts whatever the size of the tables, each on an index: the cases waiting
(new, or a clock due by the end of today) in one query on (area, status) and (area,
next_clock_due_at); open escalations on their partial index; pending authorisations on
theirs; unread additions of open cases through (area, status) and the read marks' unique
index.
"""

from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from centres.models import Role
from reporting import access

from ..models import Authorisation, AuthorisationDecision, Case, CaseStatus, Escalation
from ..read_marks import OPEN_STATUSES, unread_additions
from .filters import end_of_today


def _url(name: str, **params) -> str:
    url = reverse(f"admin:{name}")
    return f"{url}?{urlencode(params)}" if params else url


def waiting_counts(user, *, now=None) -> dict[str, int]:
    """What waits for a police person now, in their areas, as numbers."""
    now = now or timezone.now()
    cases = access.cases_handled_by(user, Case.objects.all())
    tonight = end_of_today(now)
    counts = cases.filter(Q(status=CaseStatus.NEW) | Q(next_clock_due_at__lt=tonight)).aggregate(
        new=Count("pk", filter=Q(status=CaseStatus.NEW)),
        overdue=Count("pk", filter=Q(next_clock_due_at__lt=now)),
        due_today=Count("pk", filter=Q(next_clock_due_at__gte=now, next_clock_due_at__lt=tonight)),
    )
    counts["escalations"] = (
        access.escalations_handled_by(user, Escalation.objects.all())
        .filter(resolved_at__isnull=True)
        .count()
    )
    counts["authorisations"] = Authorisation.objects.filter(
        decision=AuthorisationDecision.PENDING,
        case__in=cases.filter(area_id__in=inspected_area_ids(user)).values("pk"),
    ).count()
    counts["unread"] = unread_additions(
        user, reports=cases.filter(status__in=OPEN_STATUSES).values("report_id")
    ).count()
    return counts


def inspected_area_ids(user) -> set[int]:
    return {m.area_id for m in user.active_memberships if m.role == Role.INSPECTOR}


def police_home(request) -> dict | None:
    """The panel for a SPOC, officer or inspector; nothing for anyone else."""
    user = request.user
    if not access.is_police(user):
        return None
    counts = waiting_counts(user)
    cases = "casework_case_changelist"
    items = [
        {
            "label": _("New cases to triage"),
            "count": counts["new"],
            "url": _url(cases, status__exact=CaseStatus.NEW),
            "urgent": False,
        },
        {
            "label": _("Victims' Code updates overdue"),
            "count": counts["overdue"],
            "url": _url(cases, clocks="overdue"),
            "urgent": True,
        },
        {
            "label": _("Victims' Code updates due today"),
            "count": counts["due_today"],
            "url": _url(cases, clocks="due_today"),
            "urgent": False,
        },
    ]
    if access.escalation_area_ids(user):
        items.append(
            {
                "label": _("Open escalations"),
                "count": counts["escalations"],
                "url": _url("casework_escalation_changelist", state="open"),
                "urgent": True,
            }
        )
    if inspected_area_ids(user):
        items.append(
            {
                "label": _("Requests for no further action waiting for you"),
                "count": counts["authorisations"],
                "url": _url(cases, authorisation="waiting"),
                "urgent": False,
            }
        )
    items.append(
        {
            "label": _("Information from reporters you have not read (open cases)"),
            "count": counts["unread"],
            "url": _url(cases, news="unread"),
            "urgent": False,
        }
    )
    return {"id": "waiting", "title": _("Waiting for you"), "items": items}
