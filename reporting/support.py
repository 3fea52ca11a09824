"""A home for support requests: who owns a report whose reporter asked for support, its clock,
and what the reporter is told will happen.

A reporter who asked for support, left a way to contact them, and did not share their details
with the police (support only, or shared anonymously) is someone no police officer can contact.
Their report lands in a support queue that a centre's team owns:

- logged at a centre (assisted or by phone): that centre's own queue;
- online: the queue of the victim-support hub of the report's area (`Centre.is_support_hub`;
  for online hate, the area where the victim lives when they said so), else the central
  queue's hub.

The owner makes first contact within its `support_contact_within_days` working days (England
and Wales, centres/bank_holidays.py); `Report.support_due_at` is that clock. When no hub owns
the area, nor the central queue, nobody does: the reporter is told so plainly, and pointed to
services they can contact themself. Nothing is ever promised that nobody owns.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.bank_holidays import working_day_deadline
from centres.models import AccessLogEntry, Centre

from . import access
from .models import Answer, Channels, Consent, Report

# The ways a person can be reached about support (any of them will do).
# A BSL video call is made by a person through the relay service.
REACHABLE_BY = (
    Channels.PHONE,
    Channels.SMS,
    Channels.EMAIL,
    Channels.CENTRE,
    Channels.BSL_VIDEO,
)

# What the reporter is told about the support they asked for (Report.support_promise).
QUEUED = "queued"  # a support team owns it and will contact them
POLICE = "police"  # shared with their details: the police officer can refer them
NO_CONTACT = "no_contact"  # no way to contact them was left
NO_OWNER = "no_owner"  # nobody takes support requests for the area
NOT_ASKED = ""


def is_reachable(contact) -> bool:
    """Did the reporter leave a way to contact them (a channel with its details)?"""
    return contact is not None and any(contact.allows(channel) for channel in REACHABLE_BY)


def wants_support_nobody_else_gives(report: Report, contact) -> bool:
    """Asked for support, can be contacted, and no police officer may contact them."""
    return (
        report.support_wanted == Answer.YES
        and report.consent != Consent.SHARE_WITH_DETAILS
        and is_reachable(contact)
    )


def hub_for(area_id) -> Centre | None:
    """The victim-support hub of an area, else the central queue's hub, else None: one query."""
    preference = Case(
        When(area_id=area_id, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return (
        Centre.objects.filter(is_support_hub=True)
        .filter(Q(area_id=area_id) | Q(area__is_central_queue=True))
        .annotate(preference=preference)
        .order_by("preference", "pk")
        .first()
    )


def route(report: Report, contact, *, at=None) -> None:
    """Give an unsaved (or unrouted) report its support queue and clock, if it needs one.
    The caller saves it. `contact`: its ReporterContact, saved or not, or None."""
    if not wants_support_nobody_else_gives(report, contact):
        return
    owner = report.centre if report.centre_id else hub_for(report.area_id)
    if owner is None:
        return
    report.support_centre = owner
    report.support_due_at = working_day_deadline(
        at or report.submitted_at or timezone.now(), owner.support_contact_within_days
    )


def promise(report: Report) -> str:
    """What the reporter may be told about the support they asked for: one of QUEUED, POLICE,
    NO_CONTACT, NO_OWNER, or NOT_ASKED."""
    if report.support_wanted != Answer.YES:
        return NOT_ASKED
    if report.support_centre_id:
        return QUEUED
    contact = getattr(report, "contact", None) if report.pk else None
    if report.consent == Consent.SHARE_WITH_DETAILS and is_reachable(contact):
        return POLICE
    if not is_reachable(contact):
        return NO_CONTACT
    return NO_OWNER


def promise_context(report: Report) -> dict:
    """For the confirmation pages and the receipt: the promise, and the owner's clock."""
    owner = report.support_centre
    return {
        "support_promise": promise(report),
        "support_days": owner.support_contact_within_days if owner else 0,
    }


def record_first_contact(*, report: Report, by) -> Report:
    """The owner's team contacted the person about support: the clock stops. Once only."""
    with transaction.atomic():
        locked = Report.objects.select_for_update(of=("self",)).get(pk=report.pk)
        if locked.support_centre_id is None:
            raise ValidationError(_("This report is in no support queue."), code="no_queue")
        if locked.support_contacted_at is not None:
            raise ValidationError(
                _("First contact about support was already recorded."), code="already"
            )
        locked.support_contacted_at = timezone.now()
        locked.support_contacted_by = by
        locked.save(update_fields=["support_contacted_at", "support_contacted_by"])
        access.record(by, locked, AccessLogEntry.Action.CHANGE, detail="support: first contact")
    return locked
