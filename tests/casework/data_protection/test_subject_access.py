"""Subject access from the tracking page: the reporter downloads everything held about their
report, in their language, as a PDF and a JSON file; third parties' data is left out; each
download is logged as the reporter's own export."""

import io
import json

import pytest
from django.utils import timezone
from pypdf import PdfReader

from casework.models import CaseUpdate
from centres.models import AccessLogEntry
from reporting.models import Consent, ConsentChange, ReportAddition
from tests.factories import (
    CaseFactory,
    CaseUpdateFactory,
    ReporterContactFactory,
    ReportFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PASSPHRASE = "orbit velvet tundra mango fable"
URDU_WORDS = "مجھے گلی میں گالیاں دی گئیں"


def pdf_text(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


@pytest.fixture
def urdu_report(area_a):
    report = ReportFactory(
        area=area_a, consent=Consent.SHARE_WITH_DETAILS, language="ur", description=URDU_WORDS
    )
    report.set_passphrase(PASSPHRASE)
    report.save(update_fields=["passphrase_hash"])
    ReporterContactFactory(report=report, email="amina@example.org", phone="07700 900123")
    ReportAddition.objects.create(report=report, text="He came back on Friday.")
    ConsentChange.objects.create(
        report=report, previous=Consent.DO_NOT_SHARE, current=Consent.SHARE_WITH_DETAILS
    )
    case = CaseFactory(report=report, area=area_a, status="triaged", triaged_at=timezone.now())
    officer = UserFactory(name="PC Officer Hidden-Name")
    CaseFactory._meta.model.objects.filter(pk=case.pk).update(owner=officer)
    CaseUpdateFactory(case=case, author=officer, message_code="received", body="")
    CaseUpdateFactory(
        case=case,
        author=officer,
        visibility=CaseUpdate.Visibility.INTERNAL,
        body="INTERNAL: suspect known to us, nominal 4471",
    )
    # Another person's report of the same street: never in this reporter's download.
    other = ReportFactory(area=area_a, description="Somebody else's account of it")
    ReporterContactFactory(report=other, name="Other Person", email="other@example.org")
    return report


def signed_in(client, report):
    response = client.post("/ur/track/", {"reference": report.reference, "passphrase": PASSPHRASE})
    assert response.status_code == 302
    return client


def test_status_page_offers_the_download(client, urdu_report):
    page = signed_in(client, urdu_report).get("/ur/track/status/").content.decode()
    assert 'href="/ur/track/your-data/"' in page
    page = client.get("/ur/track/your-data/").content.decode()
    assert 'href="/ur/track/your-data/pdf/"' in page
    assert 'href="/ur/track/your-data/json/"' in page


def test_json_download_in_urdu_holds_the_reporters_data_and_no_one_elses(client, urdu_report):
    response = signed_in(client, urdu_report).get("/ur/track/your-data/json/")

    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    assert urdu_report.reference not in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["reference"] == urdu_report.reference
    assert data["language"] == "ur"
    values = {
        section["key"]: {item["key"]: item["value"] for item in section["items"]}
        for section in data["sections"]
    }
    assert values["answers"]["description"] == URDU_WORDS
    assert values["contact"]["email"] == "amina@example.org"
    assert values["contact"]["phone"] == "07700 900123"
    assert "He came back on Friday." in values["additions"].values()
    assert "consent" in values
    # Labels in Urdu: the catalogue's words for the tracking page's own headings.
    titles = {section["key"]: section["title"] for section in data["sections"]}
    assert titles["answers"] == "آپ کی رپورٹ"
    events = " ".join(item["value"] for item in data["sections"][-1]["items"])
    assert "INTERNAL" not in events
    text = response.content.decode()
    for third_party in ("PC Officer Hidden-Name", "nominal 4471", "Other Person", "other@"):
        assert third_party not in text


def test_pdf_download_in_urdu_right_to_left(client, urdu_report):
    response = signed_in(client, urdu_report).get("/ur/track/your-data/pdf/")

    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert urdu_report.reference in text
    assert "amina@example.org" in text
    # The reporter's own Urdu words, set in Naskh, read back exactly.
    assert " ".join(URDU_WORDS.split()) in text
    assert "PC Officer Hidden-Name" not in text
    assert "nominal 4471" not in text
    assert "Other Person" not in text


def test_each_download_is_logged_as_the_reporters_export(client, urdu_report):
    signed_in(client, urdu_report)
    client.get("/ur/track/your-data/json/")
    client.get("/ur/track/your-data/pdf/")

    exports = AccessLogEntry.objects.about(urdu_report).filter(action="export")
    assert sorted(exports.values_list("reason", flat=True)) == [
        "subject access json",
        "subject access pdf",
    ]
    assert all(entry.user_id is None and entry.detail == "reporter" for entry in exports)


def test_downloads_need_the_passphrase(client, urdu_report):
    response = client.get("/ur/track/your-data/json/")
    assert response.status_code == 302
    assert response["Location"].endswith("/track/")
    assert not AccessLogEntry.objects.about(urdu_report).filter(action="export").exists()


def test_new_words_are_in_urdu(client, urdu_report):
    """Waits for the translations of this change (/tmp/po/h-dpo.json) to be merged into the
    catalogues: the title, the note of what is left out, and the page's download links."""
    data = json.loads(signed_in(client, urdu_report).get("/ur/track/your-data/json/").content)
    assert data["title"] == "آپ کی رپورٹ کے بارے میں ہمارے پاس موجود سب کچھ"
    assert data["not_included"].startswith("اس میں عملے، رضاکاروں یا پولیس افسران کے نام")
    page = client.get("/ur/track/your-data/").content.decode()
    assert "ڈیٹا فائل کے طور پر ڈاؤن لوڈ کریں (JSON)" in page
    text = pdf_text(client.get("/ur/track/your-data/pdf/").content)
    assert "آپ کی رپورٹ کے بارے میں ہمارے پاس موجود سب کچھ" in text
