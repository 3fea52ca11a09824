"""Evidence files: accept an upload, keep it safely, attach it to a report, delete it.

The journey calls `accept_upload` for each file as it arrives (the returned metadata is kept
with the draft), `discard_upload` when the reporter removes one, and `attach_evidence` inside
the submission's transaction. Staff read a file through reporting/evidence_views.py, which
checks the access rules first.

By concern: what we take and what we tell the reporter (kinds.py), taking, storing,
attaching and deleting files (files.py), how much anyone may upload before a report exists
(bounds.py), and removing their hidden details (cleaning.py).

Safeguards, each for a reason:
- The type is sniffed from the content, never trusted from the name or the browser: a
  ".jpg" that is really a program or a web page is refused.
- Images are decoded and their pixels encoded afresh, so EXIF (GPS position, phone model,
  time), XMP and other metadata are gone; the orientation is applied to the pixels first.
- PDFs are rewritten by pikepdf (qpdf) to hold only what draws their pages (pdf.py, with the
  rules in pdf_rules.py): no document information or original /ID, no XMP on any object, no
  embedded or attached files, no scripts, automatic actions or links other than to a web
  page or within the document, no authors or dates on comments, form fields drawn on the
  page without the form, and pictures (whatever their filters) without EXIF, XMP, IPTC or
  comments; earlier revisions do not survive the rewrite. The stored file is re-opened and
  verified against the same rules. A PDF holding what cannot be vouched for (encryption,
  XFA, media, unknown streams or picture codings), or whose rewrite does not verify, is
  re-rendered as pictures of its pages in a child process with limits (rerender.py); one
  locked with a password, too long to re-render or unreadable is refused.
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

from .cleaning import strip_jpeg_metadata
from .files import (
    STORED_NAME,
    accept_upload,
    attach_evidence,
    delete_evidence,
    discard_upload,
    download_name,
    file_storage,
    limits,
)
from .kinds import ALLOWED, MESSAGES

__all__ = [
    "ALLOWED",
    "MESSAGES",
    "STORED_NAME",
    "accept_upload",
    "attach_evidence",
    "delete_evidence",
    "discard_upload",
    "download_name",
    "file_storage",
    "limits",
    "strip_jpeg_metadata",
]
