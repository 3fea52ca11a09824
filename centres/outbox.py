"""Writing to the notification outbox, and handing new messages to Celery after commit.

A message is written in the same transaction as the event that causes it, so it is never lost
and never sent for an event that was rolled back. After commit its id is handed to the broker
for prompt delivery; if the broker is down the hand-off is dropped (logged, never raised to the
person who caused the event) and the periodic outbox sweep delivers it instead. Delivery itself
is centres/delivery.py.

A message to a reporter waits for their safe-contact plan: it is written due at the plan's next
safe time (`safe_from`), and delivery checks the plan again before it claims the row.

The context must hold ids and flags only: never incident details, names or contact details.
The delivery side renders the text in `language` and looks the recipient up by content type
and id at send time, so a purged contact cancels delivery.
"""

import logging
import time
from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Notification
from .notifications import KINDS, VICTIM

logger = logging.getLogger(__name__)

# Ids per broker message: one message per 500 notifications at most.
HAND_OFF_BATCH = 500

# This process's memory of a broker outage: monotonic time until which it does not try.
_paused_until = 0.0


def waits_for_plan(*, kind: str, channel: str) -> bool:
    """Does this message wait for the reporter's safe times? Messages to a reporter do; the
    "centre" channel tells the centre's team, not the reporter, so it need not wait."""
    message_kind = KINDS.get(kind)
    return (
        message_kind is not None
        and message_kind.audience == VICTIM
        and channel != Notification.Channel.CENTRE
    )


def safe_from(*, kind: str, channel: str, recipient, at):
    """When a message may go: `at`, or for a message to a reporter, the next time their plan
    allows contact (ReporterContact.next_safe_time; ValueError if the plan cannot be read)."""
    next_safe_time = getattr(recipient, "next_safe_time", None)
    if next_safe_time is None or not waits_for_plan(kind=kind, channel=channel):
        return at
    return next_safe_time(at)


def queue_notification(
    *, key: str, kind: str, channel: str, recipient, language: str, context: dict | None = None
) -> Notification:
    """Queue one message, once: a second call with the same `key` returns the first row.

    Keys are almost always new, so the INSERT is tried first (one query, in a savepoint so a
    duplicate key does not break the caller's transaction) and the row looked up only then.
    A message to a reporter is due at their plan's next safe time, and handed to the broker
    only if that is now (else the sweep finds it when it is due).
    """
    now = timezone.now()
    try:
        due = safe_from(kind=kind, channel=channel, recipient=recipient, at=now)
    except ValueError:
        due = now  # delivery cancels it: an unreadable plan never means "any time"
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                key=key,
                kind=kind,
                channel=channel,
                recipient=recipient,
                language=language or "en",
                context=context or {},
                created_at=now,
                next_attempt_at=due,
            )
    except IntegrityError:
        existing = Notification.objects.filter(key=key).first()
        if existing is None:  # another constraint: a real error
            raise
        return existing
    if due <= now:
        hand_off_on_commit([notification.pk])
    return notification


def queue_notifications(rows: Iterable[dict]) -> list[int]:
    """Queue many messages at once (the sweeps): one INSERT, ignoring keys already queued.
    Each row has the arguments of `queue_notification`. Returns the ids of new messages,
    which are handed to the broker after commit."""
    now = timezone.now()
    objects = [
        Notification(
            key=row["key"],
            kind=row["kind"],
            channel=row["channel"],
            recipient_type=ContentType.objects.get_for_model(row["recipient"]),
            recipient_id=row["recipient"].pk,
            language=row.get("language") or "en",
            context=row.get("context") or {},
            created_at=now,
            next_attempt_at=now,
        )
        for row in rows
    ]
    if not objects:
        return []
    with transaction.atomic():
        # ignore_conflicts returns no ids on PostgreSQL: find the rows this call created by
        # their keys and creation time (a key queued earlier keeps its earlier time).
        Notification.objects.bulk_create(objects, ignore_conflicts=True, batch_size=1000)
        ids = list(
            Notification.objects.filter(
                key__in=[obj.key for obj in objects], created_at=now
            ).values_list("pk", flat=True)
        )
        hand_off_on_commit(ids)
    return ids


def hand_off_on_commit(notification_ids: list[int]) -> None:
    if notification_ids:
        transaction.on_commit(partial(hand_off, list(notification_ids)), robust=True)


def hand_off(notification_ids: list[int]) -> int:
    """Give notification ids to the broker in messages of at most 500. Never raises: what is
    not handed over stays pending in the outbox for the sweep. Returns messages published."""
    global _paused_until
    from .tasks import deliver_notifications

    if not notification_ids:
        return 0
    if time.monotonic() < _paused_until:
        logger.info("Broker hand-off paused: %d messages left to the sweep", len(notification_ids))
        return 0
    published = 0
    for start in range(0, len(notification_ids), HAND_OFF_BATCH):
        batch = notification_ids[start : start + HAND_OFF_BATCH]
        try:
            deliver_notifications.apply_async(kwargs={"notification_ids": batch}, retry=False)
        except Exception as exc:
            # The exception's text can carry the broker address and password: type only.
            _paused_until = time.monotonic() + settings.OUTBOX_HANDOFF_PAUSE_SECONDS
            logger.warning(
                "Broker unavailable (%s): %d messages left to the outbox sweep",
                type(exc).__name__,
                len(notification_ids) - start,
            )
            break
        published += 1
    return published
