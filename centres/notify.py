"""GOV.UK Notify: the production provider for text messages and email.

Public bodies in England and Wales send SMS and email through GOV.UK Notify. We talk to it
through its official client (`notifications-python-client`), configured from the environment:

- `NOTIFY_API_KEY`: the service's API key (a "team and guest list" key in staging, "live" in
  production);
- `NOTIFY_BASE_URL`: Notify's API (the default), or a local server that speaks its API;
- `NOTIFY_SMS_TEMPLATE_ID`, `NOTIFY_EMAIL_TEMPLATE_ID`: one template each whose whole content
  is a placeholder, `((body))` (and `((subject))` for email). We render and translate the
  messages ourselves (templates/notifications/), so a Notify template never holds a word a
  victim reads and the ten languages stay in one place;
- `NOTIFY_SMS_SENDER_ID`, `NOTIFY_EMAIL_REPLY_TO_ID`: optional, as Notify's dashboard shows.

Two backends: `NotifySmsBackend` (`SMS_BACKEND`) and `NotifyEmailBackend` (`EMAIL_BACKEND`, a
Django email backend, so every email the site sends goes the same way).

**One message per event.** Every message carries a reference derived from its outbox row
(`reference_for`, opaque: a hash of the row's key). Notify looks messages up by reference, so
before sending a message a second time (`check_first`: the outbox row was claimed before and
its outcome may be unknown), the backend asks Notify whether it already has it. If Notify has
accepted it (created, sending, pending, sent or delivered), we record it as sent and send
nothing; if Notify says the address or number does not exist (permanent failure), it fails
for good; otherwise (not found, a technical or temporary failure) it is sent again.

Errors: a 400 (Notify refuses the message: an invalid number, say) cannot be fixed by
retrying; a 403 (a bad key) and 429/5xx can, later. Neither error's text is kept: Notify's
messages can quote the number or address.
"""

import hashlib
import logging

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from notifications_python_client import NotificationsAPIClient
from notifications_python_client.errors import APIError

from .notifications import Permanent
from .sms import BaseSmsBackend, SmsError

logger = logging.getLogger(__name__)

# Notify's statuses (https://docs.notifications.service.gov.uk/python.html#status):
# accepted by Notify and on its way or arrived.
ACCEPTED = frozenset({"created", "sending", "pending", "sent", "delivered", "accepted", "received"})
# The number or address does not exist: sending again will not help.
PERMANENT_FAILURE = frozenset({"permanent-failure", "validation-failed", "virus-scan-failed"})


class ProviderError(SmsError):
    """Notify could not take the message now; the outbox retries it later."""


def reference_for(key: str) -> str:
    """The provider reference of an outbox row: stable across attempts, and opaque (it is
    shown on Notify's dashboard, so it says nothing about what the message is)."""
    return "hr-" + hashlib.sha256(key.encode()).hexdigest()[:32]


def client() -> NotificationsAPIClient:
    if not settings.NOTIFY_API_KEY:
        raise Permanent("GOV.UK Notify is not configured (NOTIFY_API_KEY)")
    return NotificationsAPIClient(
        settings.NOTIFY_API_KEY,
        base_url=settings.NOTIFY_BASE_URL,
        timeout=settings.NOTIFY_TIMEOUT_SECONDS,
    )


def _raise_for(error: APIError):
    """Translate Notify's errors into the outbox's: permanent (400) or try again later."""
    code = error.status_code
    if code == 400:
        raise Permanent(f"refused by GOV.UK Notify ({code})") from error
    raise ProviderError(f"GOV.UK Notify unavailable ({code})") from error


def delivery_state(api: NotificationsAPIClient, reference: str) -> str | None:
    """What Notify knows of the message with this reference: "accepted", "permanent-failure"
    or None (not there, or it failed in a way that sending again can fix)."""
    try:
        found = api.get_all_notifications(reference=reference).get("notifications", [])
    except APIError as error:
        # Unable to ask: not knowing is not a reason to send twice; try again later.
        _raise_for(error)
    statuses = {item.get("status") for item in found}
    if statuses & ACCEPTED:
        return "accepted"
    if statuses & PERMANENT_FAILURE:
        return "permanent-failure"
    return None


class AlreadyAccepted(Exception):
    """The provider already has this message (a previous attempt's outcome was unknown)."""


def _check(api, reference: str) -> None:
    state = delivery_state(api, reference)
    if state == "accepted":
        raise AlreadyAccepted(reference)
    if state == "permanent-failure":
        raise Permanent("GOV.UK Notify: permanent failure")


class NotifySmsBackend(BaseSmsBackend):
    def __init__(self):
        self.api = client()

    def send(self, *, to: str, body: str, reference: str, check_first: bool = False) -> None:
        if check_first:
            _check(self.api, reference)
        try:
            self.api.send_sms_notification(
                phone_number=to,
                template_id=settings.NOTIFY_SMS_TEMPLATE_ID,
                personalisation={"body": body},
                reference=reference,
                sms_sender_id=settings.NOTIFY_SMS_SENDER_ID or None,
            )
        except APIError as error:
            _raise_for(error)


class NotifyEmailBackend(BaseEmailBackend):
    """Django's email through Notify: one Notify email per recipient (to, cc and bcc; Notify
    takes one address per request, so a Bcc list stays private).

    A message may carry `provider_reference` (set by the outbox) and `check_provider_first`;
    without a reference one is derived from its Message-ID."""

    def __init__(self, fail_silently=False, **kwargs):
        super().__init__(fail_silently=fail_silently, **kwargs)
        self.api = None

    def open(self):
        if self.api is None:
            self.api = client()
        return True

    def close(self):
        self.api = None

    def send_messages(self, email_messages):
        if not email_messages:
            return 0
        self.open()
        sent = 0
        for message in email_messages:
            try:
                self._send(message)
            except AlreadyAccepted:
                pass
            except Exception:
                if not self.fail_silently:
                    raise
                continue
            sent += 1
        return sent

    def _send(self, message) -> None:
        base = getattr(message, "provider_reference", None) or reference_for(
            str(message.extra_headers.get("Message-ID", ""))
        )
        recipients = message.recipients()
        accepted = 0
        for index, address in enumerate(recipients):
            # One reference per recipient, so a re-send after a crash skips those Notify
            # already has and sends only to the rest.
            reference = base if len(recipients) == 1 else f"{base}-{index}"
            try:
                if getattr(message, "check_provider_first", False):
                    _check(self.api, reference)
            except AlreadyAccepted:
                accepted += 1
                continue
            try:
                self.api.send_email_notification(
                    email_address=address,
                    template_id=settings.NOTIFY_EMAIL_TEMPLATE_ID,
                    personalisation={"subject": message.subject, "body": message.body},
                    reference=reference,
                    email_reply_to_id=settings.NOTIFY_EMAIL_REPLY_TO_ID or None,
                )
            except APIError as error:
                _raise_for(error)
        if recipients and accepted == len(recipients):
            raise AlreadyAccepted(base)
