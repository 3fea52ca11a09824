"""Insights counts school reports (issue 19 part 4) and repeat victims by the keyed hash of
the reporter's email or phone (issue 17 part 1, issue 20 part 2): from the rollup, by month,
with the same disclosure control as every other table."""

import datetime as dt

import pytest
from django.utils import timezone

from casework.insights import figures, rollup, sections
from casework.insights.disclosure import HIDDEN
from casework.insights.filters import Filters
from centres.models import Centre
from reporting.models import AgeGroup, Channel, SchoolSharing
from tests.casework.conftest import make_case
from tests.casework.insights.conftest import at_month
from tests.factories import CentreFactory, ReportFactory

pytestmark = pytest.mark.django_db


def month_of(when):
    return when.date().replace(day=1)


def filters_for(*whens):
    months = sorted(month_of(when) for when in whens)
    return Filters(start=months[0], end=months[-1])


def by_key(tables):
    return {table.key: table for table in tables}


def test_school_reports_by_month_logged_told_and_under_18(area_a, centre_a):
    school = CentreFactory(kind=Centre.Kind.SCHOOL, area=area_a, is_listed=False)
    now, before = at_month(0), at_month(1)
    ReportFactory.create_batch(
        6, area=area_a, submitted_at=now, channel=Channel.ASSISTED, centre=school
    )
    ReportFactory.create_batch(
        2, area=area_a, submitted_at=now, school=school, school_sharing=SchoolSharing.REPORT
    )
    ReportFactory.create_batch(3, area=area_a, submitted_at=now, age_group=AgeGroup.FROM_11_TO_15)
    # At an ordinary centre, about an adult: none of the three.
    ReportFactory.create_batch(
        4,
        area=area_a,
        submitted_at=now,
        channel=Channel.ASSISTED,
        centre=centre_a,
        age_group=AgeGroup.ADULT,
    )
    # Last month: one logged at the school, told to it and about a 16-year-old.
    ReportFactory(
        area=area_a,
        submitted_at=before,
        channel=Channel.ASSISTED,
        centre=school,
        school=school,
        school_sharing=SchoolSharing.WITH_DETAILS,
        age_group=AgeGroup.FROM_16_TO_17,
    )
    rollup.refresh()
    filters = filters_for(now, before)

    table = figures.school_table(filters)

    assert [row[1:] for row in table.rows] == [[1, 1, 1], [6, 2, 3], [7, 3, 4]]
    shown = by_key(sections.all_tables(filters))["schools"]
    assert shown.protected
    assert [row[1:] for row in shown.rows] == [
        [HIDDEN, HIDDEN, HIDDEN],
        [5, HIDDEN, HIDDEN],
        [5, HIDDEN, HIDDEN],
    ]
    # Every report still counts once in the month's total, whatever its label.
    months = figures._sum(figures._facts(filters, figures.Kind.REPORTS, filters.months), "month")
    assert months == {(month_of(before),): 1, (month_of(now),): 15}


def test_school_counts_follow_the_area_filter(area_a, area_b):
    school = CentreFactory(kind=Centre.Kind.SCHOOL, area=area_a, is_listed=False)
    ReportFactory.create_batch(
        5, area=area_a, submitted_at=at_month(0), channel=Channel.ASSISTED, centre=school
    )
    rollup.refresh()
    month = month_of(at_month(0))

    assert figures.school_table(Filters(start=month, end=month, area=area_a)).rows[-1][1] == 5
    assert figures.school_table(Filters(start=month, end=month, area=area_b)).rows[-1][1] == 0


def report_from(area, phone, when, **fields):
    case = make_case(
        area=area, contact_fields={"phone": phone, "email": None}, report_fields=fields
    )
    case.report.submitted_at = when
    case.report.save(update_fields=["submitted_at"])
    return case.report


def test_repeat_victims_counted_by_the_hash_of_the_same_phone(area_a):
    now = at_month(0)
    # One person reports six times this month: five of them came after an earlier one.
    for hour in range(6):
        report_from(area_a, "07700 900111", now + dt.timedelta(hours=hour))
    # Another reported 13 months ago and again now: not within 12 months, so not a repeat.
    report_from(area_a, "07700 900222", at_month(13))
    report_from(area_a, "07700 900222", now)
    # Three others, once each.
    for number in range(3):
        report_from(area_a, f"07700 90033{number}", now)
    rollup.refresh()
    month = month_of(now)
    filters = Filters(start=month, end=month)

    table = figures.repeat_reporter_table(filters)

    assert [row[1] for row in table.rows] == [5, 5, 10]
    shown = by_key(sections.all_tables(filters))
    assert [row[1:] for row in shown["repeat-reporters"].rows] == [[5, 50], [5, 50], [10, 100]]
    # Beside the reporters' own answer to "has it happened before?".
    keys = list(shown)
    assert keys.index("repeat-reporters") == keys.index("repeat-victims") + 1


def test_few_repeat_victims_are_hidden_and_cannot_be_worked_out(area_a):
    now = at_month(0)
    report_from(area_a, "07700 900444", now)
    report_from(area_a, "07700 900444", now + dt.timedelta(hours=1))
    for number in range(7):
        report_from(area_a, f"07700 90055{number}", now)
    rollup.refresh()
    month = month_of(now)
    filters = Filters(start=month, end=month)

    assert [row[1] for row in figures.repeat_reporter_table(filters).rows] == [1, 8, 9]
    shown = by_key(sections.all_tables(filters))["repeat-reporters"]
    repeat, rest, total = (row[1] for row in shown.rows)
    assert repeat is HIDDEN
    # 9 is published as 10 and 8 as 10: 10 - 10 leaves anything from 1 to 4 (or [c]).
    assert not (isinstance(rest, int) and isinstance(total, int) and 0 < total - rest < 5)
    assert shown.rows[0][2] is HIDDEN  # its share too


@pytest.mark.parametrize("purge", ["contact", "anonymise"])
def test_a_repeat_victim_still_counts_once_the_contact_details_are_deleted(area_a, purge):
    """The retention schedule deletes contact details a year after a case closes, and with
    them the hashes that matched a repeat victim: the flag is kept on the report first, so
    the repeat-reporter figure for that month does not change."""
    from reporting.lifecycle import removal
    from reporting.models import Report, ReporterContact

    now = at_month(0)
    first = report_from(area_a, "07700 900444", now - dt.timedelta(days=40))
    second = report_from(area_a, "07700 900444", now)
    other = report_from(area_a, "07700 900555", now)
    month = month_of(now)
    filters = Filters(start=month, end=month)
    rollup.refresh()
    assert [row[1] for row in figures.repeat_reporter_table(filters).rows] == [1, 1, 2]

    remove = {
        "contact": removal.delete_contact_reports,
        "anonymise": removal.anonymise_reports,
    }[purge]
    # The earlier report's details go first (its case closed first), then the later one's.
    remove([first.pk], now=timezone.now(), reason="test")
    remove([second.pk, other.pk], now=timezone.now(), reason="test")
    rollup.refresh()

    assert not ReporterContact.objects.filter(report__in=[first, second, other]).exists()
    assert [row[1] for row in figures.repeat_reporter_table(filters).rows] == [1, 1, 2]
    assert list(Report.objects.filter(repeat_reporter=True)) == [second]
