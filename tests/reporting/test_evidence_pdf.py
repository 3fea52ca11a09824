"""PDF evidence that cannot identify or run (issue #14): each hostile PDF goes through the
upload path, and what storage holds is read back and searched, object by object, by code of
the test's own (not the verifier it tests): no attached files, scripts, actions, authors,
dates, XMP, document information or picture metadata; the page's words and pictures still
there. What cannot be vouched for is re-rendered as pictures; what cannot be re-rendered
either is refused with a message for the reporter."""

import io
import logging
import zlib
from pathlib import Path

import pikepdf
import pypdfium2
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from reporting import evidence
from reporting.evidence import pdf as pdf_cleaning
from reporting.evidence import pdf_rules
from reporting.evidence.picture_data import strip_jpeg_metadata
from tests.reporting import evidence_files as files
from tests.reporting.evidence_files import GPS_IFD, PHONE_ID, RED_AT, SECRETS, WEB_LINK

pytestmark = pytest.mark.django_db


@pytest.fixture
def evidence_storage(tmp_path, monkeypatch):
    return files.temporary_storage(tmp_path, monkeypatch)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def upload(data: bytes):
    return SimpleUploadedFile("Amina Khan letter.pdf", data, content_type="application/pdf")


def stored_pdf(storage, meta) -> pikepdf.Pdf:
    """The stored file, as storage holds it."""
    with storage.open(meta["name"]) as handle:
        return pikepdf.open(io.BytesIO(handle.read()))


# --- Looking inside a stored PDF, independently of the code under test ----------------------

# Keys that must be nowhere in a stored PDF.
NEVER = {
    "/EmbeddedFiles", "/EF", "/AF", "/JavaScript", "/JS", "/OpenAction", "/AA", "/Metadata",
    "/PieceInfo", "/LastModified", "/XFA", "/AcroForm", "/RichMediaContent",
}  # fmt: skip
RUNNING_ACTIONS = {
    "/JavaScript", "/Launch", "/GoToR", "/GoToE", "/SubmitForm", "/ImportData", "/ResetForm",
    "/Rendition", "/RichMediaExecute", "/Named",
}  # fmt: skip


def dictionaries(pdf: pikepdf.Pdf):
    """Every dictionary in the file (streams' too), nested ones included, and the trailer."""
    stack = [pdf.trailer, *pdf.objects]
    seen = set()
    while stack:
        obj = stack.pop()
        if obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            yield obj
            stack += [v for v in obj.values() if isinstance(v, pikepdf.Object)]
        elif isinstance(obj, pikepdf.Array):
            stack += [v for v in obj if isinstance(v, pikepdf.Object)]


def everything(pdf: pikepdf.Pdf) -> bytes:
    """Every object written out, and every stream's data with its generic compression undone."""
    parts = [pdf.trailer.unparse()]
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Array | pikepdf.Stream):
            parts.append(obj.unparse(resolved=True))
        if isinstance(obj, pikepdf.Stream):
            try:
                parts.append(obj.read_bytes(decode_level=pikepdf.StreamDecodeLevel.generalized))
            except pikepdf.PdfError:
                parts.append(obj.read_raw_bytes())
    return b"\n".join(parts)


def annotations(pdf: pikepdf.Pdf) -> list:
    return [a for page in pdf.pages for a in page.obj.get("/Annots", [])]


def assert_clean(pdf: pikepdf.Pdf) -> None:
    for obj in dictionaries(pdf):
        assert not NEVER & set(obj.keys()), NEVER & set(obj.keys())
        assert obj.get("/S") not in RUNNING_ACTIONS or "/O" in obj  # (/O: a structure attribute)
        if obj.get("/Type") == "/Filespec":
            assert "/EF" not in obj
    for annotation in annotations(pdf):
        assert not {"/T", "/M", "/CreationDate", "/NM", "/IRT"} & set(annotation.keys())
        assert annotation.Subtype not in ("/FileAttachment", "/Widget", "/RichMedia")
    assert set(pdf.trailer.keys()) <= {"/Root", "/Size", "/ID"}
    assert not pdf.is_encrypted
    data = everything(pdf)
    found = [secret for secret in (*SECRETS, b"Exif", b"javascript:", PHONE_ID) if secret in data]
    assert not found
    assert PHONE_ID.hex().encode() not in data.lower()


def text(pdf: pikepdf.Pdf) -> str:
    out = io.BytesIO()
    pdf.save(out)
    document = pypdfium2.PdfDocument(out.getvalue())
    return " ".join(document[i].get_textpage().get_text_range() for i in range(len(document)))


def drawing(pdf: pikepdf.Pdf) -> Image.Image:
    """The first page as pdfium draws it, at 72 dpi."""
    out = io.BytesIO()
    pdf.save(out)
    return pypdfium2.PdfDocument(out.getvalue())[0].render(scale=1).to_pil().convert("RGB")


def is_red(pixel) -> bool:
    red, green, blue = pixel
    return red > 150 and green < 90 and blue < 90


# --- Rewritten: everything that identifies or runs is gone, the letter stays ----------------


def test_attached_photo_is_removed_with_its_gps(evidence_storage):
    original = files.pdf_with_attached_photo()
    assert original.count(b"Exif") == 2  # in the document's files and in the comment

    pdf = stored_pdf(evidence_storage, evidence.accept_upload(upload(original)))

    assert_clean(pdf)
    assert annotations(pdf) == []
    assert "/Names" not in pdf.Root or "/EmbeddedFiles" not in pdf.Root.Names
    assert "Evidence letter" in text(pdf)
    assert is_red(drawing(pdf).getpixel(RED_AT))


@pytest.mark.parametrize(
    "filters",
    [("/FlateDecode", "/DCTDecode"), ("/ASCIIHexDecode", "/FlateDecode", "/DCTDecode")],
    ids=["flate-dct", "hex-flate-dct"],
)
def test_jpeg_under_other_filters_loses_exif_but_keeps_its_pixels(evidence_storage, filters):
    original = files.pdf_with_filtered_jpeg(filters)
    with pikepdf.open(io.BytesIO(original)) as before:
        raw = before.pages[0].Resources.XObject.Im1.read_raw_bytes()
    if filters[0] == "/ASCIIHexDecode":
        raw = bytes.fromhex(raw.rstrip(b">").decode())
    assert b"Exif" in zlib.decompress(raw)  # the phone's JPEG, GPS and all, under the filters

    pdf = stored_pdf(evidence_storage, evidence.accept_upload(upload(original)))

    assert_clean(pdf)
    picture = pdf.pages[0].Resources.XObject.Im1
    assert picture.Filter == "/DCTDecode"
    with Image.open(io.BytesIO(picture.read_raw_bytes())) as image:
        assert image.format == "JPEG"
        assert image.size == (64, 48)
        assert image.getexif().get_ifd(GPS_IFD) == {}
        assert not {"exif", "comment", "xmp"} & set(image.info)
        assert image.convert("RGB").getpixel((10, 10))[0] > 150  # still the red photo
    assert "Evidence letter" in text(pdf)


def test_comments_keep_their_words_but_lose_authors_and_dates(evidence_storage):
    pdf = stored_pdf(evidence_storage, evidence.accept_upload(upload(files.pdf_with_comments())))

    assert_clean(pdf)
    note, popup, reply = annotations(pdf)
    assert str(note.Contents) == "He shouted at me outside the shop"
    assert str(reply.Contents) == "And again the next day"
    # The pop-up still belongs to its comment.
    assert note.Popup.objgen == popup.objgen
    assert popup.Parent.objgen == note.objgen
    assert b"2024" not in everything(pdf)


def test_scripts_and_actions_are_removed_and_plain_links_kept(evidence_storage):
    original = files.pdf_with_scripts_and_actions()
    assert original.count(b"/JavaScript") >= 5

    pdf = stored_pdf(evidence_storage, evidence.accept_upload(upload(original)))

    assert_clean(pdf)
    data = everything(pdf)
    for word in (b"app.alert", b"cmd.exe", b"other.pdf", b"evil.example", b"data.fdf"):
        assert word not in data
    actions = [a.A for a in annotations(pdf) if "/A" in a]
    # The web link, without the script it led on to, and the jump to the page.
    assert [(str(a.S), str(a.get("/URI", ""))) for a in actions] == [
        ("/URI", WEB_LINK),
        ("/GoTo", ""),
    ]
    assert all("/Next" not in a for a in actions)
    # The form is gone, but what was typed into it is still on the page; its field's name is not.
    assert "Filled in value" in text(pdf)
    assert b"reporter_name" not in data
    assert "Evidence letter" in text(pdf)


def test_metadata_is_removed_from_every_object(evidence_storage):
    original = files.pdf_with_metadata_everywhere()
    assert original.count(b"<x:xmpmeta") == 7
    assert PHONE_ID.hex().encode() in original

    meta = evidence.accept_upload(upload(original))

    pdf = stored_pdf(evidence_storage, meta)
    assert_clean(pdf)
    assert not pdf.docinfo
    # The page still draws its words, its picture, its form and its comment.
    assert set(pdf.pages[0].Resources.XObject.keys()) == {"/Im1", "/Fm1"}
    assert [str(a.Subtype) for a in annotations(pdf)] == ["/Square"]
    assert "Evidence letter" in text(pdf)
    # The /ID qpdf writes is a hash of the cleaned content: the same file gives the same bytes.
    assert evidence.accept_upload(upload(original))["sha256"] == meta["sha256"]


def test_jpeg_2000_picture_loses_xmp_gps_and_comments(evidence_storage):
    original = files.pdf_with_jpx_picture()
    assert b"Acacia" in original

    pdf = stored_pdf(evidence_storage, evidence.accept_upload(upload(original)))

    assert_clean(pdf)
    picture = pdf.pages[0].Resources.XObject.Im1
    assert picture.Filter == "/JPXDecode"
    data = picture.read_raw_bytes()
    assert b"uuid" not in data
    assert b"xml " not in data
    assert b"\xff\x64" not in data  # no comment segment
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (64, 48)
        assert is_red(image.convert("RGB").getpixel((10, 10)))


@pytest.mark.parametrize(
    "make",
    [
        files.pdf_with_attached_photo,
        files.pdf_with_filtered_jpeg,
        files.pdf_with_comments,
        files.pdf_with_scripts_and_actions,
        files.pdf_with_metadata_everywhere,
        files.pdf_with_jpx_picture,
    ],
)
def test_verifier_finds_what_the_original_carries_and_nothing_in_what_is_stored(
    evidence_storage, tmp_path, make
):
    original = tmp_path / "original.pdf"
    original.write_bytes(make())
    meta = evidence.accept_upload(upload(original.read_bytes()))

    assert pdf_cleaning.verify_pdf(original)
    assert pdf_cleaning.verify_pdf(Path(evidence_storage.path(meta["name"])), pages=1) == []


def test_ordinary_letter_keeps_its_text_and_links(evidence_storage, caplog):
    import weasyprint

    html = (
        "<h1>Letter from the council</h1><p>Dear Amina Khan, about the incident on 1 May "
        f"(<a href='{WEB_LINK}'>the post</a>).</p>"
    )
    original = weasyprint.HTML(string=html).write_pdf()

    with caplog.at_level(logging.INFO, logger="reporting.evidence"):
        pdf = stored_pdf(evidence_storage, evidence.accept_upload(upload(original)))

    # Rewritten, not re-rendered: the words can still be searched and copied.
    assert "Letter from the council" in text(pdf)
    assert [str(a.A.URI) for a in annotations(pdf)] == [WEB_LINK]
    assert not pdf.docinfo
    assert [r for r in caplog.records if r.name.startswith("reporting")] == []


def test_jpeg_metadata_stripping_drops_thumbnails_and_what_follows_the_picture():
    photo = files.jpeg_with_gps()
    # What phones add: an ICC/MPF segment and a second picture after the end marker.
    mpf = b"\xff\xe2\x00\x0aMPF\x00\x00\x00\x00\x00"
    data = photo[:2] + mpf + photo[2:] + files.jpeg_with_gps()

    clean = strip_jpeg_metadata(data)

    assert clean.endswith(b"\xff\xd9")
    assert clean.count(b"\xff\xd8") == 1
    assert b"MPF" not in clean
    assert b"Exif" not in clean
    assert strip_jpeg_metadata(clean) == clean
    with Image.open(io.BytesIO(clean)) as image:
        image.load()
        assert image.size == (64, 48)


# --- Re-rendered: what cannot be vouched for ------------------------------------------------

RERENDERED = [
    files.pdf_with_rich_media,
    files.pdf_with_xfa_form,
    files.pdf_encrypted_without_password,
    files.pdf_with_jbig2_picture,
    files.pdf_with_inline_jpeg,
    files.pdf_with_postscript,
]


def assert_rerendered(pdf: pikepdf.Pdf) -> None:
    """One picture per page, at the page's size, showing what the page showed."""
    assert_clean(pdf)
    [page] = pdf.pages
    [picture] = page.Resources.XObject.values()
    assert picture.Subtype == "/Image"
    assert picture.Filter == "/DCTDecode"
    assert "/Font" not in page.Resources
    assert text(pdf).strip() == ""
    assert [round(float(v)) for v in page.MediaBox] == [0, 0, 300, 200]
    drawn = drawing(pdf)
    assert is_red(drawn.getpixel(RED_AT))
    # The words "Evidence letter" are there as dark pixels.
    words = drawn.crop((20, 35, 130, 50)).convert("L")
    assert words.getextrema()[0] < 100


@pytest.mark.parametrize("make", RERENDERED, ids=lambda make: make.__name__)
def test_pdf_that_cannot_be_vouched_for_is_rerendered(evidence_storage, caplog, make):
    with caplog.at_level(logging.INFO, logger="reporting.evidence"):
        meta = evidence.accept_upload(upload(make()))

    assert_rerendered(stored_pdf(evidence_storage, meta))
    assert meta["content_type"] == "application/pdf"
    [record] = caplog.records
    assert record.getMessage().startswith("evidence: a PDF is re-rendered as pictures: ")
    assert not [s for s in SECRETS if s.decode() in record.getMessage()]


def test_rewrite_that_does_not_verify_is_rerendered(evidence_storage, monkeypatch, caplog):
    # A cleaner that, the first time, misses everything: the verifier must catch it.
    real_run, calls = pdf_rules.Walk.run, []

    def forgetful_run(walk):
        calls.append(walk.fix)
        if walk.fix and calls.count(True) == 1:
            return
        real_run(walk)

    monkeypatch.setattr(pdf_rules.Walk, "run", forgetful_run)

    with caplog.at_level(logging.INFO, logger="reporting.evidence"):
        meta = evidence.accept_upload(upload(files.pdf_with_scripts_and_actions()))

    assert_clean(stored_pdf(evidence_storage, meta))
    assert text(stored_pdf(evidence_storage, meta)).strip() == ""
    assert "did not verify" in caplog.records[0].getMessage()


# --- Refused: what cannot be re-rendered either ---------------------------------------------


def test_pdf_too_long_to_rerender_is_refused(evidence_storage, settings):
    # Three pages of 300 x 200 points within 100,000 pixels: under 100 dots per inch.
    settings.EVIDENCE_MAX_PIXELS = 100_000

    with pytest.raises(ValidationError) as caught:
        evidence.accept_upload(upload(files.long_pdf_with_rich_media(pages=3)))

    assert caught.value.code == "too_long_pdf"
    assert "too many pages" in caught.value.messages[0]
    assert files.stored_files(evidence_storage) == []


def test_pdf_nothing_can_read_is_refused(evidence_storage):
    with pytest.raises(ValidationError) as caught:
        evidence.accept_upload(upload(b"%PDF-1.7\n" + b"\x00 not a document " * 40))

    assert caught.value.code == "unreadable"
    assert "could not be opened" in caught.value.messages[0]
    assert files.stored_files(evidence_storage) == []


def test_rerendering_that_takes_too_long_is_refused_and_logged(evidence_storage, settings, caplog):
    settings.EVIDENCE_STRIP_TIMEOUT_SECONDS = 0.01

    with (
        caplog.at_level(logging.INFO, logger="reporting.evidence"),
        pytest.raises(ValidationError) as caught,
    ):
        evidence.accept_upload(upload(files.pdf_with_rich_media()))

    assert caught.value.code == "not_cleaned"
    assert files.stored_files(evidence_storage) == []
    assert caplog.records[-1].getMessage() == (
        "evidence: a PDF was refused: re-rendering took longer than 0.01 s"
    )
