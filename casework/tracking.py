"""The tracking page (/<lang>/track/): a reporter checks their report with its reference and
passphrase, reads a plain-language timeline and the updates meant for them, and can add
information, change how they are contacted, or withdraw consent to share with the police.

It lives in casework because it reads cases and their updates; the writes are services in
reporting/tracking.py. Safeguards:
- A wrong passphrase and an unknown reference get the same answer, status and (roughly) time.
- Failed attempts are counted per reference and per client (django-ratelimit, in the cache),
  and refused beyond the settings TRACKING_RATE_PER_REFERENCE and TRACKING_RATE_PER_CLIENT.
- Signing in remembers only the report's id in the session, for TRACKING_SESSION_SECONDS
  without use; "I've finished" forgets it. Pages are never cached: shared devices.
- Only victim-visible updates are read; internal notes never reach these templates.
"""

import ipaddress
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
from django_ratelimit.core import get_usage

from centres.client import client_address
from reporting import tracking
from reporting.models import SHARED_WITH_POLICE, Consent, Report, normalise_reference

from .models import Case, CaseStatus, CaseUpdate
from .tracking_forms import AddInformationForm, ContactPreferencesForm, TrackForm

SESSION_KEY = "tracking"

WRONG_DETAILS = _(
    "The reference or passphrase is not right. Check them and try again. The reference is on "
    "your receipt, like HR-7KQ4-M2XD."
)
TOO_MANY_TRIES = _(
    "You have tried too many times. Wait 15 minutes and try again, or ask a reporting centre "
    "to help you."
)


# --- Throttling ------------------------------------------------------------------------------


def _client(request) -> str:
    address = client_address(request) or "unknown"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    # One IPv6 household or phone has a whole /64 to rotate through.
    return str(ipaddress.ip_network(f"{ip}/64", strict=False)) if ip.version == 6 else str(ip)


def _limits(request, reference: str):
    """(group, key, rate) for each counter this attempt falls under."""
    yield "tracking:client", _client(request), settings.TRACKING_RATE_PER_CLIENT
    if reference:
        yield "tracking:reference", reference, settings.TRACKING_RATE_PER_REFERENCE


def _is_throttled(request, reference: str) -> bool:
    for group, key, rate in _limits(request, reference):
        usage = get_usage(request, group=group, key=lambda g, r, k=key: k, rate=rate)
        # A cache failure reports should_limit with no count: refuse rather than allow
        # unlimited guessing.
        if usage and (usage["should_limit"] or usage["count"] >= usage["limit"]):
            return True
    return False


def _count_failure(request, reference: str) -> None:
    for group, key, rate in _limits(request, reference):
        get_usage(request, group=group, key=lambda g, r, k=key: k, rate=rate, increment=True)


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
    status = 200
    if request.method == "POST" and form.is_valid():
        reference = normalise_reference(form.cleaned_data["reference"])
        if _is_throttled(request, reference):
            form.add_error("reference", TOO_MANY_TRIES)
            status = 429
        else:
            report = tracking.find_report(
                reference=reference, passphrase=form.cleaned_data["passphrase"]
            )
            if report is not None:
                _sign_in(request, report)
                # The report's language by default; the language switcher can change it.
                with translation.override(report.language):
                    return redirect(reverse("tracking:status"))
            _count_failure(request, reference)
            form.add_error("reference", WRONG_DETAILS)
    return render(request, "casework/tracking/track.html", {"form": form}, status=status)


@require_safe
@tracking_required
def status(request, report):
    case = Case.objects.filter(report=report).first()
    tracking.record_view(report=report)
    return render(
        request,
        "casework/tracking/status.html",
        {
            "report": report,
            "timeline": timeline(report, case),
            "is_shared": report.consent in SHARED_WITH_POLICE,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@tracking_required
def add_information(request, report):
    form = AddInformationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        tracking.add_information(report=report, text=form.cleaned_data["text"])
        messages.success(request, _("Thank you. We have added this to your report."))
        return redirect("tracking:status")
    return render(request, "casework/tracking/add_information.html", {"form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@tracking_required
def contact_preferences(request, report):
    contact = getattr(report, "contact", None)
    form = ContactPreferencesForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        tracking.change_contact_preferences(report=report, preferences=form.cleaned_data)
        messages.success(request, _("We have saved how we can contact you."))
        return redirect("tracking:status")
    return render(request, "casework/tracking/contact.html", {"form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@tracking_required
def withdraw_consent(request, report):
    is_shared = report.consent in SHARED_WITH_POLICE
    if request.method == "POST" and is_shared:
        tracking.withdraw_consent(report=report)
        messages.success(request, _("We have stopped sharing your report with the police."))
        return redirect("tracking:status")
    return render(request, "casework/tracking/withdraw.html", {"is_shared": is_shared})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def sign_out(request):
    """ "I've finished": forget everything this browser session held."""
    request.session.flush()
    return render(request, "casework/tracking/finished.html")


# --- The timeline ----------------------------------------------------------------------------


def timeline(report: Report, case: Case | None) -> list[dict]:
    """What has happened to the report, oldest first, in plain words (the page's language).

    Only victim-visible updates are read. Each entry: at (a datetime or None for what is
    still to come), title, and text.
    """
    entries = [{"at": report.submitted_at, "title": _("We received your report"), "text": ""}]
    withdrawn = [
        change
        for change in report.consent_changes.all()
        if change.current == Consent.DO_NOT_SHARE and change.previous in SHARED_WITH_POLICE
    ]
    if case is not None:
        entries.append(
            {"at": case.opened_at, "title": _("We passed your report to the police"), "text": ""}
        )
        if case.triaged_at:
            entries.append(
                {
                    "at": case.triaged_at,
                    "title": _("The police are looking at your report"),
                    "text": "",
                }
            )
        for update in case.updates.filter(visibility=CaseUpdate.Visibility.VICTIM):
            entries.append(
                {"at": update.created_at, "title": _("Update"), "text": update.victim_text()}
            )
        if case.status == CaseStatus.CLOSED and case.closed_at:
            entries.append(
                {
                    "at": case.closed_at,
                    "title": _("The police have finished working on your report"),
                    "text": "",
                }
            )
    for change in withdrawn:
        entries.append(
            {
                "at": change.changed_at,
                "title": _("You asked us to stop sharing your report with the police"),
                "text": "",
            }
        )
    for addition in report.additions.all():
        entries.append({"at": addition.added_at, "title": _("You added information"), "text": ""})
    entries.sort(key=lambda entry: entry["at"])
    if report.consent in SHARED_WITH_POLICE and case is None:
        entries.append(
            {"at": None, "title": _("We will pass your report to the police"), "text": ""}
        )
    elif report.consent == Consent.DO_NOT_SHARE and not withdrawn:
        entries.append(
            {
                "at": None,
                "title": _("You asked us not to pass your report to the police"),
                "text": _(
                    "We keep your report safely. It helps us understand what is happening in "
                    "your area, and you can still get support."
                ),
            }
        )
    return entries
