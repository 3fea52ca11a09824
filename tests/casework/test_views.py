"""The insights pages: aggregates for analysts, never a report, never a small count."""

import pytest
from django.urls import reverse

from casework.insights import rollup
from tests.conftest import sign_in
from tests.factories import ReportFactory

pytestmark = pytest.mark.django_db


def test_insights_for_analyst_shows_counts_by_area_with_small_ones_hidden(
    client, analyst, area_a, area_b
):
    ReportFactory.create_batch(6, area=area_a)
    small = ReportFactory.create_batch(2, area=area_b)
    rollup.refresh()
    sign_in(client, analyst)

    response = client.get(reverse("casework:insights"))

    places = next(s for s in response.context["sections"] if s["table"].key == "places-by-area")
    by_area = dict(zip(places["table"].columns[1:], places["rows"][-1][1:], strict=True))
    assert by_area[area_a.name] == 5  # 6, rounded to the nearest 5
    assert by_area[area_b.name] == "<5"
    page = response.content.decode()
    assert all(report.reference not in page for report in small)


@pytest.mark.parametrize("who", ["spoc_a", "volunteer_a"])
def test_insights_closed_to_other_roles(client, request, who):
    sign_in(client, request.getfixturevalue(who))

    response = client.get(reverse("casework:insights"))

    assert response.status_code == 403
    assert "sections" not in (response.context or {})


def test_insights_anonymous_goes_to_sign_in(client):
    response = client.get(reverse("casework:insights"))

    assert response["Location"].startswith(reverse("staff:login"))
