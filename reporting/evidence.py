"""Evidence files: accept an upload, keep it safely, attach it to a report, delete it.

The journey calls `accept_upload` for each file as it arrives (the returned metadata is kept
with the draft, in the session), `discard_upload` when the reporter removes one, and
`attach_evidence` inside the submission's transaction. Staff read a file through
reporting/evidence_views.py, which checks the access rules first.

Safeguards, each for a reason:
- The type is sniffed from the content, never trusted from the name or the browser: a
  ".jpg" that is really a program or a web page is refused.
- Images are decoded and their pixels encoded afresh, so EXIF (GPS position, phone model,
  time), XMP and other metadata are gone; the orientation is applied to the pixels first.
- Decompression bombs (a small file that decodes to gigapixels) are refused before decoding.
- Files are stored under random names in the "evidence" storage, outside the web root; the
  original file name is never kept, as it can itself identify someone.

Other files (PDF, audio, video) are stored as they came: stripping their metadata needs tools
this project does not ship (see docs/architecture.md).
"""

import hashlib
import io
import re
import warnings
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .models import EvidenceFile, evidence_path

try:  # HEIC (iPhone photos) only when pillow-heif is installed; otherwise refused.
    from pillow_heif import register_heif_opener
except ImportError:  # pragma: no cover - depends on the installation
    HEIC_SUPPORTED = False
else:  # pragma: no cover
    register_heif_opener()
    HEIC_SUPPORTED = True

# Pillow only warns about a decompression bomb until twice this limit; accept_upload also
# turns the warning into an error and checks the size itself.
Image.MAX_IMAGE_PIXELS = settings.EVIDENCE_MAX_PIXELS

# How much of the start of a file the type sniffing reads.
SNIFF_BYTES = 8192

# Stored names, as evidence_path makes them: year/month/32 hex digits.
STORED_NAME = re.compile(r"^\d{4}/\d{2}/[0-9a-f]{32}$")


@dataclass(frozen=True)
class Kind:
    content_type: str  # what the file is stored and served as
    extension: str
    category: str  # photo, document, audio, video
    image_format: str = ""  # Pillow's format to re-encode to; empty: stored as it came


# Sniffed MIME type (filetype's names) -> how it is kept.
ALLOWED = {
    "image/jpeg": Kind("image/jpeg", "jpg", "photo", "JPEG"),
    "image/png": Kind("image/png", "png", "photo", "PNG"),
    "image/webp": Kind("image/webp", "webp", "photo", "WEBP"),
    "application/pdf": Kind("application/pdf", "pdf", "document"),
    "audio/mpeg": Kind("audio/mpeg", "mp3", "audio"),
    "audio/mp4": Kind("audio/mp4", "m4a", "audio"),
    "audio/ogg": Kind("audio/ogg", "ogg", "audio"),
    "audio/x-wav": Kind("audio/wav", "wav", "audio"),
    "video/mp4": Kind("video/mp4", "mp4", "video"),
    "video/x-m4v": Kind("video/mp4", "mp4", "video"),
    "video/quicktime": Kind("video/quicktime", "mov", "video"),
    "video/webm": Kind("video/webm", "webm", "video"),
}
if HEIC_SUPPORTED:  # pragma: no cover
    # Re-encoded as JPEG: every browser and every office can open it.
    ALLOWED["image/heic"] = Kind("image/jpeg", "jpg", "photo", "JPEG")

MESSAGES = {
    "empty": _("The selected file is empty. Choose another file."),
    "too_big": _("The selected file must be smaller than %(limit)s."),
    "too_many": _("You can add up to %(count)s files."),
    "wrong_type": _(
        "The selected file must be a photo or screenshot (JPG, PNG or WebP), a PDF, a sound "
        "recording (MP3, M4A, OGG or WAV) or a video (MP4, MOV or WebM)."
    ),
    "unreadable": _("The selected file could not be opened. It may be damaged. Try another file."),
    "too_large_image": _(
        "The selected picture is too large to open. Take a screenshot of it, or save it "
        "smaller, and try again."
    ),
}


def _storage():
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


def accept_upload(uploaded_file, *, already_uploaded: int = 0) -> dict:
    """Check one uploaded file, clean it and store it under a random name.

    `already_uploaded` is how many files the reporter has already added to this report; the
    count limit is checked against it. Returns JSON-serialisable metadata to keep with the
    draft and hand to `attach_evidence` (never the original file name). Raises
    ValidationError, with a message for the reporter, for anything refused.
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
    if kind.image_format:
        content = ContentFile(_reencode_image(uploaded_file, kind))
    else:
        content = uploaded_file
    digest = hashlib.sha256()
    for chunk in content.chunks():
        digest.update(chunk)
    content.seek(0)
    name = _storage().save(evidence_path(None, ""), content)
    return {
        "name": name,
        "content_type": kind.content_type,
        "extension": kind.extension,
        "category": kind.category,
        "size": _storage().size(name),
        "sha256": digest.hexdigest(),
    }


def _reencode_image(uploaded_file, kind: Kind) -> bytes:
    """Decode the picture and encode its pixels afresh: no EXIF, GPS, XMP or comments."""
    limit = settings.EVIDENCE_MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded_file) as image:
                width, height = image.size
                if width * height > limit or getattr(image, "n_frames", 1) > 1:
                    # Moving pictures (animated WebP) are refused too: only a first frame
                    # would survive, which is not the evidence the reporter sent.
                    raise ValidationError(MESSAGES["too_large_image"], code="too_large_image")
                image.load()
                clean = _to_srgb(ImageOps.exif_transpose(image))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(MESSAGES["too_large_image"], code="too_large_image") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(MESSAGES["unreadable"], code="unreadable") from exc
    # exif_transpose made a new image, but it still carries the old info (EXIF bar the
    # orientation, XMP, comments): drop all of it.
    clean.info = {}
    if kind.image_format == "JPEG" and clean.mode not in ("RGB", "L", "CMYK"):
        clean = clean.convert("RGB")
    elif kind.image_format != "JPEG" and clean.mode not in ("RGB", "RGBA", "L"):
        clean = clean.convert("RGBA")
    out = io.BytesIO()
    options = {"JPEG": {"quality": 92}, "WEBP": {"quality": 92}, "PNG": {}}[kind.image_format]
    clean.save(out, format=kind.image_format, exif=b"", **options)
    return out.getvalue()


def _to_srgb(image: Image.Image) -> Image.Image:
    """Apply an embedded colour profile (phones write Display P3), so the picture keeps its
    colours once the profile is dropped with the rest of the metadata."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        return ImageCms.profileToProfile(
            image, io.BytesIO(icc), ImageCms.createProfile("sRGB"), outputMode=image.mode
        )
    except (ImageCms.PyCMSError, OSError):
        return image


def discard_upload(meta: dict) -> None:
    """Delete a stored upload that will not be attached (removed by the reporter, or the
    draft expired)."""
    name = (meta or {}).get("name", "")
    if STORED_NAME.match(name):
        _storage().delete(name)


def attach_evidence(*, report, uploads: list[dict]) -> list[EvidenceFile]:
    """Attach stored uploads to a report (call inside the submission's transaction).

    Metadata that does not name a stored file of ours is refused rather than trusted.
    """
    if len(uploads) > settings.EVIDENCE_MAX_FILES:
        raise ValidationError(
            MESSAGES["too_many"], code="too_many", params={"count": settings.EVIDENCE_MAX_FILES}
        )
    storage = _storage()
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
    storage = _storage()
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
