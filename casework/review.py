"""The daily threat review and the case summary: what is shown on screen and in the PDFs.

The review lists, per area, every case opened in the 24 hours before `until` (a report reaches
the police when its case opens), with what has and has not been done: triaged, THRIVE, the
victim contacted, safeguarding (a referral to a support service).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.utils import timezone

from centres.models import Area, Role
from reporting import access
from reporting.models import Referral

from .models import Case, CaseUpdate, ThriveAssessment

WINDOW = dt.timedelta(hours=24)


@dataclass
class AreaReview:
    area: Area
    cases: list = field(default_factory=list)

    @property
    def not_triaged(self) -> int:
        return sum(1 for case in self.cases if not case.triaged_at)


def review_areas(user) -> list[Area]:
    """The areas whose review this person may read: their police areas (all for a
    superuser)."""
    if user.is_superuser:
        return list(Area.objects.all())
    areas = {m.area_id: m.area for m in user.active_memberships if m.role in Role.POLICE_ROLES}
    return sorted(areas.values(), key=lambda area: area.name)


def daily_review(user, *, until=None, area_id=None) -> tuple[list[AreaReview], dt.datetime]:
    until = until or timezone.now()
    since = until - WINDOW
    areas = {area.pk: area for area in review_areas(user)}
    if area_id is not None:
        areas = {pk: area for pk, area in areas.items() if pk == area_id}
    cases = (
        access.cases_handled_by(user, Case.objects.all())
        .filter(area_id__in=areas, opened_at__gte=since, opened_at__lt=until)
        .select_related("report", "report__centre", "owner")
        .prefetch_related("report__strands", "report__incident_types")
        .annotate(
            has_thrive=Exists(ThriveAssessment.objects.filter(case=OuterRef("pk"))),
            victim_contacted=Exists(
                CaseUpdate.objects.filter(case=OuterRef("pk")).filter(
                    Q(visibility=CaseUpdate.Visibility.VICTIM)
                    | Q(
                        is_contact_attempt=True,
                        contact_outcome=CaseUpdate.ContactOutcome.REACHED,
                    )
                )
            ),
            has_referral=Exists(Referral.objects.filter(report=OuterRef("report_id"))),
        )
        .order_by("opened_at", "pk")
    )
    reviews = {pk: AreaReview(area=area) for pk, area in areas.items()}
    for case in cases:
        reviews[case.area_id].cases.append(case)
    return sorted(reviews.values(), key=lambda review: review.area.name), since


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html).write_pdf()
