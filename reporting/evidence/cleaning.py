"""Removing the hidden details a file carries (see the safeguards in __init__): pictures
re-encoded, PDFs rewritten or re-rendered (pdf.py), audio and video copied by ffmpeg without
their metadata."""

import io
import logging
import shutil
import subprocess
import warnings
from pathlib import Path
from typing import NoReturn

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from .kinds import ALLOWED, MESSAGES, SNIFF_BYTES, Kind
from .pdf import clean_pdf
from .picture_data import strip_jpeg_metadata  # noqa: F401 - the package exports it from here

# Pillow only warns about a decompression bomb until twice this limit; accept_upload also
# turns the warning into an error and checks the size itself.
Image.MAX_IMAGE_PIXELS = settings.EVIDENCE_MAX_PIXELS

# ffmpeg (Debian's package; see the Dockerfile and .ci/run) and how long one file may take:
# a stream copy of a 20 MB video takes well under a second.
FFMPEG = settings.EVIDENCE_FFMPEG
STRIP_TIMEOUT_SECONDS = settings.EVIDENCE_STRIP_TIMEOUT_SECONDS

logger = logging.getLogger(__name__)


def reencode_image(uploaded_file, kind: Kind) -> bytes:
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


def strip_pdf(source: Path, target: Path) -> None:
    """Rewrite the PDF so that it can neither identify anyone nor run anything, or re-render
    its pages as pictures when that cannot be vouched for (pdf.py)."""
    clean_pdf(source, target)


def strip_media(source: Path, target: Path, kind: Kind) -> None:
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


def check_cleaned(target: Path, kind: Kind) -> None:
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
