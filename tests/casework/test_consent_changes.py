"""Consent that can change both ways, from the tracking page: a support-only report shared
later opens its case at once (the SPOC's queue, clocks running), an anonymous share can add
the reporter's details, every change is a ConsentChange row and an access-log entry, the
reporter is told in their language, and nonsense changes are refused."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from casework.models import Case, Clock
from centres.models import AccessLogEntry, Notification
from reporting import consent
from reporting.access import can_see_contact_details
from reporting.models import Consent, ConsentChange, Report, ReporterContact
from tests.conftest import sign_in as staff_sign_in
from tests.factories import CaseFactory, ReporterContactFactory, ReportFactory

pytestmark = pytest.mark.django_db

PASSPHRASE = "orbit velvet tundra mango fable"


def tracked(report: Report) -> Report:
    report.set_passphrase(PASSPHRASE)
    report.save(update_fields=["passphrase_hash"])
    return report


def track_sign_in(client, report, language="en"):
    response = client.post(
        f"/{language}/track/", {"reference": report.reference, "passphrase": PASSPHRASE}
    )
    assert response.status_code == 302
    return client


def spoc_queue(client, spoc) -> str:
    staff_sign_in(client, spoc)
    response = client.get(reverse("admin:casework_case_changelist"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def support_only(area_a):
    """Kept for support only, with an email the reporter allows, in Urdu."""
    report = tracked(ReportFactory(area=area_a, consent=Consent.DO_NOT_SHARE, language="ur"))
    ReporterContactFactory(report=report, channels=["email"], preferred_language="")
    return report


# --- Done when: a support-only report shared later reaches the SPOC's queue -------------


def test_support_only_report_shared_later_opens_its_case_in_the_spocs_queue(
    client, support_only, spoc_a
):
    from django.test import Client

    before = spoc_queue(Client(), spoc_a)
    assert support_only.reference not in before
    track_sign_in(client, support_only)

    choice = client.post("/en/track/share/", {"how": "anonymously"})
    assert choice["Location"] == "/en/track/share/anonymously/"
    question = client.get("/en/track/share/anonymously/").content.decode()
    response = client.post("/en/track/share/anonymously/")

    assert "Are you sure you want to share your report with the police?" in question
    assert "They will not know who you are" in question
    assert response["Location"] == "/en/track/share/done/"
    support_only.refresh_from_db()
    assert support_only.consent == Consent.SHARE_ANONYMOUSLY
    case = Case.objects.get(report=support_only)
    assert case.area_id == support_only.area_id
    assert (timezone.now() - case.opened_at).total_seconds() < 60
    clock = Clock.objects.get(case=case, kind=Clock.Kind.ROUTINE)
    assert clock.started_at == case.opened_at
    assert support_only.reference in spoc_queue(Client(), spoc_a)
    done = client.get("/en/track/share/done/").content.decode()
    assert "Your report has been shared with the police" in done
    assert "within 1 working day" in done
    assert "They will not know who you are" in done


def test_sharing_later_is_recorded_logged_and_the_reporter_told_in_their_language(
    client, support_only
):
    track_sign_in(client, support_only)

    client.post("/en/track/share/anonymously/")

    change = ConsentChange.objects.get(report=support_only)
    assert (change.previous, change.current, change.changed_by, change.channel) == (
        Consent.DO_NOT_SHARE,
        Consent.SHARE_ANONYMOUSLY,
        None,
        ConsentChange.Channel.TRACKING,
    )
    log = AccessLogEntry.objects.about(support_only).filter(action="change").get()
    assert (log.user, log.detail) == (None, "reporter")
    assert "do_not_share -> share_anonymous" in log.reason
    message = Notification.objects.get(kind="consent_changed")
    assert (message.channel, message.language, message.recipient) == (
        "email",
        "ur",
        support_only.contact,
    )
    # Ids and flags only: nothing of the report travels with the message.
    assert message.context == {}


def test_the_reporters_message_says_only_that_there_is_news(client, support_only, settings):
    from centres.delivery import build

    track_sign_in(client, support_only)
    client.post("/en/track/share/anonymously/")
    message = Notification.objects.get(kind="consent_changed")

    outgoing = build(message)

    assert outgoing.to == [support_only.contact.email]
    assert "/ur/track/" in outgoing.body
    assert support_only.reference not in outgoing.body + outgoing.subject
    assert "police" not in (outgoing.body + outgoing.subject).lower()


def test_the_choice_offers_only_what_the_report_can_change_to(client, support_only):
    track_sign_in(client, support_only)

    page = client.get("/en/track/share/").content.decode()
    refused = client.post("/en/track/share/", {})

    assert 'value="anonymously"' in page and 'value="with-details"' in page
    assert "Select how you want to share your report" in refused.content.decode()
    assert not ConsentChange.objects.exists()


# --- Adding details to an anonymous share --------------------------------------------------


@pytest.fixture
def anonymous_without_details(area_a):
    report = tracked(ReportFactory(area=area_a, consent=Consent.SHARE_ANONYMOUSLY))
    CaseFactory(report=report, area=area_a)
    return report


def test_anonymous_share_adds_details_given_on_the_same_page(
    client, anonymous_without_details, spoc_a
):
    report = anonymous_without_details
    assert not can_see_contact_details(spoc_a, report)
    track_sign_in(client, report)
    assert client.get("/en/track/share/")["Location"] == "/en/track/share/with-details/"

    question = client.get("/en/track/share/with-details/").content.decode()
    response = client.post(
        "/en/track/share/with-details/",
        {
            "contact-channels": ["sms"],
            "contact-name": "Farah",
            "contact-phone": "07700 900 982",
            "safety-safe_times": "Weekdays after 6pm",
            "safety-safety": ["no_voicemail", "family_does_not_know"],
        },
    )

    assert "Are you sure you want to give the police your contact details?" in question
    assert 'name="contact-phone"' in question and 'name="safety-safe_times"' in question
    assert response["Location"] == "/en/track/share/done/"
    report.refresh_from_db()
    assert report.consent == Consent.SHARE_WITH_DETAILS
    contact = ReporterContact.objects.get(report=report)
    assert (contact.name, contact.phone, contact.channels) == ("Farah", "07700 900 982", ["sms"])
    assert (contact.no_voicemail, contact.never_visit_home, contact.family_does_not_know) == (
        True,
        False,
        True,
    )
    # Encrypted at rest: the phone number is not in the table as typed.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT phone, name FROM reporting_reportercontact WHERE id = %s", [contact.pk]
        )
        stored = cursor.fetchone()
    assert "07700" not in stored[0] and "Farah" not in stored[1]
    # The SPOC of the area now sees them on the case page.
    spoc_page = client_for(spoc_a).get(reverse("admin:casework_case_change", args=[report.case.pk]))
    assert "07700 900 982" in spoc_page.content.decode()
    assert can_see_contact_details(spoc_a, Report.objects.get(pk=report.pk))
    done = client.get("/en/track/share/done/").content.decode()
    assert "We have given your contact details to the police" in done
    log = AccessLogEntry.objects.about(report).filter(action="change").get()
    assert "contact details given" in log.reason


def client_for(user):
    from django.test import Client

    return staff_sign_in(Client(), user)


def test_missing_details_are_asked_for_and_nothing_typed_is_lost(client, anonymous_without_details):
    report = anonymous_without_details
    track_sign_in(client, report)

    response = client.post(
        "/en/track/share/with-details/",
        {"contact-channels": ["email"], "contact-name": "Farah", "safety-safe_times": "Evenings"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter your email address, or untick email" in page
    assert 'value="Farah"' in page and 'value="Evenings"' in page
    report.refresh_from_db()
    assert report.consent == Consent.SHARE_ANONYMOUSLY
    assert not ConsentChange.objects.exists()
    assert not ReporterContact.objects.filter(report=report).exists()


def test_details_already_given_are_not_asked_again(client, area_a):
    report = tracked(ReportFactory(area=area_a, consent=Consent.SHARE_ANONYMOUSLY))
    ReporterContactFactory(report=report)
    CaseFactory(report=report, area=area_a)
    track_sign_in(client, report)

    question = client.get("/en/track/share/with-details/").content.decode()
    client.post("/en/track/share/with-details/")

    assert 'name="contact-phone"' not in question
    report.refresh_from_db()
    assert report.consent == Consent.SHARE_WITH_DETAILS


def test_the_status_page_offers_the_way_on_for_each_consent(client, support_only, area_a):
    track_sign_in(client, support_only)
    page = client.get("/en/track/status/").content.decode()
    assert 'href="/en/track/share/"' in page

    client.post("/en/track/share/with-details/")  # details exist: shared with them
    page = client.get("/en/track/status/").content.decode()
    assert 'href="/en/track/share/' not in page
    assert "You asked us to share your report with the police" in page


def test_the_question_reads_in_urdu_on_the_urdu_site(client, support_only):
    track_sign_in(client, support_only, language="ur")

    response = client.get("/ur/track/share/anonymously/")

    page = response.content.decode()
    assert response.status_code == 200
    assert 'lang="ur"' in page and 'dir="rtl"' in page
    assert 'action="/ur/track/' not in page  # the form posts back to the page it is on


# --- Refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "to"),
    [
        (Consent.DO_NOT_SHARE, Consent.DO_NOT_SHARE),
        (Consent.SHARE_ANONYMOUSLY, Consent.SHARE_ANONYMOUSLY),
        (Consent.SHARE_WITH_DETAILS, Consent.SHARE_WITH_DETAILS),
        (Consent.SHARE_WITH_DETAILS, Consent.SHARE_ANONYMOUSLY),
        (Consent.DO_NOT_SHARE, "share_with_everyone"),
    ],
)
def test_nonsense_changes_are_refused_and_write_nothing(area_a, start, to):
    report = ReportFactory(area=area_a, consent=start)
    ReporterContactFactory(report=report)

    with pytest.raises(ValidationError) as refused:
        consent.change_consent(report=report, to=to)

    assert refused.value.message_dict.keys() == {"consent"}
    report.refresh_from_db()
    assert report.consent == start
    assert not ConsentChange.objects.exists()
    assert not AccessLogEntry.objects.about(report).exists()
    assert not Case.objects.filter(report=report).exists()


def test_the_database_refuses_a_change_to_the_same_consent(area_a):
    from django.db import IntegrityError, transaction

    report = ReportFactory(area=area_a, consent=Consent.DO_NOT_SHARE)
    with pytest.raises(IntegrityError), transaction.atomic():
        ConsentChange.objects.create(report=report, previous="do_not_share", current="do_not_share")


def test_sharing_with_details_needs_details(area_a):
    report = ReportFactory(area=area_a, consent=Consent.DO_NOT_SHARE)

    with pytest.raises(ValidationError) as refused:
        consent.change_consent(report=report, to=Consent.SHARE_WITH_DETAILS, contact={})

    assert refused.value.message_dict.keys() == {"contact"}
    assert not ConsentChange.objects.exists()


def test_a_page_for_a_change_not_allowed_goes_back_to_the_report(client, support_only):
    track_sign_in(client, support_only)
    client.post("/en/track/share/anonymously/")

    again = client.post("/en/track/share/anonymously/")
    unknown = client.get("/en/track/share/to-everyone/")

    assert again["Location"] == unknown["Location"] == "/en/track/status/"
    assert ConsentChange.objects.filter(report=support_only).count() == 1


def test_share_pages_need_the_tracking_sign_in(client, support_only):
    for url in ("/en/track/share/", "/en/track/share/anonymously/"):
        assert client.post(url)["Location"] == "/en/track/"
    assert client.get("/en/track/share/done/")["Location"] == "/en/track/"
    support_only.refresh_from_db()
    assert support_only.consent == Consent.DO_NOT_SHARE


def test_withdrawing_then_sharing_again_brings_the_case_back(client, area_a, spoc_a):
    from django.test import Client

    report = tracked(ReportFactory(area=area_a, consent=Consent.SHARE_ANONYMOUSLY))
    case = CaseFactory(report=report, area=area_a)
    track_sign_in(client, report)
    client.post("/en/track/stop-sharing/")
    assert report.reference not in spoc_queue(Client(), spoc_a)

    client.post("/en/track/share/", {"how": "anonymously"})
    client.post("/en/track/share/anonymously/")

    assert Case.objects.get(report=report) == case
    assert report.reference in spoc_queue(Client(), spoc_a)
    assert list(ConsentChange.objects.filter(report=report).values_list("previous", "current")) == [
        ("share_anonymous", "do_not_share"),
        ("do_not_share", "share_anonymous"),
    ]


def test_the_sweep_opens_the_case_of_an_old_report_shared_later_if_opening_failed(
    area_a, monkeypatch
):
    """A report sent months ago and shared today: if opening its case failed, the casework
    sweep finds it by its consent change, not by when it was sent."""
    import datetime

    from casework import sweeps
    from reporting.signals import report_shared

    report = ReportFactory(
        area=area_a,
        consent=Consent.DO_NOT_SHARE,
        submitted_at=timezone.now() - datetime.timedelta(days=200),
    )
    receivers = report_shared.receivers
    monkeypatch.setattr(report_shared, "receivers", [])  # the opening "fails": nobody hears
    consent.change_consent(report=report, to=Consent.SHARE_ANONYMOUSLY)
    monkeypatch.setattr(report_shared, "receivers", receivers)
    assert not Case.objects.filter(report=report).exists()

    opened = sweeps.open_missing_cases(now=timezone.now() + datetime.timedelta(minutes=2))

    assert opened == 1
    assert Case.objects.filter(report=report).exists()
