"""Reports linked to a case by the SPOC: the same incident (one case, several reports) or a
related one. Every decision is a row: linking writes one, unlinking stamps it, so the history
stays (casework/matching.py offers the candidates and makes the changes)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reporting.models import Report


class LinkKind(models.TextChoices):
    SAME_INCIDENT = "same_incident", _("Same incident")
    RELATED = "related", _("Related")


class ReportLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(unlinked_at__isnull=True)

    def same_incident(self):
        return self.active().filter(kind=LinkKind.SAME_INCIDENT)


class ReportLink(models.Model):
    """Another report linked to a case. "Same incident": the case handles it too, and every
    victim update goes to that report's reporter through their own plan; its own case, if it
    has one, waits on this one (its routine clock stopped) until unlinked."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="links")
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="case_links")
    kind = models.CharField(_("kind"), max_length=16, choices=LinkKind.choices)
    score = models.PositiveSmallIntegerField(_("match score"), null=True, blank=True)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    linked_at = models.DateTimeField(_("linked at"), default=timezone.now)
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    unlinked_at = models.DateTimeField(_("unlinked at"), null=True, blank=True)
    unlinked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ReportLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("linked report")
        ordering = ["linked_at"]
        constraints = [
            models.CheckConstraint(
                name="reportlink_kind_valid",
                condition=Q(kind__in=[k.value for k in LinkKind]),
            ),
            # One standing link between a case and a report.
            models.UniqueConstraint(
                fields=["case", "report"],
                condition=Q(unlinked_at__isnull=True),
                name="reportlink_one_standing",
            ),
            # A report is the same incident as one case at a time.
            models.UniqueConstraint(
                fields=["report"],
                condition=Q(unlinked_at__isnull=True, kind="same_incident"),
                name="reportlink_one_incident",
            ),
        ]
        indexes = [
            models.Index(
                fields=["report"], condition=Q(unlinked_at__isnull=True), name="reportlink_report"
            )
        ]

    def __str__(self):
        return f"{self.report.reference} ({self.get_kind_display()})"
