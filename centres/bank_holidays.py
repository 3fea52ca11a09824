"""The bank holidays of England and Wales, and the UK's clock.

Wales has the same bank holidays as England; Scotland and Northern Ireland differ and do not
apply. The dates come from the `holidays` library, which ships them in the package: no
network needed, and a new year only needs a library upgrade. Kept here, at the bottom of the
arrow, because both the Victims' Code deadlines (casework/workdays.py) and the reporter's safe
times (reporting/contact_plan.py) skip them.
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
