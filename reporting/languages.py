"""The site's languages: which way each one's text runs."""

from django.utils import translation


def text_direction(language: str) -> str:
    """ "rtl" or "ltr" for a site language, by Django's own rule: get_language_bidi, which reads
    settings.LANGUAGES_BIDI (where Pashto, which Django does not mark, is added)."""
    with translation.override(language):
        return "rtl" if translation.get_language_bidi() else "ltr"
