"""The daily threat review as held: which area, who chaired it, the window it covered, the
community impact assessed for each case in it, and the chair's sign-off."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import Area


class DailyReviewQuerySet(models.QuerySet):
    def open(self):
        return self.filter(signed_off_at__isnull=True)


class DailyReview(models.Model):
    """One morning meeting's review of an area: every case that reached the police between
    `covered_from` and `covered_until`. The next review starts where this one ended, so
    Monday's covers the weekend and the day after a bank holiday covers the holiday."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="daily_reviews")
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    held_at = models.DateTimeField(_("held at"), default=timezone.now)
    covered_from = models.DateTimeField(_("covers from"))
    covered_until = models.DateTimeField(_("covers until"))
    signed_off_at = models.DateTimeField(_("signed off at"), null=True, blank=True)

    objects = DailyReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("daily threat review")
        ordering = ["-covered_until"]
        constraints = [
            models.CheckConstraint(
                name="dailyreview_window_ordered", condition=Q(covered_from__lt=F("covered_until"))
            ),
            # One review at a time per area: the next starts where a signed-off one ended.
            models.UniqueConstraint(
                fields=["area"],
                condition=Q(signed_off_at__isnull=True),
                name="dailyreview_one_open_per_area",
            ),
        ]
        indexes = [models.Index(fields=["area", "-covered_until"], name="dailyreview_latest_idx")]

    def __str__(self):
        return f"{self.area} {timezone.localtime(self.covered_until):%Y-%m-%d %H:%M}"

    @property
    def is_signed_off(self) -> bool:
        return self.signed_off_at is not None


class ImpactLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class CaseImpactAssessment(models.Model):
    """The community impact of one case, assessed at one review: low, medium or high, with a
    note (needed for medium and high: what follows from it)."""

    Level = ImpactLevel

    review = models.ForeignKey(DailyReview, on_delete=models.CASCADE, related_name="assessments")
    case = models.ForeignKey("Case", on_delete=models.CASCADE, related_name="impact_assessments")
    level = models.CharField(_("community impact"), max_length=10, choices=ImpactLevel.choices)
    note = models.TextField(_("note"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assessed_at = models.DateTimeField(_("assessed at"), default=timezone.now)

    class Meta:
        verbose_name = _("community impact assessment")
        ordering = ["review", "case"]
        constraints = [
            models.UniqueConstraint(fields=["review", "case"], name="impact_one_per_review_case"),
            models.CheckConstraint(
                name="impact_level_valid", condition=Q(level__in=ImpactLevel.values)
            ),
            models.CheckConstraint(
                name="impact_raised_has_note",
                condition=Q(level=ImpactLevel.LOW) | ~Q(note=""),
            ),
        ]

    def __str__(self):
        return f"{self.case} {self.get_level_display()}"
