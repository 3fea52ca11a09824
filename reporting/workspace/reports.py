"""The centre's reports: the list, one report with the updates written for the victim, its
evidence files and what the reporter sent later (new until this person has read it), whether
the centre passes on news, and its receipt again."""

import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Max, Q
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from centres.models import AccessLogEntry, Membership, Role

from .. import access, receipt, reporter_news
from ..easy_read import GUIDES as EASY_READ_GUIDES
from ..languages import text_direction
from ..models import Channels, normalise_reference
from . import support
from .forms import GoBetweenForm, ReportFilterForm
from .scope import centre_reports, centre_worker_required, workspace_reports

# Training that ends within this many days shows as a reminder on the workspace.
EXPIRY_NOTICE_DAYS = 30
REPORTS_PER_PAGE = 50
# The caseworker's "update for the victim" (casework.CaseUpdate.Visibility.VICTIM); reached
# through the report's case, as reporting must not import casework.
VICTIM_VISIBLE = "victim"


@require_safe
@centre_worker_required
@access.logs_listing("workspace list", search="reference")
def home(request):
    """The centre's reports, newest first, 50 a page; each page shown is logged (the reference
    searched for only as a fingerprint)."""
    user = request.user
    filters = ReportFilterForm(request.GET or None)
    reports = (
        centre_reports(user)
        .select_related("centre", "case", "logged_by")
        .annotate(
            latest_update=Max(
                "case__updates__created_at",
                filter=Q(case__updates__visibility=VICTIM_VISIBLE),
            )
        )
        .order_by("-submitted_at")
    )
    if filters.is_valid():
        if filters.cleaned_data["reference"]:
            reports = reports.filter(
                reference=normalise_reference(filters.cleaned_data["reference"])
            )
        if filters.cleaned_data["go_between"]:
            reports = reports.filter(centre_is_go_between=True)
    page = Paginator(reports, REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    centres = list(access.centres_worked_at(user).order_by("name"))
    coordinated = set(access.centres_coordinated_by(user).values_list("pk", flat=True))
    return TemplateResponse(
        request,
        "reporting/workspace/home.html",
        {
            "reports": page.object_list,
            "page": page,
            "filters": filters,
            "centres": [
                {
                    "centre": centre,
                    "coordinates": centre.pk in coordinated,
                    "activities": activities_this_year(centre, today),
                    "expiring": _expiring(centre, today) if centre.pk in coordinated else [],
                }
                for centre in centres
            ],
            "own_training": _own_training_notices(user, today),
            "query": _query_without_page(request),
            "today": today,
            "nav": "home",
            # Printable Easy Read guides to hand out, in every language.
            "easy_read_guides": EASY_READ_GUIDES,
        },
    )


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def activities_this_year(centre, today) -> int:
    return centre.awareness_activities.filter(date__year=today.year).count()


def _expiring(centre, today):
    """The centre's people whose training has ended or ends within the notice period."""
    return list(
        Membership.objects.training_expiring(within_days=EXPIRY_NOTICE_DAYS, on=today)
        .filter(centre=centre)
        .select_related("user")
        .order_by("training_expires_on")
    )


def _own_training_notices(user, today):
    soon = today + datetime.timedelta(days=EXPIRY_NOTICE_DAYS)
    return [
        m
        for m in user.active_memberships
        if m.role in Role.CENTRE_ROLES and m.training_expires_on and m.training_expires_on <= soon
    ]


@require_safe
@centre_worker_required
def report_detail(request, pk):
    """One report of the centre: its progress and the updates written for the victim."""
    # Logged at the person's centre, or in its support queue (support.py).
    report = access.get_report_or_404(
        request.user,
        workspace_reports(request.user).select_related(
            "centre", "logged_by", "area", "case", "support_centre"
        ),
        pk=pk,
    )
    case = getattr(report, "case", None)
    updates = []
    if case is not None:
        updates = list(case.updates.filter(visibility=VICTIM_VISIBLE).order_by("-created_at"))
    # Linked by the police to another case as the same incident (casework/services/
    # matching.py): that case's updates for the victim reach this reporter, and so this page.
    link = (
        report.case_links.filter(kind="same_incident", unlinked_at__isnull=True)
        .select_related("case")
        .first()
    )
    if link is not None and link.case != case:
        updates += list(link.case.updates.filter(visibility=VICTIM_VISIBLE))
        updates.sort(key=lambda update: update.created_at, reverse=True)
    contact = None
    if access.can_see_contact_details(request.user, report):
        contact = getattr(report, "contact", None)
    # Opening the page reads the reporter's later news: new until now, for this person.
    read_up_to = reporter_news.read_and_mark(request.user, report)
    return render(
        request,
        "reporting/workspace/report.html",
        {
            "report": report,
            "case": case,
            "updates": [
                {"update": u, "parts": u.victim_parts(), "for_victim": u.victim_parts_for_victim()}
                for u in updates
            ],
            "contact": contact,
            "contact_channels": [
                dict(Channels.choices).get(c, c) for c in (contact.channels if contact else [])
            ],
            "report_dir": text_direction(report.language),
            "evidence": reporter_news.evidence_rows(report),
            "reporter_news": reporter_news.later_news(report, read_up_to=read_up_to),
            # Only a report logged at the person's centre has its sharing and news passed on
            # there; one that is only in the centre's support queue has the support panel.
            "logged_here": access.centres_worked_at(request.user)
            .filter(pk=report.centre_id)
            .exists(),
            "support": support.panel(request.user, report),
            "go_between_form": GoBetweenForm(
                initial={"centre_is_go_between": "yes" if report.centre_is_go_between else "no"}
            ),
        },
    )


@require_POST
@centre_worker_required
def set_go_between(request, pk):
    report = access.get_report_or_404(request.user, centre_reports(request.user), pk=pk, log=False)
    form = GoBetweenForm(request.POST)
    if form.is_valid() and form.go_between != report.centre_is_go_between:
        report.centre_is_go_between = form.go_between
        report.save(update_fields=["centre_is_go_between"])
        access.record(
            request.user,
            report,
            AccessLogEntry.Action.CHANGE,
            detail=f"centre passes on news: {'yes' if form.go_between else 'no'}",
        )
        messages.success(request, _("Saved who passes on news about this report."))
    return redirect("workspace:report", pk=report.pk)


@require_safe
@centre_worker_required
def report_receipt(request, pk):
    """Print or hand over a report's receipt again: the receipt page (reporting:receipt)
    renders the report whose id this session holds, in the report's language."""
    report = access.get_report_or_404(request.user, centre_reports(request.user), pk=pk, log=False)
    access.record(request.user, report, AccessLogEntry.Action.DISCLOSE, detail="receipt")
    request.session[receipt.SESSION_KEY] = report.pk
    return redirect(receipt_url(report.language))


def receipt_url(language) -> str:
    with translation.override(language):
        return reverse("reporting:receipt")
