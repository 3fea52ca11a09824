"""The centre workspace (/centre/): a volunteer sees their own centre's reports and no others."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["volunteer_a", "coordinator_a"])
def test_workspace_lists_exactly_own_centre_reports(client, request, report_mix, who):
    sign_in(client, request.getfixturevalue(who))

    response = client.get(reverse("workspace:home"))

    page = response.content.decode()
    shown = {report.reference for report in response.context["reports"]}
    assert shown == {
        report_mix.a_details.reference,
        report_mix.a_anonymous.reference,
        report_mix.a_unshared.reference,
        report_mix.a_centre_case_in_b.reference,
    }
    for report in (report_mix.b_details, report_mix.b_unshared, report_mix.a_online):
        assert report.reference not in page


def test_workspace_for_volunteer_b_lists_centre_b(client, report_mix, volunteer_b):
    sign_in(client, volunteer_b)

    response = client.get(reverse("workspace:home"))

    shown = {report.reference for report in response.context["reports"]}
    assert shown == {report_mix.b_details.reference, report_mix.b_unshared.reference}


@pytest.mark.parametrize("who", ["spoc_a", "analyst", "administrator"])
def test_workspace_closed_to_other_roles(client, request, report_mix, who):
    sign_in(client, request.getfixturevalue(who))

    response = client.get(reverse("workspace:home"))

    assert response.status_code == 403
    assert report_mix.a_details.reference not in response.content.decode()


def test_workspace_without_second_factor_goes_to_code_page(client, report_mix, volunteer_a):
    TOTPDevice.objects.create(user=volunteer_a, name="phone", confirmed=True)
    client.force_login(volunteer_a)

    response = client.get(reverse("workspace:home"))

    assert response["Location"].startswith(reverse("staff:verify") + "?next=")
    assert report_mix.a_details.reference not in response.content.decode()


def test_workspace_anonymous_goes_to_sign_in(client):
    response = client.get(reverse("workspace:home"))

    assert response["Location"].startswith(reverse("staff:login") + "?next=")
