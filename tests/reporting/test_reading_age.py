"""The journey's English questions read at a reading age of nine or below, and so do the
Easy Read guides (bench/reading_age.py: Flesch-Kincaid grade + 5)."""

import pytest

from bench import reading_age
from reporting.journey.steps import STEPS

pytestmark = pytest.mark.django_db


def test_the_journey_reads_at_nine_or_below(reference_data):
    pages = reading_age.journey_pages()

    assert [slug for slug, _text in pages] == [step.slug for step in STEPS]
    assert all(len(text.split()) >= 3 for _slug, text in pages), pages
    assert reading_age.journey_reading_age() <= reading_age.TARGET


@pytest.mark.parametrize("slug", ["how-to-report", "what-happens-next", "staying-safe"])
def test_each_easy_read_guide_reads_at_nine_or_below(slug):
    text = dict(reading_age.guide_pages())[slug]

    assert len(text.split()) >= 40
    assert reading_age.reading_age(text) <= reading_age.TARGET


def test_reading_age_is_flesch_kincaid_grade_plus_five():
    assert reading_age.reading_age("The cat sat on the mat.") < 5
    long = (
        "Notwithstanding considerable institutional deliberation, organisational "
        "accountability mechanisms necessitate comprehensive documentation."
    )
    assert reading_age.reading_age(long) > 18
