"""Deleting reports and drafts: the one way to do each, so their evidence files go with them.

Deleting an EvidenceFile row does not delete the stored file (Django never does), and the
project keeps business logic out of signals; so whatever deletes a report (the retention
purge, an erasure request) calls `delete_report`, never `Report.delete()`.

Drafts last a day from their last answer (reporting/journey/); `purge_expired_drafts`
deletes the expired ones and the files uploaded with them, and `purge_orphan_evidence`
deletes stored files that nothing names any more (a purge or a removal interrupted between
the database and the storage). Both run on beat (reporting/tasks.py).
"""

import datetime
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from centres.models import AccessLogEntry

from . import access, evidence
from .evidence import delete_evidence
from .journey import DRAFT_LIFETIME
from .models import EvidenceFile, Report, ReportDraft

logger = logging.getLogger(__name__)

PURGE_BATCH = 500
# A draft is purged this long after it expired, and an unnamed file only once it is older
# than a draft can live plus this: a report sent in the second its draft expires has by then
# committed its evidence rows, so the purge never takes a file a report took.
PURGE_GRACE = datetime.timedelta(hours=1)


def delete_report(*, report: Report, by=None, reason: str) -> None:
    """Delete a report, its evidence files (after commit) and everything that cascades from
    it, and log the deletion. A report with a police case is protected by the case: the case
    must be dealt with first (Django raises ProtectedError)."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        delete_evidence(files=list(report.evidence.all()))
        access.record(by, report, AccessLogEntry.Action.CHANGE, detail="deleted", reason=reason)
        report.delete()


@dataclass(frozen=True)
class DraftPurge:
    drafts: int
    files: int


def purge_expired_drafts(*, batch_size: int = PURGE_BATCH) -> DraftPurge:
    """Delete drafts that expired (more than PURGE_GRACE ago) and the files uploaded with
    them, a batch at a time; never a file an evidence row names (a submitted report's).

    Each batch is one transaction: its rows are locked (others' locked rows skipped, so two
    purges never wait on each other), deleted by one DELETE, and their files deleted after
    commit, so a rolled-back batch loses nothing. Idempotent.
    """
    cutoff = timezone.now() - PURGE_GRACE
    drafts = files = 0
    while True:
        with transaction.atomic():
            batch = list(
                ReportDraft.objects.filter(expires_at__lt=cutoff)
                .select_for_update(skip_locked=True)
                .only("pk", "answers")
                .order_by("pk")[:batch_size]
            )
            if not batch:
                break
            names = {name for draft in batch for name in _draft_file_names(draft.answers)}
            ReportDraft.objects.filter(pk__in=[draft.pk for draft in batch]).delete()
            taken = set(EvidenceFile.objects.filter(file__in=names).values_list("file", flat=True))
            unused = sorted(names - taken)
            transaction.on_commit(lambda unused=unused: _delete_files(unused))
        drafts += len(batch)
        files += len(unused)
        if len(batch) < batch_size:
            break
    if drafts:
        logger.info("retention: purged %s expired drafts and %s files", drafts, files)
    return DraftPurge(drafts=drafts, files=files)


def purge_orphan_evidence(*, batch_size: int = PURGE_BATCH) -> int:
    """Delete stored evidence files older than a draft can live that neither a draft nor an
    evidence row names. Returns how many went.

    The drafts are read before the evidence rows, on purpose: sending a report commits its
    evidence rows before its draft is deleted, so a file being taken is seen in one or the
    other. A file still waiting to be named by its draft is younger than the cut-off.
    """
    storage = evidence.file_storage()
    cutoff = timezone.now() - DRAFT_LIFETIME - PURGE_GRACE
    named = set()
    drafts = ReportDraft.objects.values_list("answers", flat=True)
    for answers in drafts.iterator(chunk_size=batch_size):
        named.update(_draft_file_names(answers))
    old = [
        name
        for name in _stored_names(storage)
        if name not in named and storage.get_modified_time(name) < cutoff
    ]
    orphans = []
    for start in range(0, len(old), batch_size):
        chunk = old[start : start + batch_size]
        taken = set(EvidenceFile.objects.filter(file__in=chunk).values_list("file", flat=True))
        orphans.extend(name for name in chunk if name not in taken)
    _delete_files(orphans)
    if orphans:
        logger.info("retention: deleted %s evidence files that nothing named", len(orphans))
    return len(orphans)


def _draft_file_names(answers) -> list[str]:
    # A draft that cannot be decrypted (a retired key) names nothing; its files are then
    # found by purge_orphan_evidence.
    uploads = answers.get("evidence", []) if isinstance(answers, dict) else []
    return [
        meta["name"]
        for meta in uploads
        if isinstance(meta, dict) and evidence.STORED_NAME.match(str(meta.get("name", "")))
    ]


def _stored_names(storage, path: str = "", depth: int = 0):
    """Every file in the evidence storage under a name evidence_path makes (year/month/hex)."""
    try:
        directories, files = storage.listdir(path)
    except FileNotFoundError:  # nothing stored yet
        return
    for name in files:
        full = f"{path}/{name}" if path else name
        if evidence.STORED_NAME.match(full):
            yield full
    if depth < 2:
        for directory in directories:
            yield from _stored_names(
                storage, f"{path}/{directory}" if path else directory, depth + 1
            )


def _delete_files(names) -> None:
    storage = evidence.file_storage()
    for name in names:
        storage.delete(name)
