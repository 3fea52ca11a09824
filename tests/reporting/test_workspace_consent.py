"""Sharing a report with the police later at the centre that logged it, with the person
there: only that centre's volunteers can, the change is recorded with the volunteer and the
centre, logged, opens the case in the SPOC's queue, and shows on the case page."""

import pytest
from django.test import Client
from django.urls import reverse

from casework.models import Case
from centres.models import AccessLogEntry, Notification
from reporting.models import Channel, Consent, ConsentChange, ReporterContact
from tests.conftest import sign_in
from tests.factories import CaseFactory, ReporterContactFactory, ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_at_a(area_a, centre_a):
    """Logged at centre A for support only; the person reads Polish and gave an email."""
    report = ReportFactory(
        area=area_a,
        centre=centre_a,
        channel=Channel.ASSISTED,
        consent=Consent.DO_NOT_SHARE,
        language="pl",
    )
    ReporterContactFactory(report=report, channels=["email"])
    return report


def url(name, report, *args):
    return reverse(f"workspace:{name}", args=[report.pk, *args])


def test_volunteer_shares_with_the_person_there_and_the_case_reaches_the_spoc(
    client, logged_at_a, volunteer_a, spoc_a
):
    sign_in(client, volunteer_a)
    report_page = client.get(url("report", logged_at_a)).content.decode()
    assert url("share", logged_at_a) in report_page

    choice = client.post(url("share", logged_at_a), {"how": "anonymously"})
    question = client.get(url("share_confirm", logged_at_a, "anonymously")).content.decode()
    unconfirmed = client.post(url("share_confirm", logged_at_a, "anonymously"), {})
    response = client.post(url("share_confirm", logged_at_a, "anonymously"), {"present": "on"})

    assert choice["Location"] == url("share_confirm", logged_at_a, "anonymously")
    # The person reads what the police will see in their own language.
    assert 'lang="pl"' in question
    assert "Confirm that the person is here and agrees" in unconfirmed.content.decode()
    assert response["Location"] == url("shared", logged_at_a)
    logged_at_a.refresh_from_db()
    assert logged_at_a.consent == Consent.SHARE_ANONYMOUSLY
    change = ConsentChange.objects.get(report=logged_at_a)
    assert (change.changed_by, change.centre, change.channel) == (
        volunteer_a,
        logged_at_a.centre,
        ConsentChange.Channel.CENTRE,
    )
    log = AccessLogEntry.objects.about(logged_at_a).filter(action="change").get()
    assert log.user == volunteer_a
    assert "do_not_share -> share_anonymous" in log.reason
    message = Notification.objects.get(kind="consent_changed")
    assert (message.language, message.recipient) == ("pl", logged_at_a.contact)
    case = Case.objects.get(report=logged_at_a)
    spoc = sign_in(Client(), spoc_a)
    assert (
        logged_at_a.reference
        in spoc.get(reverse("admin:casework_case_changelist")).content.decode()
    )
    # The case page's consent panel says who changed it, where.
    case_page = spoc.get(reverse("admin:casework_case_change", args=[case.pk])).content.decode()
    assert 'id="consent"' in case_page
    assert "Volunteer A" in case_page and "Sparkbrook Community Centre" in case_page
    # The workspace's report page lists the change too.
    report_page = client.get(url("report", logged_at_a)).content.decode()
    assert "Changes to sharing" in report_page and "Volunteer A" in report_page
    done = client.get(url("shared", logged_at_a)).content.decode()
    assert 'lang="pl"' in done


def test_nothing_changes_until_the_volunteer_confirms(client, logged_at_a, volunteer_a):
    sign_in(client, volunteer_a)

    client.post(url("share_confirm", logged_at_a, "anonymously"), {})

    logged_at_a.refresh_from_db()
    assert logged_at_a.consent == Consent.DO_NOT_SHARE
    assert not ConsentChange.objects.exists()
    assert not Case.objects.exists()


def test_a_volunteer_of_another_centre_cannot_share(client, logged_at_a, volunteer_b):
    sign_in(client, volunteer_b)

    pages = [
        client.get(url("share", logged_at_a)),
        client.post(url("share_confirm", logged_at_a, "anonymously"), {"present": "on"}),
        client.get(url("shared", logged_at_a)),
    ]

    assert [page.status_code for page in pages] == [404, 404, 404]
    logged_at_a.refresh_from_db()
    assert logged_at_a.consent == Consent.DO_NOT_SHARE
    assert not ConsentChange.objects.exists()


def test_the_service_refuses_a_volunteer_outside_the_reports_centre(
    logged_at_a, volunteer_b, centre_b
):
    from django.core.exceptions import ValidationError

    from reporting import consent

    with pytest.raises(ValidationError) as refused:
        consent.change_consent(
            report=logged_at_a, to=Consent.SHARE_ANONYMOUSLY, by=volunteer_b, centre=centre_b
        )

    assert refused.value.message_dict.keys() == {"consent"}
    assert not ConsentChange.objects.exists()


def test_an_anonymous_share_gets_details_at_the_centre(client, area_a, centre_a, volunteer_a):
    report = ReportFactory(
        area=area_a, centre=centre_a, channel=Channel.ASSISTED, consent=Consent.SHARE_ANONYMOUSLY
    )
    CaseFactory(report=report, area=area_a)
    sign_in(client, volunteer_a)
    assert client.get(url("share", report))["Location"] == url(
        "share_confirm", report, "with-details"
    )

    response = client.post(
        url("share_confirm", report, "with-details"),
        {
            "present": "on",
            "contact-channels": ["email"],
            "contact-email": "person@example.org",
            "safety-safety": ["never_visit_home"],
        },
    )

    assert response["Location"] == url("shared", report)
    report.refresh_from_db()
    assert report.consent == Consent.SHARE_WITH_DETAILS
    contact = ReporterContact.objects.get(report=report)
    assert (contact.email, contact.channels, contact.never_visit_home) == (
        "person@example.org",
        ["email"],
        True,
    )
    # Told by email, now that there is an address.
    assert Notification.objects.filter(kind="consent_changed", channel="email").exists()


def test_the_report_page_offers_nothing_once_shared_with_details(
    client, area_a, centre_a, volunteer_a
):
    report = ReportFactory(
        area=area_a, centre=centre_a, channel=Channel.ASSISTED, consent=Consent.SHARE_WITH_DETAILS
    )
    sign_in(client, volunteer_a)

    page = client.get(url("report", report)).content.decode()
    direct = client.post(url("share_confirm", report, "anonymously"), {"present": "on"})

    assert url("share", report) not in page and "share/with-details" not in page
    assert direct["Location"] == url("report", report)
    assert not ConsentChange.objects.exists()
