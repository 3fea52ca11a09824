"""/data-protection/retention/: the retention schedule and what its next run would remove,
per category and area (reporting.lifecycle.preview), for the data protection officer to see
before a period changes. Counts only: no report is opened, so nothing is written to the
access log."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from centres.models import Area
from reporting.lifecycle import Category, days_for_area, national_days, preview

from .views import _no_store, dpo_required

LABELS = {
    Category.CONTACT: _("Contact details and safe-contact plan"),
    Category.FREE_TEXT: _("Free text and information added later"),
    Category.EVIDENCE: _("Evidence files"),
    Category.ANONYMISE: _("Whole report anonymised"),
}


@require_safe
@dpo_required
def retention(request):
    national = national_days()
    categories = [(str(c), LABELS[c], national[c]) for c in Category]
    # Areas that keep something for less than the national period (they may never keep more).
    shorter = []
    for area in Area.objects.order_by("name"):
        days = [days_for_area(c, area, national) for c in Category]
        if days != [national[c] for c in Category]:
            shorter.append({"area": area.name, "days": days})
    result = preview()
    context = {
        "categories": categories,
        "shorter": shorter,
        "totals": [result.totals()[key] for key, _label, _days in categories],
        "rows": [
            {"area": row["area"], "counts": [row[key] for key, _l, _d in categories]}
            for row in result.by_area()
        ],
        "now": timezone.now(),
    }
    return _no_store(render(request, "casework/data_protection/retention.html", context))
