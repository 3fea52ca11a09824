"""Legal holds: a case kept whole, past every retention period, while a prosecution, a
complaint or a review needs it (reporting/lifecycle/ never touches a held case)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LegalHoldKind(models.TextChoices):
    PROSECUTION = "prosecution", _("Prosecution")
    COMPLAINT = "complaint", _("Complaint")
    REVIEW = "review", _("Review")


class LegalHold(models.Model):
    """One hold on a case, placed and later released by an inspector, each with a reason.

    Written only by casework.services.place_legal_hold and release_legal_hold, which keep
    `Case.on_legal_hold` (what the purge reads, on the case row) in the same transaction.
    """

    Kind = LegalHoldKind

    case = models.ForeignKey("Case", on_delete=models.CASCADE, related_name="legal_holds")
    kind = models.CharField(_("held for"), max_length=12, choices=Kind.choices)
    reason = models.TextField(_("reason for the hold"))
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    placed_at = models.DateTimeField(_("placed at"), default=timezone.now)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    released_at = models.DateTimeField(_("released at"), null=True, blank=True)
    release_reason = models.TextField(_("reason for the release"), blank=True)

    class Meta:
        verbose_name = _("legal hold")
        ordering = ["-placed_at"]
        constraints = [
            models.CheckConstraint(
                name="legalhold_kind_valid", condition=Q(kind__in=LegalHoldKind.values)
            ),
            models.CheckConstraint(name="legalhold_has_reason", condition=~Q(reason="")),
            models.CheckConstraint(
                name="legalhold_release_complete",
                condition=Q(released_at__isnull=True, released_by__isnull=True, release_reason="")
                | Q(released_at__isnull=False, released_by__isnull=False) & ~Q(release_reason=""),
            ),
            # One hold in force at a time per case.
            models.UniqueConstraint(
                fields=["case"], condition=Q(released_at__isnull=True), name="legalhold_one_open"
            ),
        ]

    def __str__(self):
        return str(self.Kind(self.kind).label)
