"""Drafts are purged a day after their last answer, with the files uploaded with them; files
a report took, and live drafts, stay. Stored files nothing names are purged too."""

import datetime
import os
import secrets

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from reporting import evidence, retention, tasks
from reporting.journey import DRAFT_LIFETIME
from reporting.models import ReportDraft
from tests.factories import ReportFactory
from tests.reporting.evidence_files import jpeg_with_gps, stored_files, temporary_storage

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def evidence_storage(tmp_path, monkeypatch):
    return temporary_storage(tmp_path, monkeypatch)


def upload() -> dict:
    return evidence.accept_upload(SimpleUploadedFile("photo.jpg", jpeg_with_gps()))


def draft(*, expires_in: datetime.timedelta, files: int = 1, uploads=None) -> ReportDraft:
    uploads = uploads if uploads is not None else [upload() for _ in range(files)]
    return ReportDraft.objects.create(
        key=secrets.token_urlsafe(32),
        language="en",
        answers={"data": {"what": {"description": ["Shouted"]}}, "evidence": uploads},
        expires_at=timezone.now() + expires_in,
    )


def names(row: ReportDraft) -> list[str]:
    return [meta["name"] for meta in row.answers["evidence"]]


def age(storage, name: str, when: datetime.datetime) -> None:
    """Give a stored file the modification time `when` (the file system's clock is not the
    travelled one)."""
    path = storage.path(name)
    os.utime(path, (when.timestamp(), when.timestamp()))


def test_expired_drafts_and_their_files_go_live_ones_stay(
    evidence_storage, django_capture_on_commit_callbacks
):
    expired = [draft(expires_in=-2 * HOUR, files=2), draft(expires_in=-DRAFT_LIFETIME)]
    live = draft(expires_in=DRAFT_LIFETIME - HOUR)
    just_expired = draft(expires_in=-HOUR / 2)  # within the grace: a report may be sending

    with django_capture_on_commit_callbacks(execute=True):
        result = retention.purge_expired_drafts()

    assert result == retention.DraftPurge(drafts=2, files=3)
    assert set(ReportDraft.objects.values_list("pk", flat=True)) == {live.pk, just_expired.pk}
    assert stored_files(evidence_storage) == sorted(names(live) + names(just_expired))
    assert not {name for row in expired for name in names(row)} & set(
        stored_files(evidence_storage)
    )


def test_a_day_after_the_last_answer_the_draft_is_purged_by_the_task(
    evidence_storage, django_capture_on_commit_callbacks
):
    row = draft(expires_in=DRAFT_LIFETIME)

    with time_machine.travel(timezone.now() + DRAFT_LIFETIME - HOUR, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            tasks.purge_expired_drafts()
        assert ReportDraft.objects.filter(pk=row.pk).exists()
    with (
        time_machine.travel(timezone.now() + DRAFT_LIFETIME + 2 * HOUR, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert tasks.purge_expired_drafts() == {"drafts": 1, "files": 1}

    assert not ReportDraft.objects.exists()
    assert stored_files(evidence_storage) == []


def test_files_a_report_took_are_never_purged_with_its_draft(
    evidence_storage, django_capture_on_commit_callbacks
):
    # A report sent from the draft attached its files; the draft was left behind.
    row = draft(expires_in=-2 * HOUR, files=2)
    taken = row.answers["evidence"][:1]
    evidence.attach_evidence(report=ReportFactory(), uploads=taken)

    with django_capture_on_commit_callbacks(execute=True):
        result = retention.purge_expired_drafts()

    assert result.files == 1
    assert not ReportDraft.objects.exists()
    assert stored_files(evidence_storage) == [taken[0]["name"]]


def test_purge_works_in_batches_and_twice_is_harmless(
    evidence_storage, django_capture_on_commit_callbacks
):
    for _ in range(5):
        draft(expires_in=-2 * HOUR)
    live = draft(expires_in=HOUR)

    with django_capture_on_commit_callbacks(execute=True):
        first = retention.purge_expired_drafts(batch_size=2)
    with django_capture_on_commit_callbacks(execute=True):
        second = retention.purge_expired_drafts(batch_size=2)

    assert first == retention.DraftPurge(drafts=5, files=5)
    assert second == retention.DraftPurge(drafts=0, files=0)
    assert list(ReportDraft.objects.all()) == [live]
    assert stored_files(evidence_storage) == names(live)


def test_draft_that_cannot_be_read_is_purged_and_names_nothing(
    evidence_storage, django_capture_on_commit_callbacks
):
    row = draft(expires_in=-2 * HOUR, uploads=[])
    # As a draft encrypted under a retired key reads: not a dictionary.
    ReportDraft.objects.filter(pk=row.pk).update(answers="not a dictionary")

    with django_capture_on_commit_callbacks(execute=True):
        result = retention.purge_expired_drafts()

    assert result == retention.DraftPurge(drafts=1, files=0)


def test_a_purge_rolled_back_keeps_the_files(evidence_storage):
    row = draft(expires_in=-2 * HOUR)

    # Outside django_capture_on_commit_callbacks the test's transaction never commits.
    retention.purge_expired_drafts()

    assert not ReportDraft.objects.filter(pk=row.pk).exists()
    assert stored_files(evidence_storage) == names(row)


# --- Files nothing names ---------------------------------------------------------------------


def test_orphan_files_older_than_a_draft_can_live_are_deleted(evidence_storage):
    now = timezone.now()
    long_ago = now - DRAFT_LIFETIME - 2 * HOUR
    orphan, young_orphan, in_live_draft, in_report = (upload() for _ in range(4))
    draft(expires_in=HOUR, uploads=[in_live_draft])
    evidence.attach_evidence(report=ReportFactory(), uploads=[in_report])
    for meta in (orphan, in_live_draft, in_report):
        age(evidence_storage, meta["name"], long_ago)
    # Something else in the storage that is not ours to judge.
    evidence_storage.save("notes.txt", SimpleUploadedFile("notes.txt", b"keep"))

    assert retention.purge_orphan_evidence() == 1
    assert tasks.purge_orphan_evidence() == 0

    assert stored_files(evidence_storage) == sorted(
        [young_orphan["name"], in_live_draft["name"], in_report["name"], "notes.txt"]
    )


def test_orphan_purge_with_nothing_stored_yet(evidence_storage):
    assert retention.purge_orphan_evidence() == 0


def test_beat_runs_both_purges():
    schedule = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert tasks.purge_expired_drafts.name in schedule
    assert tasks.purge_orphan_evidence.name in schedule
