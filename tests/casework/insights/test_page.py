"""The insights page: every section for an area and a period, as charts with tables; the CSV
export of each table, logged; closed to everyone but analysts and administrators."""

import csv
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from casework.insights import sections
from casework.insights.filters import Filters, add_months
from centres.models import AccessLogEntry
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

CASEWORK_SECTIONS = {
    "reports-by-month",
    "reports-by-strand",
    "strands-by-month",
    "channels",
    "centres",
    "crime-or-incident",
    "places-by-area",
    "outcomes",
    "updates-on-time",
    "time-to-triage",
    "repeat-victims",
    "repeat-reporters",
    "schools",
}


def this_month():
    return f"{timezone.localdate():%Y-%m}"


def test_insights_filtered_to_an_area_shows_every_section_as_chart_and_table(
    client, analyst, area_a, insights_data
):
    sign_in(client, analyst)

    response = client.get(
        reverse("casework:insights"),
        {"area": area_a.code, "start": this_month(), "end": this_month()},
    )

    assert response.status_code == 200
    shown = {section["table"].key for section in response.context["sections"]}
    assert shown >= CASEWORK_SECTIONS
    page = response.content.decode()
    for key in CASEWORK_SECTIONS:
        assert f'id="{key}"' in page
        assert f"/insights/export/{key}.csv?" in page
    charts = re.findall(r"<svg\b.*?</svg>", page, re.S)
    assert len(charts) >= 8
    for chart in charts:
        assert 'role="img"' in chart
        assert re.search(r'aria-labelledby="chart-[\w-]+-title chart-[\w-]+-desc"', chart)
        assert "<script" not in chart and "<style" not in chart and " style=" not in chart
    channels = next(s for s in response.context["sections"] if s["table"].key == "channels")
    # Area A this month: 8 online by the victim (rounded to 10), 3 at a centre (hidden).
    assert channels["rows"][0][1] == 10
    assert channels["rows"][2][1] == "<5"
    assert "&lt;5" in page


def test_insights_other_area_has_none_of_area_a(client, analyst, area_b, insights_data):
    sign_in(client, analyst)

    response = client.get(
        reverse("casework:insights"), {"area": area_b.code, "start": this_month()}
    )

    monthly = next(s for s in response.context["sections"] if s["table"].key == "reports-by-month")
    assert monthly["table"].rows[-1][1] == "<5" or str(monthly["rows"][-1][1]) == "<5"


def test_insights_bad_period_is_a_form_error_not_a_failure(client, analyst, insights_data):
    sign_in(client, analyst)

    earlier = add_months(timezone.localdate().replace(day=1), -3)
    response = client.get(
        reverse("casework:insights"), {"start": this_month(), "end": f"{earlier:%Y-%m}"}
    )

    assert response.status_code == 200
    assert "The end of the period must be on or after its start." in response.content.decode()
    assert response.context["filters"] == Filters.default()


def _x_axis(chart: str) -> list[str]:
    root = etree.fromstring(chart.encode())
    svg = "{http://www.w3.org/2000/svg}"
    axis = next(g for g in root.iter(f"{svg}g") if g.get("class", "").split() == ["axis", "x"])
    return [text.text for text in axis.iter(f"{svg}text")]


def test_insights_right_to_left_mirrors_the_time_axis(client, analyst, insights_data):
    sign_in(client, analyst)

    english = client.get(reverse("casework:insights"), HTTP_ACCEPT_LANGUAGE="en")
    arabic = client.get(reverse("casework:insights"), HTTP_ACCEPT_LANGUAGE="ar")

    assert 'dir="rtl"' in arabic.content.decode()
    for response, mirrored in ((english, False), (arabic, True)):
        monthly = next(s for s in response.context["sections"] if s["table"].key == "outcomes")
        months = [str(row[0]) for row in monthly["rows"][:-1]]
        expected = months[::-1] if mirrored else months
        assert _x_axis(monthly["chart"]) == expected


def test_export_is_the_table_as_shown_and_logged(client, analyst, area_a, insights_data):
    sign_in(client, analyst)
    query = {"area": area_a.code, "start": this_month(), "end": this_month()}
    page = client.get(reverse("casework:insights"), query)

    response = client.get(reverse("casework:insights_export", args=["channels"]), query)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="insights-channels.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    shown = next(s for s in page.context["sections"] if s["table"].key == "channels")
    assert rows[0] == [str(column) for column in shown["table"].columns]
    assert rows[1 : 1 + len(shown["rows"])] == [
        [str(cell) for cell in row] for row in shown["rows"]
    ]
    entry = AccessLogEntry.objects.get(action="export", user=analyst)
    assert entry.detail.startswith("insights channels.csv:")
    assert f"area={area_a.code}" in entry.detail
    assert all(report.reference not in entry.detail for report in insights_data)


def test_export_of_an_unknown_table_is_404(client, analyst, insights_data):
    sign_in(client, analyst)

    response = client.get(reverse("casework:insights_export", args=["no-such-table"]))

    assert response.status_code == 404
    assert not AccessLogEntry.objects.filter(action="export").exists()


@pytest.mark.parametrize("who", ["spoc_a", "volunteer_a"])
def test_insights_and_export_closed_to_other_roles(client, request, who, insights_data):
    sign_in(client, request.getfixturevalue(who))

    page = client.get(reverse("casework:insights"))
    export = client.get(reverse("casework:insights_export", args=["channels"]))

    assert page.status_code == 403 and export.status_code == 403
    assert not AccessLogEntry.objects.filter(action="export").exists()


def test_administrator_may_open_insights(client, administrator, insights_data):
    sign_in(client, administrator)

    response = client.get(reverse("casework:insights"))

    assert response.status_code == 200
    assert response.context["sections"]


def test_page_costs_the_same_queries_with_more_reports(
    client, analyst, area_a, insights_data, django_assert_max_num_queries
):
    from casework.insights import rollup
    from tests.factories import ReportFactory

    filters = Filters.default()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        sections.all_tables(filters)
    ReportFactory.create_batch(40, area=area_a)
    rollup.refresh()
    with CaptureQueriesContext(connection) as after:
        sections.all_tables(filters)

    assert len(after) == len(before)
