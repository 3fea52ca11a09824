"""Delivering the notification outbox: once, in the recipient's language, through a channel
their plan allows.

How a message is delivered once (see docs/background-work.md for the whole argument):

1. Claim. In a short transaction, lock the row (`select_for_update(skip_locked=True)`), check it
   is still pending and due, count the attempt and push `next_attempt_at` forward by a lease.
   Commit. Nobody else (another worker, a re-delivered broker message, the sweep) will touch it
   until the lease ends, and no transaction or row lock is held while we talk to a mail server.
2. Send, outside any transaction, with a Message-ID (and, for text messages, a provider
   reference) derived from the row, so a re-send is recognisably the same message.
3. Record the result with a conditional UPDATE that only succeeds for the claim we hold
   (`attempts` is the claim's token). Only then does the task return and the broker message
   get acknowledged (acks_late).

A worker killed before step 3 leaves the row pending with an expired lease in the future: the
broker re-delivers the task (late acknowledgement) or the sweep finds it. Before sending a
message claimed before (its outcome may be unknown), a provider that can look messages up by
reference (GOV.UK Notify) is asked first, and a message it already has is recorded as sent,
not sent again. A worker whose claim has run out (frozen past its lease) never sends: the
claim is checked, with time to spare, just before the send. Plain SMTP cannot be asked; there
a re-send carries the same Message-ID (docs/background-work.md says which way that errs).

A message to a reporter waits for their safe-contact plan: outside its times the claim moves
the row to the plan's next safe time instead ("waiting": no attempt counted, nothing sent).

Messages to victims say there is news and where to read it. They never carry incident
details, names or what the service is about, unless the victim's plan says the message may
say what the news is; even then only the standard, translated wording, never free text.
"""

import contextlib
import hashlib
import logging
import random
import smtplib
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import sms
from .models import Notification, SupportService, User
from .notifications import KINDS, SERVICE, STAFF, Cancelled, Permanent, link
from .notify import AlreadyAccepted, reference_for
from .outbox import safe_from, waits_for_plan

logger = logging.getLogger(__name__)

BATCH_SIZE = 500


# --- Outcomes --------------------------------------------------------------------------------


# Errors a retry cannot fix.
PERMANENT_ERRORS = (Permanent, smtplib.SMTPRecipientsRefused, TemplateDoesNotExist)


def error_label(exc: BaseException) -> str:
    """A short, non-personal description: the error's type and code, never its message
    (an SMTP server's reply may quote the address)."""
    label = type(exc).__name__
    code = getattr(exc, "smtp_code", None) or getattr(exc, "errno", None)
    if isinstance(exc, Permanent | Cancelled):
        return str(exc)[:300]
    return f"{label} ({code})"[:300] if code else label[:300]


def retry_delay(attempts: int) -> timedelta:
    """Exponential back-off with a little jitter, so a recovered mail server is not hit by
    every message at the same second."""
    base = settings.NOTIFICATION_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    seconds = min(base, settings.NOTIFICATION_RETRY_MAX_SECONDS)
    return timedelta(seconds=seconds * random.uniform(0.9, 1.1))  # noqa: S311 - not security


# --- Recipients and rendering ------------------------------------------------------------------


@dataclass
class Outgoing:
    """What one notification turns into: an email to some addresses, or a text message."""

    channel: str
    subject: str = ""
    body: str = ""
    to: list[str] = field(default_factory=list)
    bcc: list[str] = field(default_factory=list)
    from_email: str = ""
    phone: str = ""


def _language(code: str) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return code if code in codes else settings.LANGUAGE_CODE


def tracking_url(language: str) -> str:
    return f"{settings.VICTIM_SITE_URL}/{_language(language)}/track/"


def _render(template: str, context: dict, *, optional: bool = False) -> str | None:
    try:
        text = render_to_string(f"notifications/{template}", context)
    except TemplateDoesNotExist:
        if optional:
            return None
        raise
    return text.strip()


def _centre_team(centre_id: int) -> list[str]:
    return list(User.objects.centre_team(centre_id).order_by("pk").values_list("email", flat=True))


def build(notification: Notification) -> Outgoing:
    """Look the recipient up as they are now and render the message, or raise Cancelled."""
    kind = KINDS.get(notification.kind)
    if kind is None:
        raise Permanent("unknown message kind")
    recipient = notification.recipient
    if recipient is None:
        raise Cancelled("recipient no longer exists")
    context = {**notification.context, "site_url": settings.SITE_URL}
    if kind.audience == STAFF:
        return _build_staff(notification, kind, recipient, context)
    if kind.audience == SERVICE:
        return _build_service(notification, kind, recipient, context)
    return _build_victim(notification, kind, recipient, context)


def _build_staff(notification, kind, recipient, context) -> Outgoing:
    if not isinstance(recipient, User):
        raise Permanent("staff message to someone who is not staff")
    if not recipient.is_active:
        raise Cancelled("recipient no longer active")
    if notification.channel != Notification.Channel.EMAIL or not recipient.email:
        raise Cancelled("no address for this channel")
    context["link"] = kind.link_for(notification.context)
    context.update(kind.details(notification, recipient))
    with translation.override(_language(notification.language)):
        return Outgoing(
            channel=Notification.Channel.EMAIL,
            subject=_render(f"{kind.name}.subject.txt", context),
            body=_render(f"{kind.name}.txt", context),
            to=[recipient.email],
            from_email=settings.DEFAULT_FROM_EMAIL,
        )


def _build_service(notification, kind, service, context) -> Outgoing:
    """A message to a support service (a referral): to its referral address, by the channel
    it takes referrals by as it is now, in the staff language."""
    if not isinstance(service, SupportService):
        raise Permanent("service message to something that is not a support service")
    if notification.channel != Notification.Channel.EMAIL or not service.takes_referrals:
        raise Cancelled("the service no longer takes referrals by secure email")
    context.update(service_name=service.name, **kind.details(notification, service))
    with translation.override(_language(notification.language)):
        return Outgoing(
            channel=Notification.Channel.EMAIL,
            subject=_render(f"{kind.name}.subject.txt", context),
            body=_render(f"{kind.name}.txt", context),
            to=[service.referral_email],
            from_email=settings.DEFAULT_FROM_EMAIL,
        )


def _build_victim(notification, kind, contact, context) -> Outgoing:
    if not hasattr(contact, "allows") or not hasattr(contact, "report"):
        raise Permanent("victim message to someone who is not a reporter")
    channel = notification.channel
    if not contact.allows(channel):
        raise Cancelled("the safe-contact plan does not allow this channel")
    if channel == Notification.Channel.CENTRE:
        return _build_centre_relay(notification, contact, context)
    language = _language(notification.language)
    with translation.override(language):
        context.update(
            track_url=tracking_url(language),
            may_say_what=contact.message_may_say_what,
            **kind.details(notification, contact),
        )
        subject = _render(f"{kind.name}.subject.txt", context)
        body = _render(f"{kind.name}.txt", context)
        if channel == Notification.Channel.SMS:
            text = _render(f"{kind.name}.sms.txt", context, optional=True)
            return Outgoing(channel=channel, body=text or body, phone=contact.phone)
    return Outgoing(
        channel=Notification.Channel.EMAIL,
        subject=subject,
        body=body,
        to=[contact.email],
        from_email=settings.VICTIM_FROM_EMAIL,
    )


def _build_centre_relay(notification, contact, context) -> Outgoing:
    """The plan says "through the reporting centre": tell the centre's team there is news to
    pass on, in the staff language; they read it in the workspace."""
    report = contact.report
    if not report.centre_id:
        raise Cancelled("no centre to pass the message on")
    team = _centre_team(report.centre_id)
    if not team:
        raise Cancelled("the centre has no active volunteers")
    context.update(reference=report.reference, link=link("workspace", context))
    with translation.override(settings.LANGUAGE_CODE):
        return Outgoing(
            channel=Notification.Channel.EMAIL,
            subject=_render("centre_relay.subject.txt", context),
            body=_render("centre_relay.txt", context),
            bcc=team,
            from_email=settings.DEFAULT_FROM_EMAIL,
        )


def message_id(notification: Notification) -> str:
    """Stable for a notification: a re-send after a crash is the same message to the mail
    system. Derived from the key's hash, so it reveals nothing."""
    digest = hashlib.sha256(notification.key.encode()).hexdigest()[:24]
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >") or "localhost"
    return f"<n{notification.pk}.{digest}@{domain}>"


# --- Delivery ----------------------------------------------------------------------------------


class Sender:
    """Sends the outgoing messages of one batch, over one mail connection."""

    def __init__(self):
        self._email = None
        self._sms = None

    def send(self, notification: Notification, outgoing: Outgoing) -> bool:
        """Send, or find that the provider already has it. Returns True when it was sent now,
        False when a previous attempt had already reached the provider."""
        # Claimed before: a previous attempt may have reached the provider without our
        # knowing (it died, or recording the result failed). Ask first where we can.
        check_first = notification.attempts > 1
        reference = reference_for(notification.key)
        if outgoing.channel == Notification.Channel.SMS:
            if self._sms is None:
                self._sms = sms.get_sms_backend()
            try:
                self._sms.send(
                    to=outgoing.phone,
                    body=outgoing.body,
                    reference=reference,
                    check_first=check_first,
                )
            except AlreadyAccepted:
                return False
            return True
        if self._email is None:
            self._email = get_connection(fail_silently=False)
        message = EmailMessage(
            subject=outgoing.subject.replace("\n", " "),
            body=outgoing.body,
            from_email=outgoing.from_email,
            to=outgoing.to,
            bcc=outgoing.bcc,
            connection=self._email,
            headers={"Message-ID": message_id(notification), "Auto-Submitted": "auto-generated"},
        )
        # Read by a backend that can look messages up (centres.notify.NotifyEmailBackend).
        message.provider_reference = reference
        message.check_provider_first = check_first
        try:
            return bool(message.send())
        except Exception:
            # The connection may be half-open; the next message opens a new one.
            self.close()
            raise

    def close(self) -> None:
        if self._email is not None:
            # Closing a broken connection may fail; it is gone either way.
            with contextlib.suppress(Exception):
                self._email.close()
            self._email = None


def claim(notification_id: int) -> Notification | None:
    """Claim one due message for this worker for the lease, or None if it is not ours to
    send: already sent, cancelled, failed, not yet due, being sent by someone else, or
    waiting for the reporter's safe time."""
    return _claim(notification_id)[1]


def _claim(notification_id: int) -> tuple[str, Notification | None]:
    """("claimed", the row), or why not, and None: "skipped", "waiting" (for the reporter's
    safe time) or "cancelled" (their plan cannot be read)."""
    now = timezone.now()
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(skip_locked=True)
            .filter(pk=notification_id)
            .due(now)
            .first()
        )
        if notification is None:
            return "skipped", None
        if notification.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
            # Claimed this often without a result: the worker died each time. Stop, visibly.
            notification.status = Notification.Status.FAILED
            notification.last_error = "interrupted too often"
            notification.save(update_fields=["status", "last_error"])
            logger.error("Notification %s failed: interrupted too often", notification.pk)
            return "skipped", None
        held = _hold_for_safe_time(notification, now)
        if held:
            return held, None
        notification.attempts += 1
        notification.next_attempt_at = now + timedelta(seconds=settings.NOTIFICATION_LEASE_SECONDS)
        # Named before the send, so a delivery receipt always finds its row.
        notification.provider_reference = reference_for(notification.key)
        notification.save(update_fields=["attempts", "next_attempt_at", "provider_reference"])
    return "claimed", notification


def _hold_for_safe_time(notification: Notification, now) -> str | None:
    """A message to a reporter goes only when their plan (as it is now) allows contact:
    otherwise it is due again at the plan's next safe time, no attempt counted, nothing sent
    ("waiting"). A plan that cannot be read never means "any time" ("cancelled"). None when
    the message may go now. Called under the claim's row lock."""
    if not waits_for_plan(kind=notification.kind, channel=notification.channel):
        return None
    try:
        when = safe_from(
            kind=notification.kind,
            channel=notification.channel,
            recipient=notification.recipient,
            at=now,
        )
    except ValueError:
        notification.status = Notification.Status.CANCELLED
        notification.last_error = "the safe-contact plan cannot be read"
        notification.save(update_fields=["status", "last_error"])
        logger.error("Notification %s cancelled: %s", notification.pk, notification.last_error)
        return "cancelled"
    if when <= now:
        return None
    notification.next_attempt_at = when
    notification.save(update_fields=["next_attempt_at"])
    logger.info("Notification %s waits for the reporter's safe time", notification.pk)
    return "waiting"


def _ours(notification: Notification):
    """The row, while the claim we made is still the last one."""
    return Notification.objects.filter(
        pk=notification.pk,
        status=Notification.Status.PENDING,
        attempts=notification.attempts,
    )


def still_ours(notification: Notification) -> bool:
    """Is our claim still the last one, with enough of the lease left to send? A worker
    frozen past its lease (or slow to build the message) finds another may have claimed the
    row, and must not send its copy."""
    margin = min(settings.NOTIFICATION_SEND_MARGIN_SECONDS, settings.NOTIFICATION_LEASE_SECONDS / 2)
    return (
        _ours(notification)
        .filter(next_attempt_at__gt=timezone.now() + timedelta(seconds=margin))
        .exists()
    )


def _finish(notification: Notification, **changes) -> bool:
    """Record the result, only if our claim still stands (nobody re-claimed it after the lease
    ran out).

    After a send, a database that is briefly away (a restart, a fail-over) is waited for, for
    up to NOTIFICATION_RECORD_RETRY_SECONDS: every result recorded now is a message the next
    claim need not ask the provider about (and, over SMTP, does not send again)."""
    deadline = time.monotonic() + settings.NOTIFICATION_RECORD_RETRY_SECONDS
    pause = 0.25
    while True:
        try:
            updated = _ours(notification).update(**changes)
            break
        except (OperationalError, InterfaceError):
            if time.monotonic() + pause > deadline:
                raise
            # The connection is broken; Django opens a new one on the next query.
            with contextlib.suppress(DatabaseError):
                connection.close()
            time.sleep(pause)
            pause = min(pause * 2, 5)
    if not updated:
        logger.warning(
            "Notification %s: claim lost before the result was recorded", notification.pk
        )
    return bool(updated)


def deliver_one(notification_id: int, *, sender: Sender) -> str:
    """Deliver one notification if it is ours to deliver. Returns what happened."""
    outcome, notification = _claim(notification_id)
    if notification is None:
        return outcome
    return deliver_claimed(notification, sender=sender)


def deliver_claimed(notification: Notification, *, sender: Sender) -> str:
    """Build, send and record a message this worker has claimed (or had claimed, before it
    was frozen: then it does not send)."""
    try:
        outgoing = build(notification)
        if not still_ours(notification):
            logger.warning(
                "Notification %s: claim lost before sending; not sent by this worker",
                notification.pk,
            )
            return "skipped"
        sent_now = sender.send(notification, outgoing)
    except Cancelled as exc:
        _finish(notification, status=Notification.Status.CANCELLED, last_error=error_label(exc))
        logger.info("Notification %s cancelled: %s", notification.pk, exc)
        return "cancelled"
    except Exception as exc:
        return _record_failure(notification, exc)
    recorded = _finish(
        notification, status=Notification.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    if not recorded:
        # Sent, but another worker holds the row now; it will ask the provider first.
        logger.warning("Notification %s: sent after its claim was lost", notification.pk)
        return "sent-late"
    if sent_now:
        logger.info("Notification %s sent (%s)", notification.pk, notification.kind)
        return "sent"
    logger.info(
        "Notification %s: the provider already had it; recorded as sent, not sent again",
        notification.pk,
    )
    return "already-sent"


def _record_failure(notification: Notification, exc: Exception) -> str:
    label = error_label(exc)
    if (
        isinstance(exc, PERMANENT_ERRORS)
        or notification.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS
    ):
        _finish(notification, status=Notification.Status.FAILED, last_error=label)
        logger.error(
            "Notification %s failed after %s attempts: %s",
            notification.pk,
            notification.attempts,
            label,
        )
        return "failed"
    _finish(
        notification,
        next_attempt_at=timezone.now() + retry_delay(notification.attempts),
        last_error=label,
    )
    logger.warning(
        "Notification %s attempt %s failed, will retry: %s",
        notification.pk,
        notification.attempts,
        label,
    )
    return "retry"


def deliver_notifications(notification_ids) -> dict[str, int]:
    """Deliver a batch; each message is claimed, sent and recorded on its own."""
    results: dict[str, int] = {}
    sender = Sender()
    try:
        for notification_id in notification_ids:
            outcome = deliver_one(int(notification_id), sender=sender)
            results[outcome] = results.get(outcome, 0) + 1
    finally:
        sender.close()
    return results


def due_notification_ids(*, now=None, limit: int = 50_000) -> list[int]:
    """Pending messages whose time has come, oldest first: one query on the partial index
    `notification_due_idx`."""
    return list(
        Notification.objects.due(now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
