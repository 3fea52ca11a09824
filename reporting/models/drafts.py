"""Drafts: the answers typed so far (reporting/journey/), encrypted like contact details."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedFieldMixin


class EncryptedJSONDocumentField(EncryptedFieldMixin, models.TextField):
    """A JSON document encrypted at rest as one piece.

    encrypted_fields' own EncryptedJSONField encrypts each value separately and turns every
    number, true/false and null into a string; drafts need their types back as they were.
    """

    def get_prep_value(self, value):
        if value is None:
            return None
        document = json.dumps(value, cls=DjangoJSONEncoder)
        return self.f.encrypt(document.encode("utf-8")).decode("utf-8")

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return json.loads(self.f.decrypt(value.encode("utf-8")))

    def to_python(self, value):
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                return value
        return value


class ReportDraft(models.Model):
    """Answers typed so far, kept server-side for a day so nothing is lost to a timeout.

    Drafts hold contact details before a report exists, so they are encrypted like them.
    """

    key = models.CharField(max_length=64, unique=True)
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)
    answers = EncryptedJSONDocumentField(default=dict)
    # The area the location answered so far falls in: found in the same UPDATE that saves
    # the answer (reporting/journey/engine.py), so the question page costs no extra query.
    area = models.ForeignKey(
        "centres.Area", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(db_index=True)
    # Set, and the answers emptied, in the transaction that saves the report: a draft is sent
    # once, and "Send" pressed again after a failure finds the report already saved.
    sent_report = models.OneToOneField(
        "reporting.Report", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # The bytes its uploaded files hold in storage, saved with the answers that name them
    # (the names are encrypted): the site-wide cap on drafts' files sums this column.
    evidence_bytes = models.PositiveBigIntegerField(default=0, db_default=0)

    class Meta:
        verbose_name = _("draft report")
        indexes = [
            # The cap's SUM reads only unsent drafts that hold files (reporting/evidence/
            # bounds.py), a small part of the table, without touching the encrypted answers.
            models.Index(
                fields=["evidence_bytes"],
                name="draft_holding_files_idx",
                condition=models.Q(evidence_bytes__gt=0, sent_report__isnull=True),
            ),
        ]

    def __str__(self):
        return f"draft {self.pk}"
