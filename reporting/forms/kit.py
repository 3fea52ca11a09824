"""The field kit of the question pages: optional-by-default fields with every message
translated, a date in three boxes, yes/no choices, and the base form of a question page.
Shared by every form that asks a reporter, a volunteer or an officer yes or no."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ..models import Answer, ReporterRole

OPTIONAL = _("(optional)")
INLINE = {"class": "govuk-radios--inline"}


class HintedLabel(str):
    """A choice label with a hint under it (templates/govuk/fields/choices.html)."""

    def __new__(cls, label, hint=""):
        obj = super().__new__(cls, label)
        obj.hint = hint
        return obj


def messages(required=None, **extra):
    """Every message a field can show, translated; `required` and anything specific given."""
    result = {
        "invalid_choice": _("Select one of the options"),
        "invalid_list": _("Select one of the options"),
        "invalid_pk_value": _("Select one of the options"),
        "max_length": _("This answer must be %(limit_value)d characters or fewer"),
        "null_characters_not_allowed": _("Remove the hidden characters from this answer"),
        "invalid": _("Check this answer and try again"),
    }
    if required:
        result["required"] = required
    result.update(extra)
    return result


def text(label, *, max_length, required=None, help_text="", textarea=False, **attrs):
    """A text answer; optional unless a `required` message is given."""
    widget = forms.Textarea(attrs={"rows": 5, **attrs}) if textarea else forms.TextInput(attrs)
    return forms.CharField(
        label=label if required else format_lazy("{} {}", label, OPTIONAL),
        max_length=max_length,
        required=bool(required),
        help_text=help_text,
        widget=widget,
        error_messages=messages(required),
    )


def radios(label, choices, *, required=None, help_text="", inline=False):
    return forms.ChoiceField(
        label=label if required else format_lazy("{} {}", label, OPTIONAL),
        choices=choices,
        required=bool(required),
        help_text=help_text,
        widget=forms.RadioSelect(attrs=INLINE if inline else None),
        error_messages=messages(required),
    )


def checkboxes(label, choices, *, required=None, help_text=""):
    return forms.MultipleChoiceField(
        label=label if required else format_lazy("{} {}", label, OPTIONAL),
        choices=choices,
        required=bool(required),
        help_text=help_text,
        widget=forms.CheckboxSelectMultiple,
        error_messages=messages(required),
    )


# --- A date in three boxes ----------------------------------------------------------------


class DateInput(forms.MultiWidget):
    """Day, month and year boxes (templates/govuk/fields/date.html draws them)."""

    def __init__(self, attrs=None):
        box = {"inputmode": "numeric"}
        super().__init__(
            {
                "day": forms.TextInput(box),
                "month": forms.TextInput(box),
                "year": forms.TextInput(box),
            },
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


DATE_MESSAGES = {
    "missing_day": _("The date must include a day"),
    "missing_month": _("The date must include a month"),
    "missing_year": _("The date must include a year"),
    "invalid": _("The date must be a real date, like 27 3 2025"),
    "year_digits": _("The year must include 4 numbers"),
    "future": _("Enter a date in the past"),
    "too_old": _("Enter a date after 1 January 1900"),
}


class DateField(forms.Field):
    """A date in the past, typed as day, month and year, with GOV.UK's error messages."""

    widget = DateInput

    def __init__(self, *, required_message=None, **kwargs):
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"] = {**DATE_MESSAGES, **kwargs["error_messages"]}
        if required_message:
            kwargs["error_messages"]["required"] = required_message
        super().__init__(required=bool(required_message), **kwargs)

    def to_python(self, value):
        if isinstance(value, datetime.date) or value is None:
            return value
        day, month, year = (str(part or "").strip() for part in value)
        if not (day or month or year):
            return None
        for part, code in ((day, "missing_day"), (month, "missing_month"), (year, "missing_year")):
            if not part:
                raise forms.ValidationError(self.error_messages[code], code=code)
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if len(year) != 4:
            raise forms.ValidationError(self.error_messages["year_digits"], code="year_digits")
        try:
            date = datetime.date(int(year), int(month), int(day))
        except ValueError as exc:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from exc
        if date > timezone.localdate():
            raise forms.ValidationError(self.error_messages["future"], code="future")
        if date.year < 1900:
            raise forms.ValidationError(self.error_messages["too_old"], code="too_old")
        return date


YES_NO = [(Answer.YES, Answer.YES.label), (Answer.NO, Answer.NO.label)]


class JourneyForm(forms.Form):
    """One question page. `role` chooses the wording; `area_id` the local markers offered."""

    # Fields whose legend or label is medium-sized on a page with several questions.
    medium = ()

    def __init__(self, *args, role=ReporterRole.VICTIM, area_id=None, **kwargs):
        self.role = role or ReporterRole.VICTIM
        self.area_id = area_id
        super().__init__(*args, **kwargs)
        for name in self.medium:
            self.fields[name].label_size = "m"

    @property
    def is_victim(self):
        return self.role == ReporterRole.VICTIM

    def you(self, victim_words, other_words):
        return victim_words if self.is_victim else other_words


def names_in_english(choices, *, except_values=()):
    """Choices whose labels are names, in English whatever the page's language (a service's
    brand name, such as SignVideo): each label says so with lang="en", so a screen reader
    reading Urdu says the name as English (WCAG 3.1.2). For radios and checkboxes."""
    return [
        (
            value,
            label if value in except_values else format_html('<span lang="en">{}</span>', label),
        )
        for value, label in choices
    ]


class NamesInEnglishSelect(forms.Select):
    """A select whose options are names in English: each option carries lang="en" (an
    <option> can hold no element, so the attribute goes on the option itself)."""

    def __init__(self, *args, except_values=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.except_values = set(except_values)

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value and value not in self.except_values:
            option["attrs"] = {**option["attrs"], "lang": "en"}
        return option
