"""Data for the insights tests: a few reports with small cells in every section."""

import datetime as dt

import pytest
from django.utils import timezone

from casework.insights import rollup
from centres.models import Strand
from reporting.models import Channel, PlaceType
from tests.casework.conftest import give_outcome, make_case
from tests.factories import ReportFactory, StrandFactory


def at_month(months_ago: int, day: int = 10) -> dt.datetime:
    today = timezone.localdate()
    index = today.year * 12 + today.month - 1 - months_ago
    return timezone.make_aware(dt.datetime(index // 12, index % 12 + 1, day, 12))


@pytest.fixture
def insights_data(area_a, area_b, centre_a, spoc_a):
    """Area A: 9 reports this month (6 online, 3 at centre A), 6 of them race, 2 shared and
    decided crime, one with a positive outcome; area B: 2 reports. A year ago: 7 in area A."""
    race = Strand.objects.filter(code="race").first() or StrandFactory(code="race", name="Race")
    religion = StrandFactory(code="insights-religion", name="Religion test")
    street = PlaceType.objects.first() or PlaceType.objects.create(code="street", name="Street")
    now = at_month(0, day=1) + dt.timedelta(hours=1)
    reports = []
    for index in range(9):
        report = ReportFactory(
            area=area_a,
            submitted_at=now,
            channel=Channel.ASSISTED if index < 3 else Channel.ONLINE_SELF,
            centre=centre_a if index < 3 else None,
            place_type=street if index < 4 else None,
            happened_before="yes" if index < 2 else "no",
        )
        report.strands.add(race if index < 6 else religion)
        reports.append(report)
    for _ in range(2):
        ReportFactory(area=area_b, submitted_at=now).strands.add(religion)
    for _ in range(7):
        ReportFactory(area=area_a, submitted_at=at_month(12)).strands.add(race)
    for number in (1, 18):
        case = make_case(area=area_a, status="outcome_recorded", recording_decision="crime")
        case.report.submitted_at = now
        case.report.save(update_fields=["submitted_at"])
        give_outcome(case, by=spoc_a, number=number)
    rollup.refresh()
    return reports
