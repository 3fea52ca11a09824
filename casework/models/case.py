"""A case: police handling of one report shared with police, its one table of allowed status
changes (`Case.transition`), its Victims' Code clock methods, and the append-only record of
status changes."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import AccessLogEntry, Area
from centres.outbox import queue_notification
from reporting.models import Report

from .. import workdays
from .clocks import Clock
from .outcomes import Authorisation, Outcome
from .updates import CaseUpdate, Priority


class CaseStatus(models.TextChoices):
    NEW = "new", _("New")
    TRIAGED = "triaged", _("Triaged")
    INVESTIGATING = "investigating", _("Under investigation")
    AWAITING_DECISION = "awaiting_decision", _("Awaiting a decision")
    OUTCOME_RECORDED = "outcome_recorded", _("Outcome recorded")
    CLOSED = "closed", _("Closed")


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
        CaseStatus.CLOSED: False,  # non-crime only (below)
    },
    CaseStatus.INVESTIGATING: {
        CaseStatus.AWAITING_DECISION: False,
        CaseStatus.OUTCOME_RECORDED: False,
        CaseStatus.CLOSED: False,  # non-crime only (below)
    },
    CaseStatus.AWAITING_DECISION: {
        CaseStatus.INVESTIGATING: False,
        CaseStatus.OUTCOME_RECORDED: False,
    },
    CaseStatus.OUTCOME_RECORDED: {CaseStatus.CLOSED: False, CaseStatus.INVESTIGATING: True},
    CaseStatus.CLOSED: {CaseStatus.INVESTIGATING: True},
}
# A non-crime hate incident, or no record, has no Home Office outcome (those are outcomes of
# crimes): it closes straight from triage or investigation. Only such a case may; the others
# need their outcome first (`Case.allowed_transitions` leaves these out for them).
NON_CRIME_DECISIONS = (RecordingDecision.NCHI, RecordingDecision.NO_RECORD)
CLOSE_WITHOUT_OUTCOME_FROM = (CaseStatus.TRIAGED, CaseStatus.INVESTIGATING)


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
    # When the subject's personal data was removed because the threshold was not met.
    subject_data_removed_at = models.DateTimeField(
        _("subject's personal data removed at"), null=True, blank=True
    )
    enhanced_rights = models.BooleanField(
        _("enhanced rights under the Victims' Code"), default=True
    )
    enhanced_downgrade_reason = models.TextField(_("reason for standard rights"), blank=True)
    # Set when the case opens for a report about someone under 18: police see it on the case
    # page, the case list (a filter) and the case summary; with it, only an inspector may
    # lower the victim's enhanced rights (services/handling.py).
    safeguarding = models.BooleanField(
        _("safeguarding: a child or young person under 18"), default=False, db_default=False
    )
    update_interval_days = models.PositiveSmallIntegerField(
        _("routine update every (days)"), default=28
    )
    # Denormalised from the running clocks, in the same transaction as any clock change, so
    # the changelist filters "overdue" and sorts by deadline on an index.
    next_clock_due_at = models.DateTimeField(_("next update due"), null=True, blank=True)
    # Denormalised from the hold in force (casework/models/holds.py), in the same transaction,
    # so the retention purge (reporting/lifecycle/) reads it on the case row it joins anyway.
    on_legal_hold = models.BooleanField(
        _("on legal hold"), default=False, db_default=False, editable=False
    )
    # The force's own crime or incident reference (Niche, Athena...), in the area's format
    # (casework/crime_reference.py), unique within the force. The force is kept with it, as
    # it was when the number was given, so the constraint needs no join.
    crime_reference = models.CharField(
        _("crime reference"), max_length=40, blank=True, editable=False, db_default=""
    )
    crime_reference_force = models.CharField(
        max_length=120, blank=True, editable=False, db_default=""
    )

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
            # The 2023 NCHI code: below the threshold, the subject's personal data is not kept.
            models.CheckConstraint(
                name="case_nchi_below_threshold_subject_removed",
                condition=(
                    ~Q(recording_decision=RecordingDecision.NCHI, nchi_threshold_met=False)
                    | Q(subject_data_removed_at__isnull=False)
                ),
            ),
            models.CheckConstraint(
                name="case_update_interval_positive", condition=Q(update_interval_days__gte=1)
            ),
            # One case per crime reference in a force; also the index the admin's search uses.
            models.UniqueConstraint(
                fields=["crime_reference_force", "crime_reference"],
                condition=~Q(crime_reference=""),
                name="case_crime_reference_unique",
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
            # The admin's search by the force's crime reference (any force the person sees).
            models.Index(
                fields=["crime_reference"],
                condition=~Q(crime_reference=""),
                name="case_crime_reference_idx",
            ),
            # The changelist's safeguarding filter: few cases, so a small partial index.
            models.Index(
                fields=["area", "opened_at"],
                condition=Q(safeguarding=True),
                name="case_safeguarding_idx",
            ),
        ]

    def __str__(self):
        return self.report.reference

    # --- Status ---------------------------------------------------------------------------

    @property
    def is_non_crime(self) -> bool:
        """Recorded as a non-crime hate incident or as no record: no crime outcome."""
        return self.recording_decision in NON_CRIME_DECISIONS

    def allowed_transitions(self) -> dict[str, bool]:
        allowed = ALLOWED_TRANSITIONS.get(self.status, {})
        if self.status in CLOSE_WITHOUT_OUTCOME_FROM and not self.is_non_crime:
            allowed = {to: reason for to, reason in allowed.items() if to != CaseStatus.CLOSED}
        return allowed

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
            if (
                to == CaseStatus.CLOSED
                and from_status in CLOSE_WITHOUT_OUTCOME_FROM
                and not case.is_non_crime
            ):
                raise TransitionRefused(_("Record the outcome first."), code="no_outcome")
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
                # The reporter is asked, once, what they thought (casework/services/feedback.py).
                from ..services.feedback import invite_to_feedback

                invite_to_feedback(case=case, at=now)
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
        closes_without_outcome = to == CaseStatus.CLOSED and self.is_non_crime
        if (
            to in (CaseStatus.OUTCOME_RECORDED, CaseStatus.CLOSED)
            and not closes_without_outcome
            and not self.has_outcome
        ):
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
