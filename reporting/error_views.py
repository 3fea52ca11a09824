"""The site's own error pages: handler400/403/404/500 in hatereport/urls.py and
CSRF_FAILURE_VIEW in settings.

Public addresses get the public shell in the language of the address, with the quick exit and
a way on; staff addresses (/admin/, /centre/, /insights/, /staff/) get the staff shell, and a
signed-in person there is told what the page is for (centres/staff_areas.py).
"""

import logging

from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from centres.staff_areas import is_staff_path, out_of_role
from reporting.languages import text_direction

from .journey import DRAFT_COOKIE, DRAFT_COOKIE_SALT

logger = logging.getLogger(__name__)


def bad_request(request, exception):
    return _render(request, "errors/400.html", 400)


def permission_denied(request, exception):
    user = getattr(request, "user", None)
    if is_staff_path(request.path_info) and user is not None and user.is_authenticated:
        return out_of_role(request)
    return _render(request, "errors/403.html", 403)


def page_not_found(request, exception):
    return _render(request, "errors/404.html", 404)


def csrf_failure(request, reason=""):
    """The form was sent without a valid token: often a page left open for a long time, or a
    "Leave this site" in another tab that cleared the cookies. What was sent is not saved (it
    may not have come from the person), but the draft keeps every page saved before."""
    in_journey = request.path_info.startswith(reverse("reporting:report_start"))
    draft = request.get_signed_cookie(DRAFT_COOKIE, default=None, salt=DRAFT_COOKIE_SALT)
    kept = in_journey and bool(draft)
    context = {"back_url": request.path, "in_journey": in_journey, "answers_kept": kept}
    return _render(request, "errors/csrf.html", 403, context)


def server_error(request):
    """Rendered without the request, so no context processor runs (the user and the session
    would query a database that may be what failed), in the language of the address. If even
    that fails, a page with no template at all."""
    language = (
        translation.get_language_from_path(request.path_info)
        or translation.get_language()
        or settings.LANGUAGE_CODE
    )
    try:
        with translation.override(language):
            context = {
                "staff": is_staff_path(request.path_info),
                "product_name": settings.PRODUCT_NAME,
                "quick_exit_url": reverse("quick_exit"),
                "site_languages": start_pages(),
            }
            return HttpResponseServerError(loader.render_to_string("errors/500.html", context))
    except Exception:
        logger.exception("The error page itself failed; a bare one was sent instead")
        return HttpResponseServerError(_bare_server_error(language))


def start_pages() -> list[dict]:
    """The language switcher on an error page: each language's start page, as there is no
    page here to show in another language."""
    current = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    links = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            url = reverse("reporting:start")
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "dir": text_direction(code),
                "current": code == current,
            }
        )
    return links


def _render(request, template, status, context=None):
    staff = is_staff_path(request.path_info)
    shell = "staff_base.html" if staff else "base.html"
    context = {"staff": staff, "shell": shell, **(context or {})}
    if not staff:
        context["site_languages"] = start_pages()
    return render(request, template, context, status=status)


def _bare_server_error(language) -> str:
    with translation.override(language):
        title = escape(_("Sorry, there is a problem with the service"))
        leave = escape(_("Leave this site"))
    bidi = text_direction(language)
    return (
        f'<!DOCTYPE html><html lang="{language}" dir="{bidi}"><head><meta charset="utf-8">'
        f'<title>{title}</title></head><body><p><a href="/exit/">{leave}</a></p>'
        f"<main><h1>{title}</h1></main></body></html>"
    )
