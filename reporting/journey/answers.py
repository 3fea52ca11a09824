"""What the answers become: rows for check your answers, the report submit_report takes,
and the JSON a valid answer is kept as in the draft."""

import datetime

from django.db.models import Model, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from ..forms.incident import NOT_SURE, EvidenceForm, WhyForm
from ..forms.person import EqualityForm
from ..forms.young import TELL_SCHOOL_AS_WELL, TELL_SCHOOL_INSTEAD
from ..models import Answer, Consent, SchoolSharing
from ..offender_identifiers import identifiers_from_answers


def to_json(value):
    """A cleaned value as JSON: dates as ISO text, rows as their primary keys."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, QuerySet | list | tuple):
        return [to_json(item) for item in value]
    return value


def summary(journey) -> list[dict]:
    """Rows for the check-your-answers page: every answered question, in order, with the
    link that changes it."""
    rows = []
    for step in journey.active_steps():
        change = journey.url_for(step, change=True)
        if step.form_class is EvidenceForm:
            count = len(journey.answers.get("evidence", []))
            rows.append(
                {
                    "label": _("Evidence files"),
                    "value": _("Files added: %(count)s") % {"count": count},
                    "url": change,
                }
            )
            continue
        form = journey.form_for(step)
        if form.is_bound and form.is_valid():
            rows.extend(
                {"label": bf.label, "value": display(form, bf.name), "url": change}
                for bf in form.visible_fields()
            )
    return rows


def report_answers(journey) -> dict:
    """The answers in the shape services.submit_report takes."""
    answers = journey.answers
    clean = {}
    for step in journey.active_steps():
        clean.update(answers.get("clean", {}).get(step.slug, {}))
    motivation = clean.pop("motivation", [])
    result = {
        **{k: v for k, v in clean.items() if k in REPORT_FIELDS},
        "strands": WhyForm.strand_ids(motivation),
        "motivation_not_sure": NOT_SURE in motivation,
        "area_id": journey.area_id,
        "home_area_id": journey.home_area_id(),
        "evidence": answers.get("evidence", []),
        "offender_identifiers": identifiers_from_answers(clean),
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
            "bsl_relay": clean.get("bsl_relay", ""),
            "bsl_video_address": clean.get("bsl_video_address", ""),
            "safe_times": clean.get("safe_times", ""),
            "safe_windows": clean.get("safe_windows", []),
            "not_on_bank_holidays": bool(clean.get("not_on_bank_holidays")),
            "preferred_language": clean.get("preferred_language", ""),
            "interpreter_needed": clean.get("interpreter_needed") == "yes",
            "interpreter_language": clean.get("interpreter_language", ""),
            "other_needs": clean.get("other_needs", ""),
            **{flag: flag in safety for flag in SAFETY_FLAGS},
            **{need: need in access for need in ("bsl", "easy_read", "large_print")},
        }
    # Schools: told with the young person's consent; "instead" keeps it from the police.
    if clean.get("tell_school") in (TELL_SCHOOL_AS_WELL, TELL_SCHOOL_INSTEAD):
        result["school_id"] = clean.get("school")
        result["school_sharing"] = clean.get("school_sharing") or SchoolSharing.REPORT
    if clean.get("tell_school") == TELL_SCHOOL_INSTEAD:
        result["consent"] = Consent.DO_NOT_SHARE
    if clean.get("equality_wanted") == "yes":
        equality = {k: clean.get(k) or "" for k in EqualityForm.base_fields}
        if any(equality.values()):
            result["equality"] = equality
    return result


SAFETY_FLAGS = ("no_voicemail", "never_visit_home", "family_does_not_know", "message_may_say_what")
REPORT_FIELDS = {
    "reporter_role",
    "age_group",
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
    if isinstance(value, bool):
        return str(Answer.YES.label if value else Answer.NO.label)
    if value in (None, "", [], ()):
        return ""
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    choices = dict(getattr(form.fields[name], "choices", None) or [])
    if isinstance(value, list):
        return ", ".join(str(choices.get(v, v)) for v in value)
    return str(choices.get(value, value))
