"""The reading age of the journey's English questions and of the Easy Read guides.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hr_reading_bench SECRET_KEY=bench \\
        .venv/bin/python bench/reading_age.py

It creates and migrates the database if need be (its name must contain "bench"), loads the
reference data (incident and place types are part of the questions), and prints the reading
age of each question page, of the journey as a whole, and of each Easy Read guide.

The formula: Flesch-Kincaid grade level (textstat 0.7.8, `flesch_kincaid_grade`) plus 5, the
usual conversion from a US school grade to an age (grade 4 is read at about 9):
    grade = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59.
A page's text is what a victim reads on it, in English: the heading, every question, its
hint and its answers (the answers' hints too), one sentence each. The journey's figure is the
formula over every page's text together (so long pages weigh more), not an average of the
pages' figures. The guides' text is the words beside the pictures. tests/reporting/
test_reading_age.py holds the journey to 9 or below, and the guides too.
"""

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 9


def reading_age(text: str) -> float:
    import textstat

    return round(textstat.flesch_kincaid_grade(text) + 5, 1)


def _sentence(text) -> str:
    text = " ".join(str(text).split())
    if not re.search(r"[A-Za-z]", text):
        return ""
    return text if text[-1] in ".?!:" else f"{text}."


def _field_texts(field) -> list[str]:
    texts = [field.label or "", field.help_text or ""]
    for _value, label in getattr(field, "choices", ()) or ():
        # A choice's label, and the hint under it (HintedLabel, or an incident type's).
        texts.extend([str(label), getattr(label, "hint", "")])
    return texts


def page_text(step) -> str:
    """The English a victim reads on the step's page (their own wording, not a witness's)."""
    from reporting.evidence import limits

    kwargs = {"limits": limits()} if step.slug == "evidence" else {}
    if step.form_class.__name__ == "NeedsForm":
        kwargs["language"] = "en"
    form = step.form_class(**kwargs)
    texts = [getattr(form, "heading", "") or ""]
    for field in form.fields.values():
        if field.widget.is_hidden:
            continue
        texts.extend(_field_texts(field))
    return " ".join(filter(None, (_sentence(text) for text in texts)))


def journey_pages() -> list[tuple[str, str]]:
    from django.utils import translation

    from reporting.journey.steps import STEPS

    with translation.override("en"):
        return [(step.slug, page_text(step)) for step in STEPS]


def guide_text(guide) -> str:
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("en"):
        html = render_to_string(guide.template, {"pdf": True, "picture_root": ""})
    points = re.findall(r'<p class="[^"]*hr-easy-read__text">(.*?)</p>', html, re.S)
    return " ".join(_sentence(re.sub(r"<[^>]+>", "", point)) for point in points)


def guide_pages() -> list[tuple[str, str]]:
    from reporting.easy_read import GUIDES

    return [(guide.slug, guide_text(guide)) for guide in GUIDES]


def journey_reading_age() -> float:
    return reading_age(" ".join(text for _slug, text in journey_pages()))


def main():
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hatereport.settings")
    from casework_changelist import ensure_database, setup_django

    ensure_database(os.environ["DATABASE_URL"])
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_reference_data", verbosity=0)

    import textstat

    print(
        "Reading age = Flesch-Kincaid grade + 5 (textstat "
        + ".".join(map(str, textstat.__version__))
        + ")"
    )
    print("\nThe journey's question pages (English, as a victim reads them):")
    pages = journey_pages()
    for slug, text in pages:
        print(f"  {slug:<20} {reading_age(text):>5}   {len(text.split()):>4} words")
    overall = journey_reading_age()
    print(f"  {'the whole journey':<20} {overall:>5}   (target: {TARGET} or below)")
    print("\nThe Easy Read guides:")
    for slug, text in guide_pages():
        print(f"  {slug:<20} {reading_age(text):>5}   {len(text.split()):>4} words")


if __name__ == "__main__":
    main()
