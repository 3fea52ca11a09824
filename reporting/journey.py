"""The reporting journey: its steps, in order, with their conditions, and the draft that keeps
every answer server-side until the report is sent.

Nothing typed is lost. Each page's raw answers are saved to the draft on every POST, valid or
not, so they come back after a validation error, the back button, a change of language or a
timeout. The draft itself (encrypted: it can hold contact details) lasts a day from the last
answer. Its key travels in a signed cookie of its own, not in the session: a reporter's
question pages then read no session row, so each costs at most three queries (the draft, the
page's choices, the saved answer; the location page finds its area in that same UPDATE).

The draft's answers:
    {"data":  {step: {field name: [raw values]}},      what was typed, to show again
     "clean": {step: {field: JSON value}},             the last valid answers of each page
     "evidence": [metadata from reporting.evidence]}   files already stored
and the draft's `area` column holds the area the location maps to.
"""

import datetime
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet, Subquery
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from centres.models import Area

from . import forms
from .models import Channel, ReportDraft, ReporterRole

DRAFT_COOKIE = "report_draft"
DRAFT_COOKIE_SALT = "reporting.journey.draft"
DRAFT_LIFETIME = datetime.timedelta(days=1)


def _answer(answers, step, name, default=None):
    return answers.get("clean", {}).get(step, {}).get(name, default)


@dataclass(frozen=True)
class Step:
    slug: str
    form_class: type
    condition: Callable[[dict], bool] | None = None
    # Steps with their own view (evidence uploads).
    view_name: str = "reporting:report_step"
    extra: dict = field(default_factory=dict)

    def is_active(self, answers) -> bool:
        return self.condition is None or self.condition(answers)


def _wants_contact(answers):
    return _answer(answers, "contact", "contact_wanted") == "yes"


STEPS = [
    Step("who", forms.WhoForm),
    Step("what", forms.WhatForm),
    Step("when", forms.WhenForm),
    Step("when-date", forms.WhenDateForm, lambda a: _answer(a, "when", "when_kind") == "exact"),
    Step(
        "when-roughly",
        forms.WhenApproximateForm,
        lambda a: _answer(a, "when", "when_kind") == "approximate",
    ),
    Step(
        "when-period", forms.WhenPeriodForm, lambda a: _answer(a, "when", "when_kind") == "period"
    ),
    Step("happened-before", forms.RepeatForm),
    Step("where", forms.WhereForm),
    Step(
        "where-place",
        forms.WherePlaceForm,
        lambda a: _answer(a, "where", "location_kind") == "place",
    ),
    Step(
        "where-online",
        forms.WhereOnlineForm,
        lambda a: _answer(a, "where", "location_kind") == "online",
    ),
    Step("why", forms.WhyForm),
    Step("offenders", forms.OffenderForm),
    Step("harm", forms.HarmForm),
    Step("evidence", forms.EvidenceForm, view_name="reporting:report_evidence"),
    Step("police", forms.PoliceForm),
    Step("contact", forms.ContactWantedForm),
    Step("contact-details", forms.ContactForm, _wants_contact),
    Step("contact-safety", forms.SafeContactForm, _wants_contact),
    Step("contact-needs", forms.NeedsForm, _wants_contact),
    Step("support", forms.SupportForm),
    Step("equality", forms.EqualityWantedForm),
    Step(
        "equality-questions",
        forms.EqualityForm,
        lambda a: _answer(a, "equality", "equality_wanted") == "yes",
    ),
]
STEP_BY_SLUG = {step.slug: step for step in STEPS}


def to_json(value):
    """A cleaned value as JSON: dates as ISO text, rows as their primary keys."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, QuerySet | list | tuple):
        return [to_json(item) for item in value]
    return value


class Journey:
    """One reporter's way through the questions, backed by their draft."""

    def __init__(self, request):
        self.request = request
        self._draft = None
        self._loaded = False
        self._area_pending = False

    # --- The draft ---------------------------------------------------------------------------

    # Where the draft's key is kept between requests: the public journey's own signed cookie,
    # set on the response by @keeps_draft. (The assisted journey keeps it in the staff session.)
    def stored_key(self) -> str | None:
        return self.request.get_signed_cookie(DRAFT_COOKIE, default=None, salt=DRAFT_COOKIE_SALT)

    def store_key(self, key: str) -> None:
        self.request._report_draft_key = key

    def forget_key(self) -> None:
        self.request._report_draft_key = ""

    @property
    def draft(self) -> ReportDraft | None:
        if not self._loaded:
            self._loaded = True
            key = self.stored_key()
            if key:
                self._draft = ReportDraft.objects.filter(
                    key=key, expires_at__gt=timezone.now()
                ).first()
        return self._draft

    @property
    def answers(self) -> dict:
        return self.draft.answers if self.draft else {}

    @property
    def area_id(self) -> int | None:
        if self.draft is None:
            return None
        if self._area_pending:
            self.draft.refresh_from_db(fields=["area"])
            self._area_pending = False
        return self.draft.area_id

    def save(self, answers: dict, *, area: QuerySet | None = None) -> None:
        """Keep the answers, and the area when `area` (a one-row Area queryset) is given: in
        one UPDATE, the area found by a subquery. Each save gives the draft another day."""
        now = timezone.now()
        values = {
            "answers": answers,
            "language": get_language(),
            "updated_at": now,
            "expires_at": now + DRAFT_LIFETIME,
        }
        if self.draft is None:
            self._draft = ReportDraft.objects.create(
                key=secrets.token_urlsafe(32),
                area=area.get() if area is not None else None,
                **values,
            )
        else:
            located = {"area": Subquery(area.values("pk"))} if area is not None else {}
            ReportDraft.objects.filter(pk=self.draft.pk).update(**values, **located)
            for name, value in values.items():
                setattr(self.draft, name, value)
            self._area_pending = self._area_pending or area is not None
        self.store_key(self._draft.key)

    def discard(self, *, keep_files=False) -> None:
        """Delete the draft (and, unless the report took them, its stored files)."""
        from . import evidence

        if self.draft is not None:
            if not keep_files:
                for meta in self.answers.get("evidence", []):
                    evidence.discard_upload(meta)
            ReportDraft.objects.filter(pk=self.draft.pk).delete()
            self._draft = None
        self.forget_key()

    # --- Steps -------------------------------------------------------------------------------

    @property
    def role(self) -> str:
        return _answer(self.answers, "who", "reporter_role", ReporterRole.VICTIM)

    def active_steps(self) -> list[Step]:
        answers = self.answers
        return [step for step in STEPS if step.is_active(answers)]

    def is_done(self, step: Step) -> bool:
        return step.slug in self.answers.get("clean", {})

    def first_unanswered(self) -> Step | None:
        return next((s for s in self.active_steps() if not self.is_done(s)), None)

    def next_step(self, step: Step, *, change=False) -> Step | None:
        """The page after `step`; when changing an answer, the next one still unanswered
        (a new answer may open a page), else None: back to check your answers."""
        active = self.active_steps()
        later = active[[s.slug for s in active].index(step.slug) + 1 :]
        if change:
            return next((s for s in later if not self.is_done(s)), None)
        return later[0] if later else None

    def previous_step(self, step: Step) -> Step | None:
        active = [s.slug for s in self.active_steps()]
        if step.slug not in active:
            return None
        index = active.index(step.slug)
        return STEP_BY_SLUG[active[index - 1]] if index else None

    # --- Forms -------------------------------------------------------------------------------

    def form_kwargs(self, step: Step) -> dict:
        kwargs = {"role": self.role, "area_id": self.area_id}
        if step.form_class is forms.NeedsForm:
            kwargs["language"] = get_language()
        return kwargs

    def form_for(self, step: Step, data=None, **kwargs):
        """A POSTed form, or the saved answers bound again, or a blank form."""
        if data is None:
            saved = self.answers.get("data", {}).get(step.slug)
            data = MultiValueDict(saved) if saved is not None else None
        return step.form_class(data=data, **self.form_kwargs(step), **kwargs)

    def save_step(self, step: Step, form) -> None:
        """Keep what was typed on this page; and, when it is valid, its clean answers."""
        answers = dict(self.answers)
        names = {bf.html_name for bf in form}
        raw = {
            key: form.data.getlist(key)
            for key in form.data
            if key in names or key.rsplit("_", 1)[0] in names
        }
        answers["data"] = {**answers.get("data", {}), step.slug: raw}
        area = None
        if form.is_valid():
            clean = {name: to_json(value) for name, value in form.cleaned_data.items()}
            answers["clean"] = {**answers.get("clean", {}), step.slug: clean}
            if step.slug in ("where", "where-place"):
                area = self._area(answers)
        self.save(answers, area=area)

    @staticmethod
    def _area(answers) -> QuerySet:
        """The area of the location answered (one row, found in the database)."""
        if _answer(answers, "where", "location_kind") == "place":
            return Area.objects.matching_location(
                postcode=_answer(answers, "where-place", "postcode", ""),
                town=_answer(answers, "where-place", "town", ""),
            )
        # Online, or not known: the central queue.
        return Area.objects.filter(is_central_queue=True)

    def set_evidence(self, uploads: list[dict]) -> None:
        answers = dict(self.answers)
        answers["evidence"] = uploads
        answers["clean"] = {**answers.get("clean", {}), "evidence": {}}
        self.save(answers)

    # --- Check your answers and the submission ------------------------------------------------

    def summary(self) -> list[dict]:
        """Rows for the check-your-answers page: every answered question, in order."""
        rows = []
        for step in self.active_steps():
            if step.form_class is forms.EvidenceForm:
                count = len(self.answers.get("evidence", []))
                rows.append(
                    {
                        "step": step,
                        "label": _("Evidence files"),
                        "value": _("Files added: %(count)s") % {"count": count},
                    }
                )
                continue
            form = self.form_for(step)
            if form.is_bound and form.is_valid():
                rows.extend(
                    {"step": step, "label": bf.label, "value": display(form, bf.name)}
                    for bf in form.visible_fields()
                )
        return rows

    def report_answers(self) -> dict:
        """The answers in the shape services.submit_report takes."""
        answers = self.answers
        clean = {}
        for step in self.active_steps():
            clean.update(answers.get("clean", {}).get(step.slug, {}))
        motivation = clean.pop("motivation", [])
        result = {
            **{k: v for k, v in clean.items() if k in REPORT_FIELDS},
            "strands": forms.WhyForm.strand_ids(motivation),
            "motivation_not_sure": forms.NOT_SURE in motivation,
            "area_id": self.area_id,
            "evidence": answers.get("evidence", []),
            "contact": None,
            "equality": None,
        }
        if clean.get("contact_wanted") == "yes":
            safety = clean.get("safety", [])
            access = clean.get("access", [])
            result["contact"] = {
                "name": clean.get("name", ""),
                "email": clean.get("email", ""),
                "phone": clean.get("phone", ""),
                "channels": clean.get("channels", []),
                "safe_times": clean.get("safe_times", ""),
                "preferred_language": clean.get("preferred_language", ""),
                "interpreter_needed": clean.get("interpreter_needed") == "yes",
                "interpreter_language": clean.get("interpreter_language", ""),
                "other_needs": clean.get("other_needs", ""),
                **{flag: flag in safety for flag in SAFETY_FLAGS},
                **{need: need in access for need in ("bsl", "easy_read", "large_print")},
            }
        if clean.get("equality_wanted") == "yes":
            equality = {k: clean.get(k) or "" for k in forms.EqualityForm.base_fields}
            if any(equality.values()):
                result["equality"] = equality
        return result

    def channel(self) -> str:
        """Recorded automatically: who is reporting decides it."""
        if self.role == ReporterRole.VICTIM:
            return Channel.ONLINE_SELF
        return Channel.ONLINE_WITNESS


SAFETY_FLAGS = ("no_voicemail", "never_visit_home", "family_does_not_know", "message_may_say_what")
REPORT_FIELDS = {
    "reporter_role",
    "incident_types",
    "description",
    "when_kind",
    "occurred_on",
    "occurred_until",
    "when_details",
    "happened_before",
    "how_often",
    "location_kind",
    "town",
    "postcode",
    "location_details",
    "online_platform",
    "place_type",
    "motivation_other",
    "offender_known",
    "offender_count",
    "offender_description",
    "injured",
    "property_damaged",
    "threatened",
    "harm_details",
    "consent",
    "support_wanted",
    "support_needs",
}


def display(form, name) -> str:
    """A valid form's answer to one question, as the reporter would read it."""
    value = form.cleaned_data.get(name)
    if isinstance(value, QuerySet):
        return ", ".join(str(obj) for obj in value)
    if isinstance(value, Model):
        return str(value)
    if value in (None, "", [], ()):
        return ""
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    choices = dict(getattr(form.fields[name], "choices", None) or [])
    if isinstance(value, list):
        return ", ".join(str(choices.get(v, v)) for v in value)
    return str(choices.get(value, value))


def keeps_draft(view):
    """For the public journey's views: after the view, set (or delete) the cookie that holds
    the draft's key. Signed, HTTP only, and as secure as the session cookie."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        key = getattr(request, "_report_draft_key", None)
        if key:
            response.set_signed_cookie(
                DRAFT_COOKIE,
                key,
                salt=DRAFT_COOKIE_SALT,
                max_age=int(DRAFT_LIFETIME.total_seconds()),
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        elif key == "":
            response.delete_cookie(DRAFT_COOKIE, samesite="Lax")
        return response

    return wrapped


@dataclass
class EvidencePage:
    """The evidence page after one request: its form, the files added so far, and where to go
    ("" shows the page; "here" and "next" redirect to it again or to the following page)."""

    form: forms.EvidenceForm | None
    uploads: list[dict]
    go: str = ""


def evidence_page(journey: Journey, request) -> EvidencePage:
    """The evidence page's one way of adding a file (checked and stored by reporting.evidence
    as it arrives) or removing one, for the public and the assisted journey alike."""
    from . import evidence

    step = STEP_BY_SLUG["evidence"]
    uploads = list(journey.answers.get("evidence", []))
    kwargs = {"limits": evidence.limits(), **journey.form_kwargs(step)}
    if request.method != "POST":
        return EvidencePage(step.form_class(**kwargs), uploads)
    if request.POST.get("remove", "").isdigit():
        index = int(request.POST["remove"])
        if index < len(uploads):
            evidence.discard_upload(uploads.pop(index))
            journey.set_evidence(uploads)
        return EvidencePage(None, uploads, "here")
    form = step.form_class(request.POST, request.FILES, **kwargs)
    if form.is_valid() and form.cleaned_data["file"]:
        try:
            meta = evidence.accept_upload(form.cleaned_data["file"], already_uploaded=len(uploads))
            uploads.append(meta)
        except ValidationError as error:
            form.add_error("file", error)
    if not form.is_valid():
        return EvidencePage(form, uploads)
    journey.set_evidence(uploads)
    return EvidencePage(form, uploads, "here" if request.POST.get("action") == "add" else "next")
