"""The reporting journey: its steps, in order, with their conditions, and the draft that keeps
every answer server-side until the report is sent.

Nothing typed is lost. Each page's raw answers are saved to the draft on every POST, valid or
not, so they come back after a validation error, the back button, a change of language or a
timeout. The draft's key is in the session; the draft itself (encrypted: it can hold contact
details) lasts a day.

The draft's answers:
    {"data":  {step: {field name: [raw values]}},      what was typed, to show again
     "clean": {step: {field: JSON value}},             the last valid answers of each page
     "evidence": [metadata from reporting.evidence],   files already stored
     "area_id": id}                                    the area the location maps to
"""

import datetime
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from centres.models import Area

from . import forms
from .models import Channel, ReportDraft, ReporterRole

SESSION_KEY = "report_draft"
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

    # --- The draft ---------------------------------------------------------------------------

    @property
    def draft(self) -> ReportDraft | None:
        if not self._loaded:
            self._loaded = True
            key = self.request.session.get(SESSION_KEY)
            if key:
                self._draft = ReportDraft.objects.filter(
                    key=key, expires_at__gt=timezone.now()
                ).first()
        return self._draft

    @property
    def answers(self) -> dict:
        return self.draft.answers if self.draft else {}

    def save(self, answers: dict) -> None:
        now = timezone.now()
        if self.draft is None:
            key = secrets.token_urlsafe(32)
            self._draft = ReportDraft.objects.create(
                key=key,
                language=get_language(),
                answers=answers,
                updated_at=now,
                expires_at=now + DRAFT_LIFETIME,
            )
            self.request.session[SESSION_KEY] = key
        else:
            self.draft.answers = answers
            self.draft.language = get_language()
            self.draft.updated_at = now
            self.draft.expires_at = now + DRAFT_LIFETIME
            self.draft.save(update_fields=["answers", "language", "updated_at", "expires_at"])

    def discard(self, *, keep_files=False) -> None:
        """Delete the draft (and, unless the report took them, its stored files)."""
        from . import evidence

        if self.draft is not None:
            if not keep_files:
                for meta in self.answers.get("evidence", []):
                    evidence.discard_upload(meta)
            self.draft.delete()
            self._draft = None
        self.request.session.pop(SESSION_KEY, None)

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
        kwargs = {"role": self.role, "area_id": self.answers.get("area_id")}
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
        if form.is_valid():
            clean = {name: to_json(value) for name, value in form.cleaned_data.items()}
            answers["clean"] = {**answers.get("clean", {}), step.slug: clean}
            if step.slug in ("where", "where-place"):
                answers["area_id"] = self._area_id(answers)
        self.save(answers)

    @staticmethod
    def _area_id(answers) -> int:
        if _answer(answers, "where", "location_kind") == "place":
            area = Area.objects.for_location(
                postcode=_answer(answers, "where-place", "postcode", ""),
                town=_answer(answers, "where-place", "town", ""),
            )
        else:
            # Online, or not known: the central queue.
            area = Area.objects.central_queue()
        return area.pk

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
            "area_id": answers.get("area_id"),
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
