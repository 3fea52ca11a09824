"""Working days for Victims' Code deadlines.

Working days skip Saturdays, Sundays and the bank holidays of England and Wales
(centres/bank_holidays.py, shared with the reporter's safe-contact times).

The rule for a deadline: the day the clock starts does not count; the deadline is the end of
the n-th working day after it, 23:59:59 in Europe/London. So an arrest recorded at 16:00 on a
Friday under enhanced rights (1 working day) is due by 23:59:59 on the Monday, or on the
Tuesday when that Monday is a bank holiday.
"""

import datetime as dt

# The working-day rules live beside the bank holidays (reporting's support queue counts
# working days too); they are named here as casework has always used them.
from centres.bank_holidays import (
    END_OF_DAY,
    LONDON,
    add_working_days,
    end_of_day,
    is_bank_holiday,
    is_working_day,
    working_day_deadline,
)

__all__ = [
    "END_OF_DAY",
    "ENHANCED_KEY_EVENT_DAYS",
    "LONDON",
    "STANDARD_KEY_EVENT_DAYS",
    "add_working_days",
    "end_of_day",
    "interval_deadline",
    "is_bank_holiday",
    "is_working_day",
    "key_event_days",
    "working_day_deadline",
]

# The Victims' Code: tell the victim of a key event within 1 working day under enhanced rights
# (hate crime victims by default), 5 otherwise. The case page states these numbers in its
# translated words (casework/forms/handling.py RightsForm, templates/casework/_clocks.html); a test
# holds the words to these.
ENHANCED_KEY_EVENT_DAYS = 1
STANDARD_KEY_EVENT_DAYS = 5


def key_event_days(enhanced: bool) -> int:
    """The working days the victim must be told of a key event within."""
    return ENHANCED_KEY_EVENT_DAYS if enhanced else STANDARD_KEY_EVENT_DAYS


def interval_deadline(start: dt.datetime, days: int) -> dt.datetime:
    """A routine update every `days` calendar days: due at the end of that day, moved on to
    the next working day when it falls on a weekend or bank holiday."""
    day = start.astimezone(LONDON).date() + dt.timedelta(days=days)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return end_of_day(day)
