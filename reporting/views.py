"""Public pages: the start page, the accessibility statement, the privacy notice, the quick
exit, and the reporting journey (/<lang>/report/...).

Journey pages are never cached (a shared phone's back button must not show someone's
answers from the cache); the steps, their order and the draft live in reporting/journey.py.
"""

import datetime

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.decorators import ratelimit

from centres.client import client_address
from centres.models import SupportService

from .forms import CheckForm
from .journey import STEP_BY_SLUG, STEPS, Journey, evidence_page, keeps_draft
from .models import new_reference
from .passphrase import details_known_to_others, new_passphrase
from .services import submit_report

# Change these when the statement or the notice is reviewed or changed.
ACCESSIBILITY_PREPARED = datetime.date(2026, 11, 23)
ACCESSIBILITY_REVIEWED = datetime.date(2026, 11, 23)
PRIVACY_UPDATED = datetime.date(2026, 11, 23)


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
    Journey(request).discard()
    request.session.flush()
    response = HttpResponseRedirect(settings.QUICK_EXIT_URL, status=303)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    # Also drop this site's cached pages and cookies from the browser, where it supports it.
    response["Clear-Site-Data"] = '"cache", "cookies"'
    return response


# --- The reporting journey -------------------------------------------------------------------

DONE_KEY = "report_done"
# The receipt view (reporting:receipt) reads the report it may render from here.
RECEIPT_KEY = "receipt_report_id"


def client_ip(group, request):
    """The rate limits' key: the client's address, by the rule sign-in throttling uses."""
    return client_address(request) or ""


def submission_rate(group, request):
    return settings.REPORT_SUBMISSION_RATE


def answer_rate(group, request):
    # Generous: a slow reporter going back and forth must never meet it.
    return settings.REPORT_ANSWER_RATE


def step_url(step, *, change=False) -> str:
    url = reverse(step.view_name, args=[step.slug] if "step" in step.view_name else [])
    return f"{url}?change=1" if change else url


def optional_url(name) -> str:
    """A page another part of the project provides, if it is there yet."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def rate_limited(request):
    return render(request, "reporting/journey/rate_limited.html", status=429)


def after(journey, step, change) -> str:
    following = journey.next_step(step, change=change)
    return step_url(following, change=change) if following else reverse("reporting:report_check")


def page_context(journey, step, form, change) -> dict:
    previous = journey.previous_step(step)
    if change:
        back = reverse("reporting:report_check")
    elif previous:
        back = step_url(previous)
    else:
        back = reverse("reporting:report_staying_safe")
    heading = getattr(form, "heading", None)
    first = next(iter(form.visible_fields()), None)
    return {
        "form": form,
        "step": step,
        "heading": heading,
        "title": heading or (first.label if first else ""),
        "back_url": back,
    }


@never_cache
@require_safe
def report_start(request):
    """Before the questions: what reporting involves, who sees it, and how long it takes."""
    return render(request, "reporting/report_start.html")


@never_cache
@require_safe
def report_staying_safe(request):
    return render(request, "reporting/journey/staying_safe.html", {"first_url": step_url(STEPS[0])})


@never_cache
@require_http_methods(["GET", "POST"])
@ratelimit(group="report-answer", key=client_ip, rate=answer_rate, method="POST", block=False)
@keeps_draft
def report_step(request, slug):
    step = STEP_BY_SLUG.get(slug)
    if step is None or step.view_name != "reporting:report_step":
        raise Http404
    journey = Journey(request)
    if not step.is_active(journey.answers):
        # An earlier answer closed this page (it is skipped).
        return redirect(reverse("reporting:report_check"))
    change = request.GET.get("change") == "1"
    if request.method == "POST":
        if request.limited:
            return rate_limited(request)
        form = journey.form_for(step, data=request.POST)
        journey.save_step(step, form)
        if form.is_valid():
            return redirect(after(journey, step, change))
    else:
        form = journey.form_for(step)
    return render(
        request, "reporting/journey/question.html", page_context(journey, step, form, change)
    )


@never_cache
@require_http_methods(["GET", "POST"])
@ratelimit(group="report-answer", key=client_ip, rate=answer_rate, method="POST", block=False)
@keeps_draft
def report_evidence(request):
    """Files, one at a time: each is checked and stored as it arrives, and can be removed."""
    if request.method == "POST" and request.limited:
        return rate_limited(request)
    step = STEP_BY_SLUG["evidence"]
    journey = Journey(request)
    change = request.GET.get("change") == "1"
    page = evidence_page(journey, request)
    if page.go == "next":
        return redirect(after(journey, step, change))
    if page.go == "here":
        return redirect(request.get_full_path())
    context = page_context(journey, step, page.form, change)
    return render(request, "reporting/journey/evidence.html", {**context, "uploads": page.uploads})


@sensitive_post_parameters("own_passphrase", "own_passphrase_again")
@never_cache
@require_http_methods(["GET", "POST"])
@ratelimit(group="report-submit", key=client_ip, rate=submission_rate, method="POST", block=False)
@keeps_draft
@sensitive_variables("passphrase")
def report_check(request):
    """Check your answers, choose a passphrase if you like, then send. The confirmation is
    this POST's own response, so a passphrase we make is shown once; either kind is never
    stored anywhere but as a hash (nor in the draft, which never sees this page's form)."""
    journey = Journey(request)
    missing = journey.first_unanswered()
    if missing is not None:
        return redirect(step_url(missing))
    known = details_known_to_others(journey.report_answers()) if request.POST else ()
    form = CheckForm(request.POST or None, known=known)
    if request.method == "POST":
        if request.limited:
            return rate_limited(request)
        if form.is_valid():
            if form.cleaned_data["website"]:
                # The honeypot: a robot filled in a field no person can see. Pretend.
                journey.discard()
                return confirmation(request, reference=new_reference(), consent="", strands=[])
            chosen = form.chosen_passphrase is not None
            passphrase = form.chosen_passphrase or new_passphrase()
            answers = journey.report_answers()
            report = submit_report(
                answers=answers,
                language=get_language(),
                channel=journey.channel(),
                passphrase=passphrase,
            )
            journey.discard(keep_files=True)
            done = {
                "reference": report.reference,
                "consent": report.consent,
                "passphrase_chosen": chosen,
            }
            done["strands"], done["area_id"] = answers["strands"], report.area_id
            request.session[DONE_KEY] = done
            request.session[RECEIPT_KEY] = report.pk
            # Ours is shown once, here; theirs never (they know it).
            shown = None if chosen else passphrase
            return confirmation(request, passphrase=shown, **done)
    return render(
        request,
        "reporting/journey/check.html",
        {"rows": journey.summary(), "form": form, "back_url": step_url(journey.active_steps()[-1])},
    )


@never_cache
@require_safe
def report_done(request):
    """The confirmation again, without the passphrase (it was shown once)."""
    done = request.session.get(DONE_KEY)
    if not done:
        return redirect("reporting:report_start")
    return confirmation(request, **done)


def confirmation(
    request, *, reference, consent, strands, area_id=None, passphrase=None, passphrase_chosen=False
):
    services = SupportService.objects.for_victim(strands=strands, area_id=area_id)
    language = get_language()
    # Services that speak the reporter's language first.
    services = sorted(services[:20], key=lambda s: language not in (s.languages or []))[:6]
    return render(
        request,
        "reporting/journey/confirmation.html",
        {
            "reference": reference,
            "passphrase": passphrase,
            "passphrase_chosen": passphrase_chosen,
            "consent": consent,
            "services": services,
            "receipt_url": optional_url("reporting:receipt")
            if RECEIPT_KEY in request.session
            else "",
            "track_url": optional_url("tracking:track"),
        },
    )
