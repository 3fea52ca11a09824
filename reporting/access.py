"""Who may see what: the one place that decides it.

Every view, admin page and export fetches reports and cases through these functions (or the
`visible_to()` queryset methods that call them), so a rule changed here changes everywhere.

- Volunteers and coordinators see the reports logged at their centres, and the status and
  victim-visible updates of those reports' cases; never internal police notes.
- SPOCs, officers and inspectors see the cases of their areas, and those cases' reports, but
  only while the reporter's consent to share with police stands. Contact details only when
  the reporter chose to share them.
- Analysts see aggregates only (the insights pages), never a report or a case.
- Administrators manage reference data and people and read the access log; they do not read
  reports. A superuser is the break-glass account and sees everything (and is logged).
- Objects outside a person's scope answer exactly as objects that do not exist (404).

The arrow of dependencies points casework -> reporting, so case rules here are written
against the queryset passed in, without importing casework.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from centres.models import AccessLogEntry, Centre, Membership, Role

from .models import SHARED_WITH_POLICE, Consent


def _centre_ids(user) -> set[int]:
    return {m.centre_id for m in user.active_memberships if m.role in Role.CENTRE_ROLES}


def _police_area_ids(user) -> set[int]:
    return {m.area_id for m in user.active_memberships if m.role in Role.POLICE_ROLES}


def _is_signed_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


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
    areas = _police_area_ids(user)
    if areas:
        scope |= Q(
            **{f"{prefix}consent__in": SHARED_WITH_POLICE, f"{prefix}case__area_id__in": areas}
        )
    return scope


def reports_visible_to(user, queryset: QuerySet) -> QuerySet:
    return queryset.filter(report_scope(user)).distinct()


def _police_case_scope(user) -> Q:
    areas = _police_area_ids(user)
    if not areas:
        return Q(pk__in=[])
    return Q(area_id__in=areas, report__consent__in=SHARED_WITH_POLICE)


def cases_visible_to(user, queryset: QuerySet) -> QuerySet:
    if not _is_signed_in(user):
        return queryset.none()
    if user.is_superuser:
        return queryset
    scope = _police_case_scope(user)
    centres = _centre_ids(user)
    if centres:
        scope |= Q(report__centre_id__in=centres)
    return queryset.filter(scope)


def cases_handled_by(user, queryset: QuerySet) -> QuerySet:
    """The cases a person works on as police (the case admin, with its internal notes): never
    the cases they see only as a centre volunteer, even when they hold both roles."""
    if not _is_signed_in(user):
        return queryset.none()
    if user.is_superuser:
        return queryset
    return queryset.filter(_police_case_scope(user))


def is_police(user) -> bool:
    return _is_signed_in(user) and bool(_police_area_ids(user))


def can_see_contact_details(user, report) -> bool:
    """Contact details and the safe-contact plan: the report's centre, or police in scope when
    the reporter chose to share their details."""
    if not _is_signed_in(user):
        return False
    if user.is_superuser:
        return True
    if report.centre_id and report.centre_id in _centre_ids(user):
        return True
    if report.consent != Consent.SHARE_WITH_DETAILS:
        return False
    case = getattr(report, "case", None)
    return bool(case) and case.area_id in _police_area_ids(user)


def can_see_internal_notes(user, case) -> bool:
    if not _is_signed_in(user):
        return False
    return user.is_superuser or (
        case.area_id in _police_area_ids(user) and case.report.consent in SHARED_WITH_POLICE
    )


def can_change_case(user, case) -> bool:
    return can_see_internal_notes(user, case)


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
