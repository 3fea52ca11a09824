"""Evidence through the journeys' own pages: what a reporter uploads on the evidence step is
stored without its metadata and attached to the report; a refused file says why, in the
page's language, and loses nothing already given."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from reporting.models import EvidenceFile, Report
from tests.reporting import journey_steps as public
from tests.reporting import test_journey
from tests.reporting.evidence_files import (
    GPS_IFD,
    SECRETS,
    jpeg_with_gps,
    stored_files,
    temporary_storage,
)

pytestmark = pytest.mark.django_db

# The journey tests' client, with an address of its own (the area to report in, sparkbrook,
# is a fixture of tests/conftest.py).
client = test_journey.client

HTML = b"<!DOCTYPE html><html><script>document.location='https://evil.example'</script>"


@pytest.fixture
def evidence_storage(tmp_path, monkeypatch):
    return temporary_storage(tmp_path, monkeypatch)


def photo(name="IMG_2041 Amina Khan.jpg"):
    return SimpleUploadedFile(name, jpeg_with_gps(), content_type="image/jpeg")


def until(steps, slug):
    """The steps before `slug`, and those from it on."""
    index = [s for s, _ in steps].index(slug)
    return steps[:index], steps[index:]


def answer(client, url_of, steps):
    for slug, data in steps:
        response = client.post(url_of(slug), data)
        assert response.status_code == 302, (slug, response.content.decode()[:2000])


def assert_clean(evidence_file):
    data = evidence_file.file.open("rb").read()
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert len(image.getexif()) == 0
        assert image.getexif().get_ifd(GPS_IFD) == {}
    assert not [secret for secret in SECRETS if secret in data]
    assert b"Exif" not in data


def test_photo_uploaded_on_the_evidence_page_is_sent_without_gps(
    client, sparkbrook, evidence_storage
):
    before, after = until(public.anonymous_answers(), "evidence")
    answer(client, lambda slug: public.url("en", slug), before)

    added = client.post(public.url("en", "evidence"), {"action": "add", "file": photo()})
    page = client.get(public.url("en", "evidence")).content.decode()
    sent = public.walk(client, "en", after)
    confirmation = public.submit(client)

    assert added["Location"] == public.url("en", "evidence")
    assert "File 1" in page
    assert "Files added: 1" in sent.content.decode()
    report = Report.objects.get()
    assert report.reference in confirmation.content.decode()
    evidence_file = EvidenceFile.objects.get(report=report)
    assert evidence_file.content_type == "image/jpeg"
    assert_clean(evidence_file)
    assert "Amina" not in evidence_file.file.name
    assert stored_files(evidence_storage) == [evidence_file.file.name]


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "The selected file must be a photo or screenshot"),
        ("pl", "Wybrany plik musi być zdjęciem lub zrzutem ekranu"),
    ],
)
def test_refused_file_explains_why_in_the_pages_language_and_loses_nothing(
    client, sparkbrook, evidence_storage, lang, message
):
    before, after = until(public.anonymous_answers(), "evidence")
    answer(client, lambda slug: public.url(lang, slug), before)
    client.post(public.url(lang, "evidence"), {"action": "add", "file": photo()})

    response = client.post(
        public.url(lang, "evidence"),
        {"action": "continue", "file": SimpleUploadedFile("photo.jpg", HTML, "image/jpeg")},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert 'class="govuk-error-summary' in page
    assert "File 1" in page or re.search(r"Plik\s+1", page)  # the photo already added
    assert len(stored_files(evidence_storage)) == 1
    # Everything answered before is still there; the journey goes on and sends the photo.
    check = public.walk(client, lang, after).content.decode()
    assert "Shouted" in check
    public.submit(client, lang)
    assert_clean(EvidenceFile.objects.get(report=Report.objects.get()))


def test_removing_a_file_deletes_it(client, sparkbrook, evidence_storage):
    before, _after = until(public.anonymous_answers(), "evidence")
    answer(client, lambda slug: public.url("en", slug), before)
    client.post(public.url("en", "evidence"), {"action": "add", "file": photo()})

    response = client.post(public.url("en", "evidence"), {"remove": "0"})

    assert response["Location"] == public.url("en", "evidence")
    assert stored_files(evidence_storage) == []
    assert "File 1" not in client.get(public.url("en", "evidence")).content.decode()
