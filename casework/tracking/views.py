"""The tracking pages. Safeguards:
- Guessing is limited by growing delays that a stranger cannot turn into a lock on the
  reporter (throttle.py); a wrong passphrase and an unknown reference get the same answer, and
  so do their refusals.
- Signing in remembers only the report's id in the session, for TRACKING_SESSION_SECONDS
  without use; "I've finished" forgets it. Pages are never cached: shared devices.
- Only victim-visible updates are read (timeline.py); internal notes never reach these
  templates.
"""

import time
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from reporting import receipt as reporting_receipt
from reporting.models import SHARED_WITH_POLICE, Report, normalise_reference

from ..models import Case
from ..services import matching
from ..services.feedback import open_feedback_for
from . import services, throttle
from .forms import AddInformationForm, ContactPreferencesForm, TrackForm, too_many_tries
from .timeline import timeline

SESSION_KEY = "tracking"

WRONG_DETAILS = _(
    "The reference or passphrase is not right. Check them and try again. The reference is on "
    "your receipt, like HR-7KQ4-M2XD."
)

# --- The tracking session --------------------------------------------------------------------


def _sign_in(request, report: Report) -> None:
    request.session.cycle_key()  # a fresh session id: nobody can plant one beforehand
    request.session[SESSION_KEY] = {
        "report": report.pk,
        "expires": time.time() + settings.TRACKING_SESSION_SECONDS,
    }


def tracking_required(view):
    """Pass the signed-in report to the view, or send the person to sign in."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        state = request.session.get(SESSION_KEY) or {}
        report = None
        if state.get("expires", 0) > time.time():
            report = Report.objects.filter(pk=state.get("report")).first()
        if report is None:
            request.session.pop(SESSION_KEY, None)
            return redirect("tracking:track")
        state["expires"] = time.time() + settings.TRACKING_SESSION_SECONDS
        request.session[SESSION_KEY] = state
        return view(request, report, *args, **kwargs)

    return never_cache(wrapper)


# --- Views -----------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def track(request):
    """Reference and passphrase."""
    form = TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reference = normalise_reference(form.cleaned_data["reference"])
        attempt = throttle.start_attempt(request, reference)
        if attempt.refused:
            # Nothing was checked: the same answer whether or not the reference exists.
            form.add_error(None, too_many_tries(attempt.wait_minutes))
            response = render(request, "casework/tracking/track.html", {"form": form}, status=429)
            response["Retry-After"] = str(attempt.wait_seconds)
            return response
        report = services.find_report(
            reference=reference, passphrase=form.cleaned_data["passphrase"]
        )
        if report is not None:
            throttle.succeeded(attempt)
            _sign_in(request, report)
            # The report's language by default; the language switcher can change it.
            with translation.override(report.language):
                return redirect(reverse("tracking:status"))
        form.add_error("reference", WRONG_DETAILS)
    return render(request, "casework/tracking/track.html", {"form": form})


@require_safe
@tracking_required
def status(request, report):
    case = Case.objects.filter(report=report).first()
    services.record_view(report=report)
    return render(
        request,
        "casework/tracking/status.html",
        {
            "report": report,
            "timeline": timeline(report, case),
            "is_shared": report.consent in SHARED_WITH_POLICE,
            # Another report names the same offender: told only to a support-only reporter,
            # who may then choose to share (the existing sharing pages).
            "someone_else_named": matching.someone_else_named(report),
            # The case is closed and the reporter has not yet answered or skipped the questions.
            "feedback_open": open_feedback_for(report) is not None,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@tracking_required
def add_information(request, report):
    form = AddInformationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_information(report=report, text=form.cleaned_data["text"])
        messages.success(request, _("Thank you. We have added this to your report."))
        return redirect("tracking:status")
    return render(request, "casework/tracking/add_information.html", {"form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@tracking_required
def contact_preferences(request, report):
    contact = getattr(report, "contact", None)
    form = ContactPreferencesForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        services.change_contact_preferences(report=report, preferences=form.cleaned_data)
        messages.success(request, _("We have saved how we can contact you."))
        return redirect("tracking:status")
    return render(request, "casework/tracking/contact.html", {"form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@tracking_required
def withdraw_consent(request, report):
    is_shared = report.consent in SHARED_WITH_POLICE
    if request.method == "POST" and is_shared:
        services.withdraw_consent(report=report)
        messages.success(request, _("We have stopped sharing your report with the police."))
        return redirect("tracking:status")
    return render(request, "casework/tracking/withdraw.html", {"is_shared": is_shared})


@require_safe
@tracking_required
def receipt(request, report):
    """The receipt again, for a reporter who lost it: logged as their own export."""
    return reporting_receipt.receipt_response(report)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def sign_out(request):
    """ "I've finished": forget everything this browser session held."""
    request.session.flush()
    return render(request, "casework/tracking/finished.html")
