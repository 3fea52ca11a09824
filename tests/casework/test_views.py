"""The insights pages: aggregates for analysts, never a report, never a small count."""

import pytest
from django.urls import reverse

from tests.conftest import sign_in
from tests.factories import ReportFactory

pytestmark = pytest.mark.django_db


def test_insights_for_analyst_shows_counts_by_area_with_small_ones_hidden(
    client, analyst, area_a, area_b
):
    ReportFactory.create_batch(6, area=area_a)
    small = ReportFactory.create_batch(2, area=area_b)
    sign_in(client, analyst)

    response = client.get(reverse("casework:insights"))

    by_area = dict(response.context["by_area"])
    assert by_area[area_a.name] == "6"
    assert by_area[area_b.name] == "<5"
    page = response.content.decode()
    assert all(report.reference not in page for report in small)


@pytest.mark.parametrize("who", ["spoc_a", "volunteer_a"])
def test_insights_closed_to_other_roles(client, request, who):
    sign_in(client, request.getfixturevalue(who))

    response = client.get(reverse("casework:insights"))

    assert response.status_code == 403
    assert "by_area" not in (response.context or {})


def test_insights_anonymous_goes_to_sign_in(client):
    response = client.get(reverse("casework:insights"))

    assert response["Location"].startswith(reverse("staff:login"))
