"""The bank holidays of England and Wales, working days, and the UK's clock.

Wales has the same bank holidays as England; Scotland and Northern Ireland differ and do not
apply. The dates come from the `holidays` library, which ships them in the package: no
network needed, and a new year only needs a library upgrade. Kept here, at the bottom of the
arrow, because the Victims' Code deadlines (casework/workdays.py), the reporter's safe times
(reporting/contact_plan.py) and the support queue's first-contact clock (reporting/support.py)
skip them.

The rule for a deadline of working days: the day the clock starts does not count; the deadline
is the end of the n-th working day after it, 23:59:59 in Europe/London.
"""

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_bank_holiday(day: dt.date) -> bool:
    return day in _bank_holidays(day.year)


END_OF_DAY = dt.time(23, 59, 59)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and not is_bank_holiday(day)


def add_working_days(day: dt.date, days: int) -> dt.date:
    """The date `days` working days after `day` (which itself never counts)."""
    if days < 1:
        raise ValueError("days must be at least 1")
    while days:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day


def end_of_day(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, END_OF_DAY, tzinfo=LONDON)


def working_day_deadline(start: dt.datetime, days: int) -> dt.datetime:
    """The end of the `days`-th working day after the London date of `start`."""
    return end_of_day(add_working_days(start.astimezone(LONDON).date(), days))
