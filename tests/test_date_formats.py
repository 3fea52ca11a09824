"""Dates in every language use the language's own format (issue 19, part 5): Polish months in
the genitive ("21 listopada 2026"), and no victim's page spells a date pattern of its own."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import formats, translation

from reporting.contact_plan import instant_in_words

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
DAY = dt.datetime(2026, 11, 21, 14, 30, tzinfo=dt.UTC)
# Messages to staff, always in English.
STAFF_MESSAGES = ("superuser_used.txt", "tension_alert.txt")
LANGUAGES = ("en", "cy", "ur", "pa", "bn", "ar", "ro", "pl", "so", "ps")


def test_polish_dates_use_the_genitive_month():
    with translation.override("pl"):
        page = Template('{{ day|date:"DATE_FORMAT" }}').render(Context({"day": DAY.date()}))
        assert page == "21 listopada 2026"
        assert formats.date_format(DAY.date(), "MONTH_DAY_FORMAT") == "21 listopada"


def test_english_dates_keep_the_month_in_full():
    with translation.override("en"):
        assert formats.date_format(DAY.date(), "DATE_FORMAT") == "21 November 2026"
        assert formats.date_format(DAY, "DATETIME_FORMAT") == "21 November 2026, 14:30"


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_put_the_day_before_the_month_in_every_language(language):
    with translation.override(language):
        text = formats.date_format(DAY.date(), "DATE_FORMAT")
        with_time = formats.date_format(DAY, "DATETIME_FORMAT")
    assert text.startswith("21 ") and text.endswith("2026"), text
    assert with_time.startswith("21 "), with_time
    if language != "en":
        # Never Django's fallback ("Nov. 21, 2026"), an English month in another language.
        assert "Nov" not in text and "Nov" not in with_time


def test_safe_time_in_words_uses_the_locale_month_day_format():
    with translation.override("pl"):
        assert "21 listopada" in instant_in_words(DAY)


def test_no_page_spells_its_own_month_pattern():
    """`|date:"j F Y"` gives "21 Listopad 2026" in Polish: pages use the locale's named
    formats (DATE_FORMAT, DATETIME_FORMAT) instead: the public pages, the tracking pages, the
    centre workspace and the messages to victims."""
    pattern = re.compile(r"""\|date:["']j F""")
    places = ("reporting", "casework/tracking", "includes", "errors", "notifications")
    offenders = [
        str(path.relative_to(TEMPLATES))
        for place in places
        for path in (TEMPLATES / place).rglob("*")
        if path.is_file()
        and path.name not in STAFF_MESSAGES
        and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
