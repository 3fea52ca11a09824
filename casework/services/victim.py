"""The victim: key events and their clocks, notes, updates the victim sees and is told of,
contact attempts, and referrals to support services."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import AccessLogEntry, Role, User
from centres.outbox import queue_notification
from reporting import referrals
from reporting.models import Channels, Consent, Referral, Report

from ..models import VICTIM_MESSAGES, Case, CaseStatus, CaseUpdate, Clock, KeyEvent
from .common import lock_case, log_change, notify_staff
from .matching import incident_reports

# The channels the outbox can deliver to a victim, in the order tried when the plan allows
# several. A phone call is made by a person, and logged as a contact attempt.
VICTIM_MESSAGE_CHANNELS = (Channels.SMS, Channels.EMAIL)


def record_key_event(*, case: Case, by, key_event: str, note: str = "") -> Clock:
    """Record a Victims' Code key event (an internal note) and start the clock to tell the
    victim: 1 working day under enhanced rights, 5 otherwise."""
    if key_event not in KeyEvent.values:
        raise ValidationError({"key_event": _("Choose a key event.")})
    with transaction.atomic():
        case = lock_case(case)
        now = timezone.now()
        CaseUpdate.objects.create(
            case=case,
            visibility=CaseUpdate.Visibility.INTERNAL,
            key_event=key_event,
            body=note.strip() or str(KeyEvent(key_event).label),
            author=by,
            created_at=now,
        )
        clock = case.start_key_event_clock(key_event, at=now)
        log_change(by, case, f"key event: {key_event}")
    return clock


def add_internal_note(*, case: Case, by, body: str) -> CaseUpdate:
    """A note for the police only: never shown to the victim or the centre."""
    if not body.strip():
        raise ValidationError({"body": _("Enter the note.")})
    with transaction.atomic():
        case = lock_case(case)
        note = CaseUpdate.objects.create(
            case=case, visibility=CaseUpdate.Visibility.INTERNAL, body=body.strip(), author=by
        )
        log_change(by, case, "internal note")
    return note


def send_victim_update(
    *,
    case: Case,
    by,
    message_code: str = "",
    body: str = "",
    body_language: str = "en",
    key_event: str = "",
) -> CaseUpdate:
    """An update the victim sees on the tracking page, in their language, and is told of
    through their safe-contact plan. It meets every running Victims' Code clock and starts
    the next routine one. The officer's own words (`body`, in `body_language`) are shown as
    written and marked as theirs, and never go into an email or text message."""
    if message_code and message_code not in VICTIM_MESSAGES:
        raise ValidationError({"message_code": _("Choose a standard message.")})
    if not message_code and not body.strip():
        raise ValidationError(
            {"body": _("Choose a standard message or write the update.")}, code="empty"
        )
    if body_language not in dict(settings.LANGUAGES):
        raise ValidationError(
            {"body_language": _("Choose the language you wrote in.")}, code="language"
        )
    with transaction.atomic():
        case = lock_case(case)
        now = timezone.now()
        update = CaseUpdate.objects.create(
            case=case,
            visibility=CaseUpdate.Visibility.VICTIM,
            message_code=message_code,
            key_event=key_event or (message_code if message_code in KeyEvent.values else ""),
            body=body.strip(),
            body_language=body_language,
            author=by,
            created_at=now,
        )
        case.meet_clocks(update)
        if case.status != CaseStatus.CLOSED:
            case.start_routine_clock(at=now)
        log_change(by, case, "victim update", action=AccessLogEntry.Action.DISCLOSE)
        _tell_victim(case=case, update=update)
        _tell_centre(case=case, update=update)
        _tell_school(case=case, update=update)
    return update


def victim_message_channel(report: Report) -> str | None:
    """The channel the outbox may use to tell the victim there is news, or None."""
    contact = getattr(report, "contact", None)
    if contact is None:
        return None
    for channel in contact.channels:
        if channel in VICTIM_MESSAGE_CHANNELS and contact.allows(channel):
            return channel
    return None


def _tell_victim(*, case: Case, update: CaseUpdate) -> None:
    # Every report of the incident (the case's own, and those linked to it as the same
    # incident, casework/services/matching.py): each reporter through their own plan.
    for report in incident_reports(case):
        _ask_for_bsl_call(case=case, update=update, report=report)
        channel = victim_message_channel(report)
        if channel is None:
            continue
        contact = report.contact
        own = report.pk == case.report_id
        queue_notification(
            key=f"victim-update:{update.pk}" if own else f"victim-update:{update.pk}:{report.pk}",
            kind="victim_update",
            channel=channel,
            recipient=contact,
            language=contact.preferred_language or report.language,
            # Ids and flags only: the message says there is news and where to read it, and
            # says what it is only when the victim agreed to that.
            context={"update": update.pk, "may_say_what": contact.message_may_say_what},
        )


def _ask_for_bsl_call(*, case: Case, update: CaseUpdate, report: Report) -> None:
    """The plan asks for a BSL video call: no message can stand in for it, so the officer
    owning the case (or, with none, the area's SPOCs) is asked to make the call. The task
    names the case and the relay service, never the person."""
    contact = getattr(report, "contact", None)
    if contact is None or not contact.allows(Channels.BSL_VIDEO):
        return
    people = [case.owner] if case.owner_id else list(User.objects.of_area(case.area_id, Role.SPOC))
    for person in people:
        notify_staff(
            key=f"bsl-call:{update.pk}:{report.pk}:{person.pk}",
            kind="bsl_video_call_needed",
            user=person,
            context={"case": case.pk, "update": update.pk, "report": report.pk},
        )


def _tell_centre(*, case: Case, update: CaseUpdate) -> None:
    for report in incident_reports(case):
        if not (report.centre_id and report.centre_is_go_between):
            continue
        volunteers = User.objects.centre_team(report.centre_id)
        for volunteer in volunteers:
            notify_staff(
                key=f"centre-update:{update.pk}:{volunteer.pk}"
                + ("" if report.pk == case.report_id else f":{report.pk}"),
                kind="centre_victim_update",
                user=volunteer,
                context={"update": update.pk, "report": report.pk},
            )


def _tell_school(*, case: Case, update: CaseUpdate) -> None:
    """A school hears there is police news on a pupil's report: one its staff logged, or one
    the young person told it about (reporting/access.py lets it read the update)."""
    report = case.report
    schools = {report.school_id} if report.school_id else set()
    if report.centre_id and report.centre.is_school:
        schools.add(report.centre_id)
    for school_id in schools:
        for person in User.objects.centre_team(school_id):
            notify_staff(
                key=f"school-news:{update.pk}:{school_id}:{person.pk}",
                kind="school_news",
                user=person,
                context={"update": update.pk, "report": report.pk},
            )


def log_contact_attempt(
    *, case: Case, by, channel: str, outcome: str, note: str = ""
) -> CaseUpdate:
    """Log an attempt to contact the victim. The safe-contact plan decides what is allowed:
    a channel they did not agree to, a time outside their safe times, or a voicemail when they
    said no voicemail, is refused."""
    with transaction.atomic():
        case = lock_case(case)
        contact = getattr(case.report, "contact", None)
        if contact is None or not contact.allows(channel):
            raise ValidationError(
                {"channel": _("The victim's safe-contact plan does not allow this channel.")},
                code="not_allowed",
            )
        _check_safe_time(contact, channel)
        if (
            channel == Channels.PHONE
            and outcome == CaseUpdate.ContactOutcome.MESSAGE_LEFT
            and contact.no_voicemail
        ):
            raise ValidationError(
                {"outcome": _("The victim asked for no voicemail messages.")}, code="voicemail"
            )
        attempt = CaseUpdate.objects.create(
            case=case,
            visibility=CaseUpdate.Visibility.INTERNAL,
            is_contact_attempt=True,
            contact_channel=channel,
            contact_outcome=outcome,
            body=note.strip() or str(CaseUpdate.ContactOutcome(outcome).label),
            author=by,
        )
        log_change(by, case, f"contact attempt: {channel} {outcome}")
    return attempt


def _check_safe_time(contact, channel: str) -> None:
    """Contact only at the times the reporter's plan allows (the centre passes a message on
    at the right time itself, so going through the centre is always allowed)."""
    if channel == Channels.CENTRE:
        return
    now = timezone.now()
    try:
        allowed = contact.safe_to_contact(now)
    except ValueError as exc:
        raise ValidationError(
            _(
                "The reporter's safe times cannot be read: do not contact them until they are "
                "fixed."
            ),
            code="unreadable_plan",
        ) from exc
    if not allowed:
        raise ValidationError(
            _("The reporter's plan allows contact on %(times)s; the next safe time is %(next)s.")
            % {
                "times": contact.safe_times_in_words(),
                "next": contact.next_safe_time_in_words(),
            },
            code="outside_safe_times",
        )


def refer_to_service(*, case: Case, by, service, consent_given: bool) -> Referral:
    """Refer the victim to a support service: only with their agreement, once per service,
    delivered to the service through the outbox (reporting/referrals.py)."""
    if not consent_given:
        raise ValidationError(
            {"consent_given": _("Refer only when the victim has agreed to it.")}, code="consent"
        )
    with transaction.atomic():
        case = lock_case(case)
        if case.report.consent != Consent.SHARE_WITH_DETAILS:
            raise ValidationError(
                _("The victim did not share their details with the police."), code="anonymous"
            )
        referral = referrals.refer(
            report=case.report, service=service, by=by, consent_given=consent_given
        )
        log_change(
            by, case, f"referral to service {service.pk}", action=AccessLogEntry.Action.DISCLOSE
        )
    return referral
