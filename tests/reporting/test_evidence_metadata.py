"""PDF, audio and video evidence is stored without its metadata (author, title, XMP, tags,
creation times, a phone's GPS location), still a valid file of its type; what cannot be
cleaned is refused, never stored as it came."""

import io
import logging
import stat
import struct

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from reporting import evidence
from tests.reporting.evidence_files import (
    GPS_IFD,
    SECRETS,
    ffprobe,
    jpeg_with_gps,
    m4a_audio,
    mov_video,
    mp3_with_id3,
    mp4_boxes,
    mp4_video,
    ogg_audio,
    pdf_with_metadata,
    stored_files,
    temporary_storage,
    wav_audio,
    webm_video,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def evidence_storage(tmp_path, monkeypatch):
    return temporary_storage(tmp_path, monkeypatch)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def upload(data: bytes, name: str = "Amina Khan evidence.bin"):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def stored(storage, meta) -> bytes:
    with storage.open(meta["name"]) as handle:
        return handle.read()


# --- PDFs ------------------------------------------------------------------------------------


def test_pdf_is_stored_without_document_information_or_xmp(evidence_storage):
    meta = evidence.accept_upload(upload(pdf_with_metadata()))

    data = stored(evidence_storage, meta)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert not reader.metadata
    assert "/Info" not in reader.trailer
    assert "/Metadata" not in reader.trailer["/Root"]
    assert "/Metadata" not in reader.pages[0]
    assert reader.xmp_metadata is None
    # Neither revision's author, title or producer survives, anywhere in the bytes.
    assert not [secret for secret in SECRETS if secret in data]
    assert b"landlord" not in data
    assert b"2024" not in data
    # Still the same letter.
    assert len(reader.pages) == 1
    assert "Evidence letter" in reader.pages[0].extract_text()
    assert meta["content_type"] == "application/pdf"
    assert meta["size"] == len(data)


@pytest.mark.parametrize("filter_array", [False, True])
def test_pdf_picture_keeps_its_pixels_but_loses_exif_and_gps(evidence_storage, filter_array):
    original = pdf_with_metadata(jpeg=jpeg_with_gps(), filter_array=filter_array)
    assert b"Exif" in original

    meta = evidence.accept_upload(upload(original))

    data = stored(evidence_storage, meta)
    assert b"Exif" not in data
    assert not [secret for secret in SECRETS if secret in data]
    [picture] = pypdf.PdfReader(io.BytesIO(data)).pages[0].images
    with Image.open(io.BytesIO(picture.data)) as image:
        assert image.format == "JPEG"
        assert image.size == (64, 48)
        assert image.getexif().get_ifd(GPS_IFD) == {}
        assert image.getpixel((10, 10))[0] > 150  # still red


def test_strip_jpeg_metadata_keeps_the_compressed_picture_untouched():
    data = jpeg_with_gps()

    clean = evidence.strip_jpeg_metadata(data)

    assert clean is not None
    assert clean[clean.index(b"\xff\xda") :] == data[data.index(b"\xff\xda") :]
    assert b"Exif" not in clean
    assert b"Acacia" not in clean
    assert evidence.strip_jpeg_metadata(b"not a jpeg") is None


def test_pdf_locked_with_a_password_is_refused(evidence_storage):
    with pytest.raises(ValidationError) as caught:
        evidence.accept_upload(upload(pdf_with_metadata(password="secret")))

    assert caught.value.code == "protected"
    assert "protected with a password" in caught.value.messages[0]
    assert stored_files(evidence_storage) == []


# --- Audio and video -------------------------------------------------------------------------

# Container tags ffmpeg may still write: the file's brand, and a bare "Lavf" for WebM.
HARMLESS_TAGS = {"major_brand", "minor_version", "compatible_brands", "encoder", "ENCODER"}


def all_tags(probe) -> set[str]:
    """Every tag name ffprobe reads, on the file and on its streams (an Ogg file's tags)."""
    tags = set(probe["format"].get("tags", {}))
    for stream in probe["streams"]:
        tags |= set(stream.get("tags", {}))
    return {tag.lower() for tag in tags}


def mp3_fixture(tmp_path):
    return mp3_with_id3(tmp_path)


@pytest.mark.usefixtures("ffmpeg_installed")
@pytest.mark.parametrize(
    ("make", "content_type", "format_name", "streams"),
    [
        (mp4_video, "video/mp4", "mov,mp4,m4a,3gp,3g2,mj2", ["h264", "aac"]),
        (mov_video, "video/quicktime", "mov,mp4,m4a,3gp,3g2,mj2", ["h264", "aac"]),
        (mp3_fixture, "audio/mpeg", "mp3", ["mp3"]),
        (m4a_audio, "audio/mp4", "mov,mp4,m4a,3gp,3g2,mj2", ["aac"]),
        (ogg_audio, "audio/ogg", "ogg", ["vorbis"]),
        (wav_audio, "audio/wav", "wav", ["pcm_s16le"]),
        (webm_video, "video/webm", "matroska,webm", ["vp8", "opus"]),
    ],
    ids=["mp4", "mov", "mp3", "m4a", "ogg", "wav", "webm"],
)
def test_audio_and_video_are_stored_without_tags_times_or_location(
    evidence_storage, tmp_path, make, content_type, format_name, streams
):
    original = make(tmp_path) if make is mp3_fixture else make()
    assert {"title", "artist"} <= all_tags(ffprobe(original))

    meta = evidence.accept_upload(upload(original))

    data = stored(evidence_storage, meta)
    after = ffprobe(data)
    assert not [secret for secret in SECRETS if secret in data]
    assert set(after["format"].get("tags", {})) <= HARMLESS_TAGS
    assert after["format"].get("tags", {}).get("encoder", "Lavf") == "Lavf"
    assert not all_tags(after) & {"title", "artist", "comment", "location", "creation_time"}
    for stream in after["streams"]:
        assert "Amina" not in stream.get("tags", {}).get("handler_name", "")
    assert after["chapters"] == []
    # Still the same recording: same streams (no cover picture), about a second long.
    assert after["format"]["format_name"] == format_name
    assert [s["codec_name"] for s in after["streams"]] == streams
    assert float(after["format"]["duration"]) == pytest.approx(1.0, abs=0.1)
    assert meta["content_type"] == content_type
    assert meta["size"] == len(data)


@pytest.mark.usefixtures("ffmpeg_installed")
@pytest.mark.parametrize("make", [mp4_video, mov_video], ids=["mp4", "mov"])
def test_mp4_and_mov_lose_location_atoms_and_creation_times(evidence_storage, make):
    original = make()
    kinds = {kind for _path, kind, _payload in mp4_boxes(original)}
    assert b"\xa9xyz" in kinds

    meta = evidence.accept_upload(upload(original))

    data = stored(evidence_storage, meta)
    boxes = list(mp4_boxes(data))
    assert not {kind for _path, kind, _payload in boxes} & {b"\xa9xyz", b"loci"}
    assert b"com.apple.quicktime" not in data
    for _path, kind, payload in boxes:
        if kind in (b"mvhd", b"tkhd", b"mdhd"):
            version = payload[0]
            created = struct.unpack(">Q" if version else ">I", payload[4 : 12 if version else 8])
            assert created == (0,), kind


@pytest.mark.usefixtures("ffmpeg_installed")
def test_mp3_loses_its_cover_picture_and_id3_tags(evidence_storage, tmp_path):
    original = mp3_with_id3(tmp_path)
    assert b"APIC" in original

    meta = evidence.accept_upload(upload(original))

    data = stored(evidence_storage, meta)
    assert b"APIC" not in data
    assert b"TIT2" not in data
    assert b"Exif" not in data


# --- When cleaning cannot be done ------------------------------------------------------------


def fake_ffmpeg(tmp_path, script: str) -> str:
    path = tmp_path / "ffmpeg"
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def test_missing_ffmpeg_refuses_the_file_and_logs_without_personal_data(
    evidence_storage, monkeypatch, caplog
):
    monkeypatch.setattr(evidence.cleaning, "FFMPEG", "/nowhere/ffmpeg")

    with (
        caplog.at_level(logging.ERROR, logger="reporting.evidence"),
        pytest.raises(ValidationError) as caught,
    ):
        evidence.accept_upload(upload(mp4_video(), name="Amina Khan at the bus stop.mp4"))

    assert caught.value.code == "not_cleaned"
    assert "could not remove the hidden details" in caught.value.messages[0]
    assert stored_files(evidence_storage) == []
    [record] = caplog.records
    assert record.getMessage() == "evidence: a mp4 file was refused: ffmpeg is not installed"


def test_ffmpeg_that_hangs_is_stopped_and_the_file_refused(
    evidence_storage, monkeypatch, tmp_path, caplog
):
    monkeypatch.setattr(evidence.cleaning, "FFMPEG", fake_ffmpeg(tmp_path, "exec /bin/sleep 30"))
    monkeypatch.setattr(evidence.cleaning, "STRIP_TIMEOUT_SECONDS", 0.5)

    with (
        caplog.at_level(logging.ERROR, logger="reporting.evidence"),
        pytest.raises(ValidationError) as caught,
    ):
        evidence.accept_upload(upload(ogg_audio()))

    assert caught.value.code == "not_cleaned"
    assert stored_files(evidence_storage) == []
    assert "took longer than 0.5 s" in caplog.records[0].getMessage()


def test_ffmpeg_that_fails_refuses_the_file(evidence_storage, monkeypatch, tmp_path, caplog):
    monkeypatch.setattr(evidence.cleaning, "FFMPEG", fake_ffmpeg(tmp_path, "exit 1"))

    with (
        caplog.at_level(logging.WARNING, logger="reporting.evidence"),
        pytest.raises(ValidationError) as caught,
    ):
        evidence.accept_upload(upload(wav_audio()))

    assert caught.value.code == "unreadable"
    assert stored_files(evidence_storage) == []
    assert caplog.records[0].getMessage() == ("evidence: ffmpeg refused a wav file (exit status 1)")


def test_output_of_another_type_is_refused(evidence_storage, monkeypatch, tmp_path):
    # The last argument is the output file: write something that is not a WAV.
    script = 'for last; do :; done; printf "<html>not audio</html>" > "$last"'
    monkeypatch.setattr(evidence.cleaning, "FFMPEG", fake_ffmpeg(tmp_path, script))

    with pytest.raises(ValidationError) as caught:
        evidence.accept_upload(upload(wav_audio()))

    assert caught.value.code == "not_cleaned"
    assert stored_files(evidence_storage) == []


@pytest.mark.parametrize("code", ["not_cleaned", "protected"])
def test_new_messages_are_translated(code):
    english = str(evidence.MESSAGES[code])
    for language in ("cy", "ur", "pa", "bn", "ar", "ro", "pl", "so", "ps"):
        with translation.override(language):
            assert str(evidence.MESSAGES[code]) != english, language
