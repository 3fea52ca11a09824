"""Erasure requests for reports the police hold: recorded, sent to the force, answered."""

import calendar
import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import Area

from .report import Report


def one_calendar_month_after(day: datetime.date) -> datetime.date:
    """The same day of the next month, or that month's last day when it has no such day (the
    ICO's reading of "one calendar month": 31 January -> 28 or 29 February)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class ErasureRequestQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=ErasureRequest.Status.WAITING)

    def overdue(self, today=None):
        return self.waiting().filter(due_on__lt=today or timezone.localdate())


class ErasureRequest(models.Model):
    """A reporter asked for their report to be erased, and the police hold it (it was shared
    with them): the force must answer within one calendar month of the request, granting it
    (the report is then erased here too) or refusing it with a reason (a law-enforcement
    purpose, DPA 2018 s.47). A report never shared is erased at once and needs no request.

    The row outlives the report it names (the reference is kept): it is the record that the
    request was made and answered.
    """

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting for the force")
        GRANTED = "granted", _("granted: erased")
        REFUSED = "refused", _("refused")

    report = models.ForeignKey(
        Report, on_delete=models.SET_NULL, null=True, blank=True, related_name="erasure_requests"
    )
    reference = models.CharField(_("reference"), max_length=12, db_index=True)
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="erasure_requests", verbose_name=_("area")
    )
    received_on = models.DateField(_("request received on"), default=timezone.localdate)
    due_on = models.DateField(_("answer due by"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answer_reason = models.TextField(_("the force's reason"), blank=True)

    objects = ErasureRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("erasure request")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                name="erasure_status_valid",
                condition=Q(status__in=["waiting", "granted", "refused"]),
            ),
            models.CheckConstraint(
                name="erasure_refusal_has_reason",
                condition=~Q(status="refused") | ~Q(answer_reason=""),
            ),
            models.CheckConstraint(
                name="erasure_answer_recorded",
                condition=Q(status="waiting", answered_at__isnull=True)
                | Q(~Q(status="waiting"), answered_at__isnull=False),
            ),
        ]
        indexes = [
            # The officer's list of open requests, oldest due first; answered ones are history.
            models.Index(
                fields=["due_on"], name="erasure_waiting_due", condition=Q(status="waiting")
            ),
        ]

    def __str__(self):
        return f"{self.reference} erasure ({self.get_status_display()})"

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.WAITING and self.due_on < timezone.localdate()
