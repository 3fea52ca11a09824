"""The daily threat review: what is shown on screen and in the PDF.

The review lists, per area, every case opened since the area's previous review (a report
reaches the police when its case opens), with what has and has not been done: triaged,
THRIVE, the victim contacted, safeguarding (a referral to a support service), and the
community impact assessed at the meeting.

Since the previous review: a held review (`DailyReview`) records the window it covered, and
the next one starts where it ended, so Monday's covers Saturday and Sunday, and the first
working day after a bank holiday covers the holiday. An area with no review held in the last
`LOOKBACK` starts from the same time on the previous working day (Monday from Friday, the
Tuesday after a bank holiday Monday from Friday too). A review being held (not yet signed off)
keeps its window until the chair signs it off; what reaches the police meanwhile waits for
the next one.

It is a police document (the morning meeting's), so it lists only cases whose reporter shares
them with the police now, whoever reads it: a superuser's break-glass scope does not bring a
withdrawn report back into the meeting's papers.
"""

import datetime as dt
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils import timezone

from centres.bank_holidays import LONDON
from centres.models import AccessLogEntry, Area
from reporting import access
from reporting.models import Referral

from .models import Case, CaseImpactAssessment, CaseUpdate, DailyReview, ThriveAssessment
from .services.matching import repeat_counts
from .workdays import is_working_day

# A review held longer ago than this is not where the next one starts (an area that stopped
# holding reviews, or a first review): the previous working day is.
LOOKBACK = dt.timedelta(days=14)


@dataclass
class AreaReview:
    """One area's review: held (`held` set) or the one the next meeting would hold."""

    area: Area
    since: dt.datetime
    until: dt.datetime
    held: DailyReview | None = None
    previous: DailyReview | None = None
    cases: list = field(default_factory=list)

    @property
    def not_triaged(self) -> int:
        return sum(1 for case in self.cases if not case.triaged_at)

    @property
    def repeat_victims(self) -> list:
        """Cases whose reporter reported more than once in 12 months (repeat_count set by
        _fill, casework/services/matching.py)."""
        return [case for case in self.cases if getattr(case, "repeat_count", 0) > 1]

    @property
    def not_assessed(self) -> int:
        return sum(1 for case in self.cases if case.impact is None)


def previous_working_day(day: dt.date) -> dt.date:
    day -= dt.timedelta(days=1)
    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def same_time_previous_working_day(until: dt.datetime) -> dt.datetime:
    """The same London clock time on the working day before `until`'s date."""
    local = until.astimezone(LONDON)
    day = previous_working_day(local.date())
    return dt.datetime.combine(day, local.time().replace(tzinfo=None), tzinfo=LONDON)


def window_start(latest: DailyReview | None, until: dt.datetime) -> dt.datetime:
    """Where a review ending at `until` starts: where the area's latest review ended, unless
    that was more than `LOOKBACK` ago (or there is none)."""
    if latest is not None and until - LOOKBACK <= latest.covered_until < until:
        return latest.covered_until
    return same_time_previous_working_day(until)


def latest_reviews(area_ids) -> dict[int, DailyReview]:
    """Each area's latest review (held or signed off), by area id, in one query."""
    rows = (
        DailyReview.objects.filter(area_id__in=list(area_ids))
        .select_related("chair")
        .order_by("area_id", "-covered_until")
        .distinct("area_id")
    )
    return {review.area_id: review for review in rows}


def daily_review(user, *, until=None, area_id=None, review_id=None) -> list[AreaReview]:
    """The review of each of the person's police areas (or of `area_id` among them): the one
    being held, else the cases opened since the previous review until `until` (now). With
    `review_id`, that review (held or signed off) of one of their areas, else 404."""
    until = until or timezone.now()
    areas = {area.pk: area for area in access.police_areas(user)}
    if review_id is not None:
        review = (
            DailyReview.objects.filter(pk=review_id, area_id__in=areas)
            .select_related("chair")
            .first()
        )
        if review is None:
            raise Http404
        reviews = [_held(areas[review.area_id], review)]
    else:
        if area_id is not None:
            areas = {pk: area for pk, area in areas.items() if pk == area_id}
        latest = latest_reviews(areas)
        reviews = []
        for pk, area in areas.items():
            last = latest.get(pk)
            if last is not None and not last.is_signed_off:
                reviews.append(_held(area, last))
            else:
                since = window_start(last, until)
                reviews.append(AreaReview(area=area, since=since, until=until, previous=last))
    _fill(user, reviews)
    return sorted(reviews, key=lambda review: review.area.name)


def _held(area, review: DailyReview) -> AreaReview:
    return AreaReview(area=area, since=review.covered_from, until=review.covered_until, held=review)


def review_cases(user, reviews) -> "list[Case]":
    """The cases of every review, in one query: each area's window, in the person's scope,
    shared with the police now, with what has been done."""
    if not reviews:
        return []
    windows = reduce(
        or_,
        (
            Q(area_id=review.area.pk, opened_at__gte=review.since, opened_at__lt=review.until)
            for review in reviews
        ),
    )
    return list(
        access.cases_shared_with_police(access.cases_handled_by(user, Case.objects.all()))
        .filter(windows)
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


def _fill(user, reviews: list[AreaReview]) -> None:
    by_area = {review.area.pk: review for review in reviews}
    held = [review.held.pk for review in reviews if review.held]
    impacts = {
        (impact.review_id, impact.case_id): impact
        for impact in CaseImpactAssessment.objects.filter(review_id__in=held).select_related(
            "assessed_by"
        )
    }
    cases = review_cases(user, reviews)
    repeats = repeat_counts([case.report for case in cases])
    for case in cases:
        case.repeat_count = repeats.get(case.report_id, 0)
        review = by_area[case.area_id]
        case.impact = impacts.get((review.held.pk, case.pk)) if review.held else None
        review.cases.append(case)


def log_review(user, reviews, *, action: str, detail: str) -> list[AccessLogEntry]:
    """One access-log entry per case shown, in one INSERT (a review of 160 cases is one
    statement, not 160)."""
    case_type = ContentType.objects.get_for_model(Case)
    entries = [
        AccessLogEntry(
            user=user if user.is_authenticated else None,
            action=action,
            object_type=case_type,
            object_id=case.pk,
            object_label=str(case)[:80],
            detail=detail,
        )
        for review in reviews
        for case in review.cases
    ]
    return AccessLogEntry.objects.bulk_create(entries) if entries else []
