"""The insights pages, for partnership analysts: aggregates only, never a report."""

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.shortcuts import render

from centres.decorators import analyst_required
from centres.stats import SMALL_NUMBER, suppress
from reporting import access
from reporting.models import Channel, Report

from .models import Outcome

MONTHS_SHOWN = 18


@analyst_required
def insights(request):
    """Trends for partnership analysts: aggregates only, never a report."""
    reports = access.reports_counted_for(request.user, Report.objects.all())
    by_month = (
        reports.annotate(month=TruncMonth("submitted_at"))
        .values("month")
        .annotate(total=Count("id"))
        .order_by("-month")[:MONTHS_SHOWN]
    )
    by_strand = reports.values("strands__name").annotate(total=Count("id")).order_by("-total")
    by_channel = reports.values("channel").annotate(total=Count("id")).order_by("-total")
    by_area = reports.values("area__name").annotate(total=Count("id")).order_by("area__name")
    return render(
        request,
        "casework/insights.html",
        {
            "by_month": [(row["month"], suppress(row["total"])) for row in by_month],
            "by_strand": [
                (row["strands__name"], suppress(row["total"]))
                for row in by_strand
                if row["strands__name"]
            ],
            "by_channel": [
                (Channel(row["channel"]).label, suppress(row["total"])) for row in by_channel
            ],
            "by_area": [(row["area__name"], suppress(row["total"])) for row in by_area],
            "outcomes_by_month": positive_outcomes_by_month(reports),
        },
    )


def positive_outcomes_by_month(reports) -> list[tuple]:
    """Per month an outcome was recorded: outcomes, positive outcomes (OC1-OC10 and 22,
    `Outcome.objects.positive()`) and the positive rate. A positive count and a rate are shown
    only when neither the positive nor the other outcomes number 1 to 4: next to the total, one
    would give the other away by subtraction."""
    positive = Outcome.objects.positive().values("pk")
    rows = (
        Outcome.objects.filter(case__report__in=reports.values("pk"))
        .annotate(month=TruncMonth("recorded_at"))
        .values("month")
        .annotate(total=Count("pk"), positive=Count("pk", filter=Q(pk__in=positive)))
        .order_by("-month")[:MONTHS_SHOWN]
    )
    table = []
    for row in rows:
        total, good = row["total"], row["positive"]
        shown = all(n == 0 or n >= SMALL_NUMBER for n in (good, total - good))
        table.append(
            (
                row["month"],
                suppress(total),
                suppress(good) if shown or 0 < good < SMALL_NUMBER else None,
                round(100 * good / total) if shown else None,
            )
        )
    return table
