"""The notification outbox: messages written in the event's transaction, delivered after commit
(centres/outbox.py, centres/delivery.py)."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def due(self, now=None):
        now = now or timezone.now()
        return self.filter(status=Notification.Status.PENDING, next_attempt_at__lte=now)


class NotificationStatus(models.TextChoices):
    """Where a message is in its delivery."""

    PENDING = "pending", _("pending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")
    CANCELLED = "cancelled", _("cancelled")


class Notification(models.Model):
    """A message to deliver, written in the same transaction as the event that causes it.

    It names its recipient (a person, or a report's contact record) rather than copying an
    address, so nothing personal sits in the outbox and a purged contact cancels delivery.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("email")
        SMS = "sms", _("text message")
        CENTRE = "centre", _("via the reporting centre")

    Status = NotificationStatus

    key = models.CharField(_("idempotency key"), max_length=200, unique=True)
    kind = models.CharField(_("message"), max_length=60)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    recipient_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    recipient_id = models.PositiveBigIntegerField()
    recipient = GenericForeignKey("recipient_type", "recipient_id")
    language = models.CharField(_("language"), max_length=10, default="en")
    context = models.JSONField(_("context"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # The provider's side (GOV.UK Notify): the opaque reference the message carries, and what
    # Notify's delivery receipts said of it (centres/receipts.py).
    provider_reference = models.CharField(
        _("provider reference"),
        max_length=48,
        blank=True,
        default="",
        db_default="",
        db_index=True,
    )
    provider_status = models.CharField(
        _("delivery status"), max_length=30, blank=True, default="", db_default=""
    )
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        constraints = [
            models.CheckConstraint(
                name="notification_status_valid",
                condition=Q(status__in=NotificationStatus.values),
            ),
            models.CheckConstraint(
                name="notification_sent_has_time",
                condition=~Q(status=NotificationStatus.SENT) | Q(sent_at__isnull=False),
            ),
        ]
        indexes = [
            # The sweep: pending messages whose time has come.
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status=NotificationStatus.PENDING),
                name="notification_due_idx",
            ),
            models.Index(fields=["recipient_type", "recipient_id"]),
        ]

    def __str__(self):
        return f"{self.kind} ({self.get_status_display()})"
