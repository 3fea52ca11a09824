"""The casework sweeps: escalations, "due soon" alerts and the daily review digest.

Each sweep is set-based: one INSERT … SELECT per rule on the partial indexes that serve it
(`clock_due_idx`, `case_new_idx`, `authorisation_pending_idx`, `escalation_open_idx`), never a
query or a task per case. Escalation rows and the notifications they cause are written in one
transaction; the notification ids go to the broker after commit, 500 per message.

Idempotent: the partial unique constraint `escalation_open_unique` (one open escalation per
case, kind, level and clock) makes a second sweep straight after raise nothing, and a clock's
`due_soon_alerted_at` is set in the same statement that selects it. A transaction-scoped
advisory lock keeps two sweeps (say, a slow one and the next one) from overlapping.

Staff get one message per sweep listing what is new for them, not one per case: a SPOC with
forty overdue updates after a bank holiday gets one email saying so.

Consent: everything here reaches the police, so everything here is about cases whose report is
shared with the police now (`access.shared_with_police`, and its SQL form for the statements
below). A case whose reporter withdrew raises nothing, is reminded of nobody and is counted in
no digest; its open escalations are resolved by the next sweep, and a message queued before
the withdrawal is cancelled when it comes to be sent (casework/notifications.py).

The SQL is PostgreSQL's (data-modifying CTEs, ON CONFLICT): set-based statements the ORM
cannot say. The sweeps run on Celery beat, in the demo too (serve_demo).
"""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Count, Min, Q
from django.utils import timezone

from centres.models import Area, Membership, Role, User
from centres.outbox import hand_off_on_commit, queue_notifications
from reporting import access
from reporting.models import SHARED_WITH_POLICE, ConsentChange, Report

from . import workdays
from .models import Case, Escalation

logger = logging.getLogger(__name__)

STAFF_LANGUAGE = "en"
SWEEP_LOCK = 0x48524357  # "HRCW": the advisory lock every casework sweep takes

# The consent rule as SQL, on the alias `r` of the case's report (reporting/access.py).
SHARED = access.shared_with_police_sql("r")

# The rules: (kind, level, candidate SQL). Each candidate query yields (case_id, clock_id) and
# carries a sargable bound (`%(…_bound)s`, the smallest threshold of any area) so it walks the
# partial index, then applies each area's own threshold exactly.
RULES = [
    (
        Escalation.Kind.NOT_TRIAGED,
        Escalation.Level.SPOC,
        """
        SELECT c.id, NULL::bigint FROM casework_case c JOIN centres_area a ON a.id = c.area_id
        WHERE c.status = 'new' AND c.opened_at < %(triage_bound)s
          AND c.opened_at < %(now)s - make_interval(hours => a.triage_within_hours)
        """,
    ),
    (
        Escalation.Kind.NOT_TRIAGED,
        Escalation.Level.INSPECTOR,
        """
        SELECT c.id, NULL::bigint FROM casework_case c JOIN centres_area a ON a.id = c.area_id
        WHERE c.status = 'new' AND c.opened_at < %(triage_inspector_bound)s
          AND c.opened_at < %(now)s
              - make_interval(hours => a.triage_within_hours + a.inspector_after_hours)
        """,
    ),
    (
        Escalation.Kind.UPDATE_OVERDUE,
        Escalation.Level.SPOC,
        """
        SELECT k.case_id, k.id FROM casework_clock k
        WHERE k.met_at IS NULL AND k.stopped_at IS NULL AND k.due_at < %(now)s
        """,
    ),
    (
        Escalation.Kind.UPDATE_OVERDUE,
        Escalation.Level.INSPECTOR,
        """
        SELECT k.case_id, k.id FROM casework_clock k
        JOIN casework_case c ON c.id = k.case_id JOIN centres_area a ON a.id = c.area_id
        WHERE k.met_at IS NULL AND k.stopped_at IS NULL AND k.due_at < %(inspector_bound)s
          AND k.due_at < %(now)s - make_interval(hours => a.inspector_after_hours)
        """,
    ),
    (
        Escalation.Kind.HIGH_RISK_UNASSIGNED,
        Escalation.Level.SPOC,
        """
        SELECT c.id, NULL::bigint FROM casework_case c JOIN centres_area a ON a.id = c.area_id
        JOIN LATERAL (
            SELECT t.risk, t.grade, t.assessed_at FROM casework_thriveassessment t
            WHERE t.case_id = c.id ORDER BY t.assessed_at DESC LIMIT 1
        ) t ON true
        WHERE c.owner_id IS NULL AND c.status <> 'closed'
          AND (t.risk = 'high' OR t.grade = 'immediate')
          AND t.assessed_at < %(now)s - make_interval(hours => a.high_risk_assign_within_hours)
        """,
    ),
    (
        Escalation.Kind.HIGH_RISK_UNASSIGNED,
        Escalation.Level.INSPECTOR,
        """
        SELECT c.id, NULL::bigint FROM casework_case c JOIN centres_area a ON a.id = c.area_id
        JOIN LATERAL (
            SELECT t.risk, t.grade, t.assessed_at FROM casework_thriveassessment t
            WHERE t.case_id = c.id ORDER BY t.assessed_at DESC LIMIT 1
        ) t ON true
        WHERE c.owner_id IS NULL AND c.status <> 'closed'
          AND (t.risk = 'high' OR t.grade = 'immediate')
          AND t.assessed_at < %(now)s - make_interval(
              hours => a.high_risk_assign_within_hours + a.inspector_after_hours)
        """,
    ),
    (
        Escalation.Kind.AUTHORISATION_WAITING,
        Escalation.Level.INSPECTOR,
        """
        SELECT au.case_id, NULL::bigint FROM casework_authorisation au
        JOIN casework_case c ON c.id = au.case_id JOIN centres_area a ON a.id = c.area_id
        WHERE au.decision = 'pending' AND au.requested_at < %(authorisation_bound)s
          AND au.requested_at < %(now)s - make_interval(hours => a.authorisation_within_hours)
        """,
    ),
]

# Every rule goes through this statement, so none can raise an escalation for a case whose
# reporter no longer shares it with the police: the consent is checked here, once, by key.
RAISE_SQL = f"""
INSERT INTO casework_escalation (case_id, area_id, kind, level, clock_id, raised_at)
SELECT candidate.case_id, sc.area_id, %(kind)s, %(level)s, candidate.clock_id, %(now)s
FROM ({{candidates}}) AS candidate (case_id, clock_id)
JOIN casework_case sc ON sc.id = candidate.case_id
JOIN reporting_report r ON r.id = sc.report_id AND {SHARED}
ON CONFLICT DO NOTHING
"""  # noqa: S608 - SHARED is built from code constants, never from input

# An escalation is resolved when its reason has gone: triaged, the clock met, stopped or
# re-timed, the case assigned or closed, the authorisation decided, or the reporter no longer
# shares the report with the police (nothing of it is the police's to chase now).
RESOLVE_SQL = f"""
UPDATE casework_escalation e SET resolved_at = %(now)s
FROM casework_case c JOIN reporting_report r ON r.id = c.report_id
WHERE e.resolved_at IS NULL AND c.id = e.case_id AND (
    NOT ({SHARED})
    OR (e.kind = 'not_triaged' AND c.status <> 'new')
    OR (e.kind = 'update_overdue' AND NOT EXISTS (
        SELECT 1 FROM casework_clock k WHERE k.id = e.clock_id
        AND k.met_at IS NULL AND k.stopped_at IS NULL AND k.due_at < %(now)s))
    OR (e.kind = 'high_risk_unassigned' AND (c.owner_id IS NOT NULL OR c.status = 'closed'))
    OR (e.kind = 'authorisation_waiting' AND NOT EXISTS (
        SELECT 1 FROM casework_authorisation au
        WHERE au.case_id = e.case_id AND au.decision = 'pending'))
)
"""  # noqa: S608 - SHARED is built from code constants, never from input

# Who hears of the escalations this sweep raised (raised_at = this sweep's time): the SPOCs or
# the inspectors of the case's area by level (where there are none, the force's inspectors,
# else the superusers: never nobody), and the assigned officer of an overdue update.
# One message per person, with counts by kind and level. Roles as Membership.objects.active()
# reads them: approved, started, not ended (a grant waiting for approval hears of nothing).
NOTIFY_ESCALATIONS_SQL = """
WITH fresh AS (
    SELECT e.id, e.case_id, e.kind, e.level, c.area_id, c.owner_id
    FROM casework_escalation e JOIN casework_case c ON c.id = e.case_id
    WHERE e.resolved_at IS NULL AND e.raised_at = %(now)s
), at_level AS (
    SELECT f.case_id, f.kind, f.level, m.user_id
    FROM fresh f JOIN centres_membership m ON m.area_id = f.area_id AND m.role = f.level
    JOIN centres_user u ON u.id = m.user_id AND u.is_active
    WHERE m.started_on <= %(today)s AND (m.ended_on IS NULL OR m.ended_on > %(today)s)
      AND m.approval = 'approved'
), unheard AS (
    SELECT f.* FROM fresh f WHERE NOT EXISTS (
        SELECT 1 FROM at_level l
        WHERE l.case_id = f.case_id AND l.kind = f.kind AND l.level = f.level)
), force_inspectors AS (
    -- Nobody at that level in the area (the central queue has no inspector): the level up,
    -- the inspectors of the force's other areas.
    SELECT un.case_id, un.kind, un.level, m.user_id
    FROM unheard un JOIN centres_area a ON a.id = un.area_id AND a.force <> ''
    JOIN centres_area o ON o.force = a.force
    JOIN centres_membership m ON m.area_id = o.id AND m.role = 'inspector'
    JOIN centres_user u ON u.id = m.user_id AND u.is_active
    WHERE m.started_on <= %(today)s AND (m.ended_on IS NULL OR m.ended_on > %(today)s)
      AND m.approval = 'approved'
), recipients AS (
    SELECT * FROM at_level
    UNION
    SELECT * FROM force_inspectors
    UNION
    -- No force, or none with an inspector: the service's own break-glass accounts, so an
    -- escalation never goes to nobody.
    SELECT un.case_id, un.kind, un.level, u.id
    FROM unheard un JOIN centres_user u ON u.is_superuser AND u.is_active
    WHERE NOT EXISTS (SELECT 1 FROM force_inspectors fi
                      WHERE fi.case_id = un.case_id AND fi.kind = un.kind AND fi.level = un.level)
    UNION
    SELECT f.case_id, f.kind, f.level, f.owner_id
    FROM fresh f WHERE f.kind = 'update_overdue' AND f.level = 'spoc' AND f.owner_id IS NOT NULL
), per_kind AS (
    SELECT r.user_id, r.kind || ':' || r.level AS what, count(DISTINCT r.case_id) AS n,
           array_agg(DISTINCT r.case_id) AS case_ids,
           min(r.case_id) AS a_case, max(r.case_id) AS z_case
    FROM recipients r JOIN centres_user u ON u.id = r.user_id AND u.is_active
    GROUP BY r.user_id, r.kind, r.level
), per_user AS (
    SELECT user_id, jsonb_object_agg(what, n) AS counts, sum(n) AS total,
           jsonb_object_agg(what, case_ids) AS cases,
           min(a_case) AS a_case, max(z_case) AS z_case
    FROM per_kind GROUP BY user_id
)
INSERT INTO centres_notification
    (key, kind, channel, recipient_type_id, recipient_id, language, context, status, attempts,
     next_attempt_at, last_error, created_at, provider_reference, provider_status)
SELECT %(key_prefix)s || user_id, 'escalation', 'email', %(user_type)s, user_id, %(language)s,
       jsonb_build_object(
           'counts', counts, 'total', total, 'cases', cases,
           'case', CASE WHEN a_case = z_case THEN a_case END),
       'pending', 0, %(now)s, '', %(now)s, '', ''
FROM per_user
ON CONFLICT (key) DO NOTHING
RETURNING id
"""

# "Due within a working day": running clocks due between now and the end of the next working
# day, not yet alerted, of cases shared with the police now. Marked in the same statement, so
# each clock is alerted once; the assigned officer hears of it, or the area's SPOCs when nobody
# is assigned. Only the clock rows are locked (OF ck), never the report a reporter may be
# withdrawing at that moment.
DUE_SOON_SQL = f"""
WITH marked AS (
    UPDATE casework_clock k SET due_soon_alerted_at = %(now)s
    WHERE k.id IN (
        SELECT ck.id FROM casework_clock ck
        JOIN casework_case sc ON sc.id = ck.case_id
        JOIN reporting_report r ON r.id = sc.report_id AND {SHARED}
        WHERE ck.met_at IS NULL AND ck.stopped_at IS NULL AND ck.due_soon_alerted_at IS NULL
          AND ck.due_at >= %(now)s AND ck.due_at <= %(soon)s
        FOR UPDATE OF ck SKIP LOCKED)
    RETURNING k.id, k.case_id
), recipients AS (
    SELECT mk.case_id, c.owner_id AS user_id
    FROM marked mk JOIN casework_case c ON c.id = mk.case_id WHERE c.owner_id IS NOT NULL
    UNION
    SELECT mk.case_id, m.user_id
    FROM marked mk JOIN casework_case c ON c.id = mk.case_id
    JOIN centres_membership m ON m.area_id = c.area_id AND m.role = 'spoc'
    WHERE c.owner_id IS NULL
      AND m.started_on <= %(today)s AND (m.ended_on IS NULL OR m.ended_on > %(today)s)
      AND m.approval = 'approved'
), per_user AS (
    SELECT r.user_id, count(DISTINCT r.case_id) AS total,
           to_jsonb(array_agg(DISTINCT r.case_id)) AS cases,
           min(r.case_id) AS a_case, max(r.case_id) AS z_case
    FROM recipients r JOIN centres_user u ON u.id = r.user_id AND u.is_active
    GROUP BY r.user_id
)
INSERT INTO centres_notification
    (key, kind, channel, recipient_type_id, recipient_id, language, context, status, attempts,
     next_attempt_at, last_error, created_at, provider_reference, provider_status)
SELECT %(key_prefix)s || user_id, 'clock_due_soon', 'email', %(user_type)s, user_id,
       %(language)s,
       jsonb_build_object(
           'total', total, 'cases', cases, 'case', CASE WHEN a_case = z_case THEN a_case END),
       'pending', 0, %(now)s, '', %(now)s, '', ''
FROM per_user
ON CONFLICT (key) DO NOTHING
RETURNING id
"""  # noqa: S608 - SHARED is built from code constants, never from input


@dataclass
class SweepResult:
    resolved: int = 0
    raised: dict[str, int] = field(default_factory=dict)
    due_soon: int = 0
    notification_ids: list[int] = field(default_factory=list)
    skipped: bool = False

    @property
    def raised_total(self) -> int:
        return sum(self.raised.values())


def _bounds(now: dt.datetime) -> dict:
    """The smallest threshold of any area per rule: an index range that contains every case
    any area's own threshold would pick."""
    least = Area.objects.aggregate(
        triage=Min("triage_within_hours"),
        inspector=Min("inspector_after_hours"),
        authorisation=Min("authorisation_within_hours"),
    )
    triage = dt.timedelta(hours=least["triage"] or 0)
    inspector = dt.timedelta(hours=least["inspector"] or 0)
    return {
        "triage_bound": now - triage,
        "triage_inspector_bound": now - triage - inspector,
        "inspector_bound": now - inspector,
        "authorisation_bound": now - dt.timedelta(hours=least["authorisation"] or 0),
    }


def due_soon_until(now: dt.datetime) -> dt.datetime:
    """The end of the next working day: a clock due by then is "due within a working day"."""
    return workdays.working_day_deadline(now, 1)


# A shared report's case is opened straight after it is saved (reporting/services.py); one
# still without a case after this long had that step fail, and the sweep opens it.
OPEN_MISSING_AFTER = dt.timedelta(minutes=1)
# Looked for among the last month's reports only, on the (consent, submitted_at) index, so the
# sweep every five minutes does not read every shared report there has ever been; a case still
# failing to open after thousands of tries is an incident for a person, logged every run.
OPEN_MISSING_WITHIN = dt.timedelta(days=30)
OPEN_MISSING_BATCH = 200


def open_missing_cases(*, now: dt.datetime | None = None) -> int:
    """Open the case of every report shared with police that has none yet (the step after
    its submission failed, say the database dropped the connection). Returns cases opened."""
    from .services import open_case

    now = now or timezone.now()
    opened = 0
    # Under the casework lock, so two sweeps never open (or count) the same case twice; each
    # report in a savepoint of its own, so one that fails does not take the others with it.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [SWEEP_LOCK])
        if not cursor.fetchone()[0]:
            logger.info("Opening missing cases skipped: another sweep is running")
            return 0
        missing = list(
            Report.objects.filter(
                access.shared_with_police(),
                case__isnull=True,
                submitted_at__lt=now - OPEN_MISSING_AFTER,
                submitted_at__gte=now - OPEN_MISSING_WITHIN,
            ).order_by("submitted_at")[:OPEN_MISSING_BATCH]
        )
        # And those shared later (reporting/consent.py), found from the few consent changes
        # in the same window rather than by widening the scan of reports.
        shared_later = ConsentChange.objects.filter(
            current__in=SHARED_WITH_POLICE,
            changed_at__lt=now - OPEN_MISSING_AFTER,
            changed_at__gte=now - OPEN_MISSING_WITHIN,
        ).values("report_id")
        missing += Report.objects.filter(
            access.shared_with_police(), case__isnull=True, pk__in=shared_later
        ).exclude(pk__in=[report.pk for report in missing])[:OPEN_MISSING_BATCH]
        for report in missing:
            try:
                with transaction.atomic():
                    open_case(report=report)
            except Exception as exc:  # one bad report must not stop the others
                logger.error(
                    "Opening the case for report %s failed (%s)", report.pk, type(exc).__name__
                )
                continue
            opened += 1
    if opened:
        logger.warning("Casework sweep opened %d missing cases", opened)
    return opened


def sweep_casework(*, now: dt.datetime | None = None) -> SweepResult:
    """Resolve what has been dealt with, raise what is late, alert what is due soon, and
    queue the messages, in one transaction."""
    now = now or timezone.now()
    result = SweepResult()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [SWEEP_LOCK])
        if not cursor.fetchone()[0]:
            logger.info("Casework sweep skipped: another sweep is running")
            result.skipped = True
            return result
        params = {
            "now": now,
            "today": timezone.localdate(now),
            "soon": due_soon_until(now),
            "user_type": ContentType.objects.get_for_model(User).pk,
            "language": STAFF_LANGUAGE,
            **_bounds(now),
        }
        cursor.execute(RESOLVE_SQL, params)
        result.resolved = cursor.rowcount
        for kind, level, candidates in RULES:
            cursor.execute(
                RAISE_SQL.format(candidates=candidates), {**params, "kind": kind, "level": level}
            )
            if cursor.rowcount:
                result.raised[f"{kind}:{level}"] = cursor.rowcount
        stamp = now.isoformat()
        if result.raised:
            cursor.execute(NOTIFY_ESCALATIONS_SQL, {**params, "key_prefix": f"esc:{stamp}:"})
            result.notification_ids += [row[0] for row in cursor.fetchall()]
        cursor.execute(DUE_SOON_SQL, {**params, "key_prefix": f"due-soon:{stamp}:"})
        result.due_soon = cursor.rowcount
        result.notification_ids += [row[0] for row in cursor.fetchall()]
        hand_off_on_commit(result.notification_ids)
    logger.info(
        "Casework sweep: %d resolved, %d raised %s, %d due-soon messages, %d messages",
        result.resolved,
        result.raised_total,
        result.raised,
        result.due_soon,
        len(result.notification_ids),
    )
    return result


def daily_review_counts(area_ids, *, since: dt.datetime, until: dt.datetime) -> dict[int, dict]:
    """Per area, the cases opened in [since, until) that are shared with the police now, and
    how many of them are not triaged: {area id: {"cases": n, "not_triaged": n}}. The digest
    counts with it when it is queued, and again when it is sent (casework/notifications.py)."""
    rows = (
        access.cases_shared_with_police(Case.objects.filter(area_id__in=list(area_ids)))
        .filter(opened_at__gte=since, opened_at__lt=until)
        .values("area_id")
        .annotate(cases=Count("pk"), not_triaged=Count("pk", filter=Q(triaged_at__isnull=True)))
    )
    counts = {area_id: {"cases": 0, "not_triaged": 0} for area_id in area_ids}
    for row in rows:
        counts[row["area_id"]] = {"cases": row["cases"], "not_triaged": row["not_triaged"]}
    return counts


def queue_daily_review_digests(*, now: dt.datetime | None = None) -> list[int]:
    """Before the morning meeting: to each area's SPOCs, how many cases opened since the
    area's last review (so Monday's counts the weekend, and the day after a bank holiday the
    holiday: casework/review.py's window) and how many are still not triaged, with a link to
    the daily review. Counts only, of cases shared with the police now; once per area, day
    and person. The window is kept in the message, so it is counted again when sent."""
    from .review import latest_reviews, window_start

    now = now or timezone.now()
    today = timezone.localdate(now)
    spocs: dict[int, list[User]] = {}
    for membership in (
        Membership.objects.active(today)
        .filter(role=Role.SPOC, user__is_active=True)
        .select_related("user")
    ):
        spocs.setdefault(membership.area_id, []).append(membership.user)
    latest = latest_reviews(spocs)
    starts = {area_id: window_start(latest.get(area_id), now) for area_id in spocs}
    counts = {}
    # One count per distinct window (usually one: the same for every area without a review).
    for since in set(starts.values()):
        areas = [area_id for area_id, start in starts.items() if start == since]
        counts.update(daily_review_counts(areas, since=since, until=now))
    rows = [
        {
            "key": f"daily-review:{area_id}:{today.isoformat()}:{user.pk}",
            "kind": "daily_review_digest",
            "channel": "email",
            "recipient": user,
            "language": STAFF_LANGUAGE,
            "context": {
                "area": area_id,
                "date": today.isoformat(),
                "since": starts[area_id].isoformat(),
                "until": now.isoformat(),
                **counts[area_id],
            },
        }
        for area_id, users in spocs.items()
        for user in users
    ]
    return queue_notifications(rows)
