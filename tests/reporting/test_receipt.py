"""The receipt PDF: the reference readable in every language, right-to-left where it should
be, no passphrase or incident details, and only for the session that sent the report."""

import io

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from reporting.models import Consent
from reporting.receipt import SESSION_KEY, render_receipt, render_receipt_html
from tests.factories import ReportFactory, StrandFactory, SupportServiceFactory

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("language", LANGUAGES)
def test_receipt_pdf_text_contains_the_reference_in_each_language(language):
    report = ReportFactory(language=language, description="Shouted at by a neighbour at No. 12")

    pdf = render_receipt(report)

    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf)
    assert report.reference in text
    assert "neighbour" not in text


@pytest.mark.parametrize("language", ["ur", "ar", "ps"])
def test_receipt_right_to_left_languages_are_set_right_to_left(language):
    report = ReportFactory(language=language)

    html = render_receipt_html(report)

    assert f'<html lang="{language}" dir="rtl">' in html
    assert f'dir="ltr">{report.reference}<' in html


@pytest.mark.parametrize("language", ["en", "cy", "pa", "bn", "pl"])
def test_receipt_left_to_right_languages_are_set_left_to_right(language):
    html = render_receipt_html(ReportFactory(language=language))

    assert f'<html lang="{language}" dir="ltr">' in html


def test_receipt_is_in_the_reports_language_whatever_the_page_language():
    report = ReportFactory(language="ur")

    with translation.override("en"):
        html = render_receipt_html(report)

    assert "/ur/track/" in html
    assert "Receipt for your report" not in html


def test_receipt_says_how_to_track_but_never_shows_the_passphrase():
    report = ReportFactory(language="en")
    report.set_passphrase("orbit-velvet-tundra-mango-fable")

    html = render_receipt_html(report)

    assert f"{settings.SITE_URL}/en/track/" in html
    assert "orbit" not in html
    assert "keep it somewhere" in html
    assert "does not show your passphrase" in html


@pytest.mark.parametrize(
    ("consent", "expected"),
    [
        (Consent.SHARE_WITH_DETAILS, "with your contact details"),
        (Consent.SHARE_ANONYMOUSLY, "without your name or contact details"),
        (Consent.DO_NOT_SHARE, "We will not pass your report to the police"),
    ],
)
def test_receipt_says_what_happens_next_by_consent(consent, expected):
    html = render_receipt_html(ReportFactory(language="en", consent=consent))

    assert expected in " ".join(html.split())


def test_receipt_lists_only_support_services_for_everyone():
    strands = [StrandFactory(code=code) for code in ("race", "religion", "disability")]
    general = SupportServiceFactory(name="Victim Support", phone="0808 168 9111")
    general.strands.set(strands)
    specific = SupportServiceFactory(name="A service for one community")
    specific.strands.set(strands[:1])

    html = render_receipt_html(ReportFactory(language="en"))

    assert "Victim Support" in html
    assert "0808 168 9111" in html
    assert "A service for one community" not in html


def test_receipt_view_serves_the_pdf_of_the_report_in_the_session(client):
    report = ReportFactory(language="pl")
    session = client.session
    session[SESSION_KEY] = report.pk
    session.save()

    response = client.get("/pl/report/receipt/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="receipt.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert report.reference in pdf_text(response.content)


def test_receipt_view_without_the_session_key_is_not_found(client):
    ReportFactory()

    response = client.get(reverse("reporting:receipt"))

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_receipt_view_for_a_deleted_report_is_not_found(client):
    session = client.session
    session[SESSION_KEY] = 999_999
    session.save()

    response = client.get(reverse("reporting:receipt"))

    assert response.status_code == 404
