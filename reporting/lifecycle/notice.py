"""What the privacy notice and the tracking page say about retention, from the schedule the
purge runs (schedule.notice_days): change a period in settings and the words change with it."""

from django.utils.translation import ngettext

from ..journey import DRAFT_LIFETIME
from .schedule import notice_days


def period_in_words(days: int) -> str:
    """A number of days as a reader says it: whole years as years, otherwise days."""
    if days and days % 365 == 0:
        years = days // 365
        return ngettext("%(count)s year", "%(count)s years", years) % {"count": years}
    return ngettext("%(count)s day", "%(count)s days", days) % {"count": days}


def retention_periods() -> dict[str, str]:
    """The periods in words, keyed by category ('contact', 'free_text', 'evidence',
    'anonymise') and 'draft': the context the privacy notice and the tracking page read."""
    periods = {key: period_in_words(days) for key, days in notice_days().items()}
    periods["draft"] = period_in_words(DRAFT_LIFETIME.days)
    return periods
