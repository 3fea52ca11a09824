"""Victims' Code clocks: a deadline to tell the victim of a key event, or the routine update
interval agreed with them."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .updates import CaseUpdate, KeyEvent


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

    case = models.ForeignKey("Case", on_delete=models.CASCADE, related_name="clocks")
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
