"""Evidence files: sniffed, cleaned of metadata, stored under random names, served only to staff
allowed to see the report, and deleted with it."""

import hashlib
import io
import re
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from PIL import Image

from centres.models import AccessLogEntry
from reporting import evidence
from reporting.models import EvidenceFile, Report
from reporting.retention import delete_report
from tests.conftest import sign_in
from tests.factories import ReportFactory
from tests.reporting.evidence_files import (
    GPS_IFD,
    jpeg_with_gps,
    pdf_with_metadata,
    stored_files,
    temporary_storage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # Messages are compared in English, whatever an earlier test left active.
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def evidence_storage(tmp_path, monkeypatch):
    """Every test stores its files in its own temporary directory."""
    return temporary_storage(tmp_path, monkeypatch)


def upload(data: bytes, name: str = "IMG_2041 Amina Khan.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims to be width x height: the header alone is a decompression bomb."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


# --- accept_upload ---------------------------------------------------------------------------


def test_accept_upload_jpeg_with_gps_is_stored_without_metadata(evidence_storage):
    meta = evidence.accept_upload(upload(jpeg_with_gps()))

    stored = evidence_storage.open(meta["name"]).read()
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "JPEG"
        assert len(image.getexif()) == 0
        assert image.getexif().get_ifd(GPS_IFD) == {}
        assert not {"exif", "xmp", "comment", "icc_profile"} & set(image.info)
        # The orientation was applied to the pixels before the tag went.
        assert image.size == (48, 64)
    assert b"Exif" not in stored
    assert b"PhoneMaker" not in stored
    assert b"Acacia" not in stored
    assert meta["sha256"] == hashlib.sha256(stored).hexdigest()
    assert meta["size"] == len(stored)
    assert meta["content_type"] == "image/jpeg"


def test_accept_upload_keeps_no_trace_of_the_original_name(evidence_storage):
    meta = evidence.accept_upload(upload(jpeg_with_gps(), name="Amina Khan passport.jpg"))

    assert "Amina" not in repr(meta)
    assert evidence.STORED_NAME.match(meta["name"])
    assert stored_files(evidence_storage) == [meta["name"]]
    assert set(meta) == {"name", "content_type", "extension", "category", "size", "sha256"}


@pytest.mark.parametrize(("fmt", "content_type"), [("PNG", "image/png"), ("WEBP", "image/webp")])
def test_accept_upload_png_and_webp_are_reencoded_without_exif(evidence_storage, fmt, content_type):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    Image.new("RGBA", (30, 20), (0, 0, 255, 128)).save(out, fmt, exif=exif)

    meta = evidence.accept_upload(upload(out.getvalue(), name="screenshot.png"))

    with evidence_storage.open(meta["name"]) as handle, Image.open(handle) as image:
        assert image.format == fmt
        assert len(image.getexif()) == 0
        assert image.size == (30, 20)
    assert meta["content_type"] == content_type


@pytest.mark.usefixtures("ffmpeg_installed")
@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\x00" * 200,
        b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 200,
        b"OggS\x00\x02" + b"\x00" * 200,
        b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00M4A mp42isom" + b"\x00" * 200,
        b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 200,
        b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  " + b"\x00" * 200,
    ],
)
def test_accept_upload_refuses_a_document_audio_or_video_that_only_has_the_right_start(
    evidence_storage, data
):
    # They pass the type sniffing but cannot be read, so they cannot be cleaned: refused.
    with pytest.raises(ValidationError) as caught:
        evidence.accept_upload(upload(data, name="file.bin", content_type="text/plain"))

    assert caught.value.code == "unreadable"
    assert stored_files(evidence_storage) == []


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200,  # a Windows program
        b"\x7fELF\x02\x01\x01" + b"\x00" * 200,  # a Linux program
        b"<!DOCTYPE html><html><script>document.location='https://evil.example'</script>",
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",  # a real picture, but not a type we take
    ],
)
def test_accept_upload_refuses_file_named_jpg_that_is_something_else(evidence_storage, data):
    with pytest.raises(ValidationError) as caught:
        evidence.accept_upload(upload(data, name="photo.jpg", content_type="image/jpeg"))

    assert caught.value.code == "wrong_type"
    assert "photo or screenshot" in caught.value.messages[0]
    assert stored_files(evidence_storage) == []


def test_accept_upload_refuses_a_broken_image(evidence_storage):
    data = jpeg_with_gps()[:300]

    with pytest.raises(ValidationError) as caught:
        evidence.accept_upload(upload(data))

    assert caught.value.code == "unreadable"
    assert stored_files(evidence_storage) == []


def test_accept_upload_refuses_file_over_the_size_limit(evidence_storage, settings):
    settings.EVIDENCE_MAX_BYTES = 1000

    with pytest.raises(ValidationError) as caught:
        evidence.accept_upload(upload(b"%PDF-1.4\n" + b"x" * 1000))

    assert caught.value.code == "too_big"
    assert caught.value.messages == ["The selected file must be smaller than 1000\xa0bytes."]
    assert stored_files(evidence_storage) == []


def test_accept_upload_refuses_an_empty_file(evidence_storage):
    with pytest.raises(ValidationError) as caught:
        evidence.accept_upload(upload(b""))

    assert caught.value.code == "empty"


def test_accept_upload_refuses_more_files_than_the_limit(evidence_storage, settings):
    settings.EVIDENCE_MAX_FILES = 5

    with pytest.raises(ValidationError) as caught:
        evidence.accept_upload(upload(jpeg_with_gps()), already_uploaded=5)

    assert caught.value.code == "too_many"
    assert caught.value.messages == ["You can add up to 5 files."]
    assert stored_files(evidence_storage) == []


def test_attach_evidence_refuses_more_files_than_the_limit(evidence_storage, settings):
    settings.EVIDENCE_MAX_FILES = 2
    report = ReportFactory()
    metas = [evidence.accept_upload(upload(jpeg_with_gps())) for _ in range(3)]

    with pytest.raises(ValidationError):
        evidence.attach_evidence(report=report, uploads=metas)

    assert EvidenceFile.objects.count() == 0


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (9_000, 9_000),  # over the limit: Pillow would only warn
        (30_000, 30_000),  # over twice the limit: Pillow raises
    ],
)
def test_accept_upload_refuses_a_decompression_bomb(evidence_storage, width, height):
    with pytest.raises(ValidationError) as caught:
        evidence.accept_upload(upload(png_header(width, height), name="bomb.png"))

    assert caught.value.code == "too_large_image"
    assert stored_files(evidence_storage) == []


def test_decompression_bomb_warning_is_an_error_even_under_the_own_check(
    evidence_storage, settings, monkeypatch
):
    # With our own pixel check switched off, Pillow's warning still stops the file.
    settings.EVIDENCE_MAX_PIXELS = 10**12
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 50_000_000)

    with pytest.raises(ValidationError) as caught:
        evidence.accept_upload(upload(png_header(9_000, 9_000), name="bomb.png"))

    assert caught.value.code == "too_large_image"


def test_discard_upload_deletes_the_stored_file(evidence_storage):
    meta = evidence.accept_upload(upload(jpeg_with_gps()))

    evidence.discard_upload(meta)

    assert stored_files(evidence_storage) == []


def test_discard_upload_ignores_names_that_are_not_ours(evidence_storage, tmp_path):
    outside = tmp_path / "keep.txt"
    outside.write_text("keep")

    evidence.discard_upload({"name": "../keep.txt"})

    assert outside.exists()


# --- attach, serve, delete ------------------------------------------------------------------


@pytest.fixture
def report_with_evidence(report_mix):
    """Logged at centre A, shared with police with details, case in area A."""
    report = report_mix.a_details
    metas = [evidence.accept_upload(upload(jpeg_with_gps()))]
    [row] = evidence.attach_evidence(report=report, uploads=metas)
    return row


def test_attach_evidence_creates_rows_for_stored_files(report_mix, evidence_storage):
    metas = [
        evidence.accept_upload(upload(jpeg_with_gps())),
        evidence.accept_upload(upload(pdf_with_metadata(), name="letter.pdf")),
    ]

    rows = evidence.attach_evidence(report=report_mix.a_online, uploads=metas)

    assert [r.file.name for r in report_mix.a_online.evidence.order_by("pk")] == [
        m["name"] for m in metas
    ]
    assert [r.content_type for r in rows] == ["image/jpeg", "application/pdf"]


def test_attach_evidence_refuses_a_name_that_is_not_a_stored_upload(report_mix):
    forged = {"name": "../../etc/passwd", "content_type": "image/jpeg", "size": 1, "sha256": ""}

    with pytest.raises(ValidationError):
        evidence.attach_evidence(report=report_mix.a_online, uploads=[forged])

    assert not EvidenceFile.objects.exists()


@pytest.mark.parametrize("who", ["volunteer_a", "spoc_a"])
def test_download_evidence_serves_staff_allowed_to_see_the_report(
    client, request, report_with_evidence, who
):
    user = request.getfixturevalue(who)
    sign_in(client, user)

    response = client.get(reverse("workspace:evidence", args=[report_with_evidence.pk]))

    body = b"".join(response.streaming_content)
    assert response.status_code == 200
    assert body == report_with_evidence.file.open("rb").read()
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == (
        f'attachment; filename="evidence-{report_with_evidence.pk}.jpg"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    entry = AccessLogEntry.objects.about(report_with_evidence.report).get(user=user)
    assert entry.action == AccessLogEntry.Action.DISCLOSE
    assert entry.detail == f"evidence file {report_with_evidence.pk}"


@pytest.mark.usefixtures("ffmpeg_installed")
def without_csrf(content: bytes) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", content.decode())


@pytest.mark.parametrize("who", ["volunteer_b", "spoc_b", "analyst", "administrator"])
def test_download_evidence_out_of_scope_answers_like_a_missing_file(
    client, request, report_with_evidence, who
):
    sign_in(client, request.getfixturevalue(who))

    out_of_scope = client.get(reverse("workspace:evidence", args=[report_with_evidence.pk]))
    missing = client.get(reverse("workspace:evidence", args=[report_with_evidence.pk + 1000]))

    assert out_of_scope.status_code == missing.status_code == 404
    # The same page to the byte, but for the CSRF token Django masks afresh on every page.
    assert without_csrf(out_of_scope.content) == without_csrf(missing.content)
    assert not AccessLogEntry.objects.about(report_with_evidence.report).exists()


def test_download_evidence_needs_signing_in(client, report_with_evidence):
    response = client.get(reverse("workspace:evidence", args=[report_with_evidence.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff:login"))


def test_download_evidence_hidden_from_police_after_consent_withdrawn(
    client, spoc_a, report_with_evidence
):
    report = report_with_evidence.report
    report.consent = "do_not_share"
    report.save(update_fields=["consent"])
    sign_in(client, spoc_a)

    response = client.get(reverse("workspace:evidence", args=[report_with_evidence.pk]))

    assert response.status_code == 404


def test_delete_report_deletes_its_evidence_files(
    report_mix, evidence_storage, django_capture_on_commit_callbacks
):
    report = report_mix.a_unshared  # no police case
    metas = [evidence.accept_upload(upload(jpeg_with_gps())) for _ in range(2)]
    evidence.attach_evidence(report=report, uploads=metas)
    other = evidence.accept_upload(upload(jpeg_with_gps()))

    with django_capture_on_commit_callbacks(execute=True):
        delete_report(report=report, reason="retention: never shared, 2 years")

    assert not Report.objects.filter(pk=report.pk).exists()
    assert not EvidenceFile.objects.filter(report_id=report.pk).exists()
    assert stored_files(evidence_storage) == [other["name"]]
    entry = AccessLogEntry.objects.about(report).get()
    assert entry.detail == "deleted"


def test_delete_evidence_keeps_files_until_commit(report_with_evidence, evidence_storage):
    with pytest.raises(RuntimeError), transaction.atomic():
        evidence.delete_evidence(files=[report_with_evidence])
        raise RuntimeError("rolled back")

    assert EvidenceFile.objects.filter(pk=report_with_evidence.pk).exists()
    assert stored_files(evidence_storage) == [report_with_evidence.file.name]
