"""Choosing one's own passphrase on check your answers, in the public and assisted journeys:
refused if weak with nothing else lost, hashed like ours if strong, accepted by the tracking
page, and never kept in clear in the draft, the session or the logs."""

import itertools
import logging
import random
import re

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from centres.models import Area, AreaPlace
from reporting import passphrase as passphrases
from reporting.forms.passphrase import PASSPHRASE_WEAK
from reporting.models import Report, ReportDraft
from tests.conftest import sign_in as staff_sign_in
from tests.factories import AreaFactory, AreaPlaceFactory
from tests.reporting import test_workspace_assisted as assisted
from tests.reporting.journey_steps import anonymous_answers, contact_answers, url, walk

WEAK = "password123"


@pytest.fixture
def client(db):
    # The rate limits count per client address; their counters start empty in every test
    # (tests/conftest.py clears the cache).
    return Client(REMOTE_ADDR="10.0.0.17")


@pytest.fixture
def reference_data(db):
    call_command("load_reference_data", verbosity=0)
    # Made by a data migration, but gone if a transactional test flushed the tables.
    Area.objects.get_or_create(
        is_central_queue=True, defaults={"name": "Central queue", "code": "central"}
    )


@pytest.fixture
def sparkbrook(reference_data):
    area = AreaFactory(name="Sparkbrook", code="sparkbrook")
    AreaPlaceFactory(area=area, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value="B11")
    return area


@pytest.fixture
def assisted_data(reference_data, area_a):
    AreaPlaceFactory(area=area_a, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value="B11")


def strong_passphrase():
    plain = [word for word in passphrases.words() if "-" not in word]
    return " ".join(random.sample(plain, 6)).title()


def send(client, lang="en", own="", again=None):
    return client.post(
        url(lang, "check"),
        {
            "website": "",
            "own_passphrase": own,
            "own_passphrase_again": own if again is None else again,
        },
    )


def translated(message, lang):
    with translation.override(lang):
        return translation.gettext(message) if isinstance(message, str) else str(message)


def shows(text, own) -> bool:
    """Whether any two neighbouring words of the passphrase appear together in the text."""
    words, text = own.lower().split(), passphrases.normalise_passphrase(text)
    return any(f"{a}-{b}" in text for a, b in itertools.pairwise(words))


def input_tag(page, name):
    return re.search(rf'<input[^>]*name="{name}"[^>]*>', page).group(0)


def everything_kept(client) -> str:
    """The draft's answers, the session as stored, and the client's session: all as text."""
    drafts = [str(draft.answers) for draft in ReportDraft.objects.all()]
    sessions = [str(session.get_decoded()) for session in Session.objects.all()]
    return " ".join([*drafts, *sessions, str(dict(client.session))])


# --- The page ----------------------------------------------------------------------------------


def test_check_page_offers_own_passphrase_without_javascript(client, sparkbrook):
    page = walk(client, "en", anonymous_answers()).content.decode()

    assert '<details class="govuk-details" data-passphrase-choice>' in page
    assert "I would rather choose my own passphrase" in page
    assert "at least 6 words picked at random" in page
    for name in ("own_passphrase", "own_passphrase_again"):
        tag = input_tag(page, name)
        assert 'type="password"' in tag
        assert 'autocomplete="new-password"' in tag
        assert "value=" not in tag
        assert "onpaste" not in tag
    assert 'data-module="govuk-password-input"' in page


# --- The default: one we make ------------------------------------------------------------------


def test_left_empty_we_make_one_and_show_it_once(client, sparkbrook):
    walk(client, "en", anonymous_answers())

    page = send(client).content.decode()

    shown = page.split("data-passphrase>")[1].split("<")[0].strip()
    report = Report.objects.get()
    # Five words of our list joined by hyphens; four of its words ("t-shirt") have one inside.
    word = "|".join(re.escape(w) for w in sorted(passphrases.words(), key=len, reverse=True))
    assert re.fullmatch("-".join([f"(?:{word})"] * 5), shown)
    assert report.check_passphrase(shown)
    assert "data-passphrase-chosen" not in page
    assert "data-passphrase-chosen" not in client.get(url("en", "done")).content.decode()


# --- One of their own --------------------------------------------------------------------------


def test_strong_own_passphrase_is_hashed_and_never_shown(client, sparkbrook, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    own = strong_passphrase()
    walk(client, "en", anonymous_answers())

    page = send(client, own=own).content.decode()

    report = Report.objects.get()
    assert report.passphrase_hash.startswith("argon2$")
    assert report.check_passphrase(own)
    assert report.check_passphrase(f"  {own.upper()}\n")
    assert "data-passphrase>" not in page
    assert "You chose your own passphrase" in page
    assert not shows(page, own)
    again = client.get(url("en", "done")).content.decode()
    assert report.reference in again
    assert "You chose your own passphrase" in again


@pytest.mark.parametrize(
    "weak",
    [
        "password123",
        "correct horse",
        "correct horse battery staple",
        "aB3$xY9!kL2@",
        "bobcat unsworn grid",  # three words from our own list
    ],
)
def test_weak_own_passphrase_is_refused_and_nothing_is_sent(client, sparkbrook, weak):
    walk(client, "en", anonymous_answers())

    response = send(client, own=weak)

    page = response.content.decode()
    assert response.status_code == 200
    assert not Report.objects.exists()
    assert "There is a problem" in page
    assert '<a href="#id_own_passphrase">' in page
    assert "<title>Error:" in page
    assert '<details class="govuk-details" open data-passphrase-choice>' in page
    assert weak not in page


def test_weak_passphrase_error_is_translated_and_keeps_every_answer(client, sparkbrook):
    walk(client, "ur", contact_answers())
    before = ReportDraft.objects.get().answers

    page = send(client, "ur", own=WEAK).content.decode()

    message = translated(PASSPHRASE_WEAK[passphrases.TOO_SHORT], "ur")
    assert message != translated(PASSPHRASE_WEAK[passphrases.TOO_SHORT], "en")
    assert page.count(message) == 2  # in the summary and by the box
    assert not Report.objects.exists()
    assert ReportDraft.objects.get().answers == before
    # Every answer is still on the page, and sending again works with nothing retyped.
    assert "amina@example.org" in page
    assert "Mornings" in page
    send(client, "ur")
    assert Report.objects.get().contact.email == "amina@example.org"


def test_passphrase_with_the_reporters_own_details_is_refused(client, sparkbrook):
    walk(client, "en", contact_answers())

    page = send(client, own="Amina amina@example.org sparkbrook b11 1aa").content.decode()

    assert translated(PASSPHRASE_WEAK[passphrases.PERSONAL], "en") in page
    assert not Report.objects.exists()


def test_passphrase_typed_differently_twice_is_refused(client, sparkbrook):
    walk(client, "en", anonymous_answers())
    own = strong_passphrase()

    different = send(client, own=own, again=own + " x").content.decode()
    missing = send(client, own=own, again="").content.decode()
    only_again = send(client, own="", again=own).content.decode()

    assert "The two passphrases you typed are not the same" in different
    assert "Type your passphrase again" in missing
    assert "leave both boxes empty for us to make one for you" in only_again
    assert not Report.objects.exists()
    # The same passphrase with other capitals and spaces is the same passphrase.
    send(client, own=own, again="  " + own.upper().replace(" ", " - "))
    assert Report.objects.get().check_passphrase(own)


# --- Tracking ----------------------------------------------------------------------------------


def test_own_passphrase_signs_in_to_tracking_pasted_with_whitespace(client, sparkbrook):
    own = strong_passphrase()
    walk(client, "en", anonymous_answers())
    send(client, own=own)
    report = Report.objects.get()
    tracker = Client(REMOTE_ADDR="10.250.1.2")

    wrong = tracker.post("/en/track/", {"reference": report.reference, "passphrase": own[:-1]})
    right = tracker.post(
        "/en/track/", {"reference": report.reference, "passphrase": f"\t {own.lower()}  \n"}
    )

    assert wrong.status_code == 200
    assert "The reference or passphrase is not right" in wrong.content.decode()
    assert right.status_code == 302
    assert report.reference in tracker.get(right["Location"]).content.decode()


def test_generated_passphrase_still_signs_in_to_tracking(client, sparkbrook):
    walk(client, "en", anonymous_answers())
    shown = send(client).content.decode().split("data-passphrase>")[1].split("<")[0].strip()
    report = Report.objects.get()

    response = Client(REMOTE_ADDR="10.250.1.3").post(
        "/en/track/", {"reference": report.reference, "passphrase": shown.replace("-", " ")}
    )

    assert response.status_code == 302


# --- Nothing kept in clear ---------------------------------------------------------------------


def test_passphrase_is_in_no_draft_session_or_log(client, sparkbrook, caplog):
    caplog.set_level(logging.DEBUG)
    own = strong_passphrase()
    walk(client, "en", contact_answers())

    refused = send(client, own=own, again=own + "x")
    kept_after_error = everything_kept(client)
    sent = send(client, own=own)
    kept_after_sending = everything_kept(client)

    report = Report.objects.get()
    secret = passphrases.normalise_passphrase(own)
    for text in (kept_after_error, kept_after_sending, caplog.text):
        assert secret not in passphrases.normalise_passphrase(text)
        assert not shows(text, own)
    fields = {f.name: getattr(report, f.attname) for f in Report._meta.concrete_fields}
    fields.pop("passphrase_hash")
    assert not shows(str(fields), own)
    # Django's error reports would hide it too.
    for response in (refused, sent):
        assert set(response.wsgi_request.sensitive_post_parameters) == {
            "own_passphrase",
            "own_passphrase_again",
        }


# --- Assisted reporting ------------------------------------------------------------------------


def test_assisted_person_can_choose_their_own_passphrase(
    client, assisted_data, volunteer_a, centre_a
):
    staff_sign_in(client, volunteer_a)
    page = assisted.walk(client, language="pl", centre=centre_a).content.decode()
    assert translated("I would rather choose my own passphrase", "pl") in page
    assert 'autocomplete="off"' in input_tag(page, "own_passphrase")
    own = strong_passphrase()

    response = client.post(
        assisted.step("check"),
        {"centre_is_go_between": "no", "own_passphrase": own, "own_passphrase_again": own},
    )

    report = Report.objects.get()
    done = response.content.decode()
    assert report.check_passphrase(own)
    assert "data-passphrase>" not in done
    assert "data-passphrase-chosen" in done
    assert not shows(done, own)


def test_assisted_weak_passphrase_error_is_in_the_persons_language(
    client, assisted_data, volunteer_a, centre_a
):
    staff_sign_in(client, volunteer_a)
    assisted.walk(client, language="pl", centre=centre_a)

    response = client.post(
        assisted.step("check"),
        {"centre_is_go_between": "yes", "own_passphrase": WEAK, "own_passphrase_again": WEAK},
    )

    page = response.content.decode()
    assert not Report.objects.exists()
    assert translated(PASSPHRASE_WEAK[passphrases.TOO_SHORT], "pl") in page
    # The summary is the volunteer's, in their language.
    assert translated(PASSPHRASE_WEAK[passphrases.TOO_SHORT], "en") in page
    assert WEAK not in page
    # Left empty, the report goes with one we make.
    client.post(assisted.step("check"), {"centre_is_go_between": "yes"})
    assert Report.objects.get().centre_is_go_between is True
