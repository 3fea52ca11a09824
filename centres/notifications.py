"""The kinds of message the outbox delivers, registered by the app that sends them.

Each app says, in its `AppConfig.ready()`, which kinds it queues: whom each is for, the link
a staff message carries and what its templates need beyond the stored context. Delivery
(centres/delivery.py) looks a kind up here by name, so centres never needs to know another
app's models or URLs. Templates: templates/notifications/<kind>.subject.txt and <kind>.txt
(and an optional <kind>.sms.txt for text messages; .txt so that makemessages finds them).

Links are registered by name too (`register_link`): the centre workspace is served by the
reporting app, so centres' own messages ask for the "workspace" link without reversing it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

VICTIM = "victim"
STAFF = "staff"
# A support service (centres.SupportService): referrals, to the service's referral address,
# by the channel it takes them by.
SERVICE = "service"


class Cancelled(Exception):
    """The message must not be sent: the recipient is gone, or their plan no longer allows it.
    The reason is short and never personal."""


class Permanent(Exception):
    """Trying again cannot help (an unknown kind, a missing template): fail now, visibly."""


@dataclass(frozen=True)
class MessageKind:
    """One kind of message: whom it is for ("victim", "staff" or "service"), the link a staff
    message carries (a function of the stored context, or the name of a registered link) and
    what its templates need beyond the stored context (a function of the notification and its
    recipient, which may raise Cancelled)."""

    name: str
    audience: str
    link: Callable[[dict], str] | str | None = None
    details: Callable[[object, object], dict] = field(default=lambda n, r: {})

    def link_for(self, context: dict) -> str:
        if self.link is None:
            return ""
        if isinstance(self.link, str):
            return link(self.link, context)
        return self.link(context)


KINDS: dict[str, MessageKind] = {}
LINKS: dict[str, Callable[[dict], str]] = {}


def register(kind: MessageKind) -> MessageKind:
    KINDS[kind.name] = kind
    return kind


def register_link(name: str, build: Callable[[dict], str]) -> None:
    LINKS[name] = build


def link(name: str, context: dict) -> str:
    """The absolute address of a registered link, for this message's context."""
    return LINKS[name](context)


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def admin_link(name: str, *args) -> str:
    """An absolute admin address, or the admin's front page if the URL is gone."""
    try:
        return absolute(reverse(f"admin:{name}", args=args))
    except NoReverseMatch:
        return absolute("/admin/")


# --- The centres app's own kinds ----------------------------------------------------------------


def _training_details(notification, user) -> dict:
    from .models import Membership

    membership = (
        Membership.objects.filter(pk=notification.context.get("membership"))
        .select_related("user", "centre")
        .first()
    )
    if membership is None:
        raise Cancelled("membership no longer exists")
    return {"volunteer": membership.user.name, "centre_name": membership.centre.name}


def _superuser_used_details(notification, user) -> dict:
    at = parse_datetime(notification.context.get("at") or "")
    if at is None:
        raise Permanent("no time given")
    return {"at": timezone.localtime(at)}


def register_kinds() -> None:
    """Centres' messages: the weekly summary and training reminders (centres/digests.py), and
    the notice to administrators that the superuser account was used (centres/roles.py)."""
    register(MessageKind("weekly_centre_summary", STAFF, link="workspace"))
    register(MessageKind("training_expiring", STAFF, link="workspace", details=_training_details))
    register(
        MessageKind(
            "superuser_used",
            STAFF,
            link=lambda context: admin_link("centres_accesslogentry_changelist"),
            details=_superuser_used_details,
        )
    )
