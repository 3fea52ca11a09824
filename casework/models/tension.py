"""Community tension alerts: a week in which an area's reports of one strand exceeded what the
past weeks led one to expect (casework/insights/tension.py says how that is worked out)."""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import Area, Strand


class TensionAlert(models.Model):
    """One exceedance, written once per area, strand and week (the unique constraint makes the
    nightly run idempotent). Counts only: never a report, a place finer than the area or a
    person."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="tension_alerts")
    strand = models.ForeignKey(Strand, on_delete=models.PROTECT, related_name="tension_alerts")
    week_start = models.DateField(_("week beginning"))
    observed = models.PositiveIntegerField(_("reports that week"))
    expected = models.FloatField(_("expected"))
    upper_bound = models.FloatField(_("upper bound of the expected range"))
    method = models.CharField(_("method"), max_length=40)
    raised_at = models.DateTimeField(_("raised at"), default=timezone.now)

    class Meta:
        verbose_name = _("community tension alert")
        ordering = ["-week_start", "area", "strand"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "strand", "week_start"], name="tensionalert_once_per_week"
            ),
            models.CheckConstraint(
                name="tensionalert_exceeds_bound", condition=Q(observed__gt=F("upper_bound"))
            ),
        ]

    def __str__(self):
        return f"{self.area} {self.strand} {self.week_start:%Y-%m-%d}"
