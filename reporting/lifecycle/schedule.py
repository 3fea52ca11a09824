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
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.db.models import Exists, OuterRef, Q

from centres.models import Area

from ..models import SHARED_WITH_POLICE, ConsentChange, ReportAddition


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


def area_groups(category: Category, now: datetime.datetime) -> list[AreaGroup]:
    """Every area, grouped by the period that applies to it (a handful of groups at most)."""
    national = national_days()
    groups: dict[int, list[int]] = {}
    for area in Area.objects.order_by("pk"):
        groups.setdefault(days_for_area(category, area, national), []).append(area.pk)
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
    """The periods the privacy notice promises: for each category the longest that applies
    in any area (the national period, or less where every area set less), so the notice says
    exactly the most the purge keeps anything."""
    national = national_days()
    areas = list(Area.objects.all())
    return {
        str(category): (
            max(days_for_area(category, area, national) for area in areas)
            if areas
            else national[category]
        )
        for category in Category
    }
