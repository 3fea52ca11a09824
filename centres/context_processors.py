"""What every page's shell (templates/base.html) needs: no database queries.

The language switcher is built lazily, so pages that never show it (emails, staff pages)
pay nothing for it.
"""

from django.conf import settings
from django.urls import reverse_lazy, translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from centres.models.directory import text_direction


def site(request):
    return {
        "product_name": settings.PRODUCT_NAME,
        "quick_exit_url": reverse_lazy("quick_exit"),
        "site_languages": SimpleLazyObject(lambda: language_links(request)),
    }


def language_links(request):
    """One entry per language in settings.LANGUAGES, in its own name and script, pointing
    at the page being shown, in that language. A page outside the language-prefixed URLs
    (a staff page, a 404) links to itself: translate_url leaves what it cannot resolve."""
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    path = request.get_full_path()
    return [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code),
            "dir": text_direction(code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
