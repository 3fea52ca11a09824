"""Same incident, same person (issue 20): candidate matches for a case, linking and unlinking
them, and the counts that tie a person's reports together.

- Candidates: reports the viewer may see (reporting/access.py), in the case's area or a
  neighbouring one (same force, or a pair in casework/data/area_neighbours.json), whose
  incident falls within seven days of this one, sharing a strand or the kind of place (the
  platform, online), and whose description is similar by PostgreSQL's pg_trgm. Nothing
  leaves the database: the words are compared where they are stored.
- Links: the SPOC links a candidate as the same incident (one case, several reports; every
  victim update goes to each linked reporter through their own plan) or as related, and can
  unlink; each decision is a `ReportLink` row and an access-log entry on the case and report.
- Repeat victims: reports whose contact details carry the same keyed hash of email or phone
  (reporting/contact_hashes.py), in the last 12 months, counted only among reports shared
  with the police *with the reporter's details*: linking an anonymous share to a named one
  would name its reporter.
- Repeat perpetrators: reports naming the same offender identifier (its keyed hash,
  reporting/offender_identifiers.py). The police count only reports shared with them; a
  support-only report is never counted or shown to them, and its reporter is told instead
  (casework/tracking/), and may choose to share.
"""

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.postgres.search import TrigramSimilarity
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from centres.models import AccessLogEntry, Area
from reporting import access
from reporting.contact_hashes import REPEAT_WINDOW, counted_as_repeat
from reporting.models import (
    SHARED_WITH_POLICE,
    Consent,
    OffenderIdentifier,
    Report,
    ReporterContact,
)

from ..models import Case, LinkKind, ReportLink
from .common import lock_case, log_change

WINDOW = dt.timedelta(days=7)
NEIGHBOURS_FILE = Path(__file__).resolve().parent.parent / "data" / "area_neighbours.json"


def min_similarity() -> float:
    return settings.MATCH_MIN_SIMILARITY


# --- Neighbours and the incident's day ---------------------------------------------------------


@cache
def _cross_force_pairs() -> frozenset[tuple[str, str]]:
    pairs = json.loads(NEIGHBOURS_FILE.read_text())["pairs"]
    return frozenset((a, b) for a, b in pairs) | frozenset((b, a) for a, b in pairs)


def neighbouring_area_ids(area: Area) -> set[int]:
    """The area, the areas of its force, and those paired with it across a force boundary."""
    codes = [b for a, b in _cross_force_pairs() if a == area.code]
    query = Q(pk=area.pk) | Q(code__in=codes)
    if area.force:
        query |= Q(force=area.force)
    return set(Area.objects.filter(query).values_list("pk", flat=True))


def incident_day(report: Report) -> dt.date:
    """The day it happened when the reporter gave one, else the day it was reported."""
    return report.occurred_on or timezone.localdate(report.submitted_at)


def _window(report: Report) -> Q:
    """Incidents within seven days of this one, on the (area, occurred_on) and
    (area, submitted_at) indexes: by their date where known, else by when they were sent."""
    day = incident_day(report)
    first, last = day - WINDOW, day + WINDOW
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(first, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return Q(occurred_on__range=(first, last)) | Q(
        occurred_on__isnull=True, submitted_at__gte=start, submitted_at__lt=end
    )


# --- Candidates ----------------------------------------------------------------------------------


@dataclass
class Candidate:
    report: Report
    score: int
    similarity: float
    reasons: list[str] = field(default_factory=list)


def _place_filter(report: Report) -> Q:
    """Shared strand, or the same kind of place (online: the same platform)."""
    strand_ids = list(report.strands.values_list("pk", flat=True))
    query = Q(pk__in=[])
    if strand_ids:
        query |= Q(
            Exists(
                Report.strands.through.objects.filter(
                    report_id=OuterRef("pk"), strand_id__in=strand_ids
                )
            )
        )
    if report.place_type_id:
        query |= Q(place_type_id=report.place_type_id)
    if report.location_kind == Report.LocationKind.ONLINE and report.online_platform:
        query |= Q(location_kind="online", online_platform__iexact=report.online_platform)
    return query


def candidate_queryset(report: Report, queryset, *, area: Area):
    """The candidate search as one statement over `queryset` (already scoped), best first."""
    linked = ReportLink.objects.active().filter(report_id=OuterRef("pk"), case__report=report)
    return (
        queryset.filter(area_id__in=neighbouring_area_ids(area))
        .filter(_window(report))
        .exclude(pk=report.pk)
        .filter(_place_filter(report))
        .annotate(similarity=TrigramSimilarity("description", report.description or ""))
        .filter(similarity__gte=min_similarity())
        .exclude(Exists(linked))
        .order_by("-similarity", "-pk")
    )


def candidates(user, case: Case, *, limit: int = 10) -> list[Candidate]:
    """Reports this person may see that may be the same incident as the case's, with a score
    out of 100 and the reasons, best first. Computed when asked (the case page), so a report
    sent after the case opened is offered too."""
    report = case.report
    if not (report.description or "").strip():
        return []
    scoped = access.reports_visible_to(user, Report.objects.all())
    rows = list(
        candidate_queryset(report, scoped, area=case.area)
        .select_related("area", "place_type")
        .prefetch_related("strands")[:limit]
    )
    strands = {s.pk: s for s in report.strands.all()}
    day = incident_day(report)
    found = [_scored(report, other, strands, day) for other in rows]
    return sorted(found, key=lambda c: -c.score)


def _scored(report: Report, other: Report, strands: dict, day: dt.date) -> Candidate:
    reasons = []
    score = round(other.similarity * 50)
    reasons.append(_("Similar words (%(percent)d%%)") % {"percent": round(other.similarity * 100)})
    if other.area_id == report.area_id:
        score += 15
        reasons.append(_("Same area"))
    else:
        score += 8
        reasons.append(_("Neighbouring area: %(area)s") % {"area": other.area})
    apart = abs((incident_day(other) - day).days)
    score += max(0, 15 - 2 * apart)
    reasons.append(_("Same day") if apart == 0 else _("%(days)d days apart") % {"days": apart})
    shared = [str(strands[s.pk]) for s in other.strands.all() if s.pk in strands]
    if shared:
        score += 10
        reasons.append(_("Shared strand: %(strands)s") % {"strands": ", ".join(shared)})
    if report.place_type_id and other.place_type_id == report.place_type_id:
        score += 10
        reasons.append(_("Same kind of place: %(place)s") % {"place": other.place_type})
    elif report.online_platform and other.online_platform.lower() == report.online_platform.lower():
        score += 10
        reasons.append(_("Same website or app"))
    return Candidate(other, min(score, 100), other.similarity, reasons)


# --- Linking -----------------------------------------------------------------------------------


def link_report(*, case: Case, report: Report, kind: str, by, score=None, reasons=()) -> ReportLink:
    """Link `report` to the case as the same incident or as related. The caller fetched the
    report in the person's scope. The same incident: the report's own case, if any, waits on
    this one (its routine clock stops) and its reporter gets this case's victim updates."""
    if kind not in LinkKind.values:
        raise ValidationError({"kind": _("Choose how the reports are linked.")})
    with transaction.atomic():
        case = lock_case(case)
        if report.pk == case.report_id:
            raise ValidationError(_("A report cannot be linked to its own case."))
        if ReportLink.objects.active().filter(case=case, report=report).exists():
            raise ValidationError(_("This report is already linked to the case."))
        if kind == LinkKind.SAME_INCIDENT:
            if ReportLink.objects.same_incident().filter(report=report).exists():
                raise ValidationError(
                    _("This report is already linked to another case as the same incident.")
                )
            if ReportLink.objects.same_incident().filter(report=case.report).exists():
                raise ValidationError(
                    _("This case's report is itself handled in another case: link it there.")
                )
        link = ReportLink.objects.create(
            case=case,
            report=report,
            kind=kind,
            linked_by=by,
            score=score,
            reasons=[str(r) for r in reasons],
        )
        other_case = Case.objects.filter(report=report).first()
        if kind == LinkKind.SAME_INCIDENT and other_case is not None:
            # Its case waits on this one: only for someone who may work on that case too.
            if not access.can_change_case(by, other_case):
                raise ValidationError(
                    {"kind": _("Its case is another area's: link it as related, or ask them.")}
                )
            other_case.stop_routine_clocks()
            log_change(by, other_case, f"handled in case {case.pk} as the same incident")
        log_change(by, case, f"linked report {report.reference} as {kind}")
        access.record(
            by, report, AccessLogEntry.Action.CHANGE, detail=f"linked to case {case.pk} as {kind}"
        )
    return link


def unlink_report(*, link: ReportLink, by) -> ReportLink:
    """End a link; its row stays, stamped. A report that was the same incident gets its own
    case's routine clock back."""
    with transaction.atomic():
        case = lock_case(link.case)
        link = ReportLink.objects.select_for_update().get(pk=link.pk)
        if link.unlinked_at is not None:
            return link
        link.unlinked_at = timezone.now()
        link.unlinked_by = by
        link.save(update_fields=["unlinked_at", "unlinked_by"])
        other_case = Case.objects.filter(report_id=link.report_id).first()
        if link.kind == LinkKind.SAME_INCIDENT and other_case is not None:
            if other_case.status != "closed":
                other_case.start_routine_clock()
            log_change(by, other_case, f"no longer handled in case {case.pk}")
        log_change(by, case, f"unlinked report {link.report.reference} ({link.kind})")
        access.record(
            by, link.report, AccessLogEntry.Action.CHANGE, detail=f"unlinked from case {case.pk}"
        )
    return link


def incident_reports(case: Case) -> list[Report]:
    """The reports whose reporters this case's victim updates go to: its own, then those
    linked to it as the same incident (each reporter is told through their own plan)."""
    linked = [
        link.report
        for link in ReportLink.objects.same_incident()
        .filter(case=case)
        .select_related("report", "report__contact")
    ]
    return [case.report, *linked]


def handling_case(report: Report) -> Case | None:
    """The case this report is handled in as the same incident, if it is linked to one."""
    link = ReportLink.objects.same_incident().filter(report=report).select_related("case").first()
    return link.case if link else None


# --- Repeat victims ------------------------------------------------------------------------------


def _same_person(contact: ReporterContact, prefix: str = "contact__") -> Q | None:
    query = Q(pk__in=[])
    if contact.email_hash:
        query |= Q(**{f"{prefix}email_hash": contact.email_hash})
    if contact.phone_hash:
        query |= Q(**{f"{prefix}phone_hash": contact.phone_hash})
    return None if not (contact.email_hash or contact.phone_hash) else query


def repeat_reports(report: Report, *, now=None):
    """This reporter's reports (this one included) in the 12 months to now, among those shared
    with the police with their details, by the keyed hash of their email or phone; none when
    this report itself is not shared with details."""
    contact = getattr(report, "contact", None)
    if contact is None or report.consent != Consent.SHARE_WITH_DETAILS:
        return Report.objects.none()
    same = _same_person(contact)
    if same is None:
        return Report.objects.none()
    since = (now or timezone.now()) - REPEAT_WINDOW
    return Report.objects.filter(same, consent=Consent.SHARE_WITH_DETAILS, submitted_at__gte=since)


def repeat_victim(user, report: Report) -> dict:
    """For the case page: how many times this reporter reported in 12 months, and which of
    those reports (other than this one) the person may open."""
    reports = repeat_reports(report)
    count = reports.count()
    visible = []
    if count > 1:
        visible = list(
            access.reports_visible_to(user, Report.objects.all())
            .filter(pk__in=reports.values("pk"))
            .exclude(pk=report.pk)
            .select_related("case")
            .order_by("-submitted_at")
        )
    return {"count": count, "visible": visible}


def repeat_counts(reports, *, now=None) -> dict[int, int]:
    """{report id: reports by the same person in the 12 months to now}, for many reports at
    once (the daily review), only where it is more than one; two queries whatever their
    number."""
    ids = [r.pk for r in reports if r.consent == Consent.SHARE_WITH_DETAILS]
    contacts = list(
        ReporterContact.objects.filter(report_id__in=ids).values_list(
            "report_id", "email_hash", "phone_hash"
        )
    )
    emails = {e for _r, e, _p in contacts if e}
    phones = {p for _r, _e, p in contacts if p}
    if not (emails or phones):
        return {}
    since = (now or timezone.now()) - REPEAT_WINDOW
    rows = Report.objects.filter(
        Q(contact__email_hash__in=emails) | Q(contact__phone_hash__in=phones),
        consent=Consent.SHARE_WITH_DETAILS,
        submitted_at__gte=since,
    ).values_list("pk", "contact__email_hash", "contact__phone_hash")
    by_email, by_phone = {}, {}
    for pk, email, phone in rows:
        if email:
            by_email.setdefault(email, set()).add(pk)
        if phone:
            by_phone.setdefault(phone, set()).add(pk)
    counts = {}
    for report_id, email, phone in contacts:
        same = by_email.get(email, set()) if email else set()
        same = same | (by_phone.get(phone, set()) if phone else set())
        if len(same) > 1:
            counts[report_id] = len(same)
    return counts


def repeat_victim_count(queryset) -> int:
    """For insights: how many reports of `queryset` (scoped by the caller, e.g.
    access.reports_counted_for) came from someone who had reported before in the 12 months
    before it, by the keyed hash of their email or phone. Counts only; never who."""
    return queryset.filter(counted_as_repeat()).count()


# --- Repeat perpetrators -------------------------------------------------------------------------


def _same_offender(report: Report):
    digests = list(report.offender_identifiers.values_list("digest", flat=True))
    return (
        Report.objects.filter(
            Exists(OffenderIdentifier.objects.filter(report_id=OuterRef("pk"), digest__in=digests))
        )
        if digests
        else Report.objects.none()
    )


def named_in(user, report: Report) -> dict:
    """For the police on a shared report: how many reports shared with the police name the
    same offender (this one included), and which of the others the person may open. Reports
    not shared with the police are never counted here."""
    if not report.is_shared_with_police:
        return {"count": 0, "visible": []}
    shared = _same_offender(report).filter(consent__in=SHARED_WITH_POLICE)
    count = shared.count()
    visible = []
    if count > 1:
        visible = list(
            access.reports_visible_to(user, Report.objects.all())
            .filter(pk__in=shared.values("pk"))
            .exclude(pk=report.pk)
            .select_related("case")
        )
    return {"count": count, "visible": visible}


def someone_else_named(report: Report) -> bool:
    """For the reporter of a support-only report, on their tracking page: whether another
    report names the same offender. Says nothing of who, where or how many."""
    if report.consent != Consent.DO_NOT_SHARE:
        return False
    return _same_offender(report).exclude(pk=report.pk).exists()
