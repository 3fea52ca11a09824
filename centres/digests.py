"""Scheduled messages to centre teams: the weekly summary to coordinators (counts only) and
training-expiry reminders 30 days ahead. Each message has a key per period, so running a job
twice queues nothing new."""

import datetime as dt

from django.db.models import Count, Q
from django.utils import timezone

from .models import Centre, Membership, Role, User
from .outbox import queue_notifications

STAFF_LANGUAGE = "en"
# Reporting's consent values that mean "shared with the police"; centres may not import
# reporting (the dependency arrow), so the two codes are named here.
SHARED_WITH_POLICE = ("share_details", "share_anonymous")


def _active_users(memberships) -> "dict[int, list[User]]":
    by_centre: dict[int, list[User]] = {}
    for membership in memberships.filter(user__is_active=True).select_related("user"):
        by_centre.setdefault(membership.centre_id, []).append(membership.user)
    return by_centre


def queue_weekly_centre_summaries(*, today: dt.date | None = None) -> list[int]:
    """For each centre, last week's counts to its coordinators."""
    today = today or timezone.localdate()
    until = timezone.make_aware(dt.datetime.combine(today, dt.time.min))
    since = until - dt.timedelta(days=7)
    year, week, _day = (today - dt.timedelta(days=7)).isocalendar()
    coordinators = _active_users(
        Membership.objects.active(today).filter(role=Role.COORDINATOR, centre__isnull=False)
    )
    window = Q(reports__submitted_at__gte=since, reports__submitted_at__lt=until)
    centres = Centre.objects.filter(pk__in=list(coordinators)).annotate(
        reports_logged=Count("reports", filter=window),
        reports_shared=Count("reports", filter=window & Q(reports__consent__in=SHARED_WITH_POLICE)),
    )
    rows = [
        {
            "key": f"weekly-summary:{centre.pk}:{year}-W{week:02d}:{user.pk}",
            "kind": "weekly_centre_summary",
            "channel": "email",
            "recipient": user,
            "language": STAFF_LANGUAGE,
            "context": {
                "centre": centre.pk,
                "week": f"{year}-W{week:02d}",
                "since": since.date().isoformat(),
                "reports_logged": centre.reports_logged,
                "reports_shared": centre.reports_shared,
            },
        }
        for centre in centres
        for user in coordinators[centre.pk]
    ]
    return queue_notifications(rows)


def queue_training_expiry_reminders(*, today: dt.date | None = None) -> list[int]:
    """Training that expires within 30 days: a reminder to the volunteer and to their centre's
    coordinators, once per expiry date."""
    today = today or timezone.localdate()
    expiring = (
        Membership.objects.training_expiring(30, on=today)
        .filter(user__is_active=True)
        .select_related("user")
    )
    coordinators = _active_users(
        Membership.objects.active(today).filter(
            role=Role.COORDINATOR, centre_id__in=expiring.values("centre_id")
        )
    )
    rows = []
    for membership in expiring:
        recipients = [membership.user] + [
            user for user in coordinators.get(membership.centre_id, []) if user != membership.user
        ]
        for user in recipients:
            rows.append(
                {
                    "key": (
                        f"training-expiry:{membership.pk}:"
                        f"{membership.training_expires_on.isoformat()}:{user.pk}"
                    ),
                    "kind": "training_expiring",
                    "channel": "email",
                    "recipient": user,
                    "language": STAFF_LANGUAGE,
                    "context": {
                        "membership": membership.pk,
                        "expires_on": membership.training_expires_on.isoformat(),
                        "for_self": user == membership.user,
                    },
                }
            )
    return queue_notifications(rows)
