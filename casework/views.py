"""The insights pages, for partnership analysts: aggregates only, never a report."""

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.shortcuts import render

from centres.decorators import analyst_required
from centres.stats import suppress
from reporting import access
from reporting.models import Channel, Report


@analyst_required
def insights(request):
    """Trends for partnership analysts: aggregates only, never a report."""
    reports = access.reports_counted_for(request.user, Report.objects.all())
    by_month = (
        reports.annotate(month=TruncMonth("submitted_at"))
        .values("month")
        .annotate(total=Count("id"))
        .order_by("-month")[:18]
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
        },
    )
