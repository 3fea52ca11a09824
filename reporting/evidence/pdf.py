"""PDF evidence that cannot identify anyone or run anything (issue #14; docs/security.md,
"Evidence files: PDFs that cannot identify or run").

`clean_pdf` rewrites an uploaded PDF with pikepdf (qpdf), keeping only what draws the pages
and what it can vouch for (the rules are in pdf_rules.py): no document information or /ID,
no XMP anywhere, no scripts or actions beyond a jump within the document or a web link, no
embedded or attached files, no authors or dates on comments, form fields drawn on the page
without the form, and pictures without their EXIF, XMP, IPTC or comments. The verifier then
re-opens the file that will be stored and reads every object in it against the same rules.
Anything the rewrite cannot vouch for (encryption, XFA, media, an unknown kind of stream, a
picture it cannot read to the end), or a rewrite that does not verify, sends the file to be
re-rendered as pictures of its pages (rerender.py, in a child process with limits), which is
rewritten and verified in turn; what cannot be re-rendered either is refused.
"""

import logging
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import pikepdf
from django.conf import settings
from django.core.exceptions import ValidationError

from .kinds import MESSAGES
from .pdf_rules import CannotVouch, Walk
from .rerender import TOO_LONG, UNREADABLE

logger = logging.getLogger(__name__)

# Re-rendering: pages at up to 150 dots per inch, fewer for a long document so that all its
# pages together stay within EVIDENCE_MAX_PIXELS, and never under 100 (below that small print
# cannot be read); see rerender.py.
RERENDER_DPI = (100, 150)
RERENDER_MAX_PAGES = 100
RERENDER_MEMORY_BYTES = 2 * 1024**3
RERENDER_SCRIPT = Path(__file__).with_name("rerender.py")


def clean_pdf(source: Path, target: Path) -> None:
    """Write a clean copy of the PDF at `source` to `target`, rewritten or else re-rendered.

    Raises ValidationError, with a message for the reporter, when neither can be done.
    """
    try:
        _rewrite(source, target)
        return
    except pikepdf.PasswordError as exc:
        raise ValidationError(MESSAGES["protected"], code="protected") from exc
    except CannotVouch as exc:
        # The reason is ours: never text from the file, nothing about who sent it.
        logger.info("evidence: a PDF is re-rendered as pictures: %s", exc)
    except (pikepdf.PdfError, ValueError, TypeError, KeyError, RecursionError) as exc:
        # qpdf could not read or rewrite it as it is (pdfium may still draw it); logged louder
        # in case the fault is ours.
        logger.warning(
            "evidence: a PDF is re-rendered as pictures: the rewrite failed (%s)",
            type(exc).__name__,
        )
    # Nothing unverified is left where the caller will look.
    target.unlink(missing_ok=True)
    rerender_pdf(source, target)


SAVE_OPTIONS = {
    # Only what the document still refers to is written: earlier revisions go too. No object
    # streams, so every object of the stored file stands on its own for the verifier.
    "fix_metadata_version": False,
    "deterministic_id": True,
    "encryption": False,
    "object_stream_mode": pikepdf.ObjectStreamMode.disable,
}


def _rewrite(source: Path, target: Path) -> None:
    """The PDF rewritten by the rules, then verified as written."""
    with pikepdf.open(source) as pdf:
        pages = len(pdf.pages)
        Walk(pdf, fix=True).run()
        pdf.save(target, **SAVE_OPTIONS)
    problems = verify_pdf(target, pages=pages)
    if problems:
        raise CannotVouch(f"the rewrite did not verify ({problems[0]})")


def verify_pdf(path: Path, *, pages: int | None = None) -> list[str]:
    """What is wrong with the PDF at `path` as stored evidence (an empty list when nothing
    is): every object in the file is read, from the catalogue down, and none may be left
    unread. The problems are named in our words, never with text from the file."""
    try:
        with pikepdf.open(path) as pdf:
            problems = []
            if pdf.is_encrypted:
                problems.append("encrypted")
            if pages is not None and len(pdf.pages) != pages:
                problems.append("pages lost")
            if not len(pdf.pages):
                problems.append("no pages")
            walk = Walk(pdf, fix=False)
            walk.run()
            problems += walk.problems
            # (Numbers, true and false come back as Python's own: they hold nothing.)
            written = {
                obj.objgen
                for obj in pdf.objects
                if isinstance(obj, pikepdf.Object) and obj.is_indirect
            }
            if written - walk.seen:
                problems.append("objects outside the document")
            return problems
    except (pikepdf.PdfError, ValueError, TypeError, KeyError, RecursionError) as exc:
        return [f"unreadable ({type(exc).__name__})"]


def rerender_pdf(source: Path, target: Path) -> None:
    """Pictures of the PDF's pages in a new PDF (rerender.py, in a child process), itself
    rewritten and verified like any other."""
    rendered = target.with_name(f"rendered-{target.name}")
    command = [
        sys.executable, "-I", str(RERENDER_SCRIPT), str(source), str(rendered),
        "--min-dpi", str(RERENDER_DPI[0]), "--max-dpi", str(RERENDER_DPI[1]),
        "--max-pixels", str(settings.EVIDENCE_MAX_PIXELS),
        "--max-pages", str(RERENDER_MAX_PAGES),
        "--max-bytes", str(settings.EVIDENCE_MAX_BYTES),
        "--memory", str(RERENDER_MEMORY_BYTES),
    ]  # fmt: skip
    try:
        result = subprocess.run(  # noqa: S603 - a fixed command, no shell, our own paths
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            # pdfium's messages can quote the file: never kept or logged.
            stderr=subprocess.DEVNULL,
            env={},
            cwd=source.parent,
            timeout=settings.EVIDENCE_STRIP_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        _not_rendered(f"took longer than {settings.EVIDENCE_STRIP_TIMEOUT_SECONDS} s")
    if result.returncode == UNREADABLE:
        raise ValidationError(MESSAGES["unreadable"], code="unreadable")
    if result.returncode == TOO_LONG:
        raise ValidationError(MESSAGES["too_long_pdf"], code="too_long_pdf")
    if result.returncode != 0:
        _not_rendered(f"exit status {result.returncode}")
    try:
        _rewrite(rendered, target)
    except CannotVouch as exc:
        target.unlink(missing_ok=True)
        _not_rendered(f"gave a file that did not pass ({exc})")
    except pikepdf.PdfError:
        target.unlink(missing_ok=True)
        _not_rendered("gave a file qpdf cannot read")
    finally:
        rendered.unlink(missing_ok=True)


def _not_rendered(reason: str) -> NoReturn:
    logger.error("evidence: a PDF was refused: re-rendering %s", reason)
    raise ValidationError(MESSAGES["not_cleaned"], code="not_cleaned")
