"""Police handling of reports shared with them: cases, THRIVE, updates, Victims' Code clocks,
escalations and outcomes."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from centres.models import AccessLogEntry, Area
from centres.outbox import queue_notification
from reporting.models import Channels, Report

from . import workdays


class CaseStatus(models.TextChoices):
    NEW = "new", _("New")
    TRIAGED = "triaged", _("Triaged")
    INVESTIGATING = "investigating", _("Under investigation")
    AWAITING_DECISION = "awaiting_decision", _("Awaiting a decision")
    OUTCOME_RECORDED = "outcome_recorded", _("Outcome recorded")
    CLOSED = "closed", _("Closed")


class Priority(models.TextChoices):
    """The grade of response from the latest THRIVE assessment."""

    IMMEDIATE = "immediate", _("Immediate")
    PRIORITY = "priority", _("Priority")
    SCHEDULED = "scheduled", _("Scheduled")
    NO_DEPLOYMENT = "no_deployment", _("Resolved without deployment")


class RecordingDecision(models.TextChoices):
    CRIME = "crime", _("Crime")
    NCHI = "nchi", _("Non-crime hate incident")
    NO_RECORD = "no_record", _("No record")


# The one table of allowed status changes: {from: {to: a reason is required}}.
# Shortcuts: a triaged case may go straight to an outcome (no lines of enquiry, outcome 18)
# or to a decision (the suspect is already known); a decision may send the case back to
# investigation. Going back from an outcome (an inspector refused no further action) and
# reopening a closed case both need a reason.
ALLOWED_TRANSITIONS: dict[str, dict[str, bool]] = {
    CaseStatus.NEW: {CaseStatus.TRIAGED: False},
    CaseStatus.TRIAGED: {
        CaseStatus.INVESTIGATING: False,
        CaseStatus.AWAITING_DECISION: False,
        CaseStatus.OUTCOME_RECORDED: False,
    },
    CaseStatus.INVESTIGATING: {
        CaseStatus.AWAITING_DECISION: False,
        CaseStatus.OUTCOME_RECORDED: False,
    },
    CaseStatus.AWAITING_DECISION: {
        CaseStatus.INVESTIGATING: False,
        CaseStatus.OUTCOME_RECORDED: False,
    },
    CaseStatus.OUTCOME_RECORDED: {CaseStatus.CLOSED: False, CaseStatus.INVESTIGATING: True},
    CaseStatus.CLOSED: {CaseStatus.INVESTIGATING: True},
}


class TransitionRefused(ValidationError):
    """A status change the rules do not allow, with a message for the officer."""


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user):
        from reporting import access

        return access.cases_visible_to(user, self)

    def handled_by(self, user):
        from reporting import access

        return access.cases_handled_by(user, self)

    def open(self):
        return self.exclude(status=CaseStatus.CLOSED)

    def overdue(self, now=None):
        return self.filter(next_clock_due_at__lt=now or timezone.now())


class Case(models.Model):
    """Police handling of one report shared with police, owned by the area it falls in."""

    report = models.OneToOneField(Report, on_delete=models.PROTECT, related_name="case")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="cases")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_cases",
        verbose_name=_("assigned officer"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.NEW
    )
    # Denormalised from the latest THRIVE assessment, in the same transaction, so the
    # changelist can filter and sort by it on an index instead of a subquery per row.
    priority = models.CharField(_("priority"), max_length=16, choices=Priority.choices, blank=True)
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    triaged_at = models.DateTimeField(_("triaged at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    recording_decision = models.CharField(
        _("recording decision"), max_length=10, choices=RecordingDecision.choices, blank=True
    )
    # The 2023 NCHI code: the subject's personal data may be kept only if there is a real risk
    # of significant harm or of a future criminal offence, recorded with a rationale.
    nchi_threshold_met = models.BooleanField(
        _("threshold for keeping the subject's personal data met"), null=True, blank=True
    )
    nchi_rationale = models.TextField(_("threshold rationale"), blank=True)
    enhanced_rights = models.BooleanField(
        _("enhanced rights under the Victims' Code"), default=True
    )
    enhanced_downgrade_reason = models.TextField(_("reason for standard rights"), blank=True)
    update_interval_days = models.PositiveSmallIntegerField(
        _("routine update every (days)"), default=28
    )
    # Denormalised from the running clocks, in the same transaction as any clock change, so
    # the changelist filters "overdue" and sorts by deadline on an index.
    next_clock_due_at = models.DateTimeField(_("next update due"), null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        ordering = ["-opened_at"]
        constraints = [
            models.CheckConstraint(
                name="case_status_valid",
                condition=Q(status__in=[s.value for s in CaseStatus]),
            ),
            models.CheckConstraint(
                name="case_priority_valid",
                condition=Q(priority="") | Q(priority__in=[p.value for p in Priority]),
            ),
            models.CheckConstraint(
                name="case_closed_has_time",
                condition=~Q(status=CaseStatus.CLOSED) | Q(closed_at__isnull=False),
            ),
            models.CheckConstraint(
                name="case_triaged_has_time",
                condition=Q(status=CaseStatus.NEW) | Q(triaged_at__isnull=False),
            ),
            models.CheckConstraint(
                name="case_downgrade_has_reason",
                condition=Q(enhanced_rights=True) | ~Q(enhanced_downgrade_reason=""),
            ),
            models.CheckConstraint(
                name="case_nchi_threshold_recorded",
                condition=(
                    ~Q(recording_decision=RecordingDecision.NCHI)
                    | Q(nchi_threshold_met__isnull=False) & ~Q(nchi_rationale="")
                ),
            ),
            models.CheckConstraint(
                name="case_update_interval_positive", condition=Q(update_interval_days__gte=1)
            ),
        ]
        indexes = [
            models.Index(fields=["area", "status", "opened_at"]),
            models.Index(fields=["area", "opened_at"]),
            models.Index(fields=["owner", "status"]),
            models.Index(fields=["area", "priority"]),
            # The untriaged sweep.
            models.Index(
                fields=["opened_at"], condition=Q(status=CaseStatus.NEW), name="case_new_idx"
            ),
            # The changelist: overdue clocks per area, and every area's cases newest first.
            models.Index(fields=["area", "next_clock_due_at"], name="case_area_due_idx"),
            models.Index(fields=["opened_at"], name="case_opened_idx"),
        ]

    def __str__(self):
        return self.report.reference

    # --- Status ---------------------------------------------------------------------------

    def allowed_transitions(self) -> dict[str, bool]:
        return ALLOWED_TRANSITIONS.get(self.status, {})

    def triage(self, *, by) -> "CaseEvent":
        """Mark the case triaged: a SPOC has read it and graded the response."""
        return self.transition(CaseStatus.TRIAGED, by=by)

    def investigate(self, *, by, reason: str = "") -> "CaseEvent":
        return self.transition(CaseStatus.INVESTIGATING, by=by, reason=reason)

    def await_decision(self, *, by, reason: str = "") -> "CaseEvent":
        return self.transition(CaseStatus.AWAITING_DECISION, by=by, reason=reason)

    def close(self, *, by, reason: str = "") -> "CaseEvent":
        """Close the case. With no further action and an identifiable offender, an area that
        asks for it needs an inspector's approval first."""
        return self.transition(CaseStatus.CLOSED, by=by, reason=reason)

    def reopen(self, *, by, reason: str) -> "CaseEvent":
        """Reopen a closed case for investigation; the reason is kept with the event."""
        if self.status != CaseStatus.CLOSED:
            raise TransitionRefused(_("Only a closed case can be reopened."))
        return self.transition(CaseStatus.INVESTIGATING, by=by, reason=reason)

    def transition(self, to: str, *, by, reason: str = "") -> "CaseEvent":
        """Move the case to `to` if the table allows it: lock the row, save the changed
        fields, write the event, log the change and queue the notifications, in one
        transaction. `self` is refreshed with the new state."""
        from reporting import access

        reason = (reason or "").strip()
        with transaction.atomic():
            case = Case.objects.select_for_update().select_related("area").get(pk=self.pk)
            from_status = case.status
            needs_reason = case.allowed_transitions().get(to)
            if needs_reason is None:
                raise TransitionRefused(
                    _("A case that is “%(from)s” cannot become “%(to)s”.")
                    % {"from": CaseStatus(from_status).label, "to": CaseStatus(to).label},
                    code="not_allowed",
                )
            if needs_reason and not reason:
                raise TransitionRefused(_("Give a reason for this change."), code="reason")
            case._check_preconditions(to)
            now = timezone.now()
            changed = ["status"]
            case.status = to
            if to == CaseStatus.TRIAGED and case.triaged_at is None:
                case.triaged_at = now
                changed.append("triaged_at")
            if to == CaseStatus.CLOSED:
                case.closed_at = now
                changed.append("closed_at")
            elif from_status == CaseStatus.CLOSED:
                case.closed_at = None
                changed.append("closed_at")
            case.save(update_fields=changed)
            event = CaseEvent.objects.create(
                case=case, from_status=from_status, to_status=to, at=now, by=by, reason=reason
            )
            if to == CaseStatus.CLOSED:
                # Routine updates end with the case; a key event still owed keeps its clock.
                case.stop_routine_clocks(at=now)
            elif from_status == CaseStatus.CLOSED:
                case.start_routine_clock(at=now)
            access.record(
                by,
                case,
                AccessLogEntry.Action.CHANGE,
                detail=f"status: {from_status} -> {to}",
                reason=reason,
            )
            if case.owner_id and case.owner_id != getattr(by, "pk", None):
                queue_notification(
                    key=f"case-status:{event.pk}",
                    kind="case_status_changed",
                    channel="email",
                    recipient=case.owner,
                    language=settings.LANGUAGE_CODE,
                    context={"case": case.pk, "status": to},
                )
        for field in changed:
            setattr(self, field, getattr(case, field))
        self.next_clock_due_at = case.next_clock_due_at
        return event

    def _check_preconditions(self, to: str) -> None:
        if to in (CaseStatus.OUTCOME_RECORDED, CaseStatus.CLOSED) and not self.has_outcome:
            raise TransitionRefused(_("Record the outcome first."), code="no_outcome")
        if to == CaseStatus.CLOSED and self.needs_authorisation() and not self.is_authorised():
            raise TransitionRefused(
                _(
                    "Closing with no further action where the offender is identifiable needs "
                    "an inspector's authorisation first."
                ),
                code="needs_authorisation",
            )

    @property
    def has_outcome(self) -> bool:
        return Outcome.objects.filter(case=self).exists()

    def needs_authorisation(self) -> bool:
        """The area rule: no further action with a named or identifiable offender."""
        outcome = Outcome.objects.filter(case=self).select_related("outcome_type").first()
        return bool(outcome and outcome.needs_authorisation(self.area))

    def is_authorised(self) -> bool:
        """An inspector approved closing after the outcome now on the case was recorded."""
        outcome = Outcome.objects.filter(case=self).first()
        return (
            bool(outcome)
            and self.authorisations.filter(
                decision=Authorisation.Decision.APPROVED, requested_at__gte=outcome.recorded_at
            ).exists()
        )

    # --- Victims' Code clocks -------------------------------------------------------------

    def start_key_event_clock(self, key_event: str, *, at=None, refresh: bool = True) -> "Clock":
        """Tell the victim within 1 working day (enhanced rights) or 5 (standard)."""
        at = at or timezone.now()
        clock = self.clocks.create(
            kind=Clock.Kind.KEY_EVENT,
            key_event=key_event,
            started_at=at,
            due_at=self.key_event_deadline(at),
        )
        if refresh:
            self.refresh_next_due()
        return clock

    def key_event_deadline(self, at: datetime.datetime) -> datetime.datetime:
        """When the victim must be told of a key event at `at`: the end of the first working
        day after it under enhanced rights, of the fifth otherwise."""
        days = workdays.key_event_days(self.enhanced_rights)
        return workdays.working_day_deadline(at, days)

    def start_routine_clock(self, *, at=None, refresh: bool = True) -> "Clock":
        """The routine update interval agreed with the victim; one runs at a time."""
        at = at or timezone.now()
        self.stop_routine_clocks(at=at, refresh=False)
        clock = self.clocks.create(
            kind=Clock.Kind.ROUTINE, started_at=at, due_at=self.routine_deadline(at)
        )
        if refresh:
            self.refresh_next_due()
        return clock

    def routine_deadline(self, at: datetime.datetime) -> datetime.datetime:
        """When a routine update started at `at` is due (the interval agreed with the victim)."""
        return workdays.interval_deadline(at, self.update_interval_days)

    def stop_routine_clocks(self, *, at=None, refresh: bool = True) -> None:
        self.clocks.running().filter(kind=Clock.Kind.ROUTINE).update(
            stopped_at=at or timezone.now()
        )
        if refresh:
            self.refresh_next_due()

    def meet_clocks(self, update: "CaseUpdate", *, refresh: bool = True) -> int:
        """A victim-visible update meets every clock running when it was written."""
        met = self.clocks.running().filter(started_at__lte=update.created_at)
        count = met.update(met_at=update.created_at, met_by=update)
        if refresh:
            self.refresh_next_due()
        return count

    def refresh_next_due(self) -> None:
        first = self.clocks.running().order_by("due_at").values_list("due_at", flat=True).first()
        if first != self.next_clock_due_at:
            self.next_clock_due_at = first
            self.save(update_fields=["next_clock_due_at"])

    @property
    def is_overdue(self) -> bool:
        return bool(self.next_clock_due_at and self.next_clock_due_at < timezone.now())


class CaseEvent(models.Model):
    """An append-only record of each status change."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=CaseStatus.choices)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(blank=True)

    class Meta:
        verbose_name = _("case event")
        ordering = ["at"]

    def __str__(self):
        return f"{self.from_status or '-'} → {self.to_status}"


class ThriveLevel(models.TextChoices):
    """A THRIVE level of threat, harm or risk."""

    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class ThriveAssessment(models.Model):
    """A THRIVE grading. Re-assessments add rows; the history is never rewritten."""

    Level = ThriveLevel

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assessments")
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assessed_at = models.DateTimeField(_("assessed at"), default=timezone.now)
    threat = models.CharField(_("threat"), max_length=6, choices=Level.choices)
    harm = models.CharField(_("harm"), max_length=6, choices=Level.choices)
    risk = models.CharField(_("risk"), max_length=6, choices=Level.choices)
    investigation = models.TextField(_("investigation"), blank=True)
    vulnerability = models.TextField(_("vulnerability"), blank=True)
    engagement = models.TextField(_("engagement"), blank=True)
    grade = models.CharField(_("grade of response"), max_length=16, choices=Priority.choices)
    reason = models.TextField(_("why re-assessed"), blank=True)

    class Meta:
        verbose_name = _("THRIVE assessment")
        ordering = ["-assessed_at"]
        get_latest_by = "assessed_at"
        constraints = [
            models.CheckConstraint(
                name="thrive_levels_valid",
                condition=Q(threat__in=ThriveLevel.values)
                & Q(harm__in=ThriveLevel.values)
                & Q(risk__in=ThriveLevel.values),
            ),
            models.CheckConstraint(
                name="thrive_grade_valid", condition=Q(grade__in=[p.value for p in Priority])
            ),
        ]

    def __str__(self):
        return f"{self.get_grade_display()} ({self.assessed_at:%Y-%m-%d})"


class KeyEvent(models.TextChoices):
    """Victims' Code events the victim must be told of within a deadline."""

    ARRESTED = "arrested", _("Suspect arrested")
    INTERVIEWED = "interviewed", _("Suspect interviewed")
    RELEASED = "released", _("Suspect released")
    BAIL_CHANGED = "bail_changed", _("Bail or release under investigation changed")
    NOT_INVESTIGATED = "not_investigated", _("Decision not to investigate")
    CHARGED = "charged", _("Suspect charged")
    OUT_OF_COURT = "out_of_court", _("Out-of-court disposal")
    NOT_PROSECUTED = "not_prosecuted", _("Decision not to prosecute")


# Standard messages for the victim, by code: plain words, no police jargon, translated. The
# victim reads them in the report's language (CaseUpdate.text_for_victim).
VICTIM_MESSAGES = {
    "received": _(
        "An officer has read your report and will look into what happened. We will keep you "
        "updated in the way you asked."
    ),
    "still_working": _(
        "We are still working on your report. We will contact you again when there is news, or "
        "by the date we agreed with you."
    ),
    KeyEvent.ARRESTED.value: _("Someone has been arrested in connection with your report."),
    KeyEvent.INTERVIEWED.value: _("The person we believe was involved has been interviewed."),
    KeyEvent.RELEASED.value: _(
        "The person who was arrested has been released while we carry on looking into what "
        "happened. Please tell us straight away if they contact you."
    ),
    KeyEvent.BAIL_CHANGED.value: _(
        "The conditions the person must follow while we look into what happened have changed. "
        "Please tell us if you are worried about your safety."
    ),
    KeyEvent.NOT_INVESTIGATED.value: _(
        "We cannot take your report further at the moment. We have kept it, and it helps us "
        "understand what is happening in your area. You can ask us to look at this decision "
        "again."
    ),
    KeyEvent.CHARGED.value: _(
        "The person has been charged with a crime and will go to court. We will tell you the date."
    ),
    KeyEvent.OUT_OF_COURT.value: _(
        "The person has been dealt with without going to court. We can explain what this means "
        "for you."
    ),
    KeyEvent.NOT_PROSECUTED.value: _(
        "It has been decided not to take the case to court. We can explain why, and you can "
        "ask for the decision to be looked at again."
    ),
    "closed": _(
        "We have finished working on your report. Thank you for telling us. You can still "
        "contact us or a support service at any time."
    ),
}


class UpdateVisibility(models.TextChoices):
    """Who sees a case update: the police only, or the victim too."""

    INTERNAL = "internal", _("Internal note")
    VICTIM = "victim", _("Update for the victim")


class CaseUpdate(models.Model):
    """An internal note, or an update the victim sees on the tracking page and is told of."""

    Visibility = UpdateVisibility

    class ContactOutcome(models.TextChoices):
        REACHED = "reached", _("Spoke to them")
        NOT_REACHED = "not_reached", _("Could not reach them")
        MESSAGE_LEFT = "message_left", _("Left a message")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="updates")
    visibility = models.CharField(_("who sees it"), max_length=8, choices=Visibility.choices)
    key_event = models.CharField(
        _("key event"), max_length=20, choices=KeyEvent.choices, blank=True
    )
    # A standard, translated message for the victim, by code; free text may follow it.
    message_code = models.CharField(_("standard message"), max_length=40, blank=True)
    body = models.TextField(_("text"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    is_contact_attempt = models.BooleanField(_("records a contact attempt"), default=False)
    contact_channel = models.CharField(
        _("contacted by"), max_length=10, choices=Channels.choices, blank=True
    )
    contact_outcome = models.CharField(
        _("result"), max_length=12, choices=ContactOutcome.choices, blank=True
    )

    class Meta:
        verbose_name = _("case update")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                name="caseupdate_visibility_valid",
                condition=Q(visibility__in=UpdateVisibility.values),
            ),
            models.CheckConstraint(
                name="caseupdate_contact_attempt_complete",
                condition=Q(is_contact_attempt=False, contact_channel="", contact_outcome="")
                | Q(is_contact_attempt=True) & ~Q(contact_channel="") & ~Q(contact_outcome=""),
            ),
            models.CheckConstraint(
                name="caseupdate_not_empty", condition=~Q(body="") | ~Q(message_code="")
            ),
        ]
        indexes = [models.Index(fields=["case", "visibility", "created_at"])]

    def __str__(self):
        return f"{self.get_visibility_display()} {self.created_at:%Y-%m-%d}"

    @property
    def standard_message(self) -> str:
        """The standard message for its code, or for its key event, in the active language."""
        message = VICTIM_MESSAGES.get(self.message_code or self.key_event)
        return str(message) if message else ""

    def victim_text(self) -> str:
        """The one wording of an update for the victim, in the active language: the standard
        message, then any words the officer wrote. The tracking page and the centre
        workspace both show this, so the victim and the volunteer read the same words."""
        return "\n\n".join(part for part in (self.standard_message, self.body) if part)

    def text_for_victim(self) -> str:
        """victim_text() in the report's language, whatever the page around it is in."""
        with translation.override(self.case.report.language):
            return self.victim_text()


class ClockQuerySet(models.QuerySet):
    def running(self):
        return self.filter(met_at__isnull=True, stopped_at__isnull=True)

    def overdue(self, now=None):
        return self.running().filter(due_at__lt=now or timezone.now())


class ClockKind(models.TextChoices):
    """A key-event clock, or the routine update interval."""

    KEY_EVENT = "key_event", _("Key event")
    ROUTINE = "routine", _("Routine update")


class Clock(models.Model):
    """A Victims' Code deadline: tell the victim of a key event (5 working days, or 1 under
    enhanced rights), or the routine update interval agreed with them."""

    Kind = ClockKind

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="clocks")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    key_event = models.CharField(
        _("key event"), max_length=20, choices=KeyEvent.choices, blank=True
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    due_at = models.DateTimeField(_("due at"))
    met_at = models.DateTimeField(_("met at"), null=True, blank=True)
    met_by = models.ForeignKey(
        CaseUpdate, on_delete=models.SET_NULL, null=True, blank=True, related_name="clocks_met"
    )
    # Set by the sweep when it has queued the "due soon" alert, so it is queued once.
    due_soon_alerted_at = models.DateTimeField(null=True, blank=True)
    # A routine clock ends without being met when the case closes or a new one replaces it.
    stopped_at = models.DateTimeField(_("stopped at"), null=True, blank=True)

    objects = ClockQuerySet.as_manager()

    class Meta:
        verbose_name = _("Victims' Code clock")
        ordering = ["due_at"]
        constraints = [
            models.CheckConstraint(name="clock_kind_valid", condition=Q(kind__in=ClockKind.values)),
            models.CheckConstraint(
                name="clock_key_event_named",
                condition=Q(kind=ClockKind.ROUTINE, key_event="")
                | Q(kind=ClockKind.KEY_EVENT) & ~Q(key_event=""),
            ),
            models.CheckConstraint(
                name="clock_due_after_start", condition=Q(due_at__gte=models.F("started_at"))
            ),
        ]
        indexes = [
            # The sweeps: running clocks by deadline.
            models.Index(fields=["due_at"], condition=Q(met_at__isnull=True), name="clock_due_idx"),
            models.Index(fields=["case", "met_at"]),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} due {self.due_at:%Y-%m-%d}"

    @property
    def is_running(self) -> bool:
        return self.met_at is None and self.stopped_at is None

    @property
    def is_overdue(self) -> bool:
        return self.is_running and self.due_at < timezone.now()


class EscalationKind(models.TextChoices):
    """What is late."""

    NOT_TRIAGED = "not_triaged", _("Not triaged in time")
    UPDATE_OVERDUE = "update_overdue", _("Victim update overdue")
    HIGH_RISK_UNASSIGNED = "high_risk_unassigned", _("High-risk case unassigned")
    AUTHORISATION_WAITING = "authorisation_waiting", _("Authorisation waiting too long")


class EscalationLevel(models.TextChoices):
    """Whom an escalation goes to: the SPOC first, then the inspector."""

    SPOC = "spoc", _("SPOC")
    INSPECTOR = "inspector", _("Inspector")


class Escalation(models.Model):
    """Raised automatically when something is late; to the SPOC first, then the inspector."""

    Kind = EscalationKind

    Level = EscalationLevel

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="escalations")
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    clock = models.ForeignKey(
        Clock, on_delete=models.CASCADE, null=True, blank=True, related_name="escalations"
    )
    raised_at = models.DateTimeField(_("raised at"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("escalation")
        ordering = ["-raised_at"]
        constraints = [
            models.CheckConstraint(
                name="escalation_kind_valid",
                condition=Q(kind__in=EscalationKind.values),
            ),
            models.CheckConstraint(
                name="escalation_level_valid", condition=Q(level__in=EscalationLevel.values)
            ),
            # One open escalation per case, kind, level and clock: sweeps may run twice.
            models.UniqueConstraint(
                fields=["case", "kind", "level", "clock"],
                condition=Q(resolved_at__isnull=True),
                name="escalation_open_unique",
                nulls_distinct=False,
            ),
        ]
        indexes = [
            models.Index(
                fields=["raised_at"],
                condition=Q(resolved_at__isnull=True),
                name="escalation_open_idx",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_level_display()})"


class OutcomeType(models.Model):
    """A Home Office outcome type (1–22): the canonical outcome."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=250)
    is_positive = models.BooleanField(_("counts as a positive outcome"), default=False)
    is_no_further_action = models.BooleanField(_("no further action"), default=False)

    class Meta:
        verbose_name = _("Home Office outcome type")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                name="outcometype_number_range", condition=Q(number__gte=1, number__lte=22)
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"


class LocalOutcomeCode(models.Model):
    """An area's own outcome code (e.g. OC1) mapped onto a Home Office outcome type."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="outcome_codes")
    code = models.CharField(_("code"), max_length=20)
    label = models.CharField(_("label"), max_length=200)
    outcome_type = models.ForeignKey(OutcomeType, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("local outcome code")
        ordering = ["area", "code"]
        constraints = [models.UniqueConstraint(fields=["area", "code"], name="localoutcome_unique")]

    def __str__(self):
        return f"{self.code} ({self.outcome_type.number})"


class Outcome(models.Model):
    """The outcome recorded for a case."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="outcome")
    outcome_type = models.ForeignKey(OutcomeType, on_delete=models.PROTECT, related_name="+")
    local_code = models.ForeignKey(
        LocalOutcomeCode, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    offender_identifiable = models.BooleanField(_("offender named or identifiable"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("outcome")

    def __str__(self):
        return str(self.outcome_type)

    def needs_authorisation(self, area: Area) -> bool:
        """The area rule: no further action with a named or identifiable offender needs an
        inspector's authorisation before the case closes, where the area asks for it."""
        return (
            area.nfa_needs_authorisation
            and self.outcome_type.is_no_further_action
            and self.offender_identifiable
        )


class AuthorisationDecision(models.TextChoices):
    """An inspector's decision on closing with no further action."""

    PENDING = "pending", _("Waiting")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class Authorisation(models.Model):
    """An inspector's authorisation to close with no further action where the offender is
    named or identifiable (an area rule)."""

    Decision = AuthorisationDecision

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="authorisations")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    request_reason = models.TextField(_("why no further action"))
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)

    class Meta:
        verbose_name = _("authorisation")
        ordering = ["-requested_at"]
        constraints = [
            models.CheckConstraint(
                name="authorisation_decision_valid",
                condition=Q(decision__in=AuthorisationDecision.values),
            ),
            models.CheckConstraint(
                name="authorisation_decided_has_who_when",
                condition=Q(decision=AuthorisationDecision.PENDING)
                | Q(decided_by__isnull=False, decided_at__isnull=False),
            ),
            models.CheckConstraint(
                name="authorisation_refusal_has_reason",
                condition=~Q(decision=AuthorisationDecision.REFUSED) | ~Q(decision_reason=""),
            ),
            models.CheckConstraint(
                name="authorisation_not_self_approved",
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=models.F("requested_by")),
            ),
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(decision=AuthorisationDecision.PENDING),
                name="authorisation_one_pending",
            ),
        ]
        indexes = [
            models.Index(
                fields=["requested_at"],
                condition=Q(decision=AuthorisationDecision.PENDING),
                name="authorisation_pending_idx",
            ),
        ]

    def __str__(self):
        return f"{self.case} {self.get_decision_display()}"
