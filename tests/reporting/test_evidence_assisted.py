"""Evidence through assisted reporting's own evidence page: a photo the person has on their
phone is stored without its metadata and attached to the report the volunteer sends."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reporting.models import EvidenceFile, Report
from tests.conftest import sign_in
from tests.reporting import test_workspace_assisted as assisted
from tests.reporting.evidence_files import jpeg_with_gps, stored_files, temporary_storage
from tests.reporting.test_evidence_journey import HTML, assert_clean, until

pytestmark = pytest.mark.django_db

# Assisted reporting's fixture: reference data and a postcode district in area A.
reference_data = assisted.reference_data


@pytest.fixture
def evidence_storage(tmp_path, monkeypatch):
    return temporary_storage(tmp_path, monkeypatch)


def test_assisted_photo_is_sent_without_gps_and_a_refused_file_loses_nothing(
    client, reference_data, evidence_storage, volunteer_a, centre_a
):
    sign_in(client, volunteer_a)
    client.post(reverse("workspace:assisted_start"), {"centre": centre_a.pk, "language": "pl"})
    before, after = until(assisted.answers(), "evidence")
    for slug, data in before:
        assert client.post(assisted.step(slug), data).status_code == 302, slug
    photo = SimpleUploadedFile("Amina Khan.jpg", jpeg_with_gps(), content_type="image/jpeg")

    added = client.post(assisted.step("evidence"), {"action": "add", "file": photo})
    refused = client.post(
        assisted.step("evidence"),
        {"action": "continue", "file": SimpleUploadedFile("photo.jpg", HTML, "image/jpeg")},
    )
    for slug, data in after:
        assert client.post(assisted.step(slug), data).status_code == 302, slug
    client.post(assisted.step("check"), {"centre_is_go_between": "no"})

    assert added["Location"] == assisted.step("evidence")
    # The question and its error are in the person's language (Polish), and the photo stays.
    assert refused.status_code == 200
    assert "Wybrany plik musi być zdjęciem lub zrzutem ekranu" in refused.content.decode()
    report = Report.objects.get()
    assert report.description == "Krzyczeli na mnie na ulicy."
    evidence_file = EvidenceFile.objects.get(report=report)
    assert_clean(evidence_file)
    assert stored_files(evidence_storage) == [evidence_file.file.name]
