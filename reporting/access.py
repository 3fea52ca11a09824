"""Who may see what: the one place that decides it.

Every view, admin page and export fetches reports and cases through these functions (or the
`visible_to()` queryset methods that call them), so a rule changed here changes everywhere.

- A school (a centre of kind "school") sees, too, the reports a young person chose to tell it
  about (Report.school), with contact details only when they agreed to that.
- Volunteers and coordinators see the reports logged at their centres, and the status and
  victim-visible updates of those reports' cases; never internal police notes. A centre that
  is a victim-support hub sees, too, the reports routed to its support queue (people who asked
  for support and left a way to contact them, reporting/support.py), with those details.
- SPOCs, officers and inspectors see the cases of their areas, and those cases' reports, but
  only while the reporter's consent to share with police stands. Contact details only when
  the reporter chose to share them.
- Analysts see aggregates only (the insights pages), never a report or a case.
- Police lists offer only what belongs to the person's areas: the centres there, the officers
  a case may be assigned to, the areas whose daily review they read. An inspector of the area
  decides authorisations.
- Administrators manage reference data and people and read the access log; they do not read
  reports. A superuser is the break-glass account and sees everything (and is logged).
- Objects outside a person's scope answer exactly as objects that do not exist (404).

The arrow of dependencies points casework -> reporting, so case rules here are written
against the queryset passed in, without importing casework.

Every scoping function marks the queryset it returns (`SCOPED`), so the guard test
(tests/reporting/test_access_guard.py) can tell a queryset of reports or cases that went
through this module from one built around it.
"""

import re
from functools import wraps

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q, QuerySet
from django.http import Http404

from centres.access_logging import describe_listing, record_listing
from centres.models import AccessLogEntry, Area, Centre, Membership, Role, User

from .models import SHARED_WITH_POLICE, Consent, SchoolSharing

# Set on the query of every queryset this module scopes. Django copies a query's attributes
# to every queryset chained from it, so the mark survives filters, ordering and slicing; the
# guard test reads it. Nothing in the running site does.
SCOPED = "access_scope"


def _scoped(queryset: QuerySet, rule: str) -> QuerySet:
    setattr(queryset.query, SCOPED, rule)
    return queryset


def _centre_ids(user) -> set[int]:
    return {m.centre_id for m in user.active_memberships if m.role in Role.CENTRE_ROLES}


def police_area_ids(user) -> set[int]:
    """The areas a person works in as police (SPOC, officer, inspector), today."""
    if not _is_signed_in(user):
        return set()
    return {m.area_id for m in user.active_memberships if m.role in Role.POLICE_ROLES}


def _is_signed_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


# --- Shared with the police now: the one definition ------------------------------------------
#
# A report reaches the police (a page, a count, a PDF, an escalation, a reminder, a digest, a
# message) only while its reporter shares it with them: "with my details" or "anonymously".
# A withdrawal turns the report to "do not share", and from then on nothing of it reaches the
# police. Every producer uses one of these three forms, all built from SHARED_WITH_POLICE.


def shared_with_police(prefix: str = "") -> Q:
    """Reports shared with the police now; with `prefix` (e.g. "report__"), rows related to
    such a report (cases, and through "case__report__" their clocks and escalations)."""
    return Q(**{f"{prefix}consent__in": SHARED_WITH_POLICE})


def shared_with_police_sql(report_alias: str) -> str:
    """The same rule as a SQL condition on `report_alias`, an alias of reporting_report, for
    the sweeps' set-based statements. Built from the same constants; they are code, never
    input, and are checked to be plain words before they are written into SQL."""
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", report_alias):
        raise ValueError("not an SQL alias")
    values = [str(value) for value in SHARED_WITH_POLICE]
    if not all(re.fullmatch(r"[a-z_]+", value) for value in values):
        raise ValueError("consent values must be plain words to be written into SQL")
    listed = ", ".join(f"'{value}'" for value in values)
    return f"{report_alias}.consent IN ({listed})"


def cases_shared_with_police(queryset: QuerySet) -> QuerySet:
    """The cases (of `queryset`) whose report is shared with the police now: for the work
    done for nobody in particular (sweeps, digests, messages at send time). Not a scope: it
    adds no mark, so a page cannot use it in place of `cases_handled_by`."""
    return queryset.filter(shared_with_police("report__"))


def report_scope(user, prefix: str = "") -> Q:
    """A filter on reports (or on a relation to a report, given its `prefix`)."""
    if not _is_signed_in(user):
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    scope = Q(pk__in=[])
    centres = _centre_ids(user)
    if centres:
        scope |= Q(**{f"{prefix}centre_id__in": centres})
        # A support queue's team: the reports routed to it (reporting/support.py).
        scope |= Q(**{f"{prefix}support_centre_id__in": centres})
        # A school told of a pupil's report with their consent (a school is told only with a
        # choice of what it may see: the report's check constraint).
        scope |= Q(**{f"{prefix}school_id__in": centres})
    areas = police_area_ids(user)
    if areas:
        scope |= shared_with_police(prefix) & Q(**{f"{prefix}case__area_id__in": areas})
    return scope


def reports_visible_to(user, queryset: QuerySet) -> QuerySet:
    # No DISTINCT: every join the scope makes is to one row (a report's centre, its support
    # centre, its one case), so no report can come twice, and a DISTINCT over every column
    # would make each list sort and count the whole scope (docs/architecture.md, "Staff pages
    # at scale"; tests/casework/test_changelist_scale.py).
    return _scoped(queryset.filter(report_scope(user)), "reports_visible_to")


def reports_counted_for(user, queryset: QuerySet) -> QuerySet:
    """The reports whose counts a person may see on the insights pages: every report for
    analysts (and administrators), as aggregates only, never one report; none for anyone else.
    Counts are shown through centres.stats.suppress."""
    if not (_is_signed_in(user) and user.is_analyst):
        return _scoped(queryset.none(), "reports_counted_for")
    return _scoped(queryset.all(), "reports_counted_for")


def _police_case_scope(user) -> Q:
    areas = police_area_ids(user)
    if not areas:
        return Q(pk__in=[])
    return Q(area_id__in=areas) & shared_with_police("report__")


def cases_visible_to(user, queryset: QuerySet) -> QuerySet:
    if not _is_signed_in(user):
        return _scoped(queryset.none(), "cases_visible_to")
    if user.is_superuser:
        return _scoped(queryset.all(), "cases_visible_to")
    scope = _police_case_scope(user)
    centres = _centre_ids(user)
    if centres:
        scope |= Q(report__centre_id__in=centres) | Q(report__school_id__in=centres)
    return _scoped(queryset.filter(scope), "cases_visible_to")


def cases_handled_by(user, queryset: QuerySet) -> QuerySet:
    """The cases a person works on as police (the case admin, with its internal notes): never
    the cases they see only as a centre volunteer, even when they hold both roles."""
    if not _is_signed_in(user):
        return _scoped(queryset.none(), "cases_handled_by")
    if user.is_superuser:
        return _scoped(queryset.all(), "cases_handled_by")
    return _scoped(queryset.filter(_police_case_scope(user)), "cases_handled_by")


def escalation_area_ids(user) -> set[int]:
    """The areas whose escalations a person answers for: escalations go to the SPOC, then to
    the inspector (officers hear of their own cases through the case list)."""
    if not _is_signed_in(user):
        return set()
    return {m.area_id for m in user.active_memberships if m.role in (Role.SPOC, Role.INSPECTOR)}


def escalations_handled_by(user, queryset: QuerySet) -> QuerySet:
    """The escalations (of `queryset`) a person sees in their list: those of their areas'
    cases as SPOC or inspector, only while the report is shared with the police; every one
    for a superuser."""
    if not _is_signed_in(user):
        return _scoped(queryset.none(), "escalations_handled_by")
    if user.is_superuser:
        return _scoped(queryset.all(), "escalations_handled_by")
    areas = escalation_area_ids(user)
    if not areas:
        return _scoped(queryset.none(), "escalations_handled_by")
    return _scoped(
        queryset.filter(Q(area_id__in=areas) & shared_with_police("case__report__")),
        "escalations_handled_by",
    )


def is_police(user) -> bool:
    return _is_signed_in(user) and bool(police_area_ids(user))


def can_see_contact_details(user, report) -> bool:
    """Contact details and the safe-contact plan: the report's centre, or police in scope when
    the reporter chose to share their details."""
    if not _is_signed_in(user):
        return False
    if user.is_superuser:
        return True
    if report.centre_id and report.centre_id in _centre_ids(user):
        return True
    # A support queue's team: routed there only when the reporter asked for support and left
    # a way to contact them for it.
    if report.support_centre_id and report.support_centre_id in _centre_ids(user):
        return True
    # A school sees how to contact the young person only if they agreed to it.
    if (
        report.school_id
        and report.school_id in _centre_ids(user)
        and report.school_sharing == SchoolSharing.WITH_DETAILS
    ):
        return True
    if report.consent != Consent.SHARE_WITH_DETAILS:
        return False
    case = getattr(report, "case", None)
    return bool(case) and case.area_id in police_area_ids(user)


def can_see_internal_notes(user, case) -> bool:
    if not _is_signed_in(user):
        return False
    return user.is_superuser or (
        case.area_id in police_area_ids(user) and case.report.is_shared_with_police
    )


def can_change_case(user, case) -> bool:
    return can_see_internal_notes(user, case)


def is_inspector_of(user, area_id: int) -> bool:
    """Inspectors of the area decide authorisations to close with no further action."""
    if not _is_signed_in(user):
        return False
    return user.is_superuser or any(
        m.role == Role.INSPECTOR and m.area_id == area_id for m in user.active_memberships
    )


# --- The police side's lists: areas, their centres and officers ---------------------------


def police_areas(user) -> list[Area]:
    """The areas whose daily review and case lists a person reads, by name: their police
    areas (every area for a superuser)."""
    if not _is_signed_in(user):
        return []
    if user.is_superuser:
        return list(Area.objects.order_by("name"))
    areas = {m.area_id: m.area for m in user.active_memberships if m.role in Role.POLICE_ROLES}
    return sorted(areas.values(), key=lambda area: area.name)


def centres_in_police_areas(user) -> QuerySet:
    """The centres whose cases a person may filter by: those of their police areas."""
    if not _is_signed_in(user):
        return Centre.objects.none()
    if user.is_superuser:
        return Centre.objects.all()
    return Centre.objects.filter(area_id__in=police_area_ids(user))


def assignable_officers(user) -> QuerySet:
    """The people a person may assign cases to: active police (officers, SPOCs, inspectors) of
    their areas; of every area for a superuser. The service checks the case's own area."""
    if not _is_signed_in(user):
        return User.objects.none()
    police = Membership.objects.active().filter(role__in=Role.POLICE_ROLES)
    if not user.is_superuser:
        police = police.filter(area_id__in=police_area_ids(user))
    return User.objects.filter(is_active=True, pk__in=police.values("user_id"))


def get_report_or_404(user, queryset: QuerySet, *, log: bool = True, **lookup):
    """The one fetch for a single report: scoped, and recorded in the access log."""
    try:
        report = reports_visible_to(user, queryset).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc
    if log:
        record(user, report, AccessLogEntry.Action.VIEW)
    return report


def get_case_or_404(user, queryset: QuerySet, *, log: bool = True, **lookup):
    try:
        case = cases_visible_to(user, queryset).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc
    if log:
        record(user, case, AccessLogEntry.Action.VIEW)
    return case


# --- The data protection officer (casework/data_protection/) ---------------------------------


def reports_for_data_protection(user, queryset: QuerySet) -> QuerySet:
    """The data protection officer's reach: any report, for a subject access or erasure
    request, found by its reference or a person's keyed email or phone hash (never listed,
    never searched by plaintext); nothing for anyone else."""
    if not (_is_signed_in(user) and user.is_data_protection_officer):
        return _scoped(queryset.none(), "reports_for_data_protection")
    return _scoped(queryset.all(), "reports_for_data_protection")


def get_report_for_data_protection_or_404(user, queryset: QuerySet, *, detail: str, **lookup):
    """One report for the data protection officer, recorded in the access log with what for."""
    try:
        report = reports_for_data_protection(user, queryset).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc
    record(user, report, AccessLogEntry.Action.VIEW, detail=detail)
    return report


# --- Centres and their people (the centre workspace) ---------------------------------------


def centres_worked_at(user) -> QuerySet:
    """The centres whose workspace a person may use: where they volunteer or coordinate now."""
    if not _is_signed_in(user):
        return Centre.objects.none()
    return Centre.objects.filter(pk__in=_centre_ids(user))


def centres_coordinated_by(user) -> QuerySet:
    """The centres whose listing, volunteers and counts a person manages. Coordinators only:
    a superuser's break-glass access is to reports, not to running a centre."""
    if not _is_signed_in(user):
        return Centre.objects.none()
    return Centre.objects.filter(
        pk__in=[m.centre_id for m in user.active_memberships if m.role == Role.COORDINATOR]
    )


def get_centre_or_404(user, pk, *, coordinator: bool = False) -> Centre:
    """One centre the person works at (or, with `coordinator`, coordinates); else 404."""
    queryset = centres_coordinated_by(user) if coordinator else centres_worked_at(user)
    try:
        return queryset.get(pk=pk)
    except Centre.DoesNotExist as exc:
        raise Http404 from exc


def get_centre_membership_or_404(user, centre: Centre, pk) -> Membership:
    """A volunteer's or coordinator's membership of a centre the person coordinates."""
    if not centres_coordinated_by(user).filter(pk=centre.pk).exists():
        raise Http404
    try:
        return Membership.objects.select_related("user").get(
            pk=pk, centre=centre, role__in=Role.CENTRE_ROLES
        )
    except Membership.DoesNotExist as exc:
        raise Http404 from exc


def record(user, obj, action: str, *, detail: str = "", reason: str = "") -> AccessLogEntry:
    """Write one access-log entry: who (None for the reporter themself), what, when, why."""
    return AccessLogEntry.objects.record(
        user=user if _is_signed_in(user) else None,
        obj=obj,
        action=action,
        detail=detail,
        reason=reason,
    )


def logs_listing(kind: str, *, search: str = ""):
    """For a function view that shows a page of reports or cases (the admin's lists have
    centres.admin_site.AccessLoggedAdmin): the view returns a TemplateResponse whose context
    holds the `page` shown, and this writes what the admin's lists write, an entry per row
    and one about the list (its filters, the search parameter `search` as a fingerprint
    only). A response without a page context is a mistake in the view, and says so."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if not 200 <= response.status_code < 300:
                return response
            page = (getattr(response, "context_data", None) or {}).get("page")
            if page is None:
                raise ImproperlyConfigured(f"{view.__name__} must answer with its page shown.")
            rows = list(page.object_list)
            query = request.GET.copy()
            term = query.pop(search, [""])[-1] if search else ""
            detail = describe_listing(
                kind,
                shown=len(rows),
                total=page.paginator.count,
                page=page.number,
                params={key: query[key] for key in query if key != "page"},
                term=term,
            )
            record_listing(request.user, page.paginator.object_list.model, rows, detail=detail)
            return response

        return wrapper

    return decorator
