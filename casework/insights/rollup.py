"""Refreshing the insights rollup (`InsightsFact`): every fact recomputed from the reports,
cases, clocks and outcomes, in one transaction, under an advisory lock.

Idempotent: a refresh deletes the rows and writes them again, so two in a row leave the same
rows, and a reader sees the old rows until the new ones commit. The lock (taken with
`pg_try_advisory_xact_lock`, as the casework sweeps do) makes a second refresh that starts
while one runs skip instead of queueing. Beat runs it (`casework.tasks.refresh_insights`);
the demo also runs it when its data is loaded and when an analyst asks (the page's button).
"""

import datetime
import logging
import time

from django.db import connection, transaction
from django.db.models import Case as Choose
from django.db.models import CharField, Count, F, Q, Value, When
from django.db.models.functions import Coalesce, Concat, TruncMonth
from django.utils import timezone

from centres.models import CentreKind
from reporting.contact_hashes import counted_as_repeat
from reporting.models import UNDER_18, Consent, Report

from ..models import Case, Clock, InsightsFact, InsightsRefresh, RecordingDecision
from .filters import add_months

logger = logging.getLogger(__name__)

INSIGHTS_LOCK = 0x48524951  # "HRIQ": the advisory lock a rollup refresh takes
BATCH = 5000
Kind = InsightsFact.Kind


def _label(*whens, default=""):
    return Choose(*whens, default=Value(default), output_field=CharField())


# What a report's fact of kind "reports" says of it, in its label: the codes that apply, each
# followed by a space ("" for none). Every reader of the kind sums over the labels, so a report
# still counts once; the schools and repeat-reporter tables read the codes (figures.py).
AT_SCHOOL = "at_school"  # logged at a school (a centre of kind school)
TOLD_SCHOOL = "told_school"  # a school was told of it
UNDER_18_CODE = "under_18"  # it happened to someone under 18
REPEAT_REPORTER = "repeat"  # its reporter had reported before in the 12 months before it


def report_flags():
    """The label of a report's fact: the codes above that apply to it."""
    conditions = [
        (AT_SCHOOL, Q(centre__kind=CentreKind.SCHOOL)),
        (TOLD_SCHOOL, Q(school__isnull=False)),
        (UNDER_18_CODE, Q(age_group__in=UNDER_18)),
        (REPEAT_REPORTER, counted_as_repeat()),
    ]
    return Concat(
        *(_label(When(condition, then=Value(f"{code} "))) for code, condition in conditions),
        output_field=CharField(),
    )


def flags(label: str) -> set[str]:
    """The codes of a "reports" fact's label."""
    return set(label.split())


def fact_queries(now: datetime.datetime):
    """(kind, queryset, path to the report, month expression, label expression) per kind."""
    triage_buckets = _label(
        When(triaged_at__isnull=True, then=Value("not_yet")),
        When(triaged_at__lte=F("opened_at") + datetime.timedelta(days=1), then=Value("1_day")),
        When(triaged_at__lte=F("opened_at") + datetime.timedelta(days=3), then=Value("3_days")),
        When(triaged_at__lte=F("opened_at") + datetime.timedelta(days=7), then=Value("7_days")),
        default="longer",
    )
    # A clock counts once it is met, or once it is past due without having been stopped
    # before its due time (a clock stopped early, say the case closed, was not owed).
    clocks = Clock.objects.filter(
        Q(met_at__isnull=False)
        | Q(due_at__lt=now) & (Q(stopped_at__isnull=True) | Q(stopped_at__gt=F("due_at")))
    )
    return [
        (Kind.REPORTS, Report.objects.all(), "", TruncMonth("submitted_at"), report_flags()),
        (
            Kind.RECORDED,
            Report.objects.all(),
            "",
            TruncMonth("submitted_at"),
            _label(
                When(consent=Consent.DO_NOT_SHARE, then=Value("not_shared")),
                When(
                    case__recording_decision__in=RecordingDecision.values,
                    then=F("case__recording_decision"),
                ),
                default="undecided",
            ),
        ),
        (
            Kind.PLACE,
            Report.objects.all(),
            "",
            TruncMonth("submitted_at"),
            Coalesce("place_type__code", Value("")),
        ),
        (Kind.REPEAT, Report.objects.all(), "", TruncMonth("submitted_at"), F("happened_before")),
        (
            Kind.OUTCOME,
            Report.objects.filter(case__outcome__isnull=False),
            "",
            TruncMonth("case__outcome__recorded_at"),
            _label(
                When(case__outcome__outcome_type__is_positive=True, then=Value("positive")),
                default="other",
            ),
        ),
        (
            Kind.UPDATE,
            clocks,
            "case__report__",
            TruncMonth("due_at"),
            _label(When(met_at__lte=F("due_at"), then=Value("on_time")), default="late"),
        ),
        (Kind.TRIAGE, Case.objects.all(), "report__", TruncMonth("opened_at"), triage_buckets),
    ]


def _facts(kind, queryset, path, month, label, since=None):
    """The facts of one kind: grouped once over all strands and once per strand; with `since`,
    only those of that month on."""
    if since is not None:
        queryset = queryset.filter(**{f"{month.source_expressions[0].name}__gte": since})
    dims = {
        "fact_area": f"{path}area_id",
        "fact_channel": f"{path}channel",
        "fact_centre": f"{path}centre_id",
    }
    base = queryset.annotate(
        fact_month=month, fact_label=label, **{k: F(v) for k, v in dims.items()}
    )
    for by_strand in (False, True):
        grouped = base
        names = ["fact_month", "fact_label", *dims]
        if by_strand:
            grouped = grouped.filter(**{f"{path}strands__isnull": False}).annotate(
                fact_strand=F(f"{path}strands")
            )
            names.append("fact_strand")
        for row in grouped.values(*names).annotate(n=Count("pk")).order_by().iterator():
            yield InsightsFact(
                kind=kind,
                label=row["fact_label"] or "",
                month=timezone.localtime(row["fact_month"]).date()
                if isinstance(row["fact_month"], datetime.datetime)
                else row["fact_month"],
                area_id=row["fact_area"],
                strand_id=row.get("fact_strand"),
                channel=row["fact_channel"],
                centre_id=row["fact_centre"],
                count=row["n"],
            )


def refresh(*, now=None, months: int | None = None) -> InsightsRefresh | None:
    """Rewrite the rollup: all of it, or with `months` only the latest months (this one
    included), where nearly every change lands. None when another refresh holds the lock."""
    now = now or timezone.now()
    since = None
    if months:
        first = add_months(timezone.localdate(now).replace(day=1), 1 - months)
        since = timezone.make_aware(datetime.datetime.combine(first, datetime.time()))
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [INSIGHTS_LOCK])
        if not cursor.fetchone()[0]:
            logger.info("Insights refresh skipped: another refresh is running")
            return None
        stale = InsightsFact.objects.all()
        if since is not None:
            stale = stale.filter(month__gte=since.date())
        stale.delete()
        written = 0
        for query in fact_queries(now):
            batch = []
            for fact in _facts(*query, since=since):
                batch.append(fact)
                if len(batch) >= BATCH:
                    InsightsFact.objects.bulk_create(batch)
                    written += len(batch)
                    batch = []
            InsightsFact.objects.bulk_create(batch)
            written += len(batch)
        return InsightsRefresh.objects.create(
            finished_at=timezone.now(), seconds=time.perf_counter() - started, rows=written
        )


def latest() -> InsightsRefresh | None:
    return InsightsRefresh.objects.first()
