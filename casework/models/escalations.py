"""Escalations: raised by the sweeps when something is late."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .clocks import Clock


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

    case = models.ForeignKey("Case", on_delete=models.CASCADE, related_name="escalations")
    # The case's area, copied when the escalation is raised (a case never changes area), so a
    # SPOC's or inspector's list and its capped count read an index of their own area's open
    # escalations instead of joining every open one to its case (bench/changelists.py).
    area = models.ForeignKey(
        "centres.Area",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("area"),
        db_index=False,
    )
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
            # The lists: an area's escalations newest first, and its open ones.
            models.Index(fields=["area", "-id"], name="escalation_area_idx"),
            models.Index(
                fields=["area", "-id"],
                condition=Q(resolved_at__isnull=True),
                name="escalation_area_open_idx",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_level_display()})"

    def save(self, *args, **kwargs):
        if self.area_id is None and self.case_id is not None:
            self.area_id = self.case.area_id
        super().save(*args, **kwargs)
