"""The tracking page (/<lang>/track/): the reporter's view of their report, without an account."""

import datetime
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import linebreaks

from casework.models import VICTIM_MESSAGES, CaseUpdate, KeyEvent
from casework.tracking import services as tracking_services
from centres.models import AccessLogEntry
from reporting.access import reports_visible_to
from reporting.models import (
    Consent,
    ConsentChange,
    Report,
    ReportAddition,
    ReporterContact,
    new_reference,
)
from tests.conftest import sign_in as workspace_sign_in
from tests.factories import CaseFactory, CaseUpdateFactory, ReportFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSPHRASE = "orbit velvet tundra mango fable"


def with_passphrase(report: Report) -> Report:
    report.set_passphrase(PASSPHRASE)
    report.save(update_fields=["passphrase_hash"])
    return report


@pytest.fixture
def shared_report(area_a):
    """Shared with police with details, a case in area A that a SPOC is working on."""
    report = with_passphrase(
        ReportFactory(area=area_a, consent=Consent.SHARE_WITH_DETAILS, language="en")
    )
    case = CaseFactory(report=report, area=area_a, status="triaged", triaged_at=timezone.now())
    officer = UserFactory()
    CaseUpdateFactory(
        case=case, author=officer, message_code="received", body="We have spoken to a witness."
    )
    CaseUpdateFactory(
        case=case,
        author=officer,
        visibility=CaseUpdate.Visibility.INTERNAL,
        body="INTERNAL: suspect known to us, nominal 4471",
    )
    return report


def sign_in(client, report, passphrase=PASSPHRASE, language="en", reference=None):
    return client.post(
        f"/{language}/track/",
        {"reference": reference or report.reference, "passphrase": passphrase},
    )


def without_csrf(content: bytes) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", content.decode())


# --- Signing in ------------------------------------------------------------------------------


def test_track_form_lets_password_managers_fill_reference_and_passphrase(client):
    page = client.get("/en/track/").content.decode()

    assert re.search(r'name="reference"[^>]*autocomplete="username"', page)
    assert re.search(r'name="passphrase"[^>]*autocomplete="current-password"', page) or re.search(
        r'type="password"[^>]*autocomplete="current-password"', page
    )
    assert 'type="password"' in page


def test_track_right_passphrase_shows_timeline_and_only_victim_updates(client, shared_report):
    response = sign_in(client, shared_report, reference=shared_report.reference.lower())

    assert response.status_code == 302
    assert response["Location"] == "/en/track/status/"
    page = client.get("/en/track/status/").content.decode()
    assert "We received your report" in page
    assert "We passed your report to the police" in page
    assert "The police are looking at your report" in page
    assert "An officer has read your report" in page  # the standard message
    assert "We have spoken to a witness." in page
    assert "INTERNAL" not in page
    assert "4471" not in page
    for jargon in ("THRIVE", "SPOC", "NCHI", "Triaged", "triaged"):
        assert jargon not in page
    entry = AccessLogEntry.objects.about(shared_report).get()
    assert (entry.user, entry.action, entry.detail) == (None, "view", "reporter")


def test_track_reference_typed_loosely_is_accepted(client, shared_report):
    typed = shared_report.reference.replace("-", " ").lower()

    response = sign_in(client, shared_report, reference=typed)

    assert response.status_code == 302


def test_track_wrong_passphrase_and_unknown_reference_answer_identically(client, shared_report):
    unknown_reference = new_reference()
    assert not Report.objects.filter(reference=unknown_reference).exists()

    wrong = sign_in(client, shared_report, passphrase="not it")
    unknown = sign_in(client, shared_report, passphrase="not it", reference=unknown_reference)

    assert wrong.status_code == unknown.status_code == 200
    # The only difference is the reference typed, which the form shows back.
    assert without_csrf(wrong.content).replace(shared_report.reference, "REF") == without_csrf(
        unknown.content
    ).replace(unknown_reference, "REF")
    assert "The reference or passphrase is not right" in wrong.content.decode()
    assert "tracking" not in client.session


def test_track_unknown_reference_still_hashes_the_passphrase(client, monkeypatch):
    hashed = []
    real = tracking_services.make_password
    monkeypatch.setattr(
        tracking_services, "make_password", lambda value: hashed.append(value) or real(value)
    )

    client.post("/en/track/", {"reference": new_reference(), "passphrase": "guess"})

    assert hashed == ["guess"]


def test_track_successes_do_not_count_towards_the_limit(client, shared_report):
    # More than the five free tries of one reference from one address
    # (tests/casework/test_tracking_throttle.py has the limits themselves).
    for _attempt in range(8):
        assert sign_in(client, shared_report).status_code == 302


def test_track_signs_in_to_the_reports_language(client, area_a):
    report = with_passphrase(ReportFactory(area=area_a, language="ur"))

    response = sign_in(client, report, language="en")

    assert response["Location"] == "/ur/track/status/"


def test_status_without_signing_in_goes_to_the_form(client):
    response = client.get("/en/track/status/")

    assert response.status_code == 302
    assert response["Location"] == "/en/track/"


def test_tracking_session_ends_after_30_minutes_unused(client, shared_report):
    sign_in(client, shared_report)

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=31)):
        response = client.get("/en/track/status/")

    assert response.status_code == 302


def test_ive_finished_forgets_the_report(client, shared_report):
    sign_in(client, shared_report)

    finished = client.get("/en/track/finished/")
    after = client.get("/en/track/status/")

    assert "You have finished" in finished.content.decode()
    assert after.status_code == 302


def test_tracking_pages_are_never_cached(client, shared_report):
    sign_in(client, shared_report)

    response = client.get("/en/track/status/")

    assert "no-store" in response["Cache-Control"]


# --- What the reporter can do ----------------------------------------------------------------


def test_add_information_is_kept_and_logged_but_not_shown_back(client, shared_report):
    sign_in(client, shared_report)

    response = client.post("/en/track/add-information/", {"text": "He was there again on Friday."})

    assert response.status_code == 302
    addition = ReportAddition.objects.get(report=shared_report)
    assert addition.text == "He was there again on Friday."
    log = AccessLogEntry.objects.about(shared_report).filter(action="create").get()
    assert (log.user, log.detail) == (None, "reporter")
    page = client.get("/en/track/status/").content.decode()
    assert "You added information" in page
    assert "Friday" not in page


def test_add_information_empty_is_refused_with_a_message(client, shared_report):
    sign_in(client, shared_report)

    response = client.post("/en/track/add-information/", {"text": "  "})

    assert response.status_code == 200
    assert "Enter the information you want to add" in response.content.decode()
    assert not ReportAddition.objects.exists()


def test_change_contact_preferences_updates_the_safe_contact_plan(client, shared_report):
    ReporterContact.objects.create(report=shared_report, email="old@example.org")
    sign_in(client, shared_report)

    response = client.post(
        "/en/track/contact/",
        {
            "phone": "07700 900456",
            "channels": ["sms"],
            "safe_times": "after 6pm",
            "no_voicemail": "on",
            "never_visit_home": "on",
            "family_does_not_know": "on",
            "preferred_language": "ur",
        },
    )

    assert response.status_code == 302
    contact = ReporterContact.objects.get(report=shared_report)
    assert contact.phone == "07700 900456"
    assert contact.channels == ["sms"]
    assert contact.family_does_not_know is True
    assert contact.message_may_say_what is False
    assert contact.preferred_language == "ur"
    assert not contact.email
    log = AccessLogEntry.objects.about(shared_report).filter(action="change").get()
    assert (log.user, log.detail) == (None, "reporter")


def test_change_contact_preferences_creates_them_if_none(client, area_a):
    report = with_passphrase(ReportFactory(area=area_a, consent=Consent.DO_NOT_SHARE))
    sign_in(client, report)

    client.post("/en/track/contact/", {"email": "me@example.org", "channels": ["email"]})

    assert ReporterContact.objects.get(report=report).email == "me@example.org"


def test_change_contact_preferences_needs_the_details_for_the_channel(client, shared_report):
    sign_in(client, shared_report)

    response = client.post("/en/track/contact/", {"channels": ["email", "phone"]})

    page = response.content.decode()
    assert "Enter an email address, or do not choose email" in page
    assert "Enter a phone number, or do not choose phone calls or text messages" in page
    assert not ReporterContact.objects.filter(report=shared_report).exists()


def test_withdraw_consent_hides_the_report_from_police(client, shared_report, spoc_a):
    assert shared_report in reports_visible_to(spoc_a, Report.objects.all())
    sign_in(client, shared_report)
    explanation = client.get("/en/track/stop-sharing/").content.decode()

    response = client.post("/en/track/stop-sharing/")

    assert "may keep what they have already been given" in explanation
    assert response.status_code == 302
    shared_report.refresh_from_db()
    assert shared_report.consent == Consent.DO_NOT_SHARE
    assert shared_report not in reports_visible_to(spoc_a, Report.objects.all())
    change = ConsentChange.objects.get(report=shared_report)
    assert (change.previous, change.current, change.changed_by) == (
        Consent.SHARE_WITH_DETAILS,
        Consent.DO_NOT_SHARE,
        None,
    )
    log = AccessLogEntry.objects.about(shared_report).filter(action="change").get()
    assert (log.user, log.detail) == (None, "reporter")
    page = client.get("/en/track/status/").content.decode()
    assert "You asked us to stop sharing your report with the police" in page
    assert "/en/track/stop-sharing/" not in page


def test_withdraw_consent_twice_records_one_change(client, shared_report):
    sign_in(client, shared_report)

    client.post("/en/track/stop-sharing/")
    client.post("/en/track/stop-sharing/")

    assert ConsentChange.objects.filter(report=shared_report).count() == 1


# --- Languages -------------------------------------------------------------------------------


def test_tracking_form_is_translated_in_urdu(client):
    page = client.get("/ur/track/").content.decode()

    assert 'lang="ur" dir="rtl"' in page
    assert "Check your report" not in page
    assert "Passphrase" not in page


def test_status_page_is_translated_in_urdu(client, area_a):
    report = with_passphrase(ReportFactory(area=area_a, language="ur"))
    CaseFactory(report=report, area=area_a)
    sign_in(client, report, language="ur")

    page = client.get("/ur/track/status/").content.decode()

    assert 'dir="rtl"' in page
    for english in ("We received your report", "Your report", "I've finished"):
        assert english not in page
    assert report.reference in page


# --- One wording of each update ----------------------------------------------------------


def demo_like_updates(case):
    """Every standard message, with and without the officer's own words, and every key
    event told in the officer's words only (its standard message comes from the event)."""
    officer = UserFactory()
    at = timezone.now() - datetime.timedelta(days=1)
    words = "We have spoken to a witness."
    kinds = [
        *({"message_code": code, "body": body} for code in VICTIM_MESSAGES for body in ("", words)),
        *({"key_event": event, "body": "An officer's own words."} for event in KeyEvent.values),
    ]
    for minutes, kind in enumerate(kinds):
        CaseUpdateFactory(
            case=case, author=officer, created_at=at + datetime.timedelta(minutes=minutes), **kind
        )
    return len(kinds)


def update_texts(page) -> list[dict]:
    """Each update's words as the page shows them (CaseUpdate.victim_parts)."""
    with translation.override("en"):
        return [e["update"] for e in page.context["timeline"] if str(e["title"]) == "Update"]


@pytest.mark.parametrize("language", ["en", "ur"])
def test_victim_and_volunteer_read_the_same_words_for_each_update(
    client, language, centre_a, volunteer_a
):
    report = with_passphrase(
        ReportFactory(
            area=centre_a.area,
            centre=centre_a,
            consent=Consent.SHARE_WITH_DETAILS,
            language=language,
        )
    )
    count = demo_like_updates(CaseFactory(report=report, area=centre_a.area))
    sign_in(client, report, language=language)
    volunteer = workspace_sign_in(Client(), volunteer_a)

    in_their_language = client.get(f"/{language}/track/status/")
    in_english = client.get("/en/track/status/")
    workspace = volunteer.get(reverse("workspace:report", args=[report.pk]))

    shown = list(reversed(workspace.context["updates"]))  # the workspace lists newest first
    assert len(shown) == count
    # The copy "as the person reads it" is the tracking page in the report's language; the
    # volunteer's own (English) copy is the tracking page in English: the same words.
    assert [item["for_victim"] for item in shown] == update_texts(in_their_language)
    assert [item["parts"] for item in shown] == update_texts(in_english)
    assert all(parts["standard"] or parts["officer_words"] for parts in update_texts(in_english))
    page = in_their_language.content.decode()
    for parts in update_texts(in_their_language):
        if parts["standard"]:
            assert linebreaks(parts["standard"], autoescape=True) in page
        if parts["officer_words"]:
            assert linebreaks(parts["officer_words"]["text"], autoescape=True) in page
