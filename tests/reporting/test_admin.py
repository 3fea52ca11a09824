"""The report admin, through real HTTP: scoped, read-only, contact details only when allowed."""

import pytest
from django.urls import reverse

from centres.models import AccessLogEntry
from reporting.models import Report
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

MADE_UP_ID = 987654321
PHONE = "07700 900123"  # every report in the mix has this contact number


def change_url(report_id):
    return reverse("admin:reporting_report_change", args=[report_id])


def test_report_change_out_of_scope_answers_as_missing(client, report_mix, spoc_a):
    sign_in(client, spoc_a)

    answers = [
        client.get(change_url(report.pk))
        for report in (report_mix.b_details, report_mix.a_unshared, report_mix.a_withdrawn)
    ]
    missing = client.get(change_url(MADE_UP_ID))

    assert {(r.status_code, r["Location"]) for r in answers} == {
        (missing.status_code, missing["Location"])
    }
    assert missing["Location"] == reverse("admin:index")
    assert not AccessLogEntry.objects.exists()


def test_report_changelist_lists_only_shared_reports_of_own_area(client, report_mix, spoc_a):
    sign_in(client, spoc_a)

    response = client.get(reverse("admin:reporting_report_changelist"))

    page = response.content.decode()
    shown = {report.reference for report in response.context["cl"].result_list}
    assert shown == {
        report_mix.a_details.reference,
        report_mix.a_anonymous.reference,
        report_mix.a_online.reference,
    }
    for report in (report_mix.b_details, report_mix.a_unshared, report_mix.a_withdrawn):
        assert report.reference not in page


def test_report_changelist_for_superuser_lists_every_report(client, report_mix, superuser):
    sign_in(client, superuser)

    response = client.get(reverse("admin:reporting_report_changelist"))

    shown = {report.reference for report in response.context["cl"].result_list}
    assert shown == {report.reference for report in Report.objects.all()}


def test_report_change_shared_with_details_shows_contact(client, report_mix, spoc_a):
    sign_in(client, spoc_a)

    response = client.get(change_url(report_mix.a_details.pk))

    page = response.content.decode()
    assert report_mix.a_details.reference in page
    assert PHONE in page
    assert "amina@example.org" in page


def test_report_change_shared_anonymously_hides_contact(client, report_mix, spoc_a):
    sign_in(client, spoc_a)

    response = client.get(change_url(report_mix.a_anonymous.pk))

    page = response.content.decode()
    assert report_mix.a_anonymous.reference in page
    assert PHONE not in page
    assert "amina@example.org" not in page
    assert "Amina" not in page


def test_report_change_by_superuser_shows_contact(client, report_mix, superuser):
    sign_in(client, superuser)

    response = client.get(change_url(report_mix.b_anonymous.pk))

    assert PHONE in response.content.decode()


def test_report_change_never_shows_passphrase_hash(client, report_mix, superuser):
    sign_in(client, superuser)

    response = client.get(change_url(report_mix.a_details.pk))

    assert report_mix.a_details.passphrase_hash not in response.content.decode()


def test_report_change_logs_view(client, report_mix, spoc_a):
    sign_in(client, spoc_a)
    report = report_mix.a_online

    client.get(change_url(report.pk))

    entry = AccessLogEntry.objects.about(report).get()
    assert (entry.user, entry.action, entry.detail) == (spoc_a, "view", "admin")


def test_report_change_is_read_only(client, report_mix, spoc_a):
    sign_in(client, spoc_a)
    report = report_mix.a_details

    response = client.post(change_url(report.pk), {"description": "rewritten", "consent": "x"})

    assert response.status_code == 403
    report.refresh_from_db()
    assert report.description == "Shouted at in the street."


def test_report_admin_closed_to_administrator(client, report_mix, administrator):
    sign_in(client, administrator)

    changelist = client.get(reverse("admin:reporting_report_changelist"))
    change = client.get(change_url(report_mix.a_details.pk))

    assert changelist.status_code == change.status_code == 403
    assert report_mix.a_details.reference not in change.content.decode()
    assert not AccessLogEntry.objects.exists()
