"""The journey's pages, one set for every flow (flows.py): a question, the evidence page and
check your answers. The flow says where its URLs are, who may use them, the language the
questions are read in, and how the report is sent; templates extend the flow's layout.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.views.decorators.debug import sensitive_post_parameters

from .. import evidence as evidence_files
from ..languages import text_direction
from ..passphrase import details_known_to_others, new_passphrase
from ..services import DraftAlreadySent
from .answers import report_answers, summary
from .engine import Journey
from .steps import QUESTION, STEP_BY_SLUG, progress

# How long after sending a second "Send" still shows the report (with a new passphrase).
SENT_AGAIN_WITHIN = dt.timedelta(minutes=30)


def rate_limited(request):
    return render(request, "reporting/journey/rate_limited.html", status=429)


def _limited(request) -> bool:
    # Set by django-ratelimit where the flow counts answers (the public journey).
    return request.method == "POST" and getattr(request, "limited", False)


def page_context(flow, request, state, **extra) -> dict:
    """What every page of a flow shows: its layout, and the questions' language."""
    language = flow.questions_language(state)
    return {
        "layout": flow.layout,
        "questions_language": language,
        "questions_dir": text_direction(language),
        **flow.context(request, state),
        **extra,
    }


def step_context(journey, step, form, change) -> dict:
    heading = getattr(form, "heading", None)
    first = next(iter(form.visible_fields()), None) if form is not None else None
    return {
        "form": form,
        "step": step,
        "heading": heading,
        "title": heading or (first.label if first else ""),
        "back_url": journey.back_url(step, change=change),
        # "Section 2 of 5: what happened", counted along the person's own branch.
        "progress": progress(journey.active_steps(), step),
    }


def question(request, flow, slug):
    state = flow.state(request)
    if state is None:
        return redirect(flow.start_url())
    step = STEP_BY_SLUG.get(slug)
    if step is None or step.page != QUESTION:
        raise Http404
    journey = Journey(request, flow)
    change = request.GET.get("change") == "1"
    with translation.override(flow.questions_language(state)):
        if not step.is_active(journey.step_answers):
            # An earlier answer closed this page (it is skipped).
            return redirect(journey.check_url())
        if _limited(request):
            return rate_limited(request)
        data = request.POST if request.method == "POST" else None
        form = journey.form_for(step, data=data)
        if data is not None:
            journey.save_step(step, form)
            if form.is_valid():
                return redirect(journey.after_url(step, change=change))
        context = step_context(journey, step, form, change)
    return render(
        request,
        "reporting/journey/question.html",
        page_context(flow, request, state, **context),
    )


def evidence(request, flow):
    """Files, one at a time: each is checked and stored as it arrives, and can be removed."""
    state = flow.state(request)
    if state is None:
        return redirect(flow.start_url())
    if _limited(request):
        return rate_limited(request)
    step = STEP_BY_SLUG["evidence"]
    journey = Journey(request, flow)
    change = request.GET.get("change") == "1"
    with translation.override(flow.questions_language(state)):
        page = evidence_page(journey, request)
        if page.go == "next":
            return redirect(journey.after_url(step, change=change))
        if page.go == "here":
            return redirect(request.get_full_path())
        context = step_context(journey, step, page.form, change)
    return render(
        request,
        "reporting/journey/evidence.html",
        page_context(flow, request, state, uploads=page.uploads, **context),
    )


@sensitive_post_parameters("own_passphrase", "own_passphrase_again")
def check(request, flow):
    """Check your answers, choose a passphrase if you like, then send. The confirmation is
    the POST's own response, so a passphrase we make is shown once; either kind is never
    stored anywhere but as a hash (nor in the draft, which never sees this page's forms)."""
    state = flow.state(request)
    if state is None:
        return redirect(flow.start_url())
    journey = Journey(request, flow)
    if journey.draft is not None and journey.draft.sent_report_id:
        return sent_again(request, flow, journey, state)
    with translation.override(flow.questions_language(state)):
        missing = journey.first_unanswered()
        if missing is not None:
            return redirect(journey.url_for(missing))
        known = details_known_to_others(report_answers(journey)) if request.POST else ()
    forms = flow.check_forms(request, known)
    if request.method == "POST":
        if _limited(request):
            return rate_limited(request)
        if all(form.is_valid() for form in forms.values()):
            try:
                return flow.send(request, journey, state, forms)
            except DraftAlreadySent:
                # Sent twice at once: the other press saved it; show what it saved.
                return sent_again(request, flow, Journey(request, flow), state)
    with translation.override(flow.questions_language(state)):
        rows = summary(journey)
    back_url = journey.url_for(journey.active_steps()[-1])
    return render(
        request,
        flow.check_template,
        page_context(flow, request, state, rows=rows, back_url=back_url, **forms),
    )


def sent_again(request, flow, journey, state):
    """ "Send" pressed again for a draft already sent (the first answer never arrived, say):
    the report it saved, never a second one. Its passphrase may never have been seen, so a new
    one is made and shown, within a short while of sending only: after that, the browser may
    be someone else's."""
    report = journey.draft.sent_report
    if report.submitted_at < timezone.now() - SENT_AGAIN_WITHIN:
        journey.discard(keep_files=True)
        return redirect(flow.start_url())
    passphrase = new_passphrase()
    report.set_passphrase(passphrase)
    report.save(update_fields=["passphrase_hash"])
    return flow.confirm(request, journey, state, report, passphrase=passphrase, chosen=False)


# --- Adding and removing evidence files ------------------------------------------------------


@dataclass
class EvidencePage:
    """The evidence page after one request: its form, the files added so far, and where to go
    ("" shows the page; "here" and "next" redirect to it again or to the following page)."""

    form: object
    uploads: list[dict]
    go: str = ""


def evidence_page(journey: Journey, request) -> EvidencePage:
    """The evidence page's one way of adding a file (checked and stored by reporting.evidence
    as it arrives) or removing one."""
    step = STEP_BY_SLUG["evidence"]
    uploads = list(journey.answers.get("evidence", []))
    kwargs = {"limits": evidence_files.limits(), **journey.form_kwargs(step)}
    if request.method != "POST":
        return EvidencePage(step.form_class(**kwargs), uploads)
    if request.POST.get("remove", "").isdigit():
        index = int(request.POST["remove"])
        if index < len(uploads):
            evidence_files.discard_upload(uploads.pop(index))
            journey.set_evidence(uploads)
        return EvidencePage(None, uploads, "here")
    form = step.form_class(request.POST, request.FILES, **kwargs)
    if form.is_valid() and form.cleaned_data["file"]:
        try:
            meta = evidence_files.accept_upload(
                form.cleaned_data["file"],
                already_uploaded=len(uploads),
                uploader=journey.flow.uploader(request),
            )
            uploads.append(meta)
        except ValidationError as error:
            form.add_error("file", error)
    if not form.is_valid():
        return EvidencePage(form, uploads)
    journey.set_evidence(uploads)
    return EvidencePage(form, uploads, "here" if request.POST.get("action") == "add" else "next")
