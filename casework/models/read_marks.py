"""What each person has read of what a reporter sent after their report: additions, changes
of consent, changes of contact details. One row per person and report, "read up to when"."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reporting.models import Report


class ReadMark(models.Model):
    """How far one person has read the later news of one report.

    Per person, not per case: a SPOC having read an addition does not tell the officer the
    case is assigned to, nor the volunteer at the centre, so each of them sees it marked new
    until they have opened the page that shows it. Keyed by the report rather than the case,
    so a centre's reports that never reached the police (support only) are marked too.
    Written only by casework.read_marks.read_and_mark; it goes with its report or person.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("who")
    )
    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="+", verbose_name=_("report")
    )
    read_up_to = models.DateTimeField(_("read up to"))

    class Meta:
        verbose_name = _("read mark")
        constraints = [
            # Also the index every lookup uses (person and report).
            models.UniqueConstraint(fields=["user", "report"], name="readmark_one_per_person"),
        ]

    def __str__(self):
        return f"{self.user_id} / {self.report_id} @ {self.read_up_to:%Y-%m-%d %H:%M}"
