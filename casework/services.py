"""Writes that span models: opening cases, THRIVE, decisions, assignment, Victims' Code
clocks, updates, referrals, outcomes and authorisations.

Each function locks the case row, checks the rule, writes its rows, records the change in the
access log and queues its notifications in the outbox, all in one transaction. Status changes
themselves are model methods on `Case` (one table of allowed transitions).

Notifications carry ids and flags only: never incident details or names. A message to the
victim goes only through a channel their safe-contact plan allows; with none, the update still
shows on their tracking page.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import AccessLogEntry, Area, Role, User
from centres.outbox import queue_notification, queue_notifications
from reporting import access
from reporting.models import Channels, Consent, Referral, Report

from .models import (
    VICTIM_MESSAGES,
    Authorisation,
    Case,
    CaseEvent,
    CaseStatus,
    CaseUpdate,
    Clock,
    KeyEvent,
    Outcome,
    RecordingDecision,
    ThriveAssessment,
)

STAFF_LANGUAGE = settings.LANGUAGE_CODE
# The channels the outbox can deliver to a victim, in the order tried when the plan allows
# several. A phone call is made by a person, and logged as a contact attempt.
VICTIM_MESSAGE_CHANNELS = (Channels.SMS, Channels.EMAIL)


def _lock(case: Case) -> Case:
    return Case.objects.select_for_update().select_related("report", "area").get(pk=case.pk)


def _log(by, case: Case, detail: str, *, reason: str = "", action=AccessLogEntry.Action.CHANGE):
    access.record(by, case, action, detail=detail, reason=reason)


def _notify_staff(*, key: str, kind: str, user: User, context: dict) -> None:
    queue_notification(
        key=key,
        kind=kind,
        channel="email",
        recipient=user,
        language=STAFF_LANGUAGE,
        context=context,
    )


# --- Opening ---------------------------------------------------------------------------------


def open_case(*, report: Report, by=None) -> Case:
    """Open the police case for a report shared with police, once: a second call returns the
    first case. It goes to the area the incident falls in, or the central queue.

    Lean, as it follows every shared submission: the report is locked and its case looked
    for in one query, the first routine clock is written with the case's next due time
    already set, and the area's SPOCs are told in one INSERT."""
    with transaction.atomic():
        # Lock the report so two callers (the submission, the sweep) cannot both open it.
        report = (
            Report.objects.select_for_update(of=("self",))
            .select_related("case", "area")
            .get(pk=report.pk)
        )
        existing = getattr(report, "case", None)
        if existing is not None:
            return existing
        if not report.is_shared_with_police:
            raise ValidationError(
                _("This report was not shared with the police."), code="not_shared"
            )
        now = timezone.now()
        case = Case(report=report, area=_area_for(report), opened_at=now)
        # The first routine clock, as Case.start_routine_clock would start it, without the
        # queries that stop and look up clocks a new case cannot have.
        due = case.routine_deadline(now)
        case.next_clock_due_at = due
        case.save()
        CaseEvent.objects.create(case=case, to_status=CaseStatus.NEW, at=now, by=by)
        Clock.objects.create(case=case, kind=Clock.Kind.ROUTINE, started_at=now, due_at=due)
        _log(by, case, "opened", action=AccessLogEntry.Action.CREATE)
        spocs = User.objects.of_area(case.area_id, Role.SPOC).only("pk")
        queue_notifications(
            {
                "key": f"case-opened:{case.pk}:{spoc.pk}",
                "kind": "case_opened",
                "channel": "email",
                "recipient": spoc,
                "language": STAFF_LANGUAGE,
                "context": {"case": case.pk},
            }
            for spoc in spocs
        )
    return case


def _area_for(report: Report) -> Area:
    area = report.area
    if area is None or area.is_central_queue:
        # Places may have been added to an area since the report arrived.
        return Area.objects.for_location(postcode=report.postcode, town=report.town)
    return area


# --- Triage ----------------------------------------------------------------------------------


def assess_case(
    *,
    case: Case,
    by,
    threat: str,
    harm: str,
    risk: str,
    grade: str,
    investigation: str = "",
    vulnerability: str = "",
    engagement: str = "",
    reason: str = "",
) -> ThriveAssessment:
    """Record a THRIVE assessment. A re-assessment needs a reason; the history is kept and
    the case's priority follows the latest grade."""
    with transaction.atomic():
        case = _lock(case)
        if case.assessments.exists() and not reason.strip():
            raise ValidationError(
                {"reason": _("Say why you are assessing this case again.")}, code="reason"
            )
        assessment = ThriveAssessment.objects.create(
            case=case,
            assessed_by=by,
            threat=threat,
            harm=harm,
            risk=risk,
            grade=grade,
            investigation=investigation,
            vulnerability=vulnerability,
            engagement=engagement,
            reason=reason.strip(),
        )
        case.priority = grade
        case.save(update_fields=["priority"])
        _log(by, case, f"THRIVE: {grade}", reason=reason)
    return assessment


def decide_recording(
    *,
    case: Case,
    by,
    decision: str,
    nchi_threshold_met: bool | None = None,
    nchi_rationale: str = "",
) -> Case:
    """Crime, non-crime hate incident or no record. For a non-crime incident the 2023 code's
    threshold test for keeping the subject's personal data is recorded with a rationale."""
    with transaction.atomic():
        case = _lock(case)
        if decision == RecordingDecision.NCHI:
            errors = {}
            if nchi_threshold_met is None:
                errors["nchi_threshold_met"] = _(
                    "Say whether the threshold for keeping the subject's personal data is met."
                )
            if not nchi_rationale.strip():
                errors["nchi_rationale"] = _("Give the rationale for the threshold decision.")
            if errors:
                raise ValidationError(errors)
        else:
            nchi_threshold_met, nchi_rationale = None, ""
        case.recording_decision = decision
        case.nchi_threshold_met = nchi_threshold_met
        case.nchi_rationale = nchi_rationale.strip()
        case.save(update_fields=["recording_decision", "nchi_threshold_met", "nchi_rationale"])
        _log(by, case, f"recording decision: {decision}")
    return case


def assign_case(*, case: Case, officer: User, by) -> Case:
    """Give the case to an officer, SPOC or inspector of its area."""
    with transaction.atomic():
        case = _lock(case)
        if not User.objects.police_of_area(case.area_id).filter(pk=officer.pk).exists():
            raise ValidationError(
                {"officer": _("Choose an officer of this case's area.")}, code="not_police"
            )
        if case.owner_id == officer.pk:
            return case
        case.owner = officer
        case.save(update_fields=["owner"])
        _log(by, case, f"assigned to person {officer.pk}")
        if officer.pk != getattr(by, "pk", None):
            _notify_staff(
                key=f"case-assigned:{case.pk}:{officer.pk}:{timezone.now().timestamp()}",
                kind="case_assigned",
                user=officer,
                context={"case": case.pk},
            )
    return case


def set_victim_rights(*, case: Case, by, enhanced: bool, reason: str = "") -> Case:
    """Hate crime victims have enhanced rights by default; standard rights need a reason.
    Running key-event clocks are re-timed to the new entitlement."""
    with transaction.atomic():
        case = _lock(case)
        if not enhanced and not reason.strip():
            raise ValidationError(
                {"reason": _("Give the reason this victim has standard rights.")}, code="reason"
            )
        case.enhanced_rights = enhanced
        case.enhanced_downgrade_reason = "" if enhanced else reason.strip()
        case.save(update_fields=["enhanced_rights", "enhanced_downgrade_reason"])
        for clock in case.clocks.running().filter(kind=Clock.Kind.KEY_EVENT):
            clock.due_at = case.key_event_deadline(clock.started_at)
            clock.save(update_fields=["due_at"])
        case.refresh_next_due()
        _log(by, case, "enhanced rights" if enhanced else "standard rights", reason=reason)
    return case


def set_update_interval(*, case: Case, by, days: int) -> Case:
    """The routine update interval agreed with the victim; the running clock is re-timed."""
    if days < 1:
        raise ValidationError({"days": _("Enter a number of days of 1 or more.")})
    with transaction.atomic():
        case = _lock(case)
        case.update_interval_days = days
        case.save(update_fields=["update_interval_days"])
        for clock in case.clocks.running().filter(kind=Clock.Kind.ROUTINE):
            clock.due_at = case.routine_deadline(clock.started_at)
            clock.save(update_fields=["due_at"])
        case.refresh_next_due()
        _log(by, case, f"update interval: {days} days")
    return case


# --- Updates and clocks ----------------------------------------------------------------------


def record_key_event(*, case: Case, by, key_event: str, note: str = "") -> Clock:
    """Record a Victims' Code key event (an internal note) and start the clock to tell the
    victim: 1 working day under enhanced rights, 5 otherwise."""
    if key_event not in KeyEvent.values:
        raise ValidationError({"key_event": _("Choose a key event.")})
    with transaction.atomic():
        case = _lock(case)
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
        _log(by, case, f"key event: {key_event}")
    return clock


def add_internal_note(*, case: Case, by, body: str) -> CaseUpdate:
    """A note for the police only: never shown to the victim or the centre."""
    if not body.strip():
        raise ValidationError({"body": _("Enter the note.")})
    with transaction.atomic():
        case = _lock(case)
        note = CaseUpdate.objects.create(
            case=case, visibility=CaseUpdate.Visibility.INTERNAL, body=body.strip(), author=by
        )
        _log(by, case, "internal note")
    return note


def send_victim_update(
    *, case: Case, by, message_code: str = "", body: str = "", key_event: str = ""
) -> CaseUpdate:
    """An update the victim sees on the tracking page, in their language, and is told of
    through their safe-contact plan. It meets every running Victims' Code clock and starts
    the next routine one."""
    if message_code and message_code not in VICTIM_MESSAGES:
        raise ValidationError({"message_code": _("Choose a standard message.")})
    if not message_code and not body.strip():
        raise ValidationError(
            {"body": _("Choose a standard message or write the update.")}, code="empty"
        )
    with transaction.atomic():
        case = _lock(case)
        now = timezone.now()
        update = CaseUpdate.objects.create(
            case=case,
            visibility=CaseUpdate.Visibility.VICTIM,
            message_code=message_code,
            key_event=key_event or (message_code if message_code in KeyEvent.values else ""),
            body=body.strip(),
            author=by,
            created_at=now,
        )
        case.meet_clocks(update)
        if case.status != CaseStatus.CLOSED:
            case.start_routine_clock(at=now)
        _log(by, case, "victim update", action=AccessLogEntry.Action.DISCLOSE)
        _tell_victim(case=case, update=update)
        _tell_centre(case=case, update=update)
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
    report = case.report
    channel = victim_message_channel(report)
    if channel is None:
        return
    contact = report.contact
    queue_notification(
        key=f"victim-update:{update.pk}",
        kind="victim_update",
        channel=channel,
        recipient=contact,
        language=contact.preferred_language or report.language,
        # Ids and flags only: the message says there is news and where to read it, and says
        # what it is only when the victim agreed to that.
        context={"update": update.pk, "may_say_what": contact.message_may_say_what},
    )


def _tell_centre(*, case: Case, update: CaseUpdate) -> None:
    report = case.report
    if not (report.centre_id and report.centre_is_go_between):
        return
    volunteers = User.objects.centre_team(report.centre_id)
    for volunteer in volunteers:
        _notify_staff(
            key=f"centre-update:{update.pk}:{volunteer.pk}",
            kind="centre_victim_update",
            user=volunteer,
            context={"update": update.pk, "report": report.pk},
        )


def log_contact_attempt(
    *, case: Case, by, channel: str, outcome: str, note: str = ""
) -> CaseUpdate:
    """Log an attempt to contact the victim. The safe-contact plan decides what is allowed:
    a channel they did not agree to, or a voicemail when they said no voicemail, is refused."""
    with transaction.atomic():
        case = _lock(case)
        contact = getattr(case.report, "contact", None)
        if contact is None or not contact.allows(channel):
            raise ValidationError(
                {"channel": _("The victim's safe-contact plan does not allow this channel.")},
                code="not_allowed",
            )
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
        _log(by, case, f"contact attempt: {channel} {outcome}")
    return attempt


def refer_to_service(*, case: Case, by, service, consent_given: bool) -> Referral:
    """Refer the victim to a support service: only with their agreement, once per service."""
    if not consent_given:
        raise ValidationError(
            {"consent_given": _("Refer only when the victim has agreed to it.")}, code="consent"
        )
    if not service.is_active:
        raise ValidationError({"service": _("This service no longer takes referrals.")})
    with transaction.atomic():
        case = _lock(case)
        if case.report.consent != Consent.SHARE_WITH_DETAILS:
            raise ValidationError(
                _("The victim did not share their details with the police."), code="anonymous"
            )
        try:
            with transaction.atomic():
                referral = Referral.objects.create(
                    report=case.report, service=service, consent_given=True, made_by=by
                )
        except IntegrityError as exc:
            raise ValidationError(
                {"service": _("The victim has already been referred to this service.")}
            ) from exc
        _log(by, case, f"referral to service {service.pk}", action=AccessLogEntry.Action.DISCLOSE)
    return referral


# --- Outcomes and authorisation ----------------------------------------------------------------


def record_outcome(
    *,
    case: Case,
    by,
    offender_identifiable: bool,
    outcome_type=None,
    local_code=None,
    notes: str = "",
) -> Outcome:
    """Record the Home Office outcome (directly, or through the area's local code) and move
    the case to "outcome recorded". A reopened case's outcome is replaced."""
    with transaction.atomic():
        case = _lock(case)
        if local_code is not None:
            if local_code.area_id != case.area_id:
                raise ValidationError({"local_code": _("Choose a code of this case's area.")})
            if outcome_type is not None and outcome_type.pk != local_code.outcome_type_id:
                raise ValidationError(
                    {"outcome_type": _("The local code maps to a different outcome type.")}
                )
            outcome_type = local_code.outcome_type
        if outcome_type is None:
            raise ValidationError({"outcome_type": _("Choose the outcome type.")})
        outcome, _created = Outcome.objects.update_or_create(
            case=case,
            defaults={
                "outcome_type": outcome_type,
                "local_code": local_code,
                "offender_identifiable": offender_identifiable,
                "notes": notes.strip(),
                "recorded_by": by,
                "recorded_at": timezone.now(),
            },
        )
        case.transition(CaseStatus.OUTCOME_RECORDED, by=by)
    return outcome


def request_authorisation(*, case: Case, by, reason: str) -> Authorisation:
    """Ask an inspector to authorise closing with no further action."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why no further action is right.")})
    with transaction.atomic():
        case = _lock(case)
        if case.status != CaseStatus.OUTCOME_RECORDED or not case.needs_authorisation():
            raise ValidationError(
                _("This case does not need an inspector's authorisation."), code="not_needed"
            )
        if case.authorisations.filter(decision=Authorisation.Decision.PENDING).exists():
            raise ValidationError(_("An authorisation is already waiting."), code="pending")
        authorisation = Authorisation.objects.create(
            case=case, requested_by=by, request_reason=reason.strip()
        )
        _log(by, case, "authorisation requested", reason=reason)
        inspectors = User.objects.of_area(case.area_id, Role.INSPECTOR).exclude(pk=by.pk)
        for inspector in inspectors:
            _notify_staff(
                key=f"authorisation-requested:{authorisation.pk}:{inspector.pk}",
                kind="authorisation_requested",
                user=inspector,
                context={"case": case.pk, "authorisation": authorisation.pk},
            )
    return authorisation


def decide_authorisation(
    *, authorisation: Authorisation, by, approve: bool, reason: str = ""
) -> Authorisation:
    """An inspector of the area approves (and the case closes) or refuses with a reason.
    Nobody decides their own request."""
    with transaction.atomic():
        case = _lock(authorisation.case)
        authorisation = Authorisation.objects.select_for_update().get(pk=authorisation.pk)
        if authorisation.decision != Authorisation.Decision.PENDING:
            raise ValidationError(_("This authorisation has already been decided."))
        if not access.is_inspector_of(by, case.area_id):
            raise ValidationError(_("Only an inspector of this area can decide."), code="role")
        if authorisation.requested_by_id == by.pk:
            raise ValidationError(_("You cannot decide your own request."), code="self_approval")
        if not approve and not reason.strip():
            raise ValidationError({"reason": _("Give the reason for refusing.")})
        authorisation.decision = (
            Authorisation.Decision.APPROVED if approve else Authorisation.Decision.REFUSED
        )
        authorisation.decided_by = by
        authorisation.decided_at = timezone.now()
        authorisation.decision_reason = reason.strip()
        authorisation.save(
            update_fields=["decision", "decided_by", "decided_at", "decision_reason"]
        )
        _log(by, case, f"authorisation {authorisation.decision}", reason=reason)
        if approve:
            case.close(by=by, reason=reason.strip())
        _notify_staff(
            key=f"authorisation-decided:{authorisation.pk}",
            kind="authorisation_decided",
            user=authorisation.requested_by,
            context={"case": case.pk, "authorisation": authorisation.pk},
        )
    return authorisation
