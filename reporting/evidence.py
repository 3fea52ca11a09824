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
- PDFs are rewritten by pikepdf (qpdf): the document information (author, title, software,
  dates), every XMP metadata stream and application data are dropped, and so are the EXIF,
  XMP and comment segments of JPEG pictures inside; earlier revisions, which an edited PDF
  still carries, do not survive the rewrite. A PDF locked with a password is refused.
- Audio and video are copied, stream for stream and never re-encoded, by ffmpeg into a new
  file of the same type without the container's metadata (title, artist, encoder, creation
  time, a phone's GPS location such as MP4's ``©xyz``), chapters, cover pictures, subtitle,
  data or attachment tracks (a camera's GPS track is a data track). ffmpeg runs without a
  shell, with the input format forced (so no playlist can make it open other files or
  addresses), with only the file protocol, a time limit and an empty environment, on a copy
  in a private temporary directory.
- Whatever cannot be cleaned is refused, never stored as it came: a missing or failing
  ffmpeg is logged (the type and the reason, nothing from the file) and the reporter is
  told the file was not added.
- Decompression bombs (a small file that decodes to gigapixels) are refused before decoding.
- Files are stored under random names in the "evidence" storage, outside the web root; the
  original file name is never kept, as it can itself identify someone.

Codec data inside audio and video (what an encoder writes into the picture or sound data
itself) is copied as it is; phones keep what identifies a recording in the container.
"""

import hashlib
import io
import logging
import re
import shutil
import subprocess
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import filetype
import pikepdf
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
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

# ffmpeg (Debian's package; see the Dockerfile and .ci/run) and how long one file may take:
# a stream copy of a 20 MB video takes well under a second.
FFMPEG = settings.EVIDENCE_FFMPEG
STRIP_TIMEOUT_SECONDS = settings.EVIDENCE_STRIP_TIMEOUT_SECONDS

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Kind:
    content_type: str  # what the file is stored and served as
    extension: str
    category: str  # photo, document, audio, video
    image_format: str = ""  # Pillow's format to re-encode to (photos)
    ffmpeg: tuple[str, str] = ()  # ffmpeg's demuxer and muxer to copy through (audio, video)


# Sniffed MIME type (filetype's names) -> how it is kept.
ALLOWED = {
    "image/jpeg": Kind("image/jpeg", "jpg", "photo", "JPEG"),
    "image/png": Kind("image/png", "png", "photo", "PNG"),
    "image/webp": Kind("image/webp", "webp", "photo", "WEBP"),
    "application/pdf": Kind("application/pdf", "pdf", "document"),
    "audio/mpeg": Kind("audio/mpeg", "mp3", "audio", ffmpeg=("mp3", "mp3")),
    "audio/mp4": Kind("audio/mp4", "m4a", "audio", ffmpeg=("mov", "ipod")),
    "audio/ogg": Kind("audio/ogg", "ogg", "audio", ffmpeg=("ogg", "ogg")),
    "audio/x-wav": Kind("audio/wav", "wav", "audio", ffmpeg=("wav", "wav")),
    "video/mp4": Kind("video/mp4", "mp4", "video", ffmpeg=("mov", "mp4")),
    "video/x-m4v": Kind("video/mp4", "mp4", "video", ffmpeg=("mov", "mp4")),
    "video/quicktime": Kind("video/quicktime", "mov", "video", ffmpeg=("mov", "mov")),
    "video/webm": Kind("video/webm", "webm", "video", ffmpeg=("matroska", "webm")),
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
    "protected": _(
        "The selected PDF is protected with a password. Remove the password, or add a "
        "screenshot of it instead."
    ),
    "not_cleaned": _(
        "The selected file was not added because we could not remove the hidden details it "
        "carries, such as where it was recorded. Try again later, or add a photo or "
        "screenshot instead."
    ),
}


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
        return _store(ContentFile(_reencode_image(uploaded_file, kind)), kind)
    # PDFs, audio and video are cleaned by tools that work on files: a copy in a directory of
    # its own (mode 0700), gone when this block ends, whatever happens.
    with tempfile.TemporaryDirectory(dir=settings.FILE_UPLOAD_TEMP_DIR) as workdir:
        source = Path(workdir) / f"upload.{kind.extension}"
        target = Path(workdir) / f"clean.{kind.extension}"
        with source.open("wb") as handle:
            for chunk in uploaded_file.chunks():
                handle.write(chunk)
        if kind.ffmpeg:
            _strip_media(source, target, kind)
        else:
            _strip_pdf(source, target)
        _check_cleaned(target, kind)
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


# PDF keys that hold metadata or an application's private data, wherever they appear (the
# catalogue, pages, pictures, fonts all may carry an XMP /Metadata stream).
PDF_METADATA_KEYS = ("/Metadata", "/PieceInfo")
# JPEG segments that hold metadata: APP1 (EXIF, with GPS; XMP), APP13 (Photoshop IPTC) and
# comments. APP0 (JFIF) and APP14 (Adobe: how to decode the colours) are needed and kept.
JPEG_METADATA_MARKERS = {0xE1, 0xED, 0xFE}


def _strip_pdf(source: Path, target: Path) -> None:
    """Rewrite the PDF without its document information, XMP and JPEG metadata."""
    try:
        with pikepdf.open(source) as pdf:
            if "/Info" in pdf.trailer:
                del pdf.trailer["/Info"]
            for obj in pdf.objects:
                if not isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                    continue
                for key in PDF_METADATA_KEYS:
                    if key in obj:
                        del obj[key]
                if isinstance(obj, pikepdf.Stream) and _only(obj.get("/Filter")) == "/DCTDecode":
                    _strip_jpeg_stream(obj)
            # Only what the document still refers to is written: earlier revisions go too.
            pdf.save(target, fix_metadata_version=False, deterministic_id=True, encryption=False)
    except pikepdf.PasswordError as exc:
        raise ValidationError(MESSAGES["protected"], code="protected") from exc
    except (pikepdf.PdfError, OSError, ValueError) as exc:
        raise ValidationError(MESSAGES["unreadable"], code="unreadable") from exc


def _only(value):
    """A PDF filter or its parameters, given alone or as a one-item array."""
    if isinstance(value, pikepdf.Array):
        return value[0] if len(value) == 1 else None
    return value


def _strip_jpeg_stream(stream: pikepdf.Stream) -> None:
    """A JPEG picture kept as it is (DCTDecode alone), less its metadata segments."""
    data = stream.read_raw_bytes()
    clean = strip_jpeg_metadata(data)
    if clean is not None and clean != data:
        parameters = _only(stream.get("/DecodeParms"))
        stream.write(clean, filter=pikepdf.Name.DCTDecode, decode_parms=parameters)


def strip_jpeg_metadata(data: bytes) -> bytes | None:
    """The JPEG without its metadata segments, its compressed picture untouched; None when it
    is not a JPEG this can read (it is then left as it is)."""
    if data[:2] != b"\xff\xd8":
        return None
    kept = [data[:2]]
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == 0xDA:  # start of scan: the rest is picture data
            kept.append(data[i:])
            return b"".join(kept)
        end = i + 2 + int.from_bytes(data[i + 2 : i + 4], "big")
        if marker not in JPEG_METADATA_MARKERS:
            kept.append(data[i:end])
        i = end
    return None


def _strip_media(source: Path, target: Path, kind: Kind) -> None:
    """Copy the audio and video streams into a new file of the same type, with no metadata."""
    demuxer, muxer = kind.ffmpeg
    ffmpeg = shutil.which(FFMPEG)
    if ffmpeg is None:
        _not_cleaned(kind, "ffmpeg is not installed")
    command = [
        ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-n",
        # Input: forced to the sniffed type, local files only.
        "-protocol_whitelist", "file", "-f", demuxer, "-i", str(source),
        # The picture and sound (not cover pictures, subtitles, data or attachments),
        # copied as they are, without any metadata or chapters.
        "-map", "0:V?", "-map", "0:a?", "-c", "copy",
        "-map_metadata", "-1", "-map_chapters", "-1",
        # No encoder name or version, and zero creation times.
        "-fflags", "+bitexact",
        "-f", muxer, str(target),
    ]  # fmt: skip
    try:
        result = subprocess.run(  # noqa: S603 - a fixed command, no shell, our own paths
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            # ffmpeg's messages can quote the file's own tags: never kept or logged.
            stderr=subprocess.DEVNULL,
            env={},
            cwd=source.parent,
            timeout=STRIP_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        _not_cleaned(kind, f"ffmpeg took longer than {STRIP_TIMEOUT_SECONDS} s")
    except OSError as exc:
        _not_cleaned(kind, f"ffmpeg could not run ({type(exc).__name__})")
    if result.returncode != 0:
        # Almost always a damaged file or one that only claims the type; logged in case it is
        # ffmpeg itself.
        logger.warning(
            "evidence: ffmpeg refused a %s file (exit status %s)", kind.extension, result.returncode
        )
        raise ValidationError(MESSAGES["unreadable"], code="unreadable")


def _check_cleaned(target: Path, kind: Kind) -> None:
    """The cleaned file must be a file of the same type."""
    try:
        with target.open("rb") as handle:
            guess = filetype.guess(handle.read(SNIFF_BYTES))
    except OSError:
        guess = None
    cleaned = ALLOWED.get(guess.mime) if guess else None
    if cleaned is None or cleaned.content_type != kind.content_type:
        _not_cleaned(kind, f"the cleaned file is not a {kind.extension} file")


def _not_cleaned(kind: Kind, reason: str) -> NoReturn:
    # The type and the reason only: nothing from the file, nothing about who sent it.
    logger.error("evidence: a %s file was refused: %s", kind.extension, reason)
    raise ValidationError(MESSAGES["not_cleaned"], code="not_cleaned")


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
