"""Which way each site language's text runs: Django's rule, with Pashto added."""

from django.conf import settings

from reporting.languages import text_direction


def test_text_direction_is_right_to_left_for_urdu_arabic_and_pashto_only():
    directions = {code: text_direction(code) for code, _name in settings.LANGUAGES}

    assert {code for code, way in directions.items() if way == "rtl"} == {"ur", "ar", "ps"}
    assert {way for code, way in directions.items() if code not in ("ur", "ar", "ps")} == {"ltr"}
