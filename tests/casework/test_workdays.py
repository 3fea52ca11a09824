"""Working days for Victims' Code deadlines: weekends and England and Wales bank holidays."""

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import holidays
import pytest
import time_machine

from casework import services, workdays
from casework.models import Case, Clock
from tests.casework.conftest import make_case

LONDON = ZoneInfo("Europe/London")


def london(*args):
    return dt.datetime(*args, tzinfo=LONDON)


def due(year, month, day):
    return london(year, month, day, 23, 59, 59)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # An ordinary week: the day of the event does not count.
        (london(2026, 3, 10, 9, 0), 1, due(2026, 3, 11)),
        (london(2026, 3, 10, 9, 0), 5, due(2026, 3, 17)),
        # Friday afternoon: the weekend is skipped.
        (london(2026, 3, 13, 16, 0), 1, due(2026, 3, 16)),
        # Recorded on a Saturday: Monday is the first working day after it.
        (london(2026, 3, 14, 11, 0), 1, due(2026, 3, 16)),
        # Christmas 2025: Thursday 25 and Friday 26 are bank holidays, then the weekend.
        (london(2025, 12, 24, 10, 0), 1, due(2025, 12, 29)),
        # ... and New Year's Day 2026 (a Thursday) is skipped too.
        (london(2025, 12, 24, 10, 0), 5, due(2026, 1, 5)),
        # Christmas 2026: Boxing Day is a Saturday, so Monday 28 is the substitute holiday.
        (london(2026, 12, 24, 10, 0), 1, due(2026, 12, 29)),
        (london(2026, 12, 31, 10, 0), 1, due(2027, 1, 4)),
        # Easter 2026: Good Friday 3 April and Easter Monday 6 April.
        (london(2026, 4, 2, 15, 0), 1, due(2026, 4, 7)),
        (london(2026, 4, 2, 15, 0), 5, due(2026, 4, 13)),
        # Easter 2025: Good Friday 18 April and Easter Monday 21 April.
        (london(2025, 4, 17, 12, 0), 1, due(2025, 4, 22)),
        # Early May and spring bank holidays 2026 (Mondays).
        (london(2026, 5, 1, 12, 0), 1, due(2026, 5, 5)),
        (london(2026, 5, 22, 12, 0), 1, due(2026, 5, 26)),
    ],
)
def test_working_day_deadline_skips_weekends_and_bank_holidays(start, days, expected):
    assert workdays.working_day_deadline(start, days) == expected


def test_working_day_deadline_uses_the_london_date_not_utc():
    # 00:30 on Tuesday in London (British Summer Time) is 23:30 on Monday in UTC.
    start = dt.datetime(2026, 6, 1, 23, 30, tzinfo=dt.UTC)

    assert workdays.working_day_deadline(start, 1) == due(2026, 6, 3)


def test_deadline_is_end_of_day_in_london_across_clock_change():
    # The clocks go forward on Sunday 29 March 2026: the deadline is still 23:59:59 local.
    deadline = workdays.working_day_deadline(london(2026, 3, 27, 10, 0), 1)

    assert deadline == due(2026, 3, 30)
    assert deadline.utcoffset() == dt.timedelta(hours=1)


@pytest.mark.parametrize("year", range(2024, 2031))
def test_wales_has_the_same_bank_holidays_as_england(year):
    england = holidays.country_holidays("GB", subdiv="ENG", years=year)
    wales = holidays.country_holidays("GB", subdiv="WLS", years=year)

    assert set(england) == set(wales)


def test_scottish_holidays_are_not_used():
    # 2 January is a bank holiday in Scotland only.
    assert workdays.is_working_day(dt.date(2026, 1, 2))


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (london(2026, 3, 2, 9, 0), 28, due(2026, 3, 30)),
        # 28 days after lands on Saturday 4 April 2026, then Sunday and Easter Monday.
        (london(2026, 3, 7, 9, 0), 28, due(2026, 4, 7)),
        (london(2025, 11, 27, 9, 0), 28, due(2025, 12, 29)),
    ],
)
def test_interval_deadline_moves_to_next_working_day(start, days, expected):
    assert workdays.interval_deadline(start, days) == expected


def test_add_working_days_refuses_zero():
    with pytest.raises(ValueError, match="at least 1"):
        workdays.add_working_days(dt.date(2026, 1, 5), 0)


@pytest.mark.django_db
def test_key_event_clock_over_christmas_is_overdue_only_after_deadline(area_a, spoc_a):
    case = make_case(area=area_a, status="investigating")
    with time_machine.travel(london(2025, 12, 24, 16, 0), tick=False):
        clock = services.record_key_event(case=case, by=spoc_a, key_event="arrested")

    assert clock.due_at == due(2025, 12, 29)
    with time_machine.travel(london(2025, 12, 29, 23, 59, 0), tick=False):
        assert not Case.objects.overdue().filter(pk=case.pk).exists()
        assert not Clock.objects.overdue().filter(pk=clock.pk).exists()
    with time_machine.travel(london(2025, 12, 30, 0, 0, 1), tick=False):
        assert Case.objects.overdue().filter(pk=case.pk).exists()
        assert Clock.objects.overdue().get() == clock


@pytest.mark.django_db
def test_key_event_clock_under_standard_rights_over_easter(area_a, spoc_a):
    case = make_case(
        area=area_a,
        status="investigating",
        enhanced_rights=False,
        enhanced_downgrade_reason="The victim asked for fewer contacts.",
    )
    with time_machine.travel(london(2026, 4, 1, 10, 0), tick=False):
        clock = services.record_key_event(case=case, by=spoc_a, key_event="charged")

    # Thursday 2, Tuesday 7, Wednesday 8, Thursday 9, Friday 10 April.
    assert clock.due_at == due(2026, 4, 10)


def test_case_page_words_state_the_key_event_days():
    from django.conf import settings

    from casework.forms import RightsForm

    labels = dict(RightsForm.base_fields["enhanced"].choices)
    clocks = (Path(settings.BASE_DIR) / "templates/casework/_clocks.html").read_text()

    enhanced, standard = workdays.ENHANCED_KEY_EVENT_DAYS, workdays.STANDARD_KEY_EVENT_DAYS
    assert str(labels["yes"]) == f"Enhanced ({enhanced} working day)"
    assert str(labels["no"]) == f"Standard ({standard} working days)"
    assert f"of a key event within {enhanced} working day." in clocks
    assert f"Standard rights ({standard} working days)" in clocks
