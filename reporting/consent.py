"""Changing a report's consent to share with the police, both ways: the one service.

The reporter changes it on the tracking page (casework/tracking/), or a centre volunteer
does with the reporter there (reporting/workspace/consent.py). Each change locks the report,
checks the allowed-transitions table, writes a ConsentChange row and an access-log entry,
and queues the reporter's "there is news" message, in one transaction. A report shared with
the police from then on has its case opened straight after that transaction (the
`report_shared` signal: casework opens it, as for a report shared when it was sent), so it
reaches the area's SPOCs with its Victims' Code clocks starting then. The access rules
(reporting/access.py) read the report's consent, so a change is in force at once everywhere.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from centres.models import AccessLogEntry
from centres.outbox import queue_notification

from . import access
from .models import SHARED_WITH_POLICE, Consent, ConsentChange, Report, ReporterContact
from .services import ACKNOWLEDGEMENT_CHANNELS, CONTACT_FIELDS
from .signals import report_shared

logger = logging.getLogger(__name__)

# From each consent, the consents it may change to. A withdrawal (to "do not share") is
# honoured from either share; sharing later goes from "support only" to either share, and an
# anonymous share may add the reporter's details. Taking details back from the police while
# still sharing is not offered: what they were given they may keep, so it would mislead.
ALLOWED_CHANGES = {
    Consent.DO_NOT_SHARE: {Consent.SHARE_ANONYMOUSLY, Consent.SHARE_WITH_DETAILS},
    Consent.SHARE_ANONYMOUSLY: {Consent.SHARE_WITH_DETAILS, Consent.DO_NOT_SHARE},
    Consent.SHARE_WITH_DETAILS: {Consent.DO_NOT_SHARE},
}
# What is written in the access log for a change the reporter made themself.
REPORTER = "reporter"
# Contact details the police could use to reach the reporter: one of these must be given for
# a share "with my details" to mean anything.
DETAILS = ("name", "phone", "email")


def sharing_changes(consent: str) -> list[str]:
    """The shares a report with this consent may change to (what the pages offer)."""
    return [to for to in ALLOWED_CHANGES.get(consent, ()) if to in SHARED_WITH_POLICE]


def has_contact_details(report: Report) -> bool:
    contact = ReporterContact.objects.filter(report=report).first()
    return contact is not None and any(getattr(contact, field) for field in DETAILS)


def change_consent(
    *, report: Report, to: str, by=None, centre=None, contact: dict | None = None
) -> ConsentChange:
    """Change `report`'s consent to `to`, from now on.

    `by` is None when the reporter does it on the tracking page; otherwise the volunteer who
    does it at `centre` (the report's own centre, where they work now) with the reporter
    there. Sharing "with my details" needs contact details: when the report has none,
    `contact` (the contact forms' answers, CONTACT_FIELDS) is saved with the change.

    Raises ValidationError (keyed "consent" or "contact") for a change the table does not
    allow (the same consent again included), a volunteer outside the report's centre, or
    details missing; nothing is written then.
    """
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        previous = locked.consent
        _check(locked, to=to, by=by, centre=centre)
        details_added = False
        if to == Consent.SHARE_WITH_DETAILS and not has_contact_details(locked):
            if not contact or not any(contact.get(field) for field in DETAILS):
                raise ValidationError(
                    {"contact": _("Give a way for the police to contact you")}, code="no_details"
                )
            _save_contact(locked, contact)
            details_added = True
        change = ConsentChange.objects.create(
            report=locked,
            previous=previous,
            current=to,
            changed_by=by,
            channel=ConsentChange.Channel.TRACKING if by is None else ConsentChange.Channel.CENTRE,
            centre=centre if by is not None else None,
        )
        locked.consent = to
        locked.save(update_fields=["consent"])
        reason = f"consent changed: {previous} -> {to}"
        if details_added:
            reason += "; contact details given"
        access.record(
            by,
            locked,
            AccessLogEntry.Action.CHANGE,
            detail=REPORTER if by is None else "with the reporter at the centre",
            reason=reason,
        )
        if to in SHARED_WITH_POLICE:
            _tell_reporter(locked, change)
    report.consent = locked.consent
    if to in SHARED_WITH_POLICE and previous not in SHARED_WITH_POLICE:
        _open_case(locked, by=by)
    return change


def _check(report: Report, *, to: str, by, centre) -> None:
    if to not in ALLOWED_CHANGES.get(report.consent, ()):
        raise ValidationError(
            {"consent": _("This change cannot be made. Check how the report is shared now.")},
            code="not_allowed",
        )
    if by is None:
        if centre is not None:
            raise ValueError("a centre is named only for a change made by a volunteer")
        return
    # Under the lock, whatever the page checked: a volunteer acts only for their centre's
    # reports, and only while they work there.
    if (
        centre is None
        or centre.pk != report.centre_id
        or not access.centres_worked_at(by).filter(pk=centre.pk).exists()
    ):
        raise ValidationError(
            {"consent": _("Only the centre that logged this report can change its sharing.")},
            code="not_your_centre",
        )


def _save_contact(report: Report, details: dict) -> ReporterContact:
    contact = ReporterContact.objects.filter(report=report).first() or ReporterContact(
        report=report
    )
    for field in CONTACT_FIELDS:
        if field in details:
            value = details[field]
            # Encrypted fields keep "nothing" as NULL rather than an encrypted empty string.
            setattr(contact, field, value if value or not _encrypted_text(field) else None)
    contact.save()
    return contact


def _encrypted_text(field: str) -> bool:
    return field in ("name", "phone", "email", "safe_times", "other_needs", "bsl_video_address")


def _tell_reporter(report: Report, change: ConsentChange) -> None:
    """A "there is news" message by the first way the reporter's plan allows, in their
    language; it names nothing of the report or the change (the tracking page does)."""
    contact = ReporterContact.objects.filter(report=report).first()
    if contact is None:
        return
    for plan_channel, message_channel in ACKNOWLEDGEMENT_CHANNELS:
        if contact.allows(plan_channel):
            queue_notification(
                key=f"consent-change:{change.pk}",
                kind="consent_changed",
                channel=message_channel,
                recipient=contact,
                language=contact.preferred_language or report.language,
                context={},
            )
            return


def _open_case(report: Report, *, by) -> None:
    """Open the case now, after the change's own transaction (as submit_report does): what
    fails on the police side never undoes the reporter's choice; the casework sweep opens any
    case still missing."""
    for _receiver, result in report_shared.send_robust(sender=Report, report=report, by=by):
        if isinstance(result, Exception):
            logger.error(
                "Opening the case for report %s failed (%s); the casework sweep will retry",
                report.pk,
                type(result).__name__,
            )


def days_to_look(report: Report) -> int:
    """Within how many working days a police officer will look at a report just shared: the
    area's triage time (hours, counted by the escalation sweep) rounded up to whole days. The
    area is the case's once it is open, else the report's."""
    case = getattr(report, "case", None)
    area = case.area if case is not None else report.area
    return max(1, -(-area.triage_within_hours // 24))
