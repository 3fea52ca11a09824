"""Taking a file (checked and cleaned as it arrives), storing it under a random name,
attaching it to a report, and deleting it."""

import hashlib
import re
import tempfile
from pathlib import Path

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.template.defaultfilters import filesizeformat

from ..models import EvidenceFile, evidence_path
from . import bounds
from .cleaning import check_cleaned, reencode_image, strip_media, strip_pdf
from .kinds import ALLOWED, MESSAGES, SNIFF_BYTES, Kind

# Stored names, as evidence_path makes them: year/month/32 hex digits.
STORED_NAME = re.compile(r"^\d{4}/\d{2}/[0-9a-f]{32}$")


def file_storage():
    # The field's own storage (settings STORAGES["evidence"]), so that what is saved here is
    # what EvidenceFile.file opens.
    return EvidenceFile._meta.get_field("file").storage


def limits() -> dict:
    """The stated limits, for the upload page's hint text."""
    return {
        "max_bytes": settings.EVIDENCE_MAX_BYTES,
        "max_size": filesizeformat(settings.EVIDENCE_MAX_BYTES),
        "max_files": settings.EVIDENCE_MAX_FILES,
    }


def accept_upload(
    uploaded_file, *, already_uploaded: int = 0, uploader: bounds.Uploader | None = None
) -> dict:
    """Check one uploaded file, clean it and store it under a random name.

    `already_uploaded` is how many files the reporter has already added to this report; the
    count limit is checked against it. `uploader`, for a file taken before a report exists
    (the journey's evidence page): who is uploading, so the bounds in bounds.py apply before
    the file is cleaned. Returns JSON-serialisable metadata to keep with the draft and hand
    to `attach_evidence` (never the original file name). Raises ValidationError, with a
    message for the reporter, for anything refused.
    """
    if already_uploaded >= settings.EVIDENCE_MAX_FILES:
        raise ValidationError(
            MESSAGES["too_many"], code="too_many", params={"count": settings.EVIDENCE_MAX_FILES}
        )
    size = uploaded_file.size or 0
    if size == 0:
        raise ValidationError(MESSAGES["empty"], code="empty")
    if size > settings.EVIDENCE_MAX_BYTES:
        raise ValidationError(
            MESSAGES["too_big"],
            code="too_big",
            params={"limit": filesizeformat(settings.EVIDENCE_MAX_BYTES)},
        )
    uploaded_file.seek(0)
    head = uploaded_file.read(SNIFF_BYTES)
    uploaded_file.seek(0)
    guess = filetype.guess(head)
    kind = ALLOWED.get(guess.mime) if guess else None
    if kind is None:
        raise ValidationError(MESSAGES["wrong_type"], code="wrong_type")
    if uploader is not None:
        bounds.admit(uploader, size)
    if kind.image_format:
        return _store(ContentFile(reencode_image(uploaded_file, kind)), kind)
    # PDFs, audio and video are cleaned by tools that work on files: a copy in a directory of
    # its own (mode 0700), gone when this block ends, whatever happens.
    with tempfile.TemporaryDirectory(dir=settings.FILE_UPLOAD_TEMP_DIR) as workdir:
        source = Path(workdir) / f"upload.{kind.extension}"
        target = Path(workdir) / f"clean.{kind.extension}"
        with source.open("wb") as handle:
            for chunk in uploaded_file.chunks():
                handle.write(chunk)
        if kind.ffmpeg:
            strip_media(source, target, kind)
        else:
            strip_pdf(source, target)
        check_cleaned(target, kind)
        with target.open("rb") as handle:
            return _store(File(handle), kind)


def _store(content, kind: Kind) -> dict:
    digest = hashlib.sha256()
    for chunk in content.chunks():
        digest.update(chunk)
    content.seek(0)
    name = file_storage().save(evidence_path(None, ""), content)
    return {
        "name": name,
        "content_type": kind.content_type,
        "extension": kind.extension,
        "category": kind.category,
        "size": file_storage().size(name),
        "sha256": digest.hexdigest(),
    }


def discard_upload(meta: dict) -> None:
    """Delete a stored upload that will not be attached (removed by the reporter, or the
    draft expired)."""
    name = (meta or {}).get("name", "")
    if STORED_NAME.match(name):
        file_storage().delete(name)


def attach_evidence(*, report, uploads: list[dict]) -> list[EvidenceFile]:
    """Attach stored uploads to a report (call inside the submission's transaction).

    Metadata that does not name a stored file of ours is refused rather than trusted.
    """
    if len(uploads) > settings.EVIDENCE_MAX_FILES:
        raise ValidationError(
            MESSAGES["too_many"], code="too_many", params={"count": settings.EVIDENCE_MAX_FILES}
        )
    storage = file_storage()
    rows = []
    for meta in uploads:
        name = meta.get("name", "")
        if not STORED_NAME.match(name) or not storage.exists(name):
            raise ValidationError(MESSAGES["unreadable"], code="missing")
        rows.append(
            EvidenceFile(
                report=report,
                file=name,
                content_type=meta["content_type"],
                size=meta["size"],
                sha256=meta["sha256"],
            )
        )
    return EvidenceFile.objects.bulk_create(rows)


def delete_evidence(*, files) -> int:
    """Delete evidence rows and, once the deletion is committed, their stored files.

    The files go only after commit, so a rolled-back deletion never loses a file. Returns the
    number of rows deleted.
    """
    names = [f.file.name for f in files]
    ids = [f.pk for f in files]
    with transaction.atomic():
        count, _ = EvidenceFile.objects.filter(pk__in=ids).delete()
        transaction.on_commit(lambda: _delete_stored(names))
    return count


def _delete_stored(names: list[str]) -> None:
    storage = file_storage()
    for name in names:
        if name:
            storage.delete(name)


def download_name(evidence: EvidenceFile) -> str:
    """A neutral name for a downloaded file: the type's extension, nothing from the upload."""
    extension = next(
        (k.extension for k in ALLOWED.values() if k.content_type == evidence.content_type),
        "bin",
    )
    return f"evidence-{evidence.pk}.{extension}"
