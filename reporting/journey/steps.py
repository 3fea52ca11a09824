"""The journey's steps, in order, with their conditions: one list for every flow.

A step is a question page (its form), or a page of its own (`page`, e.g. the evidence page,
which takes files); a flow turns a step into its own URL (Journey.url_for).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..forms import incident, person, young

QUESTION = "step"
EVIDENCE = "evidence"


def answer(answers, step, name, default=None):
    """One clean answer of the draft: `name` on the page `step`."""
    return answers.get("clean", {}).get(step, {}).get(name, default)


@dataclass(frozen=True)
class Step:
    slug: str
    form_class: type
    condition: Callable[[dict], bool] | None = None
    # Which of a flow's pages shows the step: the question page, or one of its own.
    page: str = QUESTION

    def is_active(self, answers) -> bool:
        return self.condition is None or self.condition(answers)


def _wants_contact(answers):
    return answer(answers, "contact", "contact_wanted") == "yes"


def logged_by_school(answers) -> bool:
    """A school's staff are logging the report (the assisted journey at a school): the school
    already knows, and is recorded as told (reporting/workspace/assisted.py)."""
    return bool(answers.get("given", {}).get("logging_school"))


def _at_school(answers):
    """It happened at or near a school (the place page marks it), and a school can be told
    (not asked when the school itself is logging the report)."""
    from centres.models import Centre

    if logged_by_school(answers):
        return False
    at_place = answer(answers, "where", "location_kind") == "place"
    return (
        at_place
        and bool(answer(answers, "where-place", "at_school"))
        and Centre.objects.schools().exists()
    )


def _tells_school(answers):
    tell = answer(answers, "school", "tell_school")
    return _at_school(answers) and tell in (young.TELL_SCHOOL_AS_WELL, young.TELL_SCHOOL_INSTEAD)


def school_instead_of_police(answers) -> bool:
    """The young person chose to tell the school instead of the police: no police question,
    and the report is not shared with them (answers.report_answers)."""
    tell = answer(answers, "school", "tell_school")
    return _at_school(answers) and tell == young.TELL_SCHOOL_INSTEAD


STEPS = [
    Step("who", incident.WhoForm),
    Step("what", incident.WhatForm),
    Step("when", incident.WhenForm),
    Step("when-date", incident.WhenDateForm, lambda a: answer(a, "when", "when_kind") == "exact"),
    Step(
        "when-roughly",
        incident.WhenApproximateForm,
        lambda a: answer(a, "when", "when_kind") == "approximate",
    ),
    Step(
        "when-period",
        incident.WhenPeriodForm,
        lambda a: answer(a, "when", "when_kind") == "period",
    ),
    Step("happened-before", incident.RepeatForm),
    Step("where", incident.WhereForm),
    Step(
        "where-place",
        incident.WherePlaceForm,
        lambda a: answer(a, "where", "location_kind") == "place",
    ),
    Step(
        "where-online",
        incident.WhereOnlineForm,
        lambda a: answer(a, "where", "location_kind") == "online",
    ),
    # Online hate routed locally: optionally, where the victim lives (reporting/support.py).
    Step(
        "where-home",
        incident.WhereHomeForm,
        lambda a: answer(a, "where", "location_kind") == "online",
    ),
    # At or near a school: tell the school as well as, or instead of, the police.
    Step("school", young.SchoolForm, _at_school),
    Step("school-which", young.SchoolWhichForm, _tells_school),
    Step("why", incident.WhyForm),
    Step("offenders", incident.OffenderForm),
    # Optional, for a reporter who knows who did it: what identifies them, kept as a keyed
    # hash too, so reports naming the same person can be linked (issue 20).
    Step(
        "offender-identifiers",
        incident.OffenderIdentifierForm,
        lambda a: answer(a, "offenders", "offender_known") == "yes",
    ),
    Step("harm", incident.HarmForm),
    Step("evidence", incident.EvidenceForm, page=EVIDENCE),
    Step("police", incident.PoliceForm, lambda a: not school_instead_of_police(a)),
    Step("contact", person.ContactWantedForm),
    Step("contact-details", person.ContactForm, _wants_contact),
    Step("contact-safety", person.SafeContactForm, _wants_contact),
    Step("contact-needs", person.NeedsForm, _wants_contact),
    Step("support", person.SupportForm),
    Step("equality", person.EqualityWantedForm),
    Step(
        "equality-questions",
        person.EqualityForm,
        lambda a: answer(a, "equality", "equality_wanted") == "yes",
    ),
]
STEP_BY_SLUG = {step.slug: step for step in STEPS}


# --- Sections: where the person is in the journey ("Section 2 of 5: what happened") --------


@dataclass(frozen=True)
class Section:
    # The section's name, read after "Section 2 of 5:", so in lower case in English.
    title: str
    # The step the section starts with. A step not named here belongs with the step before it,
    # so a step added to STEPS falls into a section without another list to update.
    first_step: str


SECTIONS = [
    Section(_("who is reporting"), "who"),
    Section(_("what happened"), "what"),
    Section(_("telling the police"), "police"),
    Section(_("contact and support"), "contact"),
    Section(_("a few more questions"), "equality"),
]


@dataclass(frozen=True)
class Progress:
    number: int
    total: int
    title: str


def progress(active: list[Step], step: Step) -> Progress | None:
    """Which section of the person's own way through (their active steps) `step` is in.
    Sections with no active step are left out of the count, so every branch counts true."""
    starts = {section.first_step: section for section in SECTIONS}
    active_slugs = {s.slug for s in active}
    shown, current, found = [], None, None
    for candidate in STEPS:
        current = starts.get(candidate.slug, current)
        if current is None or candidate.slug not in active_slugs:
            continue
        if current not in shown:
            shown.append(current)
        if candidate.slug == step.slug:
            found = current
    if found is None:
        return None
    return Progress(shown.index(found) + 1, len(shown), found.title)
