"""The insights rollup: a refresh is idempotent, the hourly one rewrites only the latest
months, two never run at once, and a report counts once overall and once per strand."""

import psycopg2
import pytest
from django.db import connection
from django.db.models import Sum

from casework.insights import rollup
from casework.models import InsightsFact
from tests.casework.insights.conftest import at_month
from tests.factories import ReportFactory, StrandFactory

pytestmark = pytest.mark.django_db


def reports_in(month_start):
    return (
        InsightsFact.objects.filter(
            kind="reports", month=month_start, strand__isnull=True
        ).aggregate(total=Sum("count"))["total"]
        or 0
    )


def test_refresh_twice_writes_the_same_rows(area_a):
    ReportFactory.create_batch(3, area=area_a, submitted_at=at_month(0))
    rollup.refresh()
    first = sorted(InsightsFact.objects.values_list("kind", "label", "month", "count"))

    rollup.refresh()

    assert sorted(InsightsFact.objects.values_list("kind", "label", "month", "count")) == first
    assert reports_in(at_month(0).date().replace(day=1)) == 3


def test_report_counts_once_overall_and_once_per_strand(area_a):
    race, religion = StrandFactory(), StrandFactory()
    ReportFactory(area=area_a, submitted_at=at_month(0)).strands.add(race, religion)

    rollup.refresh()

    facts = InsightsFact.objects.filter(kind="reports")
    assert facts.get(strand__isnull=True).count == 1
    assert sorted(facts.filter(strand__isnull=False).values_list("strand", "count")) == [
        (race.pk, 1),
        (religion.pk, 1),
    ]


def test_hourly_refresh_rewrites_the_latest_months_only(area_a):
    this, old = at_month(0).date().replace(day=1), at_month(5).date().replace(day=1)
    ReportFactory(area=area_a, submitted_at=at_month(0))
    ReportFactory(area=area_a, submitted_at=at_month(5))
    rollup.refresh()
    ReportFactory(area=area_a, submitted_at=at_month(0))
    ReportFactory(area=area_a, submitted_at=at_month(5))

    rollup.refresh(months=3)

    assert (reports_in(this), reports_in(old)) == (2, 1)
    rollup.refresh()
    assert (reports_in(this), reports_in(old)) == (2, 2)


def test_refresh_skips_while_another_holds_the_lock(area_a):
    ReportFactory(area=area_a, submitted_at=at_month(0))
    params = connection.get_connection_params()
    other = psycopg2.connect(
        **{k: v for k, v in params.items() if k in ("dbname", "user", "host", "port", "password")}
    )
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [rollup.INSIGHTS_LOCK])

        assert rollup.refresh() is None
        assert not InsightsFact.objects.exists()
    finally:
        other.close()
