"""One reporter's way through the steps (steps.py), backed by their draft, in one flow.

The draft's answers:
    {"data":  {step: {field name: [raw values]}},      what was typed, to show again
     "clean": {step: {field: JSON value}},             the last valid answers of each page
     "evidence": [metadata from reporting.evidence]}   files already stored
and the draft's `area` column holds the area the location maps to.
"""

import secrets

from django.db.models import QuerySet, Subquery
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import get_language

from centres.models import Area

from ..forms.person import NeedsForm
from ..models import ReportDraft, ReporterRole
from .answers import to_json
from .drafts import DRAFT_LIFETIME
from .steps import STEP_BY_SLUG, STEPS, Step, answer


class Journey:
    """One reporter's way through the questions, backed by their draft, in `flow`."""

    def __init__(self, request, flow):
        self.request = request
        self.flow = flow
        self._draft = None
        self._loaded = False
        self._area_pending = False
        self._given = None

    # --- The draft ---------------------------------------------------------------------------

    @property
    def draft(self) -> ReportDraft | None:
        if not self._loaded:
            self._loaded = True
            key = self.flow.draft_key.get(self.request)
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

    def save(
        self, answers: dict, *, area: QuerySet | None = None, evidence_bytes: int | None = None
    ) -> None:
        """Keep the answers, and the area when `area` (a one-row Area queryset) is given: in
        one UPDATE, the area found by a subquery; with the bytes the draft's files hold when
        `evidence_bytes` is given. Each save gives the draft another day."""
        now = timezone.now()
        values = {
            "answers": answers,
            "language": get_language(),
            "updated_at": now,
            "expires_at": now + DRAFT_LIFETIME,
        }
        if evidence_bytes is not None:
            values["evidence_bytes"] = evidence_bytes
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
        self.flow.draft_key.put(self.request, self._draft.key)

    def forget(self) -> None:
        """Forget a sent draft's key in this browser. The draft itself, emptied and naming its
        report, stays until it expires, so a "Send" whose answer never arrived (the key kept)
        still finds the report it saved."""
        self._draft = None
        self.flow.draft_key.forget(self.request)

    def discard(self, *, keep_files=False) -> None:
        """Delete the draft (and, unless the report took them, its stored files)."""
        from .. import evidence

        if self.draft is not None:
            if not keep_files:
                for meta in self.answers.get("evidence", []):
                    evidence.discard_upload(meta)
            ReportDraft.objects.filter(pk=self.draft.pk).delete()
            self._draft = None
        self.flow.draft_key.forget(self.request)

    # --- Steps and their URLs ----------------------------------------------------------------

    @property
    def role(self) -> str:
        return answer(self.answers, "who", "reporter_role", ReporterRole.VICTIM)

    @property
    def step_answers(self) -> dict:
        """The answers with what the flow knows without asking (answers["given"], e.g. that
        a school is logging the report), for the steps' conditions."""
        if self._given is None:
            self._given = self.flow.given(self.request)
        return {**self.answers, "given": self._given} if self._given else self.answers

    def active_steps(self) -> list[Step]:
        answers = self.step_answers
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

    def url_for(self, step: Step, *, change=False) -> str:
        """The step's page in this journey's flow; with ?change=1 when changing an answer."""
        return self.flow.url_for(step, change=change)

    def check_url(self) -> str:
        return self.flow.url("check")

    def after_url(self, step: Step, *, change=False) -> str:
        following = self.next_step(step, change=change)
        return self.url_for(following, change=change) if following else self.check_url()

    def back_url(self, step: Step, *, change=False) -> str:
        if change:
            return self.check_url()
        previous = self.previous_step(step)
        return self.url_for(previous) if previous else self.flow.before_first_url()

    # --- Forms -------------------------------------------------------------------------------

    def form_kwargs(self, step: Step) -> dict:
        kwargs = {"role": self.role, "area_id": self.area_id}
        if step.form_class is NeedsForm:
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
            if step.slug in ("where", "where-place", "where-home"):
                area = self._area(answers)
        self.save(answers, area=area)

    @staticmethod
    def _area(answers) -> QuerySet:
        """The area of the location answered (one row, found in the database)."""
        if answer(answers, "where", "location_kind") == "place":
            return Area.objects.matching_location(
                postcode=answer(answers, "where-place", "postcode", ""),
                town=answer(answers, "where-place", "town", ""),
            )
        home = answer(answers, "where-home", "home_place", "")
        if answer(answers, "where", "location_kind") == "online" and home:
            # Online hate routed locally: the area where the victim lives, else central.
            return Area.objects.matching_location(postcode=home, town=home)
        # Online without a home place, or not known: the central queue.
        return Area.objects.filter(is_central_queue=True)

    def home_area_id(self) -> int | None:
        """For an online incident whose victim said where they live: the area that matched,
        which the report is routed to (None when it matched none: the central queue)."""
        answers = self.answers
        online = answer(answers, "where", "location_kind") == "online"
        if not (online and answer(answers, "where-home", "home_place", "")):
            return None
        area_id = self.area_id
        if area_id is None or Area.objects.filter(pk=area_id, is_central_queue=True).exists():
            return None
        return area_id

    def set_evidence(self, uploads: list[dict]) -> None:
        """Keep the files' metadata, and what they hold in storage (in the same UPDATE, so
        the site-wide cap on drafts' files counts exactly the files the draft names)."""
        answers = dict(self.answers)
        answers["evidence"] = uploads
        answers["clean"] = {**answers.get("clean", {}), "evidence": {}}
        self.save(answers, evidence_bytes=sum(int(meta.get("size") or 0) for meta in uploads))
