"""The centre workspace (/centre/): volunteers and coordinators, at their centres.

- The centre's reports, their progress and the updates written for the victim, so a
  volunteer can pass news on to someone who trusts only the centre.
- Assisted reporting: the public journey's own questions (reporting/journey.py), shown in
  the victim's language while the workspace around them stays in the volunteer's, sent as
  channel "assisted" with the centre and the volunteer stamped on it.
- For coordinators: the centre's public listing, its volunteers and their training, and the
  counts of what was logged (small numbers suppressed).

These views live in reporting because they are about reports; the people and centres they
are scoped by come from centres, and every scope from reporting/access.py. Anything outside
a person's scope answers exactly as something that does not exist.
"""

import datetime
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from centres import forms as centre_forms
from centres.models import AccessLogEntry, AwarenessActivity, Membership, Role, Strand
from centres.services import add_centre_member, end_membership
from centres.stats import suppress
from centres.views import staff_required

from . import access, receipt
from .forms import PassphraseChoiceForm
from .journey import STEP_BY_SLUG, STEPS, Journey, evidence_page
from .models import Channel, Channels, Report, normalise_reference
from .passphrase import details_known_to_others, new_passphrase
from .services import submit_report
from .workspace_forms import AssistedStartForm, GoBetweenForm, ReportFilterForm, VictimLanguageForm

# Training that ends within this many days shows as a reminder on the workspace.
EXPIRY_NOTICE_DAYS = 30
REPORTS_PER_PAGE = 50
# The caseworker's "update for the victim" (casework.CaseUpdate.Visibility.VICTIM); reached
# through the report's case, as reporting must not import casework.
VICTIM_VISIBLE = "victim"


def centre_worker_required(view):
    @wraps(view)
    @staff_required
    def wrapper(request, *args, **kwargs):
        if not request.user.is_centre_worker:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _centre_reports(user):
    """The reports logged at the person's centres: the workspace never shows the reports a
    person may also see in another role (a volunteer who is also a police officer)."""
    return access.reports_visible_to(
        user, Report.objects.filter(centre__in=access.centres_worked_at(user))
    )


# --- The centre's reports -------------------------------------------------------------------


@require_safe
@centre_worker_required
def home(request):
    user = request.user
    filters = ReportFilterForm(request.GET or None)
    reports = (
        _centre_reports(user)
        .select_related("centre", "case", "logged_by")
        .annotate(
            latest_update=Max(
                "case__updates__created_at",
                filter=Q(case__updates__visibility=VICTIM_VISIBLE),
            )
        )
        .order_by("-submitted_at")
    )
    if filters.is_valid():
        if filters.cleaned_data["reference"]:
            reports = reports.filter(
                reference=normalise_reference(filters.cleaned_data["reference"])
            )
        if filters.cleaned_data["go_between"]:
            reports = reports.filter(centre_is_go_between=True)
    page = Paginator(reports, REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    centres = list(access.centres_worked_at(user).order_by("name"))
    coordinated = set(access.centres_coordinated_by(user).values_list("pk", flat=True))
    return render(
        request,
        "reporting/workspace/home.html",
        {
            "reports": page.object_list,
            "page": page,
            "filters": filters,
            "centres": [
                {
                    "centre": centre,
                    "coordinates": centre.pk in coordinated,
                    "activities": _activities_this_year(centre, today),
                    "expiring": _expiring(centre, today) if centre.pk in coordinated else [],
                }
                for centre in centres
            ],
            "target": AwarenessActivity.YEARLY_TARGET,
            "own_training": _own_training_notices(user, today),
            "query": _query_without_page(request),
            "today": today,
            "nav": "home",
        },
    )


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _activities_this_year(centre, today) -> int:
    return centre.awareness_activities.filter(date__year=today.year).count()


def _expiring(centre, today):
    """The centre's people whose training has ended or ends within the notice period."""
    return list(
        Membership.objects.training_expiring(within_days=EXPIRY_NOTICE_DAYS, on=today)
        .filter(centre=centre)
        .select_related("user")
        .order_by("training_expires_on")
    )


def _own_training_notices(user, today):
    soon = today + datetime.timedelta(days=EXPIRY_NOTICE_DAYS)
    return [
        m
        for m in user.active_memberships
        if m.role in Role.CENTRE_ROLES and m.training_expires_on and m.training_expires_on <= soon
    ]


@require_safe
@centre_worker_required
def report_detail(request, pk):
    """One report of the centre: its progress and the updates written for the victim."""
    report = access.get_report_or_404(
        request.user,
        _centre_reports(request.user).select_related("centre", "logged_by", "area", "case"),
        pk=pk,
    )
    case = getattr(report, "case", None)
    updates = []
    if case is not None:
        updates = case.updates.filter(visibility=VICTIM_VISIBLE).order_by("-created_at")
    contact = None
    if access.can_see_contact_details(request.user, report):
        contact = getattr(report, "contact", None)
    return render(
        request,
        "reporting/workspace/report.html",
        {
            "report": report,
            "case": case,
            "updates": [
                {"update": u, "text": u.victim_text(), "for_victim": u.text_for_victim()}
                for u in updates
            ],
            "contact": contact,
            "contact_channels": [
                dict(Channels.choices).get(c, c) for c in (contact.channels if contact else [])
            ],
            "report_dir": "rtl" if report.language in settings.LANGUAGES_BIDI else "ltr",
            "go_between_form": GoBetweenForm(
                initial={"centre_is_go_between": "yes" if report.centre_is_go_between else "no"}
            ),
        },
    )


@require_POST
@centre_worker_required
def set_go_between(request, pk):
    report = access.get_report_or_404(request.user, _centre_reports(request.user), pk=pk, log=False)
    form = GoBetweenForm(request.POST)
    if form.is_valid() and form.go_between != report.centre_is_go_between:
        report.centre_is_go_between = form.go_between
        report.save(update_fields=["centre_is_go_between"])
        access.record(
            request.user,
            report,
            AccessLogEntry.Action.CHANGE,
            detail=f"centre passes on news: {'yes' if form.go_between else 'no'}",
        )
        messages.success(request, _("Saved who passes on news about this report."))
    return redirect("workspace:report", pk=report.pk)


@require_safe
@centre_worker_required
def report_receipt(request, pk):
    """Print or hand over a report's receipt again: the receipt page (reporting:receipt)
    renders the report whose id this session holds, in the report's language."""
    report = access.get_report_or_404(request.user, _centre_reports(request.user), pk=pk, log=False)
    access.record(request.user, report, AccessLogEntry.Action.DISCLOSE, detail="receipt")
    request.session[receipt.SESSION_KEY] = report.pk
    return redirect(_receipt_url(report.language))


def _receipt_url(language) -> str:
    with translation.override(language):
        return reverse("reporting:receipt")


# --- Assisted reporting ---------------------------------------------------------------------

# The centre and the victim's language of the assisted report in progress.
ASSISTED_KEY = "assisted_report"


class AssistedJourney(Journey):
    """The public journey's questions and draft, kept under a session key of its own, so a
    report a volunteer is logging for someone never mixes with one typed on the public site
    in the same browser."""

    session_key = "assisted_report_draft"

    def stored_key(self):
        return self.request.session.get(self.session_key)

    def store_key(self, key):
        self.request.session[self.session_key] = key

    def forget_key(self):
        self.request.session.pop(self.session_key, None)

    def channel(self) -> str:
        return Channel.ASSISTED


def _assisted_state(request):
    state = request.session.get(ASSISTED_KEY)
    if not state:
        return None
    # The volunteer may have left the centre since they started.
    if not access.centres_worked_at(request.user).filter(pk=state["centre_id"]).exists():
        return None
    return state


def _step_url(step, *, change=False) -> str:
    if step.slug == "evidence":
        url = reverse("workspace:assisted_evidence")
    else:
        url = reverse("workspace:assisted_step", args=[step.slug])
    return f"{url}?change=1" if change else url


def _after(journey, step, change) -> str:
    following = journey.next_step(step, change=change)
    return _step_url(following, change=change) if following else reverse("workspace:assisted_check")


def _back(journey, step, change) -> str:
    if change:
        return reverse("workspace:assisted_check")
    previous = journey.previous_step(step)
    return _step_url(previous) if previous else reverse("workspace:assisted_start")


def _assisted_context(request, state, **extra) -> dict:
    language = state["language"]
    return {
        "victim_language": language,
        "victim_language_dir": "rtl" if language in settings.LANGUAGES_BIDI else "ltr",
        "language_form": VictimLanguageForm(initial={"language": language}),
        "centre": access.centres_worked_at(request.user).get(pk=state["centre_id"]),
        "nav": "assisted",
        **extra,
    }


@never_cache
@require_http_methods(["GET", "POST"])
@centre_worker_required
def assisted_start(request):
    """Which centre, and which language the person reads the questions in."""
    centres = access.centres_worked_at(request.user).order_by("name")
    form = AssistedStartForm(request.POST or None, centres=centres)
    if request.method == "POST" and form.is_valid():
        AssistedJourney(request).discard()
        request.session[ASSISTED_KEY] = {
            "centre_id": form.cleaned_data["centre"].pk,
            "language": form.cleaned_data["language"],
        }
        return redirect(_step_url(STEPS[0]))
    return render(
        request,
        "reporting/workspace/assisted_start.html",
        {"form": form, "in_progress": bool(_assisted_state(request)), "nav": "assisted"},
    )


@require_POST
@centre_worker_required
def assisted_language(request):
    """Switch the language the questions are shown in; nothing typed is lost."""
    state = _assisted_state(request)
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
    AssistedJourney(request).discard()
    request.session.pop(ASSISTED_KEY, None)
    messages.success(request, _("The report was not sent, and what was typed has been deleted."))
    return redirect("workspace:home")


@never_cache
@require_http_methods(["GET", "POST"])
@centre_worker_required
def assisted_step(request, slug):
    state = _assisted_state(request)
    step = STEP_BY_SLUG.get(slug)
    if state is None:
        return redirect("workspace:assisted_start")
    if step is None or step.view_name != "reporting:report_step":
        raise Http404
    journey = AssistedJourney(request)
    change = request.GET.get("change") == "1"
    with translation.override(state["language"]):
        if not step.is_active(journey.answers):
            return redirect("workspace:assisted_check")
        if request.method == "POST":
            form = journey.form_for(step, data=request.POST)
            journey.save_step(step, form)
            if form.is_valid():
                return redirect(_after(journey, step, change))
        else:
            form = journey.form_for(step)
        question = render_to_string(
            "reporting/workspace/_assisted_question.html",
            {"form": form, "heading": getattr(form, "heading", None)},
            request=request,
        )
    return render(
        request,
        "reporting/workspace/assisted_step.html",
        _assisted_context(
            request, state, form=form, question=question, back_url=_back(journey, step, change)
        ),
    )


@never_cache
@require_http_methods(["GET", "POST"])
@centre_worker_required
def assisted_evidence(request):
    """Files the person has with them (photos on their phone, letters), one at a time."""
    state = _assisted_state(request)
    if state is None:
        return redirect("workspace:assisted_start")
    step = STEP_BY_SLUG["evidence"]
    journey = AssistedJourney(request)
    change = request.GET.get("change") == "1"
    with translation.override(state["language"]):
        page = evidence_page(journey, request)
        if page.go == "next":
            return redirect(_after(journey, step, change))
        if page.go == "here":
            return redirect(request.get_full_path())
        form, uploads = page.form, page.uploads
        question = render_to_string(
            "reporting/workspace/_assisted_evidence.html",
            {"form": form, "heading": getattr(form, "heading", None), "uploads": uploads},
            request=request,
        )
    return render(
        request,
        "reporting/workspace/assisted_step.html",
        _assisted_context(
            request,
            state,
            form=form,
            question=question,
            back_url=_back(journey, step, change),
            multipart=True,
        ),
    )


@sensitive_post_parameters("own_passphrase", "own_passphrase_again")
@never_cache
@require_http_methods(["GET", "POST"])
@centre_worker_required
def assisted_check(request):
    """Check the answers together, record whether the centre passes on news, let the person
    choose their own passphrase if they want to (in their language), and send."""
    state = _assisted_state(request)
    if state is None:
        return redirect("workspace:assisted_start")
    language = state["language"]
    journey = AssistedJourney(request)
    with translation.override(language):
        missing = journey.first_unanswered()
        if missing is not None:
            return redirect(_step_url(missing))
    form = GoBetweenForm(request.POST or None)
    with translation.override(language):
        known = details_known_to_others(journey.report_answers()) if request.POST else ()
    # A centre's computer is shared: the browser is asked not to keep the passphrase.
    choice = PassphraseChoiceForm(request.POST or None, known=known, shared_computer=True)
    if request.method == "POST" and all([form.is_valid(), choice.is_valid()]):
        return _send_assisted_report(
            request, state, journey, form.go_between, chosen=choice.chosen_passphrase
        )
    with translation.override(language):
        passphrase_choice = render_to_string(
            "reporting/journey/_passphrase_choice.html",
            {
                "choice": choice,
                "lang": language,
                "dir": "rtl" if language in settings.LANGUAGES_BIDI else "ltr",
            },
            request=request,
        )
        summary = render_to_string(
            "reporting/workspace/_assisted_summary.html",
            {
                "rows": [
                    {**row, "url": _step_url(row["step"], change=True)} for row in journey.summary()
                ]
            },
            request=request,
        )
    return render(
        request,
        "reporting/workspace/assisted_check.html",
        _assisted_context(
            request,
            state,
            form=form,
            choice=choice,
            passphrase_choice=passphrase_choice,
            summary=summary,
            back_url=_step_url(journey.active_steps()[-1]),
        ),
    )


@sensitive_variables("passphrase", "chosen")
def _send_assisted_report(request, state, journey, go_between, *, chosen=None):
    language = state["language"]
    centre = access.get_centre_or_404(request.user, state["centre_id"])
    passphrase = chosen or new_passphrase()
    with translation.override(language):
        answers = journey.report_answers()
    report = submit_report(
        answers={**answers, "centre_is_go_between": go_between},
        language=language,
        channel=Channel.ASSISTED,
        centre=centre,
        volunteer=request.user,
        passphrase=passphrase,
    )
    access.record(request.user, report, AccessLogEntry.Action.CREATE, detail="assisted report")
    journey.discard(keep_files=True)
    request.session.pop(ASSISTED_KEY, None)
    request.session[receipt.SESSION_KEY] = report.pk
    with translation.override(language):
        for_victim = render_to_string(
            "reporting/workspace/_assisted_confirmation.html",
            {
                "report": report,
                # Ours is shown once, here; one the person chose, never.
                "passphrase": None if chosen else passphrase,
                "passphrase_chosen": bool(chosen),
                "receipt_url": _receipt_url(language),
            },
            request=request,
        )
    # The passphrase is in this response only: it is stored nowhere but as a hash.
    return render(
        request,
        "reporting/workspace/assisted_done.html",
        {
            "report": report,
            "for_victim": for_victim,
            "victim_language": language,
            "victim_language_dir": "rtl" if language in settings.LANGUAGES_BIDI else "ltr",
        },
    )


# --- The centre: training and awareness (every worker), listing, people, counts -------------


@require_http_methods(["GET", "POST"])
@centre_worker_required
def training(request, centre_id):
    centre = access.get_centre_or_404(request.user, centre_id)
    form = centre_forms.AwarenessActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        activity = form.save(commit=False)
        activity.centre, activity.logged_by = centre, request.user
        activity.save()
        messages.success(request, _("Activity logged."))
        return redirect("workspace:training", centre_id=centre.pk)
    today = timezone.localdate()
    activities = centre.awareness_activities.filter(date__year__gte=today.year - 1)
    done = _activities_this_year(centre, today)
    return render(
        request,
        "reporting/workspace/training.html",
        {
            "centre": centre,
            "form": form,
            "activities": activities.select_related("logged_by"),
            "done": done,
            "target": AwarenessActivity.YEARLY_TARGET,
            "year": today.year,
            "memberships": [m for m in request.user.active_memberships if m.centre_id == centre.pk],
            "notice_from": today + datetime.timedelta(days=EXPIRY_NOTICE_DAYS),
            "today": today,
        },
    )


@require_http_methods(["GET", "POST"])
@centre_worker_required
def edit_listing(request, centre_id):
    centre = access.get_centre_or_404(request.user, centre_id, coordinator=True)
    form = centre_forms.CentreListingForm(request.POST or None, instance=centre)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The centre's listing has been updated."))
        return redirect("workspace:listing", centre_id=centre.pk)
    with translation.override("en"):
        public_url = reverse("centres:centre", args=[centre.slug])
    return render(
        request,
        "reporting/workspace/listing.html",
        {"centre": centre, "form": form, "public_url": public_url},
    )


@require_http_methods(["GET", "POST"])
@centre_worker_required
def volunteers(request, centre_id):
    centre = access.get_centre_or_404(request.user, centre_id, coordinator=True)
    form = centre_forms.AddVolunteerForm(request.POST or None, centre=centre)
    if request.method == "POST" and form.is_valid():
        membership = add_centre_member(centre=centre, added_by=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("%(name)s has been added to the centre.") % {"name": membership.user.name},
        )
        return redirect("workspace:volunteers", centre_id=centre.pk)
    today = timezone.localdate()
    people = (
        Membership.objects.filter(centre=centre, role__in=Role.CENTRE_ROLES)
        .select_related("user")
        .order_by("user__name")
    )
    current = people.active(today)
    return render(
        request,
        "reporting/workspace/volunteers.html",
        {
            "centre": centre,
            "form": form,
            "current": current,
            "former": people.exclude(pk__in=current.values("pk")),
            "today": today,
            "notice_from": today + datetime.timedelta(days=EXPIRY_NOTICE_DAYS),
        },
    )


@require_http_methods(["GET", "POST"])
@centre_worker_required
def edit_volunteer(request, centre_id, pk):
    centre = access.get_centre_or_404(request.user, centre_id, coordinator=True)
    membership = access.get_centre_membership_or_404(request.user, centre, pk)
    training_form = centre_forms.MembershipTrainingForm(
        request.POST if "save_training" in request.POST else None, instance=membership
    )
    end_form = centre_forms.EndMembershipForm(
        request.POST if "end_membership" in request.POST else None,
        membership=membership,
        initial={"ended_on": timezone.localdate()},
    )
    is_self = membership.user_id == request.user.pk
    if request.method == "POST" and training_form.is_bound and training_form.is_valid():
        training_form.save()
        messages.success(request, _("Training dates saved."))
        return redirect("workspace:volunteers", centre_id=centre.pk)
    if request.method == "POST" and end_form.is_bound and not is_self and end_form.is_valid():
        end_membership(membership, ended_on=end_form.cleaned_data["ended_on"])
        messages.success(
            request,
            _("%(name)s's membership ends on %(date)s.")
            % {"name": membership.user.name, "date": end_form.cleaned_data["ended_on"]},
        )
        return redirect("workspace:volunteers", centre_id=centre.pk)
    return render(
        request,
        "reporting/workspace/volunteer.html",
        {
            "centre": centre,
            "membership": membership,
            "training_form": training_form,
            "end_form": end_form,
            "is_self": is_self,
        },
    )


@require_safe
@centre_worker_required
def counts(request, centre_id):
    """What the centre logged, counted from the reports themselves: no forms to fill in.
    Aggregates only, with counts under 5 shown as "<5"."""
    centre = access.get_centre_or_404(request.user, centre_id, coordinator=True)
    reports = _centre_reports(request.user).filter(centre=centre)
    since = timezone.localdate().replace(day=1) - datetime.timedelta(days=365)
    by_month = (
        reports.filter(submitted_at__date__gte=since.replace(day=1))
        .annotate(month=TruncMonth("submitted_at"))
        .values("month")
        .annotate(total=Count("id"))
        .order_by("-month")
    )
    channels = dict(Channel.choices)
    by_channel = reports.values("channel").annotate(total=Count("id")).order_by("-total")
    by_strand = (
        reports.values("strands__pk").annotate(total=Count("id", distinct=True)).order_by("-total")
    )
    strand_names = {s.pk: str(s) for s in Strand.objects.all()}
    return render(
        request,
        "reporting/workspace/counts.html",
        {
            "centre": centre,
            "total": suppress(reports.count()),
            "by_month": [(row["month"], suppress(row["total"])) for row in by_month],
            "by_channel": [
                (channels.get(row["channel"], row["channel"]), suppress(row["total"]))
                for row in by_channel
            ],
            "by_strand": [
                (strand_names.get(row["strands__pk"], _("None given")), suppress(row["total"]))
                for row in by_strand
            ],
        },
    )
