"""The access log reviewed by the data protection officer (DPA 2018 s.62 logs must be usable
to check that processing was lawful): filtered by person, subject (a report's reference),
action and time; exported as CSV; and unusual viewing listed.

Cheap at any size: every filter is on an index (`at`; `user, at`; `object_type, object_id,
at`), the page is the newest PAGE_SIZE rows before a cursor (never a count or an OFFSET), the
export streams, and the unusual-viewing list reads one day of the log by its `at` index.
"""

import contextlib
import csv
import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import CharField, Count, F, Value
from django.db.models.functions import Concat
from django.utils import timezone

from centres.models import AccessLogEntry, User
from reporting import access
from reporting.models import ErasureRequest, Report, normalise_reference

from ..models import Case
from ..models.assignment import assigned_to_entry_user

PAGE_SIZE = 100
EXPORT_CHUNK = 2000


@dataclass(frozen=True)
class LogFilters:
    person: User | None = None
    reference: str = ""
    action: str = ""
    since: datetime.date | None = None
    until: datetime.date | None = None

    def describe(self) -> dict:
        """The filters as written to the log's own entry (ids and dates, nothing personal)."""
        return {
            key: value
            for key, value in {
                "person": self.person.pk if self.person else "",
                "subject": self.reference,
                "action": self.action,
                "since": self.since or "",
                "until": self.until or "",
            }.items()
            if value
        }


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _subjects(user, reference: str) -> list[tuple[int, int]]:
    """(content type id, object id) of what a reference names: the report and its case, or,
    once a report is erased, its erasure request (the log keeps the rest by id)."""
    subjects = []
    report = access.reports_for_data_protection(
        user, Report.objects.filter(reference=reference)
    ).first()
    if report is not None:
        subjects.append((ContentType.objects.get_for_model(Report).pk, report.pk))
        with contextlib.suppress(ObjectDoesNotExist):  # a report never shared has no case
            subjects.append((ContentType.objects.get_for_model(Case).pk, report.case.pk))
    request_type = ContentType.objects.get_for_model(ErasureRequest).pk
    for pk in ErasureRequest.objects.filter(reference=reference).values_list("pk", flat=True):
        subjects.append((request_type, pk))
    return subjects


def filtered_entries(user, filters: LogFilters):
    """The log's entries matching `filters`, newest first (a queryset, not evaluated)."""
    entries = AccessLogEntry.objects.select_related("user", "object_type")
    if filters.person is not None:
        entries = entries.filter(user=filters.person)
    if filters.action:
        entries = entries.filter(action=filters.action)
    if filters.since:
        entries = entries.filter(at__gte=_day_start(filters.since))
    if filters.until:
        entries = entries.filter(at__lt=_day_start(filters.until + datetime.timedelta(days=1)))
    if filters.reference:
        reference = normalise_reference(filters.reference)
        subjects = _subjects(user, reference) if reference else []
        if not subjects:
            return entries.none()
        by_subject = None
        for type_id, object_id in subjects:
            one = entries.filter(object_type_id=type_id, object_id=object_id)
            by_subject = one if by_subject is None else by_subject | one
        entries = by_subject
    return entries.order_by("-at")


def page_of(entries, *, before: datetime.datetime | None = None) -> tuple[list, object]:
    """The newest PAGE_SIZE entries before `before`, and the cursor for the next page."""
    if before is not None:
        entries = entries.filter(at__lt=before)
    rows = list(entries[: PAGE_SIZE + 1])
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    return rows, (rows[-1].at if more else None)


def record_review(user, filters: LogFilters, *, action: str, shown: str) -> AccessLogEntry:
    """The review is itself logged: who looked at (or exported) which part of the log."""
    params = "&".join(f"{key}={value}" for key, value in sorted(filters.describe().items()))
    detail = f"access log review; {shown}; {params}".rstrip("; ")
    log_type = ContentType.objects.get_for_model(AccessLogEntry)
    return AccessLogEntry.objects.record(user=user, obj=log_type, action=action, detail=detail)


CSV_HEADER = ["when", "who", "who_id", "action", "subject_type", "subject_id", "subject", "detail"]


class _Echo:
    def write(self, value):
        return value


def csv_rows(entries):
    """The export, a line at a time (StreamingHttpResponse): constant memory at any size."""
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_HEADER)
    for entry in entries.iterator(chunk_size=EXPORT_CHUNK):
        yield writer.writerow(
            [
                entry.at.isoformat(),
                entry.user.email if entry.user else "reporter or system",
                entry.user_id or "",
                entry.action,
                entry.object_type.model,
                entry.object_id,
                entry.object_label,
                entry.detail,
            ]
        )


@dataclass(frozen=True)
class UnusualViewing:
    person: User
    opened: int


def unusual_viewing(day: datetime.date, *, threshold: int | None = None) -> list[UnusualViewing]:
    """People who, on `day`, opened more than `threshold` distinct reports or cases that are
    not assigned to them (a row seen in a list is not counted: only pages of one report or
    case). Reads that day's entries by the `at` index."""
    threshold = settings.ACCESS_LOG_UNUSUAL_DAILY_VIEWS if threshold is None else threshold
    report_type = ContentType.objects.get_for_model(Report).pk
    case_type = ContentType.objects.get_for_model(Case).pk
    counts = (
        AccessLogEntry.objects.filter(
            at__gte=_day_start(day),
            at__lt=_day_start(day + datetime.timedelta(days=1)),
            action=AccessLogEntry.Action.VIEW,
            user__isnull=False,
            object_type_id__in=[report_type, case_type],
        )
        # A list writes "N shown" on every row's entry (centres/access_logging.py).
        .exclude(detail__contains=" shown")
        .exclude(assigned_to_entry_user(report_type_id=report_type, case_type_id=case_type))
        .values("user_id")
        .annotate(
            opened=Count(
                Concat(F("object_type_id"), Value(":"), F("object_id"), output_field=CharField()),
                distinct=True,
            )
        )
        .filter(opened__gt=threshold)
        .order_by("-opened")
    )
    counts = list(counts)
    people = User.objects.in_bulk([row["user_id"] for row in counts])
    return [UnusualViewing(person=people[row["user_id"]], opened=row["opened"]) for row in counts]
