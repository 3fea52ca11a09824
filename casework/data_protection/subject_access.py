"""Everything held about one report, for the person who made it: the reporter's own download
on the tracking page and the data protection officer's bundle (bundle.py) are built here, so
the two can never say different things.

What is in it, in the report's language: the reporter's answers (what happened, when, where,
why, the people who did it as the reporter described them, harm, sharing and support), their
contact details and safe-contact plan, their equality answers, every change of their consent
to share, what they added later, the evidence they sent (type, size and date: stored files
have random names), the referrals they agreed to, and what has happened as the tracking page
shows it (casework/tracking/timeline.py: the updates sent to them and the outcome in their
words).

What is left out, and why (docs/security.md, "Subject access"): the names of staff,
volunteers and officers (their own personal data; the reporter is told "the reporting
centre" or "the police"); other people's reports, even one linked as the same incident;
anything about the offender that the reporter did not give; the police's own records (THRIVE
assessments, internal notes, outcome codes, crime records), which are the force's to disclose
under Part 3 of the Data Protection Act 2018 and are asked of the force; and the passphrase,
kept only as a hash.
"""

import json

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reporting.languages import text_direction
from reporting.models import Channels, Report

from ..tracking.timeline import timeline

FORMAT_VERSION = 1

NOT_INCLUDED = gettext_lazy(
    "This does not include the names of staff, volunteers or police officers, other people's "
    "reports, or the police's own records about the case. To ask the police for what they "
    "hold, contact the police force's data protection officer."
)


def _date(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "hour") and hasattr(value, "tzinfo"):
        value = timezone.localtime(value)
        return formats.date_format(value, "DATETIME_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def _item(key: str, label, value) -> dict:
    if isinstance(value, list | tuple):
        value = ", ".join(str(part) for part in value if part)
    return {"key": key, "label": str(label), "value": "" if value is None else str(value)}


def _answers(report: Report) -> list[dict]:
    items = [
        _item("reference", _("Reference"), report.reference),
        _item("submitted_at", _("Date sent:"), _date(report.submitted_at)),
        _item("reporter_role", _("Who is reporting?"), report.get_reporter_role_display()),
        _item("channel", _("How you reported"), report.get_channel_display()),
        _item("centre", _("Reporting centre"), report.centre.name if report.centre else ""),
        _item("incident_types", _("What happened?"), [t.name for t in report.incident_types.all()]),
        _item("description", _("Tell us what happened, in your own words"), report.description),
        _item("when", _("When did it happen?"), report.get_when_kind_display()),
        _item("occurred_on", _("What date did it happen?"), _date(report.occurred_on)),
        _item("occurred_at_time", _("Time"), report.occurred_at_time or ""),
        _item("occurred_until", _("When did it stop?"), _date(report.occurred_until)),
        _item("when_details", _("Roughly when did it happen?"), report.when_details),
        _item(
            "happened_before",
            _("Has this happened to you before?"),
            _choice(report, "happened_before"),
        ),
        _item("how_often", _("If it has, how often?"), report.how_often),
        _item("location_kind", _("Where did it happen?"), report.get_location_kind_display()),
        _item("town", _("Town or city"), report.town),
        _item("postcode", _("Postcode"), report.postcode),
        _item("location_details", _("Anything else about the place"), report.location_details),
        _item("online_platform", _("Website or app"), report.online_platform),
        _item(
            "place_type",
            _("What kind of place was it?"),
            report.place_type.name if report.place_type else "",
        ),
        _item(
            "home_area", _("Where do you live?"), report.home_area.name if report.home_area else ""
        ),
        _item(
            "strands", _("Why do you think it happened?"), [s.name for s in report.strands.all()]
        ),
        _item("motivation_other", _("Something else"), report.motivation_other),
        _item("offender_known", _("Do you know who did it?"), _choice(report, "offender_known")),
        _item("offender_count", _("How many people did it?"), report.offender_count or ""),
        _item(
            "offender_description",
            _("What can you tell us about them?"),
            report.offender_description,
        ),
        _item("injured", _("Were you hurt?"), _choice(report, "injured")),
        _item(
            "property_damaged",
            _("Was anything damaged or stolen?"),
            _choice(report, "property_damaged"),
        ),
        _item("threatened", _("Were you threatened?"), _choice(report, "threatened")),
        _item(
            "harm_details",
            _("Tell us more about any injuries, damage or threats"),
            report.harm_details,
        ),
        _item("consent", _("Sharing with the police"), report.get_consent_display()),
        _item("support_wanted", _("Would you like support?"), _choice(report, "support_wanted")),
        _item("support_needs", _("What support would help?"), report.support_needs),
    ]
    if getattr(report, "age_group", ""):
        items.append(_item("age_group", _("Age"), report.get_age_group_display()))
    return [item for item in items if item["value"]]


def _choice(report: Report, field: str) -> str:
    return getattr(report, f"get_{field}_display")() if getattr(report, field) else ""


def _contact(report: Report) -> list[dict]:
    contact = getattr(report, "contact", None)
    if contact is None:
        return []
    labels = dict(Channels.choices)
    channel_names = [str(labels.get(code, code)) for code in contact.channels or []]
    items = [
        _item("name", _("Your name"), contact.name),
        _item("phone", _("Phone number"), contact.phone),
        _item("email", _("Email address"), contact.email),
        _item("address", _("Address"), contact.address),
        _item("channels", _("How can we contact you?"), channel_names),
        _item("safe_times", _("When is it safe to contact you?"), contact.safe_times_in_words()),
        _item("safe_times_note", _("Anything else about when it is safe?"), contact.safe_times),
        _item("no_voicemail", _("Do not leave voicemail messages"), _yes_no(contact.no_voicemail)),
        _item("never_visit_home", _("Never visit my home"), _yes_no(contact.never_visit_home)),
        _item(
            "family_does_not_know",
            _("My family does not know about this report"),
            _yes_no(contact.family_does_not_know),
        ),
        _item(
            "message_may_say_what",
            _("Messages can say what the news is"),
            _yes_no(contact.message_may_say_what),
        ),
        _item("preferred_language", _("Language"), contact.get_preferred_language_display()),
        _item(
            "interpreter",
            _("Do you need an interpreter?"),
            contact.interpreter_language or _yes_no(contact.interpreter_needed),
        ),
        _item("bsl", _("British Sign Language"), _yes_no(contact.bsl)),
        _item("easy_read", _("Easy Read"), _yes_no(contact.easy_read)),
        _item("large_print", _("Large print"), _yes_no(contact.large_print)),
        _item("other_needs", _("Anything else that would help you?"), contact.other_needs),
    ]
    return [item for item in items if item["value"]]


def _equality(report: Report) -> list[dict]:
    answers = getattr(report, "equality", None)
    if answers is None:
        return []
    fields = (
        "age_band",
        "sex",
        "gender_identity_same_as_birth",
        "sexual_orientation",
        "ethnic_group",
        "religion",
        "disability",
    )
    labels = {
        "age_band": _("Age"),
        "sex": _("Sex"),
        "gender_identity_same_as_birth": _(
            "Is the gender the same as the sex registered at birth?"
        ),
        "sexual_orientation": _("Sexual orientation"),
        "ethnic_group": _("Ethnic group"),
        "religion": _("Religion"),
        "disability": _("Disability"),
    }
    items = [_item(name, labels[name], getattr(answers, name)) for name in fields]
    return [item for item in items if item["value"]]


def _consent_changes(report: Report) -> list[dict]:
    rows = []
    for change in report.consent_changes.all():
        # Who made a change at a centre is a volunteer's name: the place is said instead.
        where = change.get_channel_display()
        before = change.get_previous_display() if change.previous else ""
        text = f"{before} → {change.get_current_display()} ({where})".strip(" →")
        rows.append(_item("consent_change", _date(change.changed_at), text))
    return rows


def _additions(report: Report) -> list[dict]:
    return [_item("addition", _date(a.added_at), a.text) for a in report.additions.all()]


def _evidence(report: Report) -> list[dict]:
    rows = []
    for number, file in enumerate(report.evidence.order_by("uploaded_at", "pk"), start=1):
        size = formats.number_format(max(1, round(file.size / 1024)))
        text = _("File %(number)s: %(type)s, %(size)s KB, sent %(date)s") % {
            "number": number,
            "type": file.content_type,
            "size": size,
            "date": _date(file.uploaded_at),
        }
        rows.append(_item("evidence", _("Evidence"), text))
    return rows


def _referrals(report: Report) -> list[dict]:
    return [
        _item("referral", referral.service.name, f"{_date(referral.made_at)}")
        for referral in report.referrals.select_related("service")
    ]


def _what_happened(report: Report) -> list[dict]:
    """The tracking page's own account (updates and the outcome, in the reporter's words)."""
    try:
        case = report.case
    except ObjectDoesNotExist:
        case = None
    rows = []
    for entry in timeline(report, case):
        text = str(entry["text"] or "")
        update = entry.get("update")
        if update:
            words = update.get("officer_words")
            parts = [str(update.get("standard") or "")]
            if words:
                parts.append(f"{words['written_by']} {words['text']}")
            text = "\n\n".join(part for part in parts if part)
        when = _date(entry["at"]) if entry["at"] else _("Still to come")
        rows.append(_item("event", when, f"{entry['title']}\n{text}".strip()))
    return rows


def subject_access_data(report: Report) -> dict:
    """Everything held about `report` for its reporter, in the report's language, as a
    JSON-ready dict of sections, each a list of {key, label, value}."""
    with translation.override(report.language):
        sections = [
            ("answers", _("Your report"), _answers(report)),
            ("contact", _("How to contact you"), _contact(report)),
            ("equality", _("About you"), _equality(report)),
            ("consent", _("Sharing with the police"), _consent_changes(report)),
            ("additions", _("You added information"), _additions(report)),
            ("evidence", _("Evidence"), _evidence(report)),
            ("referrals", _("Support"), _referrals(report)),
            ("events", _("What has happened"), _what_happened(report)),
        ]
        return {
            "format": FORMAT_VERSION,
            "reference": report.reference,
            "language": report.language,
            "generated_at": timezone.now().isoformat(timespec="seconds"),
            "title": _("Everything we hold about your report"),
            "not_included": str(NOT_INCLUDED),
            "sections": [
                {"key": key, "title": str(title), "items": items}
                for key, title, items in sections
                if items
            ],
        }


def subject_access_json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


def subject_access_pdf(data: dict) -> bytes:
    """The same as a tagged PDF (PDF/UA-1) in the report's language, right to left for
    Arabic, Urdu and Pashto (Urdu set in Naskh, as the receipt is: text copied out reads
    back exactly)."""
    from weasyprint import HTML  # loads Pango: only when a PDF is made

    language = data["language"]
    with translation.override(language):
        html = render_to_string(
            "casework/data_protection/subject_access_pdf.html",
            {
                "data": data,
                "language": language,
                "dir": text_direction(language),
                "product_name": settings.PRODUCT_NAME,
            },
        )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant="pdf/ua-1")
