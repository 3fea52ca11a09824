"""What evidence we take (sniffed from the content, never from the name), how each kind is
kept, and what the reporter is told when a file is refused."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

try:  # HEIC (iPhone photos) only when pillow-heif is installed; otherwise refused.
    from pillow_heif import register_heif_opener
except ImportError:  # pragma: no cover - depends on the installation
    HEIC_SUPPORTED = False
else:  # pragma: no cover
    register_heif_opener()
    HEIC_SUPPORTED = True

# How much of the start of a file the type sniffing reads.
SNIFF_BYTES = 8192


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
    "too_long_pdf": _(
        "The selected PDF has too many pages, or pages too large, for us to remove the hidden "
        "details it carries. Save only the pages you need as a new PDF, or add screenshots "
        "of them instead."
    ),
    "not_cleaned": _(
        "The selected file was not added because we could not remove the hidden details it "
        "carries, such as where it was recorded. Try again later, or add a photo or "
        "screenshot instead."
    ),
}
