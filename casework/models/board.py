"""The quarterly board report's own words: the analyst's commentary per section and the
protective marking, for one quarter and one area (or the whole force)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import Area

MARKINGS = (
    ("OFFICIAL", "OFFICIAL"),
    ("OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE"),
)


class BoardReport(models.Model):
    """What the analyst adds to the figures of one quarter for the force's Hate Crime Board and
    the Strategic Policing and Crime Board. The figures themselves are never stored: the PDF
    is built from the insights tables each time (casework/insights/board.py)."""

    quarter_start = models.DateField(_("quarter beginning"))
    area = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="board_reports",
        help_text=_("Leave empty for the whole force."),
    )
    marking = models.CharField(
        _("protective marking"), max_length=40, choices=MARKINGS, default="OFFICIAL-SENSITIVE"
    )
    # {section key: the analyst's commentary}: the keys are the insights tables' keys.
    commentary = models.JSONField(_("commentary per section"), default=dict, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("board report")
        ordering = ["-quarter_start"]
        constraints = [
            # One report per quarter and area; the force-wide one (no area) once too.
            models.UniqueConstraint(
                fields=["quarter_start", "area"],
                name="boardreport_one_per_quarter_area",
                nulls_distinct=False,
            ),
            models.CheckConstraint(
                name="boardreport_quarter_starts_a_quarter",
                condition=Q(quarter_start__day=1, quarter_start__month__in=[1, 4, 7, 10]),
            ),
        ]

    def __str__(self):
        return f"{self.quarter_start:%Y-%m} {self.area or 'force'}"
