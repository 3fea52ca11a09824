"""The history of a report's consent to share with the police, in both directions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import Centre

from .report import Consent, Report


class ConsentChannel(models.TextChoices):
    """Where a consent change was made."""

    TRACKING = "tracking", _("The reporter, on the tracking page")
    CENTRE = "centre", _("At a reporting centre, with the reporter there")


class ConsentChange(models.Model):
    """One change of a report's consent to share: from what, to what, when, by whom and where.

    Written only by reporting.consent.change_consent (and the demo). Append-only: nothing
    edits or deletes a change; it goes only with its report, when retention deletes the report
    (reporting.retention.delete_report), so an anonymised report keeps its history.
    """

    Channel = ConsentChannel

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="consent_changes")
    previous = models.CharField(_("before"), max_length=16, choices=Consent.choices, blank=True)
    current = models.CharField(_("after"), max_length=16, choices=Consent.choices)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
        help_text=_("Empty when the reporter changed it themself."),
    )
    channel = models.CharField(
        _("where"), max_length=10, choices=ConsentChannel.choices, default=ConsentChannel.TRACKING
    )
    centre = models.ForeignKey(
        Centre,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("at centre"),
    )

    class Meta:
        verbose_name = _("consent change")
        ordering = ["changed_at"]
        constraints = [
            models.CheckConstraint(
                name="consentchange_current_valid",
                condition=Q(current__in=[c.value for c in Consent]),
            ),
            models.CheckConstraint(
                name="consentchange_channel_valid",
                condition=Q(channel__in=[c.value for c in ConsentChannel]),
            ),
            # A change is a change: never from a consent to the same one.
            models.CheckConstraint(
                name="consentchange_changes", condition=~Q(previous=models.F("current"))
            ),
            # On the tracking page the reporter acts alone; at a centre a named volunteer does.
            models.CheckConstraint(
                name="consentchange_who_where",
                condition=(
                    Q(channel="tracking", changed_by__isnull=True, centre__isnull=True)
                    | Q(channel="centre", changed_by__isnull=False, centre__isnull=False)
                ),
            ),
        ]

    def __str__(self):
        return f"{self.previous or '-'} → {self.current}"

    @property
    def by_reporter(self) -> bool:
        return self.changed_by_id is None
