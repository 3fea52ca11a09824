"""Writes that span models: sending a report.

`submit_report` is the one way a report comes into being, online (the journey) or assisted
(a volunteer in the centre workspace, with channel=assisted, the centre and the volunteer).
"""

import logging

from django.conf import settings
from django.db import transaction

from centres.models import Area, Notification, User
from centres.outbox import queue_notification

from . import evidence, support
from .models import (
    Channels,
    EqualityAnswers,
    OffenderIdentifier,
    Report,
    ReportDraft,
    ReporterContact,
)
from .signals import report_submitted

logger = logging.getLogger(__name__)

CONTACT_FIELDS = (
    "name",
    "phone",
    "email",
    "channels",
    "safe_times",
    "safe_windows",
    "not_on_bank_holidays",
    "no_voicemail",
    "never_visit_home",
    "family_does_not_know",
    "message_may_say_what",
    "preferred_language",
    "interpreter_needed",
    "interpreter_language",
    "bsl",
    "bsl_relay",
    "bsl_video_address",
    "easy_read",
    "large_print",
    "other_needs",
)
# The acknowledgement goes by the first of these the reporter's plan allows.
ACKNOWLEDGEMENT_CHANNELS = (
    (Channels.EMAIL, Notification.Channel.EMAIL),
    (Channels.SMS, Notification.Channel.SMS),
)


class DraftAlreadySent(Exception):
    """The draft was sent before (say "Send" was pressed again after a failure); nothing new
    was saved. `report` is the one its first sending saved."""

    def __init__(self, report_id: int):
        super().__init__(report_id)
        self.report_id = report_id


def submit_report(
    *,
    answers: dict,
    language: str,
    channel: str,
    passphrase: str,
    centre=None,
    volunteer=None,
    draft: ReportDraft | None = None,
) -> Report:
    """Create a report from a journey's answers, in one short transaction.

    `answers` holds the Report's own fields by name (incident_types and strands as lists of
    ids, place_type as an id), plus "contact" and "equality" (dicts, or None when not given),
    "evidence" (metadata from reporting.evidence.accept_upload) and optionally "area_id" (the
    area already found for the location; found here when missing) and "home_area_id" (for an
    online incident, the area where the victim lives, which then routes it). Contact details
    are kept only when some were given; the acknowledgement is queued only by a channel the
    reporter's safe-contact plan allows. A reporter who asked for support that no police
    officer can give is routed to a support queue (reporting/support.py).

    With `draft`, the draft is consumed in the same transaction (its answers emptied, the
    report named on it), so one draft gives one report however often it is sent: a second
    sending raises DraftAlreadySent and saves nothing.

    A report shared with the police then opens its case (the report_submitted signal), in a
    transaction of its own once the report's is over: nothing that goes wrong on the police
    side can lose what the reporter sent. If opening fails it is logged (ids only) and the
    casework sweep opens the case on its next run.
    """
    fields = {k: v for k, v in answers.items() if k not in NOT_REPORT_FIELDS}
    incident_types = fields.pop("incident_types", None) or []
    place_type_id = fields.pop("place_type", None)
    strands = answers.get("strands") or []
    details = _contact_details(answers.get("contact"))
    # Online hate routed locally: the victim's home area is the report's area.
    home_area_id = answers.get("home_area_id")
    with transaction.atomic():
        report = Report(
            **fields,
            place_type_id=place_type_id,
            language=language,
            channel=channel,
            centre=centre,
            logged_by=volunteer,
            area_id=home_area_id or answers.get("area_id") or _area_for(answers).pk,
            home_area_id=home_area_id,
            motivation_not_sure=bool(answers.get("motivation_not_sure")),
        )
        # Asked for support that no police officer can give: the owning queue and its clock.
        support.route(report, ReporterContact(**details) if details else None)
        report.set_passphrase(passphrase)
        report.save()
        if draft is not None:
            _consume(draft, report)
        _link(report, incident_types=incident_types, strands=strands)
        if answers.get("offender_identifiers"):
            OffenderIdentifier.objects.bulk_create(
                OffenderIdentifier(report=report, kind=kind, value=value, digest=digest)
                for kind, value, digest in answers["offender_identifiers"]
            )
        contact = ReporterContact.objects.create(report=report, **details) if details else None
        if any(v for v in (answers.get("equality") or {}).values()):
            EqualityAnswers.objects.create(report=report, **answers["equality"])
        if answers.get("evidence"):
            evidence.attach_evidence(report=report, uploads=answers["evidence"])
        # The consent given now is the report's own `consent`; ConsentChange rows record
        # only later changes (casework/tracking/services.py).
        if contact is not None:
            _acknowledge(report, contact)
        # A school that logged the report itself is not told of it again.
        if report.school_id and report.school_id != report.centre_id:
            _tell_school(report)
    if report.is_shared_with_police:
        for _receiver, result in report_submitted.send_robust(
            sender=Report, report=report, by=volunteer
        ):
            if isinstance(result, Exception):
                # The type only: an error's text can quote the report's own values.
                logger.error(
                    "Opening the case for report %s failed (%s); the casework sweep will retry",
                    report.pk,
                    type(result).__name__,
                )
    return report


def _tell_school(report: Report) -> None:
    """A young person chose to tell their school: its team hears there is a report to read in
    the workspace (the message says nothing of it)."""
    for person in User.objects.centre_team(report.school_id):
        queue_notification(
            key=f"school-told:{report.pk}:{person.pk}",
            kind="school_told",
            channel=Notification.Channel.EMAIL,
            recipient=person,
            language=settings.LANGUAGE_CODE,
            context={"report": report.pk},
        )


NOT_REPORT_FIELDS = {
    "strands",
    "motivation_not_sure",
    "area_id",
    "home_area_id",
    "contact",
    "equality",
    "evidence",
    "offender_identifiers",
}


def _area_for(answers) -> Area:
    if answers.get("location_kind") == Report.LocationKind.PLACE:
        return Area.objects.for_location(
            postcode=answers.get("postcode", ""), town=answers.get("town", "")
        )
    return Area.objects.central_queue()


def _consume(draft: ReportDraft, report: Report) -> None:
    """Mark the draft sent, unless another sending got there first. The row lock this UPDATE
    takes makes a concurrent sending wait, then find the draft sent and roll its report back."""
    consumed = ReportDraft.objects.filter(pk=draft.pk, sent_report__isnull=True).update(
        sent_report=report, answers={}
    )
    if not consumed:
        sent = ReportDraft.objects.filter(pk=draft.pk).values_list("sent_report", flat=True)
        raise DraftAlreadySent(sent.first())


def _link(report, *, incident_types, strands) -> None:
    """The report's incident types and strands: one bulk INSERT each."""
    report.incident_types.through.objects.bulk_create(
        report.incident_types.through(report=report, incidenttype_id=pk) for pk in incident_types
    )
    report.strands.through.objects.bulk_create(
        report.strands.through(report=report, strand_id=pk) for pk in strands
    )


def _contact_details(details) -> dict | None:
    """Contact details and the safe-contact plan as the ReporterContact's fields, only if the
    reporter gave any; else None."""
    details = {k: v for k, v in (details or {}).items() if k in CONTACT_FIELDS}
    given = ("name", "phone", "email", "channels", "safe_times", "safe_windows", "other_needs")
    if not any(details.get(k) for k in given):
        return None
    for key in ("name", "phone", "email", "safe_times", "other_needs", "bsl_video_address"):
        # Encrypted fields keep "nothing" as NULL rather than an encrypted empty string.
        details[key] = details.get(key) or None
    return details


def _acknowledge(report, contact) -> None:
    for plan_channel, message_channel in ACKNOWLEDGEMENT_CHANNELS:
        if contact.allows(plan_channel):
            queue_notification(
                key=f"report-ack:{report.pk}",
                kind="report_acknowledgement",
                channel=message_channel,
                recipient=contact,
                language=report.language,
                context={"reference": report.reference},
            )
            return
