"""The journey's answers and its walk with the test client, shared by the journey tests."""

from centres.models import Strand
from reporting.models import IncidentType


def url(lang, slug=""):
    return f"/{lang}/report/{slug + '/' if slug else ''}"


def incident_type(code):
    return str(IncidentType.objects.get(code=code).pk)


def strand(code):
    return str(Strand.objects.get(code=code).pk)


def anonymous_answers():
    """Every page, in order, for a victim who gives no contact details and does not share."""
    return [
        ("who", {"reporter_role": "victim"}),
        ("what", {"incident_types": [incident_type("verbal_abuse")], "description": "Shouted"}),
        ("when", {"when_kind": "exact"}),
        (
            "when-date",
            {"occurred_on_day": "3", "occurred_on_month": "2", "occurred_on_year": "2025"},
        ),
        ("happened-before", {"happened_before": "no"}),
        ("where", {"location_kind": "place"}),
        ("where-place", {"town": "", "postcode": "b11 1aa"}),
        ("why", {"motivation": [strand("race")]}),
        ("offenders", {"offender_known": "not_sure"}),
        ("harm", {"injured": "no", "property_damaged": "no", "threatened": "yes"}),
        ("evidence", {"action": "continue"}),
        ("police", {"consent": "do_not_share"}),
        ("contact", {"contact_wanted": "no"}),
        ("support", {"support_wanted": "yes"}),
        ("equality", {"equality_wanted": "no"}),
    ]


def contact_answers():
    """A witness who shares with the police with their details and can be emailed."""
    answers = dict(anonymous_answers())
    answers["who"] = {"reporter_role": "witness"}
    answers["police"] = {"consent": "share_details"}
    answers["contact"] = {"contact_wanted": "yes"}
    steps = list(answers.items())
    index = [s for s, _ in steps].index("contact") + 1
    steps[index:index] = [
        (
            "contact-details",
            {"channels": ["email"], "name": "Amina", "email": "amina@example.org", "phone": ""},
        ),
        ("contact-safety", {"safe_times": "Mornings", "safety": ["no_voicemail"]}),
        (
            "contact-needs",
            {"preferred_language": "ur", "interpreter_needed": "yes", "access": ["large_print"]},
        ),
    ]
    steps[-1] = ("equality", {"equality_wanted": "yes"})
    steps.append(("equality-questions", {"age_band": "25_34", "religion": "prefer_not"}))
    return steps


def walk(client, lang, steps):
    """Answer every page; each answer must lead to the next page given."""
    for (slug, data), following in zip(steps, [*steps[1:], ("check", None)], strict=True):
        response = client.post(url(lang, slug), data)
        assert response.status_code == 302, (slug, response.content.decode()[:3000])
        assert response["Location"] == url(lang, following[0]), slug
    return client.get(url(lang, "check"))


def submit(client, lang="en"):
    return client.post(url(lang, "check"), {"website": ""})
