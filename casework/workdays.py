"""Working days for Victims' Code deadlines.

Working days skip Saturdays, Sundays and the bank holidays of England and Wales
(centres/bank_holidays.py, shared with the reporter's safe-contact times).

The rule for a deadline: the day the clock starts does not count; the deadline is the end of
the n-th working day after it, 23:59:59 in Europe/London. So an arrest recorded at 16:00 on a
Friday under enhanced rights (1 working day) is due by 23:59:59 on the Monday, or on the
Tuesday when that Monday is a bank holiday.
"""

import datetime as dt

from centres.bank_holidays import LONDON, is_bank_holiday

END_OF_DAY = dt.time(23, 59, 59)

# The Victims' Code: tell the victim of a key event within 1 working day under enhanced rights
# (hate crime victims by default), 5 otherwise. The case page states these numbers in its
# translated words (casework/forms/handling.py RightsForm, templates/casework/_clocks.html); a test
# holds the words to these.
ENHANCED_KEY_EVENT_DAYS = 1
STANDARD_KEY_EVENT_DAYS = 5


def key_event_days(enhanced: bool) -> int:
    """The working days the victim must be told of a key event within."""
    return ENHANCED_KEY_EVENT_DAYS if enhanced else STANDARD_KEY_EVENT_DAYS


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


def interval_deadline(start: dt.datetime, days: int) -> dt.datetime:
    """A routine update every `days` calendar days: due at the end of that day, moved on to
    the next working day when it falls on a weekend or bank holiday."""
    day = start.astimezone(LONDON).date() + dt.timedelta(days=days)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return end_of_day(day)
