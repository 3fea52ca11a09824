"""Read marks: what a person has read of a report's later news (casework/models/read_marks.py).

Opening the page that shows the news (the case page, the centre's report page) reads it:
`read_and_mark` answers how far the person had read before and moves their mark to now, in
one statement, so a page pays one query for its "new" labels whatever the history. The
marks are per person: the SPOC reading an addition leaves it new for the officer.

What counts as unread for the SPOC's home and the case list's "Unread additions" filter is
built here too (`unread_additions`, `has_unread_additions`), on the mark's unique index.
"""

import datetime as dt

from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from reporting.models import ReportAddition

from .models import CaseStatus, ReadMark

# The cases whose unread additions wait for someone (the home's count, the digest's, the
# list's default filter): listed rather than "not closed", so the count reads the
# (area, status) index for these statuses only, not every case the area ever had.
OPEN_STATUSES = [status for status in CaseStatus.values if status != CaseStatus.CLOSED]

# The earlier mark, read in the same statement that moves it (a data-modifying WITH runs
# whether or not the outer SELECT reads it, and the outer SELECT sees the row as it was).
READ_AND_MARK_SQL = """
WITH before AS (
    SELECT read_up_to FROM casework_readmark WHERE user_id = %(user)s AND report_id = %(report)s
), mark AS (
    INSERT INTO casework_readmark (user_id, report_id, read_up_to)
    VALUES (%(user)s, %(report)s, %(now)s)
    ON CONFLICT (user_id, report_id)
    DO UPDATE SET read_up_to = GREATEST(casework_readmark.read_up_to, EXCLUDED.read_up_to)
)
SELECT read_up_to FROM before
"""


def read_and_mark(user, report, *, now: dt.datetime | None = None) -> dt.datetime | None:
    """How far `user` had read `report`'s later news (None: never), and mark it read up to
    `now`. Nobody signed in reads nothing and marks nothing."""
    if not (user and user.is_authenticated):
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            READ_AND_MARK_SQL,
            {"user": user.pk, "report": report.pk, "now": now or timezone.now()},
        )
        row = cursor.fetchone()
    return row[0] if row else None


def _read_by(user, added_at="added_at", report="report_id"):
    """A person's mark on the outer row's report that covers the outer row's time."""
    return Exists(
        ReadMark.objects.filter(
            user=user, report_id=OuterRef(report), read_up_to__gte=OuterRef(added_at)
        )
    )


def unread_additions(user, reports=None):
    """Additions `user` has not read; with `reports` (a queryset of reports, or of their
    ids), only theirs."""
    additions = ReportAddition.objects.filter(~_read_by(user))
    if reports is not None:
        additions = additions.filter(report__in=reports)
    return additions


def has_unread_additions(user, report_field: str = "report_id") -> Q:
    """For a queryset of cases: those whose report has an addition `user` has not read."""
    return Q(
        Exists(
            ReportAddition.objects.filter(report_id=OuterRef(report_field)).filter(~_read_by(user))
        )
    )
