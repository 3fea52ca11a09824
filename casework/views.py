from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.shortcuts import render

from centres.views import staff_required
from reporting.models import Channel, Report

SMALL_NUMBER = 5


def analyst_required(view):
    @wraps(view)
    @staff_required
    def wrapper(request, *args, **kwargs):
        if not request.user.is_analyst:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def suppress(count: int) -> str:
    """Counts small enough to identify someone are never shown."""
    return f"<{SMALL_NUMBER}" if 0 < count < SMALL_NUMBER else str(count)


@analyst_required
def insights(request):
    """Trends for partnership analysts: aggregates only, never a report."""
    reports = Report.objects.all()
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
