"""The retention schedule: how long each kind of information is kept, and from when.

One source: settings.HATEREPORT_RETENTION holds the national periods (in days); an area may
set shorter ones for contact details and for anonymising a report never shared with the
police (its `contact_retention_days` and `unshared_report_retention_days`), never longer, so
the national figure is the most anyone keeps. The purge, its dry run and the privacy notice
all read the periods from here.

Each period runs from the report's *clock start*: when its police case closed (a reopened
case stops the clock), or, for a report never shared with the police, its last activity
(sent, first contact about support, information added, consent changed). A report shared
with the police whose case is not open yet has no clock.

A period made shorter waits for review: the purge keeps to the periods in force (the longer
of those set now and those the data protection officer last applied, RetentionSchedule)
until the officer has seen the dry run of the new ones and applied them
(`apply_configured`). A period made longer applies at once: it removes less.
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.db.models import Exists, OuterRef, Q

from centres.models import Area

from ..models import SHARED_WITH_POLICE, ConsentChange, ReportAddition, RetentionSchedule


class Category(StrEnum):
    """What the purge removes, in the order it runs (anonymising takes everything left)."""

    CONTACT = "contact"
    FREE_TEXT = "free_text"
    EVIDENCE = "evidence"
    ANONYMISE = "anonymise"


# Which Area field may shorten a category's period (the labels on Area say what they mean).
AREA_OVERRIDES = {
    Category.CONTACT: "contact_retention_days",
    Category.ANONYMISE: "unshared_report_retention_days",
}


def national_days() -> dict[Category, int]:
    """The national periods, in days, from settings.HATEREPORT_RETENTION."""
    configured = settings.HATEREPORT_RETENTION
    return {category: int(configured[f"{category}_days"]) for category in Category}


def days_for_area(category: Category, area: Area | None, national: dict | None = None) -> int:
    """The period that applies in `area`: the national one, or the area's if shorter."""
    days = (national or national_days())[category]
    field = AREA_OVERRIDES.get(category)
    if area is not None and field is not None:
        days = min(days, getattr(area, field))
    return days


@dataclass(frozen=True)
class AreaGroup:
    """Areas that share one period for a category, and the cut-off of that period now."""

    days: int
    area_ids: tuple[int, ...]
    cutoff: datetime.datetime


def configured_periods() -> dict:
    """The periods set now (settings, and each area's shorter ones), in the form
    RetentionSchedule.periods stores: national days, and every day of each area that differs."""
    national = national_days()
    everywhere = {str(c): national[c] for c in Category}
    areas = {}
    for area in Area.objects.order_by("pk"):
        own = {str(c): days_for_area(c, area, national) for c in Category}
        if own != everywhere:
            areas[str(area.pk)] = own
    return {"national": everywhere, "areas": areas}


def _days(periods: dict, category: Category, area_pk: int) -> int:
    return int(periods["areas"].get(str(area_pk), periods["national"])[str(category)])


def reviewed() -> RetentionSchedule | None:
    """The schedule the data protection officer applied last (the first was recorded when
    reviews began, by migration reporting 0017)."""
    return RetentionSchedule.objects.order_by("-approved_at", "-pk").first()


def periods_in_force(configured: dict | None = None) -> dict:
    """What the purge applies: for each category and area, the longer of the period set now
    and the one last reviewed (a shorter one waits for review; a longer one removes less)."""
    configured = configured or configured_periods()
    last = reviewed()
    if last is None:
        return configured
    national = {
        str(c): max(int(configured["national"][str(c)]), int(last.periods["national"][str(c)]))
        for c in Category
    }
    areas = {}
    for pk in {*configured["areas"], *last.periods["areas"]}:
        own = {str(c): max(_days(configured, c, pk), _days(last.periods, c, pk)) for c in Category}
        if own != national:
            areas[pk] = own
    return {"national": national, "areas": areas}


@dataclass(frozen=True)
class WaitingChange:
    """A period set shorter than the one in force: it waits for the officer's review."""

    category: Category
    area: Area | None  # None: the national period
    in_force: int
    configured: int


def waiting_changes() -> list[WaitingChange]:
    """Every period set now that is shorter than the one the purge applies."""
    configured = configured_periods()
    in_force = periods_in_force(configured)
    changes = []
    named = [*in_force["areas"], *configured["areas"]]
    areas = {str(area.pk): area for area in Area.objects.filter(pk__in=named)}
    for category in Category:
        key = str(category)
        national, kept_nationally = configured["national"][key], in_force["national"][key]
        if national < kept_nationally:
            changes.append(WaitingChange(category, None, kept_nationally, national))
        for pk, area in sorted(areas.items(), key=lambda item: item[1].name):
            now_set, kept = _days(configured, category, pk), _days(in_force, category, pk)
            if now_set < kept and now_set < configured["national"][key]:
                changes.append(WaitingChange(category, area, kept, now_set))
    return changes


def apply_configured(*, by, would_remove: dict) -> RetentionSchedule:
    """The officer has seen the dry run of the periods set now: they take effect."""
    return RetentionSchedule.objects.create(
        periods=configured_periods(), would_remove=would_remove, approved_by=by
    )


def area_groups(
    category: Category, now: datetime.datetime, *, proposed: bool = False
) -> list[AreaGroup]:
    """Every area, grouped by the period that applies to it (a handful of groups at most):
    the periods in force, or with `proposed` those set now (the dry run of a change)."""
    periods = configured_periods()
    if not proposed:
        periods = periods_in_force(periods)
    groups: dict[int, list[int]] = {}
    for area in Area.objects.order_by("pk"):
        groups.setdefault(_days(periods, category, area.pk), []).append(area.pk)
    return [
        AreaGroup(days, tuple(ids), now - datetime.timedelta(days=days))
        for days, ids in sorted(groups.items())
    ]


def clock_ran_out(cutoff: datetime.datetime, prefix: str = "") -> Q:
    """Reports whose clock started before `cutoff`: the case closed before it, or, never
    shared and with no case, nothing happened since (`prefix` for a related queryset)."""
    report = OuterRef(f"{prefix}pk" if prefix else "pk")
    later_addition = ReportAddition.objects.filter(report=report, added_at__gte=cutoff)
    later_consent = ConsentChange.objects.filter(report=report, changed_at__gte=cutoff)
    case_closed = Q(**{f"{prefix}case__closed_at__lt": cutoff})
    quiet = (
        Q(**{f"{prefix}case__isnull": True, f"{prefix}submitted_at__lt": cutoff})
        & ~Q(**{f"{prefix}consent__in": SHARED_WITH_POLICE})
        & (
            Q(**{f"{prefix}support_contacted_at__isnull": True})
            | Q(**{f"{prefix}support_contacted_at__lt": cutoff})
        )
        & ~Exists(later_addition)
        & ~Exists(later_consent)
    )
    return case_closed | quiet


def not_held(prefix: str = "") -> Q:
    """Reports whose case (if any) is not under a legal hold (casework's LegalHold)."""
    return Q(**{f"{prefix}case__isnull": True}) | Q(**{f"{prefix}case__on_legal_hold": False})


# --- What the privacy notice says ----------------------------------------------------------


def notice_days() -> dict[str, int]:
    """The periods the privacy notice promises: for each category the longest the purge
    applies in any area (periods_in_force: the national period, or less where every area set
    less), so the notice says exactly the most the purge keeps anything."""
    periods = periods_in_force()
    areas = list(Area.objects.values_list("pk", flat=True))
    return {
        str(category): (
            max(_days(periods, category, pk) for pk in areas)
            if areas
            else periods["national"][str(category)]
        )
        for category in Category
    }
