"""The access log: every consultation, alteration and disclosure of a report or case."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccessLogQuerySet(models.QuerySet):
    def record(self, *, user, obj, action, detail="", reason=""):
        return self.create(
            user=user,
            action=action,
            object_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            object_label=str(obj)[:80],
            detail=detail[:200],
            reason=reason,
        )

    def about(self, obj):
        return self.filter(object_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class AccessAction(models.TextChoices):
    """What was done with a report or case (DPA 2018 s.62: consultation, alteration, disclosure)."""

    VIEW = "view", _("consulted")
    CHANGE = "change", _("altered")
    CREATE = "create", _("created")
    DISCLOSE = "disclose", _("disclosed")
    EXPORT = "export", _("exported")


class AccessLogEntry(models.Model):
    """Who consulted, altered or disclosed which report or case, when, and why where asked.

    Append-only: the database refuses updates and deletes (see the migration's triggers), as the
    Data Protection Act 2018 s.62 logging duty for law-enforcement processing expects.
    """

    Action = AccessAction

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
        help_text=_("Empty when the reporter themself acted, through the tracking page."),
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    object_label = models.CharField(_("what"), max_length=80)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    reason = models.TextField(_("why"), blank=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-at"]
        constraints = [
            models.CheckConstraint(
                name="accesslog_action_valid",
                condition=Q(action__in=AccessAction.values),
            )
        ]
        indexes = [
            models.Index(fields=["object_type", "object_id", "at"]),
            # The data protection officer's review: one person's entries, newest first.
            models.Index(fields=["user", "at"], name="accesslog_user_at"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.user or '-'} {self.action} {self.object_label}"
