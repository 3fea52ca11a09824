"""The journey's steps, in order, with their conditions: one list for every flow.

A step is a question page (its form), or a page of its own (`page`, e.g. the evidence page,
which takes files); a flow turns a step into its own URL (Journey.url_for).
"""

from collections.abc import Callable
from dataclasses import dataclass

from ..forms import incident, person

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
    Step("why", incident.WhyForm),
    Step("offenders", incident.OffenderForm),
    Step("harm", incident.HarmForm),
    Step("evidence", incident.EvidenceForm, page=EVIDENCE),
    Step("police", incident.PoliceForm),
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
