"""Evidence files: photos, screenshots, documents, sound and video attached to a report,
stored under random names in storage of their own (reporting/evidence/ checks them)."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .report import Report


def evidence_path(instance, filename):
    # Random names: the original file name can itself identify someone.
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


def evidence_storage():
    from django.core.files.storage import storages

    return storages["evidence"]


class EvidenceFile(models.Model):
    """A photo, screenshot, document, audio or video file attached to a report."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to=evidence_path, storage=evidence_storage)
    content_type = models.CharField(_("type"), max_length=80)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("evidence file")
        constraints = [
            models.CheckConstraint(name="evidence_size_positive", condition=Q(size__gt=0)),
        ]

    def __str__(self):
        return f"{self.report.reference} / {self.pk}"
