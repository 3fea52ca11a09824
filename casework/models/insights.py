"""The insights rollup: monthly counts the insights page reads instead of the reports.

A full refresh (casework/insights/rollup.py) rewrites every row on beat; the page then answers
in a fixed number of small queries at two million reports as at twenty thousand. Counts only:
no row names a report, a case or a person.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import Area, Centre, Strand


class InsightsFactKind(models.TextChoices):
    REPORTS = "reports", _("reports")
    RECORDED = "recorded", _("police recording decision")
    PLACE = "place", _("place type")
    REPEAT = "repeat", _("happened before")
    OUTCOME = "outcome", _("outcome")
    UPDATE = "update", _("victim update clock")
    TRIAGE = "triage", _("time to triage")


class InsightsFact(models.Model):
    """How many of one kind of thing, for one month and one combination of the page's filters.

    Each fact is counted once with `strand` empty (all strands) and once more for each strand
    of its report, so a count filtered by strand and one unfiltered are both a single sum."""

    Kind = InsightsFactKind

    kind = models.CharField(max_length=10, choices=Kind.choices)
    label = models.CharField(max_length=40, blank=True)  # e.g. the place type's code
    month = models.DateField()  # first day of the month the fact belongs to
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    strand = models.ForeignKey(
        Strand, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    channel = models.CharField(max_length=16)
    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    count = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("insights figure")
        indexes = [models.Index(fields=["kind", "month"], name="insightsfact_kind_month_idx")]

    def __str__(self):
        return f"{self.kind} {self.label} {self.month:%Y-%m}: {self.count}"


class InsightsRefresh(models.Model):
    """One refresh of the rollup: when, how long it took, how many rows it wrote. The newest
    says how fresh the page's figures are; exports are logged against it."""

    finished_at = models.DateTimeField(default=timezone.now)
    seconds = models.FloatField(default=0)
    rows = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("insights refresh")
        ordering = ["-finished_at"]

    def __str__(self):
        return f"Insights figures of {timezone.localtime(self.finished_at):%Y-%m-%d %H:%M}"
