"""Community tension alerts, each night: the latest complete week's reports per area and strand
against what the past weeks lead one to expect (casework/insights/tension.py), an alert row for
each exceedance, once, and a message with counts only to the force's hate crime leads and the
area's SPOCs."""

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Min
from django.db.models.functions import TruncWeek
from django.utils import timezone

from centres.models import Role, User
from centres.stats import SMALL_NUMBER
from reporting.models import Report

from ..insights import tension
from ..models import TensionAlert
from .common import notify_staff

HISTORY_WEEKS = tension.WEEKS_PER_YEAR * tension.YEARS + tension.WINDOW + 1


def _london_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def weekly_counts(*, since: dt.date, until: dt.date, areas=None, strands=None) -> dict:
    """{(area id, strand id): {week start: reports}} for the weeks from `since` to before
    `until` (Mondays, UK time). A report of two strands counts in both. One query."""
    reports = Report.objects.filter(
        submitted_at__gte=_london_midnight(since),
        submitted_at__lt=_london_midnight(until),
        strands__isnull=False,
    )
    if areas is not None:
        reports = reports.filter(area_id__in=areas)
    if strands is not None:
        reports = reports.filter(strands__in=strands)
    rows = (
        reports.annotate(week=TruncWeek("submitted_at"))
        .values("area_id", "strands", "week")
        .annotate(total=Count("id"))
        .order_by()
    )
    counts = defaultdict(dict)
    for row in rows:
        week = timezone.localtime(row["week"]).date()
        counts[(row["area_id"], row["strands"])][week] = row["total"]
    return counts


def force_leads():
    """The force hate crime leads (settings.HATE_CRIME_LEAD_EMAILS): active staff accounts."""
    emails = [email.lower() for email in settings.HATE_CRIME_LEAD_EMAILS]
    return User.objects.filter(is_active=True, email__in=emails) if emails else User.objects.none()


def raise_tension_alerts(*, today: dt.date | None = None) -> list[TensionAlert]:
    """Judge the latest complete week; write and announce each exceedance once. Only the area
    and strand pairs with at least 5 reports that week can alert, so the history is read for
    those alone. Returns the alerts of that week (new or already raised)."""
    today = today or timezone.localdate()
    week = tension.last_complete_week(today)
    current = weekly_counts(since=week, until=week + dt.timedelta(weeks=1))
    candidates = {
        pair: weeks[week] for pair, weeks in current.items() if weeks.get(week, 0) >= SMALL_NUMBER
    }
    if not candidates:
        return []
    first = Report.objects.aggregate(first=Min("submitted_at"))["first"]
    history_start = tension.week_start(timezone.localtime(first).date())
    history = weekly_counts(
        since=max(history_start, week - dt.timedelta(weeks=HISTORY_WEEKS)),
        until=week,
        areas={area for area, _strand in candidates},
        strands={strand for _area, strand in candidates},
    )
    alerts = []
    for (area_id, strand_id), observed in sorted(candidates.items()):
        limit = tension.threshold(history.get((area_id, strand_id), {}), week, history_start)
        if tension.is_exceedance(observed, limit):
            alerts.append(
                _raise(
                    area_id=area_id, strand_id=strand_id, week=week, observed=observed, limit=limit
                )
            )
    return alerts


def _raise(*, area_id, strand_id, week, observed, limit) -> TensionAlert:
    """The alert and its messages in one transaction; a second run finds the row and queues
    nothing new (the messages' keys are the alert's and the person's)."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                alert = TensionAlert.objects.create(
                    area_id=area_id,
                    strand_id=strand_id,
                    week_start=week,
                    observed=observed,
                    expected=limit.expected,
                    upper_bound=limit.upper,
                    method=limit.method,
                )
        except IntegrityError:
            return TensionAlert.objects.get(area_id=area_id, strand_id=strand_id, week_start=week)
        recipients = force_leads() | User.objects.of_area(area_id, Role.SPOC)
        for user in recipients.distinct():
            notify_staff(
                key=f"tension-alert:{alert.pk}:{user.pk}",
                kind="tension_alert",
                user=user,
                context={"alert": alert.pk},
            )
    return alert
