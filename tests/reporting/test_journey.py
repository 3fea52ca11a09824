"""The reporting journey with the test client: every page, its errors, its memory, the
submission and what it writes."""

import math

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from casework.models import Case
from centres.models import Area, AreaPlace, Notification, Strand
from reporting import passphrase as passphrases
from reporting.journey import DRAFT_COOKIE
from reporting.models import (
    ConsentChange,
    EqualityAnswers,
    Report,
    ReportDraft,
    ReporterContact,
)
from tests.factories import AreaFactory, AreaPlaceFactory
from tests.reporting.journey_steps import (
    anonymous_answers,
    contact_answers,
    submit,
    url,
    walk,
)


@pytest.fixture
def client(db):
    # The rate limits count per client address; their counters start empty in every test
    # (tests/conftest.py clears the cache).
    return Client(REMOTE_ADDR="10.0.0.1")


# --- The whole journey ------------------------------------------------------------------------


def test_anonymous_report_walks_every_page_and_saves_no_contact(client, sparkbrook):
    assert client.get(url("en")).status_code == 200
    assert client.get(url("en", "staying-safe")).status_code == 200

    check = walk(client, "en", anonymous_answers())
    assert "Shouted" in check.content.decode()
    response = submit(client)

    report = Report.objects.get()
    page = response.content.decode()
    assert report.reference in page
    assert report.area == sparkbrook
    assert report.channel == "online_self"
    assert report.reporter_role == "victim"
    assert report.consent == "do_not_share"
    assert report.occurred_on.isoformat() == "2025-02-03"
    assert list(report.strands.values_list("code", flat=True)) == ["race"]
    assert list(report.incident_types.values_list("code", flat=True)) == ["verbal_abuse"]
    assert report.language == "en"
    assert not ReporterContact.objects.exists()
    assert not EqualityAnswers.objects.exists()
    # The consent given at submission is the report's own; the history is of later changes.
    assert not ConsentChange.objects.exists()
    assert not Case.objects.exists()
    assert not Notification.objects.exists()
    # The draft keeps none of the answers, only which report it became (until it expires);
    # the receipt knows which report to render.
    draft = ReportDraft.objects.get()
    assert draft.answers == {} and draft.sent_report == report
    assert client.session["receipt_report_id"] == report.pk
    assert "/en/report/receipt/" in page


def test_report_with_contact_details_shares_opens_case_and_acknowledges(client, sparkbrook):
    walk(client, "ur", contact_answers())
    response = submit(client, "ur")

    report = Report.objects.get()
    assert report.reference in response.content.decode()
    assert report.language == "ur"
    assert report.channel == "online_witness"
    contact = report.contact
    assert contact.email == "amina@example.org"
    assert contact.name == "Amina"
    assert contact.channels == ["email"]
    assert contact.no_voicemail and not contact.never_visit_home
    assert contact.preferred_language == "ur"
    assert contact.interpreter_needed and contact.large_print
    assert report.equality.age_band == "25_34"
    assert report.equality.religion == "prefer_not"
    case = Case.objects.get(report=report)
    assert case.area == sparkbrook
    ack = Notification.objects.get(kind="report_acknowledgement")
    assert ack.channel == "email"
    assert ack.recipient == contact
    assert ack.language == "ur"
    assert ack.context == {"reference": report.reference}


def test_sms_only_plan_acknowledges_by_text_and_phone_only_plan_not_at_all(client, sparkbrook):
    steps = dict(contact_answers())
    steps["contact-details"] = {"channels": ["phone"], "phone": "07700 900982"}
    walk(client, "en", list(steps.items()))
    submit(client)

    assert Report.objects.get().contact.phone == "07700 900982"
    assert not Notification.objects.filter(kind="report_acknowledgement").exists()


def test_anonymous_share_opens_case_without_contact(client, sparkbrook):
    steps = dict(anonymous_answers())
    steps["police"] = {"consent": "share_anonymous"}
    walk(client, "en", list(steps.items()))
    submit(client)

    report = Report.objects.get()
    assert Case.objects.filter(report=report).exists()
    assert not ReporterContact.objects.exists()


# --- Routing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ({"location_kind": "place", "place": {"town": "Sparkbrook", "postcode": ""}}, "area"),
        ({"location_kind": "place", "place": {"town": "Atlantis", "postcode": ""}}, "central"),
        ({"location_kind": "online", "online": {"online_platform": "TikTok"}}, "central"),
        ({"location_kind": "not_sure"}, "central"),
    ],
)
def test_location_decides_area_or_central_queue(client, sparkbrook, where, expected):
    steps = dict(anonymous_answers())
    steps["where"] = {"location_kind": where["location_kind"]}
    del steps["where-place"]
    ordered = list(steps.items())
    index = [s for s, _ in ordered].index("where") + 1
    if "place" in where:
        ordered.insert(index, ("where-place", where["place"]))
    if "online" in where:
        # Then where the victim lives, left empty (tests/reporting/test_support_queue.py).
        ordered.insert(index, ("where-home", {"home_place": ""}))
        ordered.insert(index, ("where-online", where["online"]))
    walk(client, "en", ordered)
    submit(client)

    report = Report.objects.get()
    assert report.area == (sparkbrook if expected == "area" else Area.objects.central_queue())


def test_local_markers_offered_only_where_the_area_switched_them_on(client, sparkbrook):
    other = AreaFactory(name="Elsewhere")
    AreaPlaceFactory(area=other, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value="CM1")
    misogyny = Strand.objects.get(code="sex_gender")
    client.post(url("en", "where"), {"location_kind": "place"})

    client.post(url("en", "where-place"), {"postcode": "B11 1AA"})
    assert misogyny.name in client.get(url("en", "why")).content.decode()

    client.post(url("en", "where-place"), {"postcode": "CM1 1AA"})
    page = client.get(url("en", "why")).content.decode()
    assert misogyny.name not in page
    assert Strand.objects.get(code="race").name in page


# --- Errors, in every language we check ---------------------------------------------------------

ENGLISH_DEFAULTS = [
    "This field is required",
    "Select a valid choice",
    "Enter a valid",
    "Ensure this value",
    "Enter a whole number",
    "Enter a list of values",
]

INVALID = {
    "who": {},
    "what": {},
    "when": {"when_kind": "tomorrow"},
    "when-date": {"occurred_on_day": "31", "occurred_on_month": "", "occurred_on_year": "2025"},
    "happened-before": {"happened_before": "maybe", "how_often": "x" * 300},
    "where": {},
    "where-place": {"postcode": "not a postcode"},
    "why": {"motivation": ["9999"]},
    "offenders": {"offender_known": "yes", "offender_count": "many"},
    "harm": {},
    "police": {},
    "contact": {},
    "support": {},
    "equality": {},
}


@pytest.mark.parametrize("lang", ["en", "ur", "ps", "so", "pa", "bn", "cy"])
def test_every_page_explains_errors_in_the_pages_language(client, sparkbrook, lang):
    client.post(url(lang, "when"), {"when_kind": "exact"})
    client.post(url(lang, "where"), {"location_kind": "place"})
    for slug, data in INVALID.items():
        response = client.post(url(lang, slug), data)
        page = response.content.decode()
        assert response.status_code == 200, slug
        assert 'class="govuk-error-summary"' in page, slug
        assert "<title>" in page and page.split("<title>")[1].split("</title>")[0].strip()
        for english in ENGLISH_DEFAULTS:
            assert english not in page, (slug, english)


def test_error_messages_are_specific(client, sparkbrook):
    page = client.post(url("en", "who"), {}).content.decode()
    assert "Select who is reporting" in page
    assert "<title>Error:" in page
    page = client.post(
        url("en", "when-date"),
        {"occurred_on_day": "3", "occurred_on_month": "", "occurred_on_year": "2025"},
    )
    client.post(url("en", "when"), {"when_kind": "exact"})
    page = client.post(
        url("en", "when-date"),
        {"occurred_on_day": "3", "occurred_on_month": "", "occurred_on_year": "2025"},
    ).content.decode()
    assert "The date must include a month" in page
    page = client.post(
        url("en", "when-date"),
        {"occurred_on_day": "3", "occurred_on_month": "2", "occurred_on_year": "2999"},
    ).content.decode()
    assert "Enter a date in the past" in page
    page = client.post(url("en", "contact-details"), {}).content.decode()
    # Not asked yet: contact pages open only for someone who wants to be contacted.
    client.post(url("en", "contact"), {"contact_wanted": "yes"})
    page = client.post(url("en", "contact-details"), {"channels": ["email"]}).content.decode()
    assert "Enter your email address, or untick email" in page


def test_urdu_errors_are_in_urdu(client, sparkbrook):
    page = client.post(url("ur", "who"), {}).content.decode()
    assert 'dir="rtl"' in page
    assert "Select who is reporting" not in page


# --- Nothing typed is lost ----------------------------------------------------------------------


def test_answers_kept_after_an_error_going_back_and_switching_language(client, sparkbrook):
    client.post(url("en", "who"), {"reporter_role": "victim"})
    response = client.post(url("en", "what"), {"description": "He spat at me" + "x" * 5000})
    assert "He spat at me" in response.content.decode()

    # Back (a plain GET), and in another language: the same words, and the error again.
    page = client.get(url("pl", "what")).content.decode()
    assert "He spat at me" in page
    assert 'class="govuk-error-summary"' in page

    client.post(url("en", "what"), {"description": "He spat at me"})
    page = client.get(url("ur", "who")).content.decode()
    assert 'value="victim" checked' in page
    assert "He spat at me" in client.get(url("so", "what")).content.decode()


def test_draft_is_encrypted_at_rest_and_kept_a_day_by_its_own_cookie(client, sparkbrook):
    client.post(url("en", "what"), {"description": "Secret words"})
    draft = ReportDraft.objects.get()
    with connection.cursor() as cursor:
        cursor.execute("SELECT answers FROM reporting_reportdraft WHERE id = %s", [draft.pk])
        stored = cursor.fetchone()[0]
    assert "Secret" not in stored
    assert (draft.expires_at - draft.updated_at).days == 1
    cookie = client.cookies[DRAFT_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == 24 * 60 * 60
    # Signed: the key is in it, and a tampered cookie finds no draft.
    assert cookie.value.startswith(draft.key + ":")
    # No session row is needed to report.
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    client.cookies[DRAFT_COOKIE] = draft.key + ":forged"
    assert "Secret words" not in client.get(url("en", "what")).content.decode()


def test_draft_cookie_of_another_browser_cannot_be_guessed(client, sparkbrook):
    client.post(url("en", "what"), {"description": "Secret words"})
    other = Client(REMOTE_ADDR="10.255.0.1")
    other.cookies[DRAFT_COOKIE] = ReportDraft.objects.get().key  # unsigned: refused
    assert "Secret words" not in other.get(url("en", "what")).content.decode()


def test_quick_exit_deletes_the_draft(client, sparkbrook):
    client.post(url("en", "what"), {"description": "Secret words"})
    response = client.get("/exit/")
    assert not ReportDraft.objects.exists()
    assert response.cookies[DRAFT_COOKIE].value == ""


# --- Order, conditions and changes ------------------------------------------------------------


def test_witness_wording_follows_the_answer(client, sparkbrook):
    client.post(url("en", "who"), {"reporter_role": "victim"})
    assert "Were you hurt?" in client.get(url("en", "harm")).content.decode()
    client.post(url("en", "who"), {"reporter_role": "on_behalf"})
    page = client.get(url("en", "harm")).content.decode()
    assert "Was the person it happened to hurt?" in page


def test_conditional_pages_are_skipped(client, sparkbrook):
    client.post(url("en", "when"), {"when_kind": "not_sure"})
    assert client.get(url("en", "when-date"))["Location"] == url("en", "check")
    response = client.post(url("en", "contact"), {"contact_wanted": "no"})
    assert response["Location"] == url("en", "support")
    assert client.get(url("en", "contact-details")).status_code == 302


def test_check_sends_back_to_the_first_unanswered_page(client, sparkbrook):
    assert client.get(url("en", "check"))["Location"] == url("en", "who")
    client.post(url("en", "who"), {"reporter_role": "victim"})
    assert client.get(url("en", "check"))["Location"] == url("en", "what")


def test_change_links_return_to_check_answers_via_any_new_page(client, sparkbrook):
    check = walk(client, "en", anonymous_answers()).content.decode()
    assert 'href="/en/report/who/?change=1"' in check
    assert 'href="/en/report/evidence/?change=1"' in check

    response = client.post(url("en", "who") + "?change=1", {"reporter_role": "witness"})
    assert response["Location"] == url("en", "check")
    # A new answer that opens a page goes there first, then back to check.
    response = client.post(url("en", "when") + "?change=1", {"when_kind": "period"})
    assert response["Location"] == url("en", "when-period") + "?change=1"
    response = client.post(
        url("en", "when-period") + "?change=1",
        {"occurred_on_day": "1", "occurred_on_month": "1", "occurred_on_year": "2025"},
    )
    assert response["Location"] == url("en", "check")
    page = client.get(url("en", "check")).content.decode()
    assert "Over a period of time" in page
    assert "I saw it happen to someone else" in page


# --- The passphrase ----------------------------------------------------------------------------


def test_passphrase_has_at_least_64_bits_and_verifies(client, sparkbrook, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    assert len(passphrases.words()) == 7776
    assert len(set(passphrases.words())) == 7776
    assert passphrases.entropy_bits() >= 64
    assert math.isclose(passphrases.entropy_bits(), 5 * math.log2(7776))

    walk(client, "en", anonymous_answers())
    page = submit(client).content.decode()
    shown = page.split("data-passphrase>")[1].split("<")[0].strip()
    report = Report.objects.get()
    assert len(shown.split("-")) >= 5
    assert report.passphrase_hash.startswith("argon2")
    assert report.check_passphrase(shown)
    typed = "  " + shown.upper().replace("-", "  ") + " "
    assert report.check_passphrase(passphrases.normalise_passphrase(typed))
    assert shown not in str(dict(client.session))
    # Shown once: the confirmation page again has the reference but not the passphrase.
    again = client.get(url("en", "done")).content.decode()
    assert report.reference in again
    assert shown not in again


# --- Abuse -------------------------------------------------------------------------------------


def test_honeypot_pretends_success_and_saves_nothing(client, sparkbrook):
    walk(client, "en", anonymous_answers())
    response = client.post(url("en", "check"), {"website": "http://spam.example"})
    assert response.status_code == 200
    assert "HR-" in response.content.decode()
    assert not Report.objects.exists()


def test_submissions_are_rate_limited_kindly(client, sparkbrook, settings):
    settings.REPORT_SUBMISSION_RATE = "2/h"
    for _ in range(2):
        walk(client, "en", anonymous_answers())
        submit(client)
    walk(client, "en", anonymous_answers())
    response = client.post(url("so", "check"), {"website": ""})
    assert response.status_code == 429
    assert Report.objects.count() == 2
    assert "Your answers are saved" not in response.content.decode()  # in Somali
    assert ReportDraft.objects.exists()


def test_journey_pages_are_not_cached(client, sparkbrook):
    for slug in ["", "staying-safe", "who", "evidence", "check"]:
        response = client.get(url("en", slug))
        assert "no-store" in response["Cache-Control"], slug
