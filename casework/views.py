"""The insights pages, for partnership analysts: aggregates only, never a report.

Every figure comes from `insights.sections.all_tables`, which protects each table (small
counts hidden, the rest rounded to 5) before the page or a CSV export sees it."""

import csv
import hashlib
import logging

import kombu.exceptions
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from centres.decorators import analyst_required
from centres.models import AccessLogEntry

from .insights import charts, rollup, sections
from .insights.disclosure import Hidden
from .insights.filters import filters_from
from .tasks import refresh_insights

logger = logging.getLogger(__name__)

CACHE_SECONDS = 24 * 60 * 60  # a refresh changes the key long before
RTL_LANGUAGES = {"ps"}  # right-to-left languages Django does not mark (settings.LANG_INFO)


def _is_rtl() -> bool:
    return get_language_bidi() or (get_language() or "").split("-")[0] in RTL_LANGUAGES


def _cell(value):
    if isinstance(value, Hidden):
        return str(value)
    if value is None:
        return "–"
    return value


@analyst_required
def insights(request):
    """Every section of the insights page for the filters in the query string."""
    filters, form = filters_from(request.GET)
    latest = rollup.latest()
    if latest is None:
        try:
            refresh_insights.delay()  # the first visit ever: the demo computes it here and now
        except kombu.exceptions.OperationalError:
            logger.warning("Insights refresh not queued: the broker is down")
        latest = rollup.latest()
    query = request.GET.urlencode() if form.is_bound and form.is_valid() else ""
    return render(
        request,
        "casework/insights.html",
        {
            "form": form,
            "filters": filters,
            "latest": latest,
            "query": query,
            "can_refresh": settings.DEMO,
            "sections": _sections(filters, latest) if latest else [],
        },
    )


def _sections(filters, latest) -> list[dict]:
    """The page's tables with their charts, cached until the rollup's next refresh: the same
    filters, language and figures always draw the same charts."""
    rtl = _is_rtl()
    digest = hashlib.sha256(filters.describe().encode()).hexdigest()[:32]
    key = f"insights:{latest.pk}:{get_language()}:{digest}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    shown = [
        {
            "table": table,
            "chart": charts.render(table, rtl=rtl),
            "rows": [[row[0], *(_cell(cell) for cell in row[1:])] for row in table.rows],
        }
        for table in sections.all_tables(filters)
    ]
    cache.set(key, shown, CACHE_SECONDS)
    return shown


@analyst_required
def export_table(request, key):
    """One table of the page as CSV: the same filters, the same protection, logged."""
    filters, _form = filters_from(request.GET)
    latest = rollup.latest()
    table = (
        next((t for t in sections.all_tables(filters) if t.key == key), None) if latest else None
    )
    if table is None:
        raise Http404
    AccessLogEntry.objects.record(
        user=request.user,
        obj=latest,
        action=AccessLogEntry.Action.EXPORT,
        detail=f"insights {key}.csv: {filters.describe()}",
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="insights-{key}.csv"'
    response["Cache-Control"] = "no-store"
    writer = csv.writer(response)
    writer.writerow([str(column) for column in table.columns])
    for row in table.rows:
        writer.writerow([str(_cell(cell)) for cell in row])
    writer.writerow([])
    writer.writerow([str(table.note)])
    return response


@require_POST
@analyst_required
def refresh(request):
    """The demo's "refresh the figures now" (production refreshes on beat only)."""
    if not settings.DEMO:
        raise Http404
    refresh_insights.delay()
    messages.success(request, _("The figures have been refreshed."))
    query = QueryDict(request.POST.get("query", "")).urlencode()
    return redirect(f"{reverse('casework:insights')}?{query}")
