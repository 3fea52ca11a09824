"""When the reporter may be contacted: the times of their safe-contact plan.

A plan is either "any time" (no windows) or a list of windows, each some days of the week and
a time from and until, in UK wall-clock time (Europe/London, so 10:00 is 10:00 in winter and
in summer); optionally never on a bank holiday of England and Wales. Stored on
`ReporterContact.safe_windows` as JSON: `[{"days": [0, 1, 2, 3, 4], "from": "10:00",
"until": "14:00"}]`, 0 being Monday and "24:00" the end of the day.

Two pure functions answer every question about it, and everything that contacts a reporter
asks them: the outbox (centres/outbox.py, centres/delivery.py, through
`ReporterContact.next_safe_time`), the contact attempts staff record
(casework/services/victim.py) and the pages that show the plan.

- `allowed_now(plan, at)`: may the reporter be contacted at the instant `at`?
- `next_allowed(plan, after)`: the first instant at or after `after` that is allowed.

Across the clock changes: a window is wall-clock time, so on the night the clocks go forward
a window starting in the missing hour opens at 02:00 BST, and on the night they go back a
window in the repeated hour is open both times round.
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext, pgettext

from centres.bank_holidays import LONDON, is_bank_holiday

UTC = dt.UTC
DAY_MINUTES = 24 * 60
# How far ahead to look for an allowed instant: any valid plan allows one within two weeks
# (at most a few bank holidays fall together); a year is a generous bound.
HORIZON_DAYS = 370
WEEKDAYS = frozenset(range(5))
WEEKEND = frozenset({5, 6})
EVERY_DAY = frozenset(range(7))


def day_names() -> list[str]:
    """Monday to Sunday, in the active language (index 0 is Monday, as date.weekday())."""
    return [
        pgettext("day of the week", "Monday"),
        pgettext("day of the week", "Tuesday"),
        pgettext("day of the week", "Wednesday"),
        pgettext("day of the week", "Thursday"),
        pgettext("day of the week", "Friday"),
        pgettext("day of the week", "Saturday"),
        pgettext("day of the week", "Sunday"),
    ]


# --- Times of day ------------------------------------------------------------------------------

TIME_RE = re.compile(r"^\s*(\d{1,2})(?:\s*[:.]\s*(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$", re.I)


def parse_time(text: str, *, end: bool = False) -> int | None:
    """Minutes after midnight for "10:00", "10", "9.30", "2pm" (any script's digits), or None
    if it is not a time. "24:00" (midnight at the end of the day) only as an end."""
    match = TIME_RE.match(text or "")
    if not match:
        return None
    hours, minutes = int(match[1]), int(match[2] or 0)
    suffix = (match[3] or "").lower().replace(".", "")
    if suffix:
        if not 1 <= hours <= 12:
            return None
        hours = hours % 12 + (12 if suffix == "pm" else 0)
    if minutes > 59 or hours > 24 or (hours == 24 and (minutes or not end)):
        return None
    return hours * 60 + minutes


def format_time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# --- The plan ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """Some days of the week (0 is Monday) from `start` until `end`, minutes after midnight
    in UK time; `end` is after `start`, at most 24:00."""

    days: frozenset[int]
    start: int
    end: int

    def contains(self, local: dt.datetime) -> bool:
        if local.weekday() not in self.days:
            return False
        second = local.hour * 3600 + local.minute * 60 + local.second + local.microsecond / 1e6
        return self.start * 60 <= second < self.end * 60

    def to_json(self) -> dict:
        return {
            "days": sorted(self.days),
            "from": format_time(self.start),
            "until": format_time(self.end),
        }

    @classmethod
    def from_json(cls, value) -> "Window | None":
        """A stored window, or None if it is not one (it is then ignored, never guessed)."""
        if not isinstance(value, dict):
            return None
        days = frozenset(d for d in value.get("days") or [] if isinstance(d, int) and 0 <= d < 7)
        start = parse_time(str(value.get("from", "")))
        end = parse_time(str(value.get("until", "")), end=True)
        if not days or start is None or end is None or end <= start:
            return None
        return cls(days=days, start=start, end=end)


@dataclass(frozen=True)
class Plan:
    """When the reporter may be contacted: the windows (none: any time), and whether never on
    a bank holiday."""

    windows: tuple[Window, ...] = ()
    not_on_bank_holidays: bool = False

    @property
    def any_time(self) -> bool:
        return not self.windows and not self.not_on_bank_holidays

    @classmethod
    def from_json(cls, windows, not_on_bank_holidays=False) -> "Plan":
        parsed = tuple(w for w in (Window.from_json(v) for v in windows or []) if w)
        # A stored plan with windows that are all unreadable must not become "any time".
        if windows and not parsed:
            raise ValueError("no readable window in the safe-contact plan")
        return cls(windows=parsed, not_on_bank_holidays=bool(not_on_bank_holidays))

    def windows_json(self) -> list[dict]:
        return [w.to_json() for w in self.windows]


ANY_TIME = Plan()


def allowed_now(plan: Plan, at: dt.datetime) -> bool:
    """May the reporter be contacted at the instant `at` (an aware datetime)?"""
    local = at.astimezone(LONDON)
    if plan.not_on_bank_holidays and is_bank_holiday(local.date()):
        return False
    if not plan.windows:
        return True
    return any(window.contains(local) for window in plan.windows)


def _wall_instants(day: dt.date, minutes: int) -> list[dt.datetime]:
    """The instants (in UTC) at which UK clocks show `minutes` after midnight on `day`: one,
    or two in the repeated hour of October, or the instants either side of March's gap."""
    if minutes >= DAY_MINUTES:
        return []
    wall = dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60), tzinfo=LONDON)
    return [wall.replace(fold=fold).astimezone(UTC) for fold in (0, 1)]


def _clock_changes(day: dt.date) -> list[dt.datetime]:
    """The instants (in UTC) on `day` at which UK clocks change: they change on the hour."""
    start = dt.datetime.combine(day, dt.time(), tzinfo=LONDON).astimezone(UTC)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=LONDON)
    if start.astimezone(LONDON).utcoffset() == end.utcoffset():
        return []
    changes = []
    instant = start
    while instant < end.astimezone(UTC):
        following = instant + dt.timedelta(hours=1)
        if instant.astimezone(LONDON).utcoffset() != following.astimezone(LONDON).utcoffset():
            changes.append(following)
        instant = following
    return changes


def next_allowed(plan: Plan, after: dt.datetime) -> dt.datetime:
    """The first instant at or after `after` at which the reporter may be contacted (in UTC,
    so that adding to it is never wall-clock arithmetic). `after` itself when it is allowed.

    The first allowed instant after a forbidden one is where a window opens (its start, in
    either fold of the clock), where the clocks change into a window, or midnight after a
    bank holiday; each day's candidates are checked with `allowed_now`, so the two can never
    disagree."""
    after = after.astimezone(UTC)
    if allowed_now(plan, after):
        return after
    first_day = after.astimezone(LONDON).date()
    for offset in range(HORIZON_DAYS):
        day = first_day + dt.timedelta(days=offset)
        if plan.not_on_bank_holidays and is_bank_holiday(day):
            continue
        starts = {w.start for w in plan.windows if day.weekday() in w.days}
        if not plan.windows:
            starts.add(0)
        candidates = [c for minutes in starts for c in _wall_instants(day, minutes)]
        candidates += _clock_changes(day)
        allowed = [c for c in candidates if c >= after and allowed_now(plan, c)]
        if allowed:
            return min(allowed)
    raise ValueError("the safe-contact plan allows no time")


# --- In words ---------------------------------------------------------------------------------


def _days_in_words(days: frozenset[int]) -> str:
    if days == EVERY_DAY:
        return gettext("every day")
    if days == WEEKDAYS:
        return gettext("weekdays")
    if days == WEEKEND:
        return gettext("weekends")
    names = day_names()
    ordered = sorted(days)
    if len(ordered) >= 3 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return gettext("%(first)s to %(last)s") % {
            "first": names[ordered[0]],
            "last": names[ordered[-1]],
        }
    return ", ".join(names[d] for d in ordered)


def window_in_words(window: Window) -> str:
    return gettext("%(days)s %(from)s–%(until)s") % {
        "days": _days_in_words(window.days),
        "from": format_time(window.start),
        "until": format_time(window.end),
    }


def in_words(plan: Plan) -> str:
    """The plan as a person reads it: "weekdays 10:00–14:00, not on bank holidays"."""
    if not plan.windows:
        if plan.not_on_bank_holidays:
            return gettext("any time, except on bank holidays")
        return gettext("any time")
    text = "; ".join(window_in_words(w) for w in plan.windows)
    if plan.not_on_bank_holidays:
        return gettext("%(times)s, not on bank holidays") % {"times": text}
    return text


def instant_in_words(at: dt.datetime) -> str:
    """A safe time as staff read it: "Monday 31 May, 10:00" (UK time)."""
    local = at.astimezone(LONDON)
    return gettext("%(day)s %(date)s, %(time)s") % {
        "day": day_names()[local.weekday()],
        "date": formats.date_format(local.date(), "MONTH_DAY_FORMAT"),
        "time": local.strftime("%H:%M"),
    }
