"""Assisted reporting (/centre/report/…): a volunteer logs a report for someone at the centre.

The journey's own steps, views and templates (reporting/journey/) in a flow of its own: the
questions in the person's language while the workspace around them stays in the
volunteer's; the draft's key in the volunteer's session; sent as channel "assisted" with the
centre and the volunteer stamped on it, or as channel "phone" when the volunteer takes the
report on the phone (chosen on the start page). Here: the flow, and the pages around the
questions (in person or by phone, which centre and language, switching language, stopping).
"""

from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_variables
from django.views.decorators.http import require_http_methods, require_POST

from centres.models import AccessLogEntry, Centre

from .. import access, receipt, support
from ..evidence.bounds import staff_uploader
from ..forms.passphrase import PassphraseChoiceForm
from ..journey.answers import report_answers
from ..journey.drafts import SessionKey
from ..journey.engine import Journey
from ..journey.flows import Flow
from ..journey.steps import STEPS
from ..languages import text_direction
from ..models import Channel, SchoolSharing
from ..passphrase import new_passphrase
from ..services import submit_report
from .forms import AssistedStartForm, GoBetweenForm, VictimLanguageForm
from .reports import receipt_url
from .scope import centre_worker_required

# The centre and the victim's language of the assisted report in progress.
ASSISTED_KEY = "assisted_report"


@dataclass(frozen=True)
class AssistedFlow(Flow):
    def guard(self, view, sends):
        """People working at a centre, signed in. Not counted per address: a centre's
        computers share one, and its volunteers are known."""
        return centre_worker_required(view)

    def uploader(self, request):
        """Evidence uploads count per staff account, with higher bounds, not per address."""
        return staff_uploader(request.user)

    def state(self, request) -> dict | None:
        """The centre and the person's language, chosen on the start page."""
        state = request.session.get(ASSISTED_KEY)
        if not state:
            return None
        # The volunteer may have left the centre since they started.
        if not access.centres_worked_at(request.user).filter(pk=state["centre_id"]).exists():
            return None
        return state

    def start_url(self) -> str:
        return reverse("workspace:assisted_start")

    def questions_language(self, state) -> str:
        return state["language"]

    def given(self, request) -> dict:
        """At a school, its staff log the report: "tell the school?" is not asked (the
        school already knows) and the school is recorded as told (send)."""
        state = self.state(request)
        if state and Centre.objects.schools().filter(pk=state["centre_id"]).exists():
            return {"logging_school": state["centre_id"]}
        return {}

    def context(self, request, state) -> dict:
        return {
            "language_form": VictimLanguageForm(initial={"language": state["language"]}),
            "centre": access.centres_worked_at(request.user).get(pk=state["centre_id"]),
            # The questions are in another language than the page: say which.
            "mark_language": True,
            "nav": "assisted",
        }

    def check_forms(self, request, known) -> dict:
        # A centre's computer is shared: the browser is asked not to keep the passphrase.
        choice = PassphraseChoiceForm(request.POST or None, known=known, shared_computer=True)
        return {"form": GoBetweenForm(request.POST or None), "choice": choice}

    def channel(self, journey) -> str:
        """In person at the centre, or by phone: chosen on the start page (the state)."""
        state = self.state(journey.request) or {}
        return state.get("channel", Channel.ASSISTED)

    @sensitive_variables("passphrase", "chosen")
    def send(self, request, journey, state, forms):
        language = state["language"]
        centre = access.get_centre_or_404(request.user, state["centre_id"])
        chosen = forms["choice"].chosen_passphrase
        passphrase = chosen or new_passphrase()
        with translation.override(language):
            answers = report_answers(journey)
        if centre.is_school:
            # The school logging it knows of it: recorded as told, seeing what happened (its
            # staff see the contact details they took as the report's centre, access.py).
            answers = {**answers, "school_id": centre.pk, "school_sharing": SchoolSharing.REPORT}
        report = submit_report(
            answers={**answers, "centre_is_go_between": forms["form"].go_between},
            language=language,
            channel=self.channel(journey),
            centre=centre,
            volunteer=request.user,
            passphrase=passphrase,
            draft=journey.draft,
        )
        detail = "phone report" if report.channel == Channel.PHONE else "assisted report"
        access.record(request.user, report, AccessLogEntry.Action.CREATE, detail=detail)
        return self.confirm(
            request, journey, state, report, passphrase=passphrase, chosen=bool(chosen)
        )

    def confirm(self, request, journey, state, report, *, passphrase, chosen):
        language = state["language"]
        journey.forget()
        request.session.pop(ASSISTED_KEY, None)
        request.session[receipt.SESSION_KEY] = report.pk
        # The passphrase is in this response only: it is stored nowhere but as a hash.
        context = {
            "report": report,
            "reference": report.reference,
            # Ours is shown once, here; one the person chose, never.
            "passphrase": None if chosen else passphrase,
            "passphrase_chosen": chosen,
            "receipt_url": receipt_url(language),
            "questions_language": language,
            "questions_dir": text_direction(language),
            "by_phone": report.channel == Channel.PHONE,
            # What will really happen about support, in the person's words.
            **support.promise_context(report),
        }
        return render(request, "reporting/workspace/assisted_done.html", context)


ASSISTED = AssistedFlow(
    namespace="workspace",
    prefix="assisted",
    before_first="assisted_start",
    # Apart from a public draft in the same browser.
    draft_key=SessionKey("assisted_report_draft"),
    layout="reporting/workspace/_assisted_page.html",
    check_template="reporting/workspace/assisted_check.html",
)


@never_cache
@require_http_methods(["GET", "POST"])
@centre_worker_required
def assisted_start(request):
    """Which centre, and which language the person reads the questions in."""
    centres = access.centres_worked_at(request.user).order_by("name")
    form = AssistedStartForm(request.POST or None, centres=centres)
    if request.method == "POST" and form.is_valid():
        Journey(request, ASSISTED).discard()
        request.session[ASSISTED_KEY] = {
            "centre_id": form.cleaned_data["centre"].pk,
            "language": form.cleaned_data["language"],
            "channel": form.cleaned_data["how"],
        }
        return redirect(ASSISTED.url_for(STEPS[0]))
    return render(
        request,
        "reporting/workspace/assisted_start.html",
        {"form": form, "in_progress": bool(ASSISTED.state(request)), "nav": "assisted"},
    )


@require_POST
@centre_worker_required
def assisted_language(request):
    """Switch the language the questions are shown in; nothing typed is lost."""
    state = ASSISTED.state(request)
    form = VictimLanguageForm(request.POST)
    if state is None:
        return redirect("workspace:assisted_start")
    if form.is_valid():
        request.session[ASSISTED_KEY] = {**state, "language": form.cleaned_data["language"]}
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("workspace:assisted_check")
    return redirect(next_url)


@require_POST
@centre_worker_required
def assisted_cancel(request):
    Journey(request, ASSISTED).discard()
    request.session.pop(ASSISTED_KEY, None)
    messages.success(request, _("The report was not sent, and what was typed has been deleted."))
    return redirect("workspace:home")
