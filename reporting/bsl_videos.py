"""British Sign Language videos on the public pages (issue 19): cleaning an administrator's
upload like evidence, and streaming it with its captions.

The model is centres.models.BslVideo (centres may not import reporting, where the cleaning
lives). A video is sniffed (not trusted by its name), must be a video with a picture, and is
copied by ffmpeg into a new file without its metadata (`-map_metadata -1`, picture and sound
only: reporting/evidence/cleaning.py); its captions must be WebVTT. Both are streamed by the
views below, from our own origin, so the Content-Security-Policy (media from 'self') holds.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from centres.models import BslVideo

from .evidence.cleaning import check_cleaned, strip_media
from .evidence.kinds import ALLOWED, SNIFF_BYTES

MAX_VIDEO_BYTES = 200 * 1024 * 1024
MAX_CAPTION_BYTES = 512 * 1024
NOT_A_VIDEO = _("Choose a video file (MP4, MOV or WebM)")
NOT_CAPTIONS = _("Choose a WebVTT captions file (.vtt): its first line is WEBVTT")


def clean_video(uploaded_file) -> tuple[ContentFile, str]:
    """The uploaded video, stripped: (a new file, its content type). ValidationError for
    anything that is not a video with a picture, or that ffmpeg cannot copy."""
    if not uploaded_file.size or uploaded_file.size > MAX_VIDEO_BYTES:
        raise ValidationError(NOT_A_VIDEO, code="size")
    uploaded_file.seek(0)
    guess = filetype.guess(uploaded_file.read(SNIFF_BYTES))
    uploaded_file.seek(0)
    kind = ALLOWED.get(guess.mime) if guess else None
    if kind is None or kind.category != "video":
        raise ValidationError(NOT_A_VIDEO, code="not_video")
    with tempfile.TemporaryDirectory(dir=settings.FILE_UPLOAD_TEMP_DIR) as workdir:
        source = Path(workdir) / f"upload.{kind.extension}"
        target = Path(workdir) / f"clean.{kind.extension}"
        with source.open("wb") as handle:
            for chunk in uploaded_file.chunks():
                handle.write(chunk)
        strip_media(source, target, kind)
        check_cleaned(target, kind)
        if not has_picture(target):
            # A sound recording in a video container: a BSL video must show the signing.
            raise ValidationError(NOT_A_VIDEO, code="no_picture")
        return ContentFile(target.read_bytes(), name=f"bsl.{kind.extension}"), kind.content_type


def has_picture(path: Path) -> bool:
    """Does the file hold a video stream (not just a cover picture)?"""
    ffprobe = shutil.which("ffprobe")
    if ffprobe is None:
        raise ValidationError(NOT_A_VIDEO, code="no_ffprobe")
    command = [ffprobe, "-v", "error", "-select_streams", "V", "-show_entries", "stream=index"]
    result = subprocess.run(  # noqa: S603 - a fixed command, no shell, our own path
        [*command, "-of", "csv=p=0", str(path)],
        capture_output=True,
        env={},
        timeout=settings.EVIDENCE_STRIP_TIMEOUT_SECONDS,
        check=False,
    )
    return result.returncode == 0 and bool(result.stdout.strip())


def clean_captions(uploaded_file) -> ContentFile:
    """WebVTT captions, as UTF-8 text starting "WEBVTT", stored under a name of our own."""
    if not uploaded_file.size or uploaded_file.size > MAX_CAPTION_BYTES:
        raise ValidationError(NOT_CAPTIONS, code="size")
    uploaded_file.seek(0)
    try:
        text = uploaded_file.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(NOT_CAPTIONS, code="encoding") from None
    lines = text.splitlines()
    if not lines or not (lines[0] == "WEBVTT" or lines[0].startswith(("WEBVTT ", "WEBVTT\t"))):
        raise ValidationError(NOT_CAPTIONS, code="not_webvtt")
    if "-->" not in text:
        raise ValidationError(NOT_CAPTIONS, code="no_cues")
    return ContentFile(text.encode("utf-8"), name="captions.vtt")


# --- Streaming -------------------------------------------------------------------------------


def _published(pk: int) -> BslVideo:
    return get_object_or_404(BslVideo, pk=pk, is_published=True)


def _response(field_file, content_type: str) -> FileResponse:
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_safe
def video_file(request, pk: int):
    """A published BSL video."""
    video = _published(pk)
    return _response(video.video, video.content_type)


@require_safe
def captions_file(request, pk: int):
    video = _published(pk)
    return _response(video.captions, "text/vtt; charset=utf-8")
