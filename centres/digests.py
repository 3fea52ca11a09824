"""Scheduled messages to centre teams: the weekly summary to coordinators (counts only) and
training-expiry reminders 30 days ahead. Each message has a key per period, so running a job
twice queues nothing new."""

import datetime as dt

from django.utils import timezone

from .models import Membership, Role, User
from .outbox import queue_notifications

STAFF_LANGUAGE = "en"

# What the weekly summary tells each centre, registered by the app that holds the reports
# (reporting/apps.py): centres may not import reporting, nor know its consent rules. Called
# with the centres' ids and the week's start and end; answers {centre id: {name: count}}.
_weekly_counts = None


def register_weekly_counts(counts) -> None:
    global _weekly_counts
    _weekly_counts = counts


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
    counts = _weekly_counts(list(coordinators), since, until)
    rows = [
        {
            "key": f"weekly-summary:{centre_id}:{year}-W{week:02d}:{user.pk}",
            "kind": "weekly_centre_summary",
            "channel": "email",
            "recipient": user,
            "language": STAFF_LANGUAGE,
            "context": {
                "centre": centre_id,
                "week": f"{year}-W{week:02d}",
                "since": since.date().isoformat(),
                **counts[centre_id],
            },
        }
        for centre_id, users in coordinators.items()
        for user in users
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
