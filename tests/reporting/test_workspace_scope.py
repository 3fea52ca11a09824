"""Nothing of another centre leaks through the workspace or the admin: every URL that takes
a report id, asked by a volunteer of centre A for every report of centre B, answers 404 (or,
for the admin, which volunteers may not use at all, never shows the report)."""

import pytest
from django.urls import reverse

from centres.models import AccessLogEntry
from tests.conftest import sign_in
from tests.factories import CaseUpdateFactory, EvidenceFileFactory

pytestmark = pytest.mark.django_db

WORKSPACE_REPORT_URLS = [
    ("get", "workspace:report"),
    ("post", "workspace:go_between"),
    ("get", "workspace:receipt"),
]
ADMIN_REPORT_URLS = [
    "admin:reporting_report_change",
    "admin:reporting_report_history",
    "admin:reporting_report_delete",
    "admin:casework_case_change",
]


def other_centre_reports(mix):
    return [mix.b_details, mix.b_unshared]


@pytest.mark.parametrize(("method", "name"), WORKSPACE_REPORT_URLS)
def test_volunteer_gets_nothing_of_another_centres_reports(
    client, report_mix, volunteer_a, method, name
):
    sign_in(client, volunteer_a)
    for report in other_centre_reports(report_mix):
        before = report.centre_is_go_between

        response = getattr(client, method)(
            reverse(name, args=[report.pk]), {"centre_is_go_between": "yes"}
        )

        assert response.status_code == 404, (name, report.reference)
        assert report.reference not in response.content.decode()
        report.refresh_from_db()
        assert report.centre_is_go_between == before
        assert not AccessLogEntry.objects.about(report).exists()
        assert "receipt_report_id" not in client.session


def test_volunteer_gets_no_evidence_of_another_centre(client, report_mix, volunteer_a):
    evidence = EvidenceFileFactory(report=report_mix.b_details)
    sign_in(client, volunteer_a)

    response = client.get(reverse("workspace:evidence", args=[evidence.pk]))

    assert response.status_code == 404


@pytest.mark.parametrize("name", ADMIN_REPORT_URLS)
def test_volunteer_gets_nothing_from_the_admin(client, report_mix, volunteer_a, name):
    sign_in(client, volunteer_a)
    for report in [*other_centre_reports(report_mix), report_mix.a_details]:
        pk = (
            report.case.pk
            if name.startswith("admin:casework") and hasattr(report, "case")
            else report.pk
        )

        response = client.get(reverse(name, args=[pk]))

        assert response.status_code in (302, 403, 404)
        assert report.reference not in response.content.decode()


def test_volunteer_list_and_search_never_show_another_centre(client, report_mix, volunteer_a):
    sign_in(client, volunteer_a)
    for report in other_centre_reports(report_mix):
        response = client.get(reverse("workspace:home"), {"reference": report.reference})

        assert list(response.context["reports"]) == []
        # The search box shows what was typed; no row links to the report.
        assert f">{report.reference}</a>" not in response.content.decode()


def test_volunteer_sees_own_centre_report_with_victim_updates_only(client, report_mix, volunteer_a):
    case = report_mix.a_details.case
    CaseUpdateFactory(case=case, body="A witness has come forward.")
    CaseUpdateFactory(case=case, visibility="internal", body="Suspect known to us.")
    sign_in(client, volunteer_a)

    response = client.get(reverse("workspace:report", args=[report_mix.a_details.pk]))

    page = response.content.decode()
    assert "A witness has come forward." in page
    assert "Suspect known to us." not in page
    assert (
        AccessLogEntry.objects.about(report_mix.a_details)
        .filter(user=volunteer_a, action="view")
        .exists()
    )


def test_volunteer_who_is_also_police_sees_only_centre_reports_in_workspace(
    client, report_mix, volunteer_a, area_a
):
    from centres.models import Membership, Role

    Membership.objects.create(user=volunteer_a, role=Role.SPOC, area=area_a, approval="approved")
    sign_in(client, volunteer_a)

    response = client.get(reverse("workspace:report", args=[report_mix.a_online.pk]))

    assert response.status_code == 404


def test_go_between_can_be_changed_and_is_logged(client, report_mix, volunteer_a):
    report = report_mix.a_unshared
    sign_in(client, volunteer_a)

    client.post(reverse("workspace:go_between", args=[report.pk]), {"centre_is_go_between": "yes"})

    report.refresh_from_db()
    assert report.centre_is_go_between is True
    assert AccessLogEntry.objects.about(report).filter(action="change").exists()


def test_receipt_hands_over_through_the_receipt_page(client, report_mix, volunteer_a):
    report = report_mix.a_details
    report.language = "pl"
    report.save(update_fields=["language"])
    sign_in(client, volunteer_a)

    response = client.get(reverse("workspace:receipt", args=[report.pk]))

    assert response["Location"] == "/pl/report/receipt/"
    assert client.session["receipt_report_id"] == report.pk


def every_workspace_url(report, centre, membership):
    return [
        reverse("workspace:home"),
        reverse("workspace:report", args=[report.pk]),
        reverse("workspace:receipt", args=[report.pk]),
        reverse("workspace:assisted_start"),
        reverse("workspace:assisted_check"),
        reverse("workspace:assisted_evidence"),
        reverse("workspace:assisted_step", args=["who"]),
        reverse("workspace:training", args=[centre.pk]),
        reverse("workspace:listing", args=[centre.pk]),
        reverse("workspace:volunteers", args=[centre.pk]),
        reverse("workspace:volunteer", args=[centre.pk, membership.pk]),
        reverse("workspace:counts", args=[centre.pk]),
    ]


def test_every_workspace_url_needs_sign_in_and_second_factor(
    client, report_mix, coordinator_a, centre_a
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    urls = every_workspace_url(report_mix.a_details, centre_a, coordinator_a.memberships.get())
    for url in urls:
        response = client.get(url)
        assert response["Location"].startswith(reverse("staff:login") + "?next="), url

    TOTPDevice.objects.create(user=coordinator_a, name="phone", confirmed=True)
    client.force_login(coordinator_a)
    for url in urls:
        response = client.get(url)
        assert response["Location"].startswith(reverse("staff:verify") + "?next="), url
        assert report_mix.a_details.reference not in response.content.decode()


@pytest.mark.parametrize("who", ["spoc_a", "analyst", "administrator"])
def test_every_workspace_url_closed_to_other_roles(
    client, request, report_mix, centre_a, coordinator_a, who
):
    sign_in(client, request.getfixturevalue(who))

    for url in every_workspace_url(report_mix.a_details, centre_a, coordinator_a.memberships.get()):
        response = client.get(url)
        assert response.status_code == 403, url
        assert report_mix.a_details.reference not in response.content.decode()
