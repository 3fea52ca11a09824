"""Deleting reports: the one way to do it, so their evidence files go with them.

Deleting an EvidenceFile row does not delete the stored file (Django never does), and the
project keeps business logic out of signals; so whatever deletes a report (the retention
purge, an erasure request) calls `delete_report`, never `Report.delete()`.
"""

from django.db import transaction

from centres.models import AccessLogEntry

from . import access
from .evidence import delete_evidence
from .models import Report


def delete_report(*, report: Report, by=None, reason: str) -> None:
    """Delete a report, its evidence files (after commit) and everything that cascades from
    it, and log the deletion. A report with a police case is protected by the case: the case
    must be dealt with first (Django raises ProtectedError)."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        delete_evidence(files=list(report.evidence.all()))
        access.record(by, report, AccessLogEntry.Action.CHANGE, detail="deleted", reason=reason)
        report.delete()
