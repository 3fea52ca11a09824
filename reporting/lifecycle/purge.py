"""The retention purge: on beat, in batches, idempotent, in constant memory; and its dry run.

Each category (schedule.Category) is taken area group by area group (areas sharing one
period), in batches of report ids walked by primary key (keyset pagination: `pk > last`,
`LIMIT batch`), each batch one transaction that locks its report rows (others' locked rows
skipped: they are due again tomorrow). What is done is marked on the report (or the rows are
gone), so a second run finds nothing. A held case is never selected. The whole run holds a
PostgreSQL advisory lock, so two runs never overlap; a run logs counts only.
"""

import datetime
import logging
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from centres.models import Area

from ..models import EvidenceFile, Report, ReporterContact
from . import removal
from .schedule import AreaGroup, Category, area_groups, clock_ran_out, not_held, waiting_changes

logger = logging.getLogger(__name__)

RETENTION_LOCK = 0x48525254  # "HRRT": held for the whole of a retention run

ACTIONS = {
    Category.CONTACT: removal.delete_contact_reports,
    Category.FREE_TEXT: removal.remove_free_text_reports,
    Category.EVIDENCE: removal.remove_evidence_reports,
    Category.ANONYMISE: removal.anonymise_reports,
}
REASON = "retention schedule"


def due(category: Category, group: AreaGroup):
    """The reports of `group`'s areas whose `category` the schedule removes now."""
    reports = Report.objects.filter(
        clock_ran_out(group.cutoff),
        not_held(),
        area_id__in=group.area_ids,
        anonymised_at__isnull=True,
    )
    if category == Category.CONTACT:
        reports = reports.filter(Exists(ReporterContact.objects.filter(report=OuterRef("pk"))))
    elif category == Category.FREE_TEXT:
        reports = reports.filter(free_text_removed_at__isnull=True)
    elif category == Category.EVIDENCE:
        reports = reports.filter(Exists(EvidenceFile.objects.filter(report=OuterRef("pk"))))
    return reports


@dataclass
class PurgeResult:
    """Reports changed (or, for a dry run, that would be) per category and area id."""

    counts: dict[str, Counter] = field(default_factory=lambda: {c: Counter() for c in Category})
    skipped: bool = False  # another run held the lock

    def totals(self) -> dict[str, int]:
        return {str(category): sum(self.counts[category].values()) for category in Category}

    def by_area(self) -> list[dict]:
        """Rows for a table: the area's name and its count per category, busiest first."""
        names = dict(Area.objects.values_list("pk", "name"))
        area_ids = {pk for counter in self.counts.values() for pk in counter}
        rows = [
            {"area": names.get(pk, "?"), **{str(c): self.counts[c][pk] for c in Category}}
            for pk in area_ids
        ]
        return sorted(rows, key=lambda row: row["area"])


def preview(*, now: datetime.datetime | None = None, proposed: bool = False) -> PurgeResult:
    """What the next run would remove under the periods in force (or, with `proposed`, under
    those set now, before the officer applies them), per category and area: counts only,
    nothing changed. (A report due for two categories counts in both, as the run changes it
    in both.)"""
    now = now or timezone.now()
    result = PurgeResult()
    for category in Category:
        for group in area_groups(category, now, proposed=proposed):
            rows = due(category, group).values("area_id").annotate(n=Count("pk")).order_by()
            for row in rows:
                result.counts[category][row["area_id"]] += row["n"]
    return result


def run_purge(
    *, now: datetime.datetime | None = None, batch_size: int | None = None
) -> PurgeResult:
    """Apply the schedule: every category, every area, batch by batch. Idempotent."""
    now = now or timezone.now()
    batch_size = batch_size or settings.RETENTION_BATCH
    result = PurgeResult()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [RETENTION_LOCK])
        if not cursor.fetchone()[0]:
            logger.info("retention: skipped, another run holds the lock")
            result.skipped = True
            return result
    try:
        for category in Category:
            for group in area_groups(category, now):
                _run_group(category, group, now, batch_size, result.counts[category])
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [RETENTION_LOCK])
    if waiting_changes():
        logger.warning(
            "retention: a shorter period is set and waits for the data protection officer's "
            "review; the periods in force were applied"
        )
    totals = result.totals()
    logger.info(
        "retention: contact details %s, free text %s, evidence %s, anonymised %s",
        totals[Category.CONTACT],
        totals[Category.FREE_TEXT],
        totals[Category.EVIDENCE],
        totals[Category.ANONYMISE],
    )
    return result


def _run_group(category, group, now, batch_size, counter: Counter) -> None:
    action = ACTIONS[category]
    last = 0
    while True:
        with transaction.atomic():
            batch = list(
                due(category, group)
                .filter(pk__gt=last)
                .order_by("pk")
                .select_for_update(of=("self",), skip_locked=True)
                .values_list("pk", "area_id")[:batch_size]
            )
            if not batch:
                return
            ids = [pk for pk, _area in batch]
            action(ids, now=now, reason=REASON)
        counter.update(area for _pk, area in batch)
        last = ids[-1]
        if len(batch) < batch_size:
            return
