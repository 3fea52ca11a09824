"""GOV.UK Notify's delivery receipts: what happened to a message after Notify took it.

Notify calls `POST /notify/receipts/` for every message it finishes with, authenticated by the
bearer token set in Notify's "Callbacks" settings (`NOTIFY_CALLBACK_TOKEN`; the address answers
404 while none is set). Each receipt names our reference (`centres.notify.reference_for`), so
the outbox row is found by an index, and updates it:

- `delivered`: recorded with the time Notify gives;
- `permanent-failure` (no such number or address) or `temporary-failure` (phone off, inbox full,
  for 72 hours): the message to a reporter falls back to the next way their safe-contact plan
  allows that has not failed yet (a new outbox row, so it is sent once, waiting for the plan as
  every message does); with none left the row is FAILED and the case page shows it to the police
  handling the case;
- `technical-failure` (Notify's own fault; nothing was sent): the row is sent again later.

Receipts repeat and arrive out of order; each is applied idempotently. Nothing of a receipt's
body is logged but the status: it carries the number or address.
"""

import hmac
import json
import logging

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .delivery import retry_delay
from .models import Notification
from .notifications import KINDS, STAFF
from .outbox import queue_notification

logger = logging.getLogger(__name__)

FAILED_FOR_GOOD = {"permanent-failure", "temporary-failure"}
# Ways the outbox can reach a reporter, in the order tried when the plan lists several.
OUTBOX_CHANNELS = ("sms", "email", "centre")
FALLBACK_MARK = "|then:"


def _authorised(request) -> bool:
    token = settings.NOTIFY_CALLBACK_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return bool(token) and hmac.compare_digest(given.encode(), token.encode())


@csrf_exempt
@require_POST
def delivery_receipt(request):
    if not settings.NOTIFY_CALLBACK_TOKEN:
        raise Http404
    if not _authorised(request):
        return JsonResponse({"error": "unauthorised"}, status=401)
    try:
        receipt = json.loads(request.body)
        reference = str(receipt["reference"])
        status = str(receipt["status"])
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": "not a delivery receipt"}, status=400)
    outcome = apply_receipt(
        reference, status, completed_at=parse_datetime(str(receipt.get("completed_at") or ""))
    )
    logger.info("Delivery receipt: %s (%s)", status, outcome)
    # Notify retries anything but a 2xx; a receipt for a row we no longer hold is done with.
    return HttpResponse(status=204)


def _tried_channels(notification: Notification) -> list[str]:
    """The channels this message has gone by: the first row's, then each fallback's."""
    first, *fallbacks = notification.key.split(FALLBACK_MARK)
    first_row = Notification.objects.filter(key=first).values_list("channel", flat=True).first()
    return [first_row or notification.channel, *fallbacks]


def next_channel(notification: Notification) -> str | None:
    """The next way the reporter's plan (as it is now) allows that this message has not
    failed by yet, in the plan's own order."""
    contact = notification.recipient
    if contact is None or not hasattr(contact, "allows"):
        return None
    tried = set(_tried_channels(notification))
    for channel in [*contact.channels, *OUTBOX_CHANNELS]:
        if channel in OUTBOX_CHANNELS and channel not in tried and contact.allows(channel):
            return channel
    return None


def apply_receipt(reference: str, status: str, *, completed_at=None) -> str:
    """Apply one receipt; returns what it did (for the log and the tests)."""
    base, _dash, member = reference.partition("-")[2].partition("-")
    # A team email's references end in "-<n>" (one per member): the row is the base's.
    row_reference = f"hr-{base}" if member else reference
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .filter(provider_reference=row_reference)
            .first()
        )
        if notification is None:
            return "unknown reference"
        notification.provider_status = status
        changed = ["provider_status"]
        if status == "delivered":
            notification.delivered_at = completed_at or timezone.now()
            changed.append("delivered_at")
        elif status == "technical-failure" and not member:
            notification.status = Notification.Status.PENDING
            notification.sent_at = None
            notification.next_attempt_at = timezone.now() + retry_delay(notification.attempts)
            changed += ["status", "sent_at", "next_attempt_at"]
        elif status in FAILED_FOR_GOOD and not member:
            return _fall_back(notification, status, changed)
        notification.save(update_fields=changed)
    return status


def _fall_back(notification: Notification, status: str, changed: list[str]) -> str:
    kind = KINDS.get(notification.kind)
    channel = None if kind is None or kind.audience == STAFF else next_channel(notification)
    notification.status = Notification.Status.FAILED
    notification.last_error = f"not delivered ({status})"
    changed += ["status", "last_error"]
    if channel is None:
        if kind is not None and kind.audience != STAFF:
            notification.last_error = f"not delivered ({status}); no other way the plan allows"
        notification.save(update_fields=changed)
        return "failed, no fallback"
    notification.last_error = f"not delivered ({status}); sent again by {channel}"
    notification.save(update_fields=changed)
    root = notification.key.split(FALLBACK_MARK)[0]
    tried = _tried_channels(notification)[1:]
    queue_notification(
        key=FALLBACK_MARK.join([root, *tried, channel]),
        kind=notification.kind,
        channel=channel,
        recipient=notification.recipient,
        language=notification.language,
        context=notification.context,
    )
    return f"fallback to {channel}"
