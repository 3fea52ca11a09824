"""Where the person is in the journey: "Section 2 of 5: what happened" on every question page,
counted along their own branch, in the questions' language, in the page's title too."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from reporting.journey.steps import SECTIONS, STEP_BY_SLUG, STEPS, progress
from tests.conftest import sign_in
from tests.reporting.journey_steps import anonymous_answers, url

pytestmark = pytest.mark.django_db

CAPTION = re.compile(r'<p class="[^"]*hr-journey-progress" id="journey-progress">(.*?)</p>')


def steps(*slugs):
    return [STEP_BY_SLUG[slug] for slug in slugs]


def caption(page: str) -> str:
    return " ".join(CAPTION.search(page).group(1).split())


def test_sections_start_at_steps_that_exist_in_order():
    order = [step.slug for step in STEPS]

    starts = [order.index(section.first_step) for section in SECTIONS]

    assert starts == sorted(starts)
    assert starts[0] == 0


def test_every_step_of_an_anonymous_support_only_report_has_its_section(reference_data):
    active = steps(*[slug for slug, _ in anonymous_answers()])

    found = {step.slug: progress(active, step) for step in active}

    assert (found["who"].number, found["who"].total, str(found["who"].title)) == (
        1,
        5,
        "who is reporting",
    )
    assert (found["what"].number, str(found["what"].title)) == (2, "what happened")
    assert found["evidence"].number == 2
    assert (found["police"].number, str(found["police"].title)) == (3, "telling the police")
    assert found["support"].number == 4
    assert (found["equality"].number, found["equality"].total) == (5, 5)


def test_a_branch_without_a_section_counts_one_fewer(reference_data):
    """A branch that skips every page of a section (the police question, for a young person
    who tells the school instead) counts the sections that are left."""
    active = steps(*[slug for slug, _ in anonymous_answers() if slug != "police"])

    contact = progress(active, STEP_BY_SLUG["contact"])
    equality = progress(active, STEP_BY_SLUG["equality"])

    assert (contact.number, contact.total) == (3, 4)
    assert (equality.number, equality.total) == (4, 4)


def test_a_step_outside_the_persons_branch_has_no_section(reference_data):
    active = steps(*[slug for slug, _ in anonymous_answers()])

    assert progress(active, STEP_BY_SLUG["contact-details"]) is None


def test_question_pages_show_the_section_as_text_and_in_the_title(sparkbrook):
    client = Client()
    # Only the answer that opens the contact pages: progress follows the branch answered.
    client.post(url("en", "contact"), {"contact_wanted": "yes"})

    who = client.get(url("en", "who")).content.decode()
    safety = client.get(url("en", "contact-safety")).content.decode()
    evidence = client.get(url("en", "evidence")).content.decode()

    assert caption(who) == "Section 1 of 5: who is reporting"
    assert caption(safety) == "Section 4 of 5: contact and support"
    assert caption(evidence) == "Section 2 of 5: what happened"
    title = re.search(r"<title>(.*?)</title>", safety, re.S).group(1)
    assert "Section 4 of 5: contact and support" in " ".join(title.split())


def test_section_text_is_in_the_pages_language(sparkbrook):
    """Waits for the translations to be merged into locale/ (from /tmp/po/h-easyread.json)."""
    page = Client().get(url("pl", "what")).content.decode()

    assert caption(page).startswith("Sekcja 2 z 5")


def test_assisted_journey_shows_the_section_in_the_persons_language(
    client, sparkbrook, volunteer_a, centre_a
):
    sign_in(client, volunteer_a)
    client.post(reverse("workspace:assisted_start"), {"centre": centre_a.pk, "language": "en"})

    page = client.get(reverse("workspace:assisted_step", args=["what"])).content.decode()

    assert caption(page) == "Section 2 of 5: what happened"
