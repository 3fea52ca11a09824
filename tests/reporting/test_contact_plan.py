"""The safe-contact plan's times: allowed_now and next_allowed, across the clock changes and
bank holidays, checked on chosen instants and on thousands of random ones."""

import datetime as dt
import random

import pytest
from django.utils import translation

from reporting.contact_plan import (
    LONDON,
    Plan,
    Window,
    allowed_now,
    in_words,
    instant_in_words,
    next_allowed,
    parse_time,
)

UTC = dt.UTC
WEEKDAYS_10_TO_2 = Plan(windows=(Window(frozenset(range(5)), 10 * 60, 14 * 60),))
WEEKDAYS_10_TO_2_NO_BANK_HOLIDAYS = Plan(
    windows=WEEKDAYS_10_TO_2.windows, not_on_bank_holidays=True
)


def london(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LONDON)


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


# --- Chosen instants --------------------------------------------------------------------------


def test_allowed_now_refuses_the_0716_text_to_a_weekdays_10_to_2_plan():
    assert not allowed_now(WEEKDAYS_10_TO_2, london(2026, 11, 6, 7, 16))
    assert allowed_now(WEEKDAYS_10_TO_2, london(2026, 11, 6, 10, 0))
    assert allowed_now(WEEKDAYS_10_TO_2, london(2026, 11, 6, 13, 59, 59))
    assert not allowed_now(WEEKDAYS_10_TO_2, london(2026, 11, 6, 14, 0))
    assert not allowed_now(WEEKDAYS_10_TO_2, london(2026, 11, 7, 11, 0))  # Saturday


def test_allowed_now_reads_the_window_in_uk_time_in_summer_and_winter():
    # 10:00 in summer (BST) is 09:00 UTC; in winter (GMT) it is 10:00 UTC.
    assert allowed_now(WEEKDAYS_10_TO_2, utc(2027, 6, 1, 9, 0))
    assert not allowed_now(WEEKDAYS_10_TO_2, utc(2027, 6, 1, 13, 0))
    assert not allowed_now(WEEKDAYS_10_TO_2, utc(2027, 1, 5, 9, 0))
    assert allowed_now(WEEKDAYS_10_TO_2, utc(2027, 1, 5, 13, 0))


def test_any_time_allows_every_instant_and_next_allowed_is_the_instant_itself():
    at = utc(2027, 5, 31, 3, 17, 5)

    assert allowed_now(Plan(), at)
    assert next_allowed(Plan(), at) == at


def test_next_allowed_from_friday_0716_is_friday_at_ten():
    assert next_allowed(WEEKDAYS_10_TO_2, london(2027, 5, 28, 7, 16)) == london(2027, 5, 28, 10)


def test_next_allowed_after_friday_window_skips_the_weekend_to_monday():
    after = london(2027, 5, 28, 14, 16)

    assert next_allowed(WEEKDAYS_10_TO_2, after) == london(2027, 5, 31, 10)


def test_next_allowed_skips_a_bank_holiday_monday_when_the_plan_says_so():
    # 31 May 2027 is the late May bank holiday.
    after = london(2027, 5, 28, 14, 16)

    assert next_allowed(WEEKDAYS_10_TO_2_NO_BANK_HOLIDAYS, after) == london(2027, 6, 1, 10)
    assert not allowed_now(WEEKDAYS_10_TO_2_NO_BANK_HOLIDAYS, london(2027, 5, 31, 11))


def test_next_allowed_over_easter_and_the_clocks_going_forward():
    # Good Friday 26 March 2027, clocks forward on Sunday 28th, Easter Monday 29th.
    after = london(2027, 3, 25, 15)

    found = next_allowed(WEEKDAYS_10_TO_2_NO_BANK_HOLIDAYS, after)

    assert found == london(2027, 3, 30, 10)
    assert found.astimezone(UTC) == utc(2027, 3, 30, 9)


def test_a_window_in_the_missing_hour_opens_when_the_clocks_go_forward():
    # On 28 March 2027 UK clocks go from 01:00 GMT to 02:00 BST: 01:30 never happens.
    plan = Plan(windows=(Window(frozenset({6}), 90, 180),))

    found = next_allowed(plan, utc(2027, 3, 27, 23))

    assert found.astimezone(UTC) == utc(2027, 3, 28, 1)  # 02:00 BST
    assert allowed_now(plan, found)
    assert not allowed_now(plan, found - dt.timedelta(seconds=1))  # 00:59:59 GMT


def test_a_window_in_the_repeated_hour_is_open_both_times_round():
    # On 31 October 2027 UK clocks go back from 02:00 BST to 01:00 GMT.
    plan = Plan(windows=(Window(frozenset({6}), 60, 90),))

    assert allowed_now(plan, utc(2027, 10, 31, 0, 10))  # 01:10 BST
    assert not allowed_now(plan, utc(2027, 10, 31, 0, 40))  # 01:40 BST
    assert next_allowed(plan, utc(2027, 10, 31, 0, 40)) == utc(2027, 10, 31, 1, 0)  # 01:00 GMT


def test_any_time_except_bank_holidays_opens_at_midnight_after_christmas():
    plan = Plan(not_on_bank_holidays=True)

    # 25 to 28 December 2027 are all bank holidays (Christmas and Boxing Day substitutes).
    assert next_allowed(plan, london(2027, 12, 25, 9)) == london(2027, 12, 29, 0)


def test_a_window_until_midnight_runs_to_the_end_of_the_day():
    plan = Plan(windows=(Window(frozenset({5}), 18 * 60, 24 * 60),))

    assert allowed_now(plan, london(2027, 6, 5, 23, 59, 59))
    assert not allowed_now(plan, london(2027, 6, 6, 0, 0))
    assert next_allowed(plan, london(2027, 6, 6, 0, 0)) == london(2027, 6, 12, 18)


@pytest.mark.parametrize(
    ("text", "end", "minutes"),
    [
        ("10:00", False, 600),
        ("10", False, 600),
        ("9.30", False, 570),
        ("2pm", False, 840),
        ("12 am", False, 0),
        ("١٠:٣٠", False, 630),  # Arabic-Indic digits
        ("24:00", True, 1440),
        ("24:00", False, None),
        ("25:00", True, None),
        ("10:75", False, None),
        ("13pm", False, None),
        ("soon", False, None),
        ("", False, None),
    ],
)
def test_parse_time(text, end, minutes):
    assert parse_time(text, end=end) == minutes


def test_plan_from_json_ignores_nothing_silently_into_any_time():
    with pytest.raises(ValueError):
        Plan.from_json([{"days": [], "from": "10:00", "until": "09:00"}])
    assert Plan.from_json([]) == Plan()
    plan = Plan.from_json([{"days": [0, 1, 2, 3, 4], "from": "10:00", "until": "14:00"}], True)
    assert plan == WEEKDAYS_10_TO_2_NO_BANK_HOLIDAYS
    assert Plan.from_json(plan.windows_json(), True) == plan


def test_in_words():
    with translation.override("en"):
        assert in_words(WEEKDAYS_10_TO_2) == "weekdays 10:00–14:00"
        assert in_words(WEEKDAYS_10_TO_2_NO_BANK_HOLIDAYS) == (
            "weekdays 10:00–14:00, not on bank holidays"
        )
        assert in_words(Plan()) == "any time"
        plan = Plan(
            windows=(
                Window(frozenset({0, 2}), 9 * 60, 12 * 60),
                Window(frozenset({1, 2, 3}), 18 * 60, 1440),
            )
        )
        assert in_words(plan) == "Monday, Wednesday 09:00–12:00; Tuesday to Thursday 18:00–24:00"
        assert instant_in_words(utc(2027, 6, 1, 9)) == "Tuesday 1 June, 10:00"


# --- Many instants ----------------------------------------------------------------------------


def random_plan(rng: random.Random) -> Plan:
    windows = []
    for _ in range(rng.randint(0, 3)):
        days = frozenset(rng.sample(range(7), rng.randint(1, 7)))
        start = rng.choice([0, 30, 60, 90, 120, 150, rng.randrange(0, 1440)])
        end = rng.randint(start + 1, 1440)
        windows.append(Window(days, start, end))
    return Plan(windows=tuple(windows), not_on_bank_holidays=rng.random() < 0.5)


# Instants near the clock changes and bank holidays of 2026 to 2028, and anywhere at all.
HOT_SPOTS = [
    utc(2026, 3, 29, 1),
    utc(2026, 10, 25, 1),
    utc(2027, 3, 28, 1),
    utc(2027, 10, 31, 1),
    utc(2028, 3, 26, 1),
    utc(2028, 10, 29, 1),
    london(2027, 5, 28, 7, 16),
    london(2027, 12, 24, 12),
    london(2026, 4, 2, 12),
]


def random_instant(rng: random.Random) -> dt.datetime:
    if rng.random() < 0.5:
        base = rng.choice(HOT_SPOTS)
        return base + dt.timedelta(seconds=rng.randint(-3 * 86400, 3 * 86400))
    start = utc(2026, 1, 1)
    return start + dt.timedelta(
        seconds=rng.randint(0, 3 * 365 * 86400), microseconds=rng.randint(0, 999_999)
    )


def test_next_allowed_is_allowed_and_nothing_earlier_is_on_5000_random_instants():
    rng = random.Random(20270528)
    for _ in range(5000):
        plan, after = random_plan(rng), random_instant(rng)

        found = next_allowed(plan, after)

        assert found >= after, (plan, after)
        assert allowed_now(plan, found), (plan, after, found)
        if found > after:
            # Allowed or not changes only on the minute (windows) or the hour (clocks).
            assert found.second == 0 and found.microsecond == 0, (plan, after, found)
            assert not allowed_now(plan, found - dt.timedelta(microseconds=1)), (plan, after)


def test_no_instant_between_after_and_next_allowed_is_allowed_on_300_random_plans():
    rng = random.Random(7)
    for _ in range(300):
        plan, after = random_plan(rng), random_instant(rng)

        found = next_allowed(plan, after)

        # Every minute in between, in UTC: UK offsets are whole hours, so whether contact
        # is allowed is the same for the whole of each UTC minute.
        minute = after.astimezone(UTC).replace(second=0, microsecond=0)
        if minute < after:
            assert not allowed_now(plan, after) or found == after
            minute += dt.timedelta(minutes=1)
        while minute < found:
            assert not allowed_now(plan, minute), (plan, after, found, minute)
            minute += dt.timedelta(minutes=1)
