"""Real evidence files carrying the metadata a phone, a scanner or an editor writes, for the
evidence tests; and a look inside what was stored. Media are made by ffmpeg (Debian's
package, installed by .ci/run), PDFs by pypdf, so the library that strips a PDF is not the
one that wrote it."""

import io
import json
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

import pypdf
import pytest
from django.core.files.storage import FileSystemStorage
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
