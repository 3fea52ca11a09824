"""Public pages: the start page, the accessibility statement, the privacy notice and the
quick exit. The reporting journey (/<lang>/report/...) is reporting/journey/."""

import datetime

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .journey.drafts import keeps_draft
from .journey.engine import Journey
from .journey.public import PUBLIC
from .lifecycle import retention_periods

# Change these when the statement or the notice is reviewed or changed.
ACCESSIBILITY_PREPARED = datetime.date(2026, 11, 23)
ACCESSIBILITY_REVIEWED = datetime.date(2026, 11, 23)
PRIVACY_UPDATED = datetime.date(2026, 12, 3)


@require_safe
def start(request):
    return render(request, "reporting/start.html")


@require_safe
def accessibility(request):
    return render(
        request,
        "reporting/accessibility.html",
        {
            "prepared": ACCESSIBILITY_PREPARED,
            "reviewed": ACCESSIBILITY_REVIEWED,
            "contact_email": settings.CONTACT_EMAIL,
        },
    )


@require_safe
def privacy(request):
    return render(
        request,
        "reporting/privacy.html",
        {
            "updated": PRIVACY_UPDATED,
            "contact_email": settings.CONTACT_EMAIL,
            "data_controller": settings.DATA_CONTROLLER,
            # The periods the purge applies, in words (reporting/lifecycle/notice.py).
            "retention": retention_periods(),
        },
    )


@require_safe
@keeps_draft
def quick_exit(request):
    """Leave at once, for someone who may be overlooked. Works without JavaScript.

    Flushing the session drops any unfinished report and its cookie; 303 makes the browser
    fetch the other site afresh; no-store keeps this response out of every cache, and
    no-referrer stops the other site learning where the person came from.
    """
    Journey(request, PUBLIC).discard()
    request.session.flush()
    response = HttpResponseRedirect(settings.QUICK_EXIT_URL, status=303)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    # Also drop this site's cached pages and cookies from the browser, where it supports it.
    response["Clear-Site-Data"] = '"cache", "cookies"'
    return response
