"""The retention schedule the data protection officer has reviewed (reporting/lifecycle/).

Periods are set in settings and, shorter only, per area. A period made shorter removes more
at the next run, and what is removed cannot be brought back, so the purge keeps to the
periods last reviewed until the officer has seen the dry run of the new ones and applied them
(reporting.lifecycle.schedule). A period made longer removes less, and applies at once."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RetentionSchedule(models.Model):
    """One reviewed schedule: the periods in days, nationally and for each area that set a
    shorter one, as {"national": {category: days}, "areas": {"<area id>": {category: days}}},
    and what its first run was shown to remove (counts per category)."""

    periods = models.JSONField(_("periods (days)"))
    would_remove = models.JSONField(_("what the dry run showed (reports)"), default=dict)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("applied by"),
    )
    approved_at = models.DateTimeField(_("applied at"), default=timezone.now)

    class Meta:
        verbose_name = _("retention schedule")
        ordering = ["-approved_at", "-pk"]

    def __str__(self):
        when = f"{self.approved_at:%Y-%m-%d}"
        return str(_("Retention schedule applied %(when)s") % {"when": when})
