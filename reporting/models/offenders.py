"""Something the reporter named that identifies the offender (reporting/offender_identifiers.py)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField

from .report import Report


class OffenderIdentifier(models.Model):
    """What the reporter typed that identifies the offender, encrypted, and its keyed hash,
    which links reports naming the same one (casework/matching.py decides who learns of it).
    Subject data: removed with the offender description (the 2023 NCHI code)."""

    class Kind(models.TextChoices):
        ACCOUNT = "account", _("online account")
        VEHICLE = "vehicle", _("vehicle registration")
        NAME_STREET = "name_street", _("name and street")

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="offender_identifiers"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    value = EncryptedCharField(_("as the reporter gave it"), max_length=300)
    digest = models.CharField(max_length=64, editable=False)

    class Meta:
        verbose_name = _("offender identifier")
        constraints = [
            models.CheckConstraint(
                name="offender_identifier_kind_valid",
                condition=Q(kind__in=["account", "vehicle", "name_street"]),
            ),
            models.UniqueConstraint(fields=["report", "digest"], name="offender_identifier_once"),
        ]
        indexes = [models.Index(fields=["digest"], name="offender_identifier_digest")]

    def __str__(self):
        return str(self.get_kind_display())
