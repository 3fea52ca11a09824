"""/data-protection/retention/: the retention schedule and what its next run will remove, per
category and area (reporting.lifecycle.preview), for the data protection officer.

A period set shorter waits here (reporting.lifecycle.schedule): the page shows what changed,
what the new periods would remove at their first run, and a button that applies them. Until
the officer presses it, the purge keeps to the periods in force. Applying is written to the
access log. Counts only: no report is opened."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from centres.models import AccessLogEntry, Area
from reporting import access
from reporting.lifecycle import (
    Category,
    apply_configured,
    preview,
    waiting_changes,
)
from reporting.lifecycle.schedule import periods_in_force
from reporting.models import RetentionSchedule

from .views import _no_store, dpo_required

LABELS = {
    Category.CONTACT: _("Contact details and safe-contact plan"),
    Category.FREE_TEXT: _("Free text and information added later"),
    Category.EVIDENCE: _("Evidence files"),
    Category.ANONYMISE: _("Whole report anonymised"),
}


def _table(result, categories):
    return {
        "totals": [result.totals()[key] for key, _label, _days in categories],
        "rows": [
            {"area": row["area"], "counts": [row[key] for key, _l, _d in categories]}
            for row in result.by_area()
        ],
    }


@require_http_methods(["GET", "HEAD", "POST"])
@dpo_required
def retention(request):
    changes = waiting_changes()
    if request.method == "POST":
        return _apply(request, changes)
    in_force = periods_in_force()
    categories = [(str(c), LABELS[c], in_force["national"][str(c)]) for c in Category]
    # Areas that keep something for less than the national period (they may never keep more).
    areas = {str(area.pk): area.name for area in Area.objects.all()}
    shorter = sorted(
        (
            {"area": areas[pk], "days": [days[str(c)] for c in Category]}
            for pk, days in in_force["areas"].items()
            if pk in areas
        ),
        key=lambda row: row["area"],
    )
    context = {
        "categories": categories,
        "shorter": shorter,
        "next_run": _table(preview(), categories),
        "changes": [
            {
                "what": LABELS[change.category],
                "where": change.area.name if change.area else _t("Nationally"),
                "in_force": change.in_force,
                "configured": change.configured,
            }
            for change in changes
        ],
        "proposed": _table(preview(proposed=True), categories) if changes else None,
        "history": [
            {
                "schedule": schedule,
                "removed": [
                    (LABELS[c], schedule.would_remove[str(c)])
                    for c in Category
                    if str(c) in schedule.would_remove
                ],
            }
            for schedule in RetentionSchedule.objects.select_related("approved_by")[:10]
        ],
        "now": timezone.now(),
    }
    return _no_store(render(request, "casework/data_protection/retention.html", context))


def _apply(request, changes):
    """The officer has read the dry run of the periods set now: they take effect."""
    if not changes:
        messages.info(request, _t("No shorter period waits for review."))
        return redirect("data_protection:retention")
    if request.POST.get("confirm") != "yes":
        messages.error(
            request,
            _t("Confirm that you have read what the new periods would remove."),
        )
        return redirect("data_protection:retention")
    would_remove = preview(proposed=True).totals()
    schedule = apply_configured(by=request.user, would_remove=would_remove)
    summary = ", ".join(f"{key} {count}" for key, count in would_remove.items())
    access.record(
        request.user,
        schedule,
        AccessLogEntry.Action.CHANGE,
        detail=f"retention schedule applied; its first run removes {summary}"[:200],
    )
    messages.success(
        request, _t("The new periods are in force: the next nightly run applies them.")
    )
    return redirect("data_protection:retention")
