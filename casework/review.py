"""The daily threat review: what is shown on screen and in the PDF.

The review lists, per area, every case opened in the 24 hours before `until` (a report reaches
the police when its case opens), with what has and has not been done: triaged, THRIVE, the
victim contacted, safeguarding (a referral to a support service).

It is a police document (the morning meeting's), so it lists only cases whose reporter shares
them with the police now, whoever reads it: a superuser's break-glass scope does not bring a
withdrawn report back into the meeting's papers.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from centres.models import Area
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


def daily_review(user, *, until=None, area_id=None) -> tuple[list[AreaReview], dt.datetime]:
    """The review of each of the person's police areas (or of `area_id` among them): the
    cases opened in the 24 hours before `until`, in their scope, and when the window began."""
    until = until or timezone.now()
    since = until - WINDOW
    areas = {area.pk: area for area in access.police_areas(user)}
    if area_id is not None:
        areas = {pk: area for pk, area in areas.items() if pk == area_id}
    cases = (
        access.cases_shared_with_police(access.cases_handled_by(user, Case.objects.all()))
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
