"""The public journey (/<lang>/report/…): a victim or witness reporting online, in the page's
language. The pages before the questions and the confirmation are its own; the questions,
the evidence page and check your answers are the journey's views (views.py) in this flow.
"""

from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_variables
from django.views.decorators.http import require_safe
from django_ratelimit.decorators import ratelimit

from centres.client import client_address
from centres.models import SupportService

from .. import support
from ..forms.passphrase import CheckForm
from ..models import Channel, ReporterRole, new_reference
from ..passphrase import new_passphrase
from ..services import submit_report
from .answers import report_answers
from .drafts import CookieKey, keeps_draft
from .flows import Flow
from .steps import STEPS

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


@dataclass(frozen=True)
class PublicFlow(Flow):
    def guard(self, view, sends):
        """Anyone, with answers and submissions counted per client address (the view answers
        kindly when over: request.limited); the draft's key in its own cookie."""
        group, rate = (
            ("report-submit", submission_rate) if sends else ("report-answer", answer_rate)
        )
        limit = ratelimit(group=group, key=client_ip, rate=rate, method="POST", block=False)
        return limit(keeps_draft(view))

    def check_forms(self, request, known) -> dict:
        form = CheckForm(request.POST or None, known=known)
        return {"form": form, "choice": form}

    def channel(self, journey) -> str:
        """Recorded automatically: who is reporting decides it."""
        if journey.role == ReporterRole.VICTIM:
            return Channel.ONLINE_SELF
        return Channel.ONLINE_WITNESS

    @sensitive_variables("passphrase")
    def send(self, request, journey, state, forms):
        form = forms["form"]
        if form.cleaned_data["website"]:
            # The honeypot: a robot filled in a field no person can see. Pretend.
            journey.discard()
            return confirmation(request, reference=new_reference(), consent="", strands=[])
        chosen = form.chosen_passphrase is not None
        passphrase = form.chosen_passphrase or new_passphrase()
        answers = report_answers(journey)
        report = submit_report(
            answers=answers,
            language=get_language(),
            channel=self.channel(journey),
            passphrase=passphrase,
            draft=journey.draft,
        )
        return self.confirm(
            request,
            journey,
            state,
            report,
            passphrase=passphrase,
            chosen=chosen,
            strands=answers["strands"],
        )

    def confirm(self, request, journey, state, report, *, passphrase, chosen, strands=None):
        journey.forget()
        if strands is None:
            strands = [str(pk) for pk in report.strands.values_list("pk", flat=True)]
        done = {"reference": report.reference, "consent": report.consent}
        done.update(passphrase_chosen=chosen, strands=strands, area_id=report.area_id)
        done.update(support.promise_context(report))
        request.session[DONE_KEY] = done
        request.session[RECEIPT_KEY] = report.pk
        # Ours is shown once, here; theirs never (they know it).
        return confirmation(request, passphrase=None if chosen else passphrase, **done)


PUBLIC = PublicFlow(
    namespace="reporting",
    prefix="report",
    before_first="report_staying_safe",
    draft_key=CookieKey(),
    layout="reporting/journey/_page.html",
)


@never_cache
@require_safe
def report_start(request):
    """Before the questions: what reporting involves, who sees it, and how long it takes."""
    return render(request, "reporting/report_start.html")


@never_cache
@require_safe
def report_staying_safe(request):
    first_url = PUBLIC.url_for(STEPS[0])
    return render(request, "reporting/journey/staying_safe.html", {"first_url": first_url})


@never_cache
@require_safe
def report_done(request):
    """The confirmation again, without the passphrase (it was shown once)."""
    done = request.session.get(DONE_KEY)
    if not done:
        return redirect("reporting:report_start")
    return confirmation(request, **done)


def optional_url(name) -> str:
    """A page another part of the project provides, if it is there yet."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def confirmation(
    request,
    *,
    reference,
    consent,
    strands,
    area_id=None,
    passphrase=None,
    passphrase_chosen=False,
    support_promise="",
    support_days=0,
):
    services = SupportService.objects.for_victim(strands=strands, area_id=area_id)
    language = get_language()
    # Services that speak the reporter's language first.
    services = sorted(services[:20], key=lambda s: language not in (s.languages or []))[:6]
    receipt_url = optional_url("reporting:receipt") if RECEIPT_KEY in request.session else ""
    return render(
        request,
        "reporting/journey/confirmation.html",
        {
            "reference": reference,
            "passphrase": passphrase,
            "passphrase_chosen": passphrase_chosen,
            "consent": consent,
            "services": services,
            "receipt_url": receipt_url,
            "track_url": optional_url("tracking:track"),
            "support_promise": support_promise,
            "support_days": support_days,
        },
    )
