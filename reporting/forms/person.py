"""The question pages about the person: whether and how to contact them safely, their
language and access needs, support, and the optional equality questions."""

import re

from django import forms
from django.conf import settings
from django.core.validators import validate_email
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from centres.forms import LanguageSelect

from .. import contact_plan
from ..models import Answer, BslRelay, Channels
from .kit import (
    OPTIONAL,
    YES_NO,
    HintedLabel,
    JourneyForm,
    checkboxes,
    messages,
    names_in_english,
    radios,
    text,
)


class ContactWantedForm(JourneyForm):
    contact_wanted = radios(
        _("Can we contact you about your report?"),
        YES_NO,
        required=_("Select if we can contact you"),
        help_text=_(
            "We will only contact you in ways and at times you say are safe. You can always "
            "check your report yourself. You need your reference and passphrase."
        ),
        inline=True,
    )


PHONE_RE = re.compile(r"^\+?[0-9 ()\-]{7,20}$")
# In right-to-left text the digit groups of "07700 900 982" would show in reverse order
# ("982 900 07700"): the example is isolated as left-to-right (U+2066 ... U+2069), in every
# language, so a message never depends on its translator placing marks.
PHONE_EXAMPLE = "\u206607700 900 982\u2069"


def is_relay_address(value: str) -> bool:
    """A phone number or an email address: what video relay services call people on."""
    if PHONE_RE.match(value):
        return True
    try:
        validate_email(value)
    except forms.ValidationError:
        return False
    return True


class ContactForm(JourneyForm):
    heading = _("How to contact you")
    medium = ("channels",)
    channels = checkboxes(
        _("How can we contact you?"),
        [
            (Channels.PHONE, Channels.PHONE.label),
            (Channels.SMS, Channels.SMS.label),
            (Channels.EMAIL, Channels.EMAIL.label),
            (Channels.BSL_VIDEO, Channels.BSL_VIDEO.label),
        ],
        required=_("Select how we can contact you"),
        help_text=_("Select all that are safe."),
    )
    name = text(
        _("Your name"),
        max_length=150,
        help_text=_("Or a name we can call you."),
        autocomplete="name",
        spellcheck="false",
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages=messages(
            invalid=_("Enter an email address in the correct format, like name@example.com")
        ),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        error_messages=messages(invalid=_("Enter a phone number, like %(example)s")),
    )

    bsl_relay = radios(
        _("Which video relay service should we call you through?"),
        names_in_english(BslRelay.choices, except_values={BslRelay.OTHER}),
        help_text=_("Only if you chose a BSL video call. A BSL interpreter joins the call."),
    )
    bsl_video_address = forms.CharField(
        label=format_lazy("{} {}", _("Your number or email address on that service"), OPTIONAL),
        required=False,
        max_length=254,
        help_text=_("Only if you chose a BSL video call. The one you use to take video calls."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages=messages(
            invalid=_("Enter the phone number or email address you use on the video relay service")
        ),
    )

    def clean_bsl_video_address(self):
        value = self.cleaned_data["bsl_video_address"].strip()
        if value and not is_relay_address(value):
            raise forms.ValidationError(self.fields["bsl_video_address"].error_messages["invalid"])
        return value

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        if value and not PHONE_RE.match(value):
            raise forms.ValidationError(
                self.fields["phone"].error_messages["invalid"], params={"example": PHONE_EXAMPLE}
            )
        return value

    def clean(self):
        data = super().clean()
        channels = data.get("channels") or []
        if Channels.EMAIL in channels and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Enter your email address, or untick email"))
        wants_phone = Channels.PHONE in channels or Channels.SMS in channels
        if wants_phone and not data.get("phone") and "phone" not in self.errors:
            self.add_error(
                "phone", _("Enter your phone number, or untick phone call and text message")
            )
        if Channels.BSL_VIDEO in channels:
            if not data.get("bsl_relay") and "bsl_relay" not in self.errors:
                self.add_error(
                    "bsl_relay", _("Select the video relay service, or untick BSL video call")
                )
            if not data.get("bsl_video_address") and "bsl_video_address" not in self.errors:
                self.add_error(
                    "bsl_video_address",
                    _(
                        "Enter your number or email address on the video relay service, or "
                        "untick BSL video call"
                    ),
                )
        else:
            # Details for a channel not chosen are not kept (least data).
            data["bsl_relay"] = ""
            data["bsl_video_address"] = ""
        return data


TIME_ATTRS = {
    "class": "govuk-input--width-5",
    "inputmode": "numeric",
    "autocomplete": "off",
    "spellcheck": "false",
}
WINDOW_MESSAGES = {
    "days": _("Select the days when it is safe to contact you"),
    "from": _("Enter the time from when it is safe, like 10:00"),
    "until": _("Enter the time until when it is safe, like 14:00"),
    "invalid": _("Enter a time using the 24-hour clock, like 09:30 or 18:00"),
    "order": _("The time it is safe until must be after the time it is safe from"),
    "both": _("Select 'Only on the days and at the times I choose', or remove the days and times"),
}
WINDOW_FIELDS = ("days", "time_from", "time_until")
ANY_TIME = "any"
CHOSEN_TIMES = "times"


def day_choices():
    return [(str(day), name) for day, name in enumerate(contact_plan.day_names())]


def _time_field(label, help_text=""):
    return forms.CharField(
        label=label,
        required=False,
        max_length=8,
        help_text=help_text,
        widget=forms.TextInput(attrs=TIME_ATTRS),
        error_messages=messages(max_length=WINDOW_MESSAGES["invalid"]),
    )


class SafeTimesForm(forms.Form):
    """When it is safe to contact the reporter: any time, or up to two windows of days and
    times (UK time), and not on bank holidays. Used by the journey (SafeContactForm) and the
    tracking page (casework's ContactPreferencesForm); plan_from_answers() gives the plan's
    `safe_windows` and `not_on_bank_holidays`, and keeps what was typed on an error."""

    when_safe = radios(
        _("When is it safe to contact you?"),
        [
            (ANY_TIME, _("At any time")),
            (CHOSEN_TIMES, _("Only on the days and at the times I choose")),
        ],
        help_text=_("If you do not answer, we will contact you at any time."),
    )
    days = forms.MultipleChoiceField(
        label=_("Days it is safe"),
        choices=[],
        required=False,
        help_text=_("Only if you chose days and times."),
        widget=forms.CheckboxSelectMultiple,
        error_messages=messages(),
    )
    time_from = _time_field(
        _("Safe from"), _("UK time, using the 24-hour clock. For example, 10:00")
    )
    time_until = _time_field(_("Safe until"), _("For example, 14:00"))
    days_2 = checkboxes(
        _("Other days it is safe"),
        [],
        help_text=_("If another time is safe too, for example Saturday mornings."),
    )
    time_from_2 = _time_field(_("Safe from, on those days (optional)"))
    time_until_2 = _time_field(_("Safe until, on those days (optional)"))
    not_on_bank_holidays = forms.BooleanField(
        label=_("Do not contact me on bank holidays"),
        help_text=_("Only if you chose days and times."),
        required=False,
        initial=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Day names in the reader's language, made now rather than when the module loaded.
        for name in ("days", "days_2"):
            self.fields[name].choices = day_choices()

    def plan_from_answers(self, data) -> dict:
        """Set data["safe_windows"] and data["not_on_bank_holidays"] from the answers, or add
        errors to the fields that need them."""
        window_fields = [f"{name}{suffix}" for suffix in ("", "_2") for name in WINDOW_FIELDS]
        typed = any(data.get(name) or name in self.errors for name in window_fields)
        when = data.get("when_safe") or (CHOSEN_TIMES if typed else ANY_TIME)
        if when == ANY_TIME and typed:
            # Both answers given: never guess which one is safe.
            self.add_error("when_safe", WINDOW_MESSAGES["both"])
        if when != CHOSEN_TIMES:
            data["safe_windows"] = []
            data["not_on_bank_holidays"] = False
            return data
        windows = []
        for suffix, required in (("", True), ("_2", False)):
            window = self._window(data, suffix, required=required)
            if window:
                windows.append(window)
        data["safe_windows"] = windows
        data["not_on_bank_holidays"] = bool(data.get("not_on_bank_holidays"))
        return data

    def _window(self, data, suffix, *, required) -> dict | None:
        days_name, from_name, until_name = (
            f"days{suffix}",
            f"time_from{suffix}",
            f"time_until{suffix}",
        )
        if any(name in self.errors for name in (days_name, from_name, until_name)):
            return None
        days = data.get(days_name) or []
        typed_from = (data.get(from_name) or "").strip()
        typed_until = (data.get(until_name) or "").strip()
        if not (required or days or typed_from or typed_until):
            return None
        if not days:
            self.add_error(days_name, WINDOW_MESSAGES["days"])
        start = contact_plan.parse_time(typed_from)
        end = contact_plan.parse_time(typed_until, end=True)
        if not typed_from:
            self.add_error(from_name, WINDOW_MESSAGES["from"])
        elif start is None:
            self.add_error(from_name, WINDOW_MESSAGES["invalid"])
        if not typed_until:
            self.add_error(until_name, WINDOW_MESSAGES["until"])
        elif end is None:
            self.add_error(until_name, WINDOW_MESSAGES["invalid"])
        if start is not None and end is not None and end <= start:
            self.add_error(until_name, WINDOW_MESSAGES["order"])
        if not days or start is None or end is None or end <= start:
            return None
        # Kept as typed times become 10:00, so the page shows the plan as it was understood.
        data[from_name] = contact_plan.format_time(start)
        data[until_name] = contact_plan.format_time(end)
        return contact_plan.Window(frozenset(int(d) for d in days), start, end).to_json()

    @staticmethod
    def initial_for(windows, not_on_bank_holidays) -> dict:
        """The fields' initial values for a stored plan."""
        if not windows:
            return {"when_safe": ANY_TIME, "not_on_bank_holidays": True}
        initial = {"when_safe": CHOSEN_TIMES, "not_on_bank_holidays": not_on_bank_holidays}
        for window, suffix in zip(windows, ("", "_2"), strict=False):
            initial[f"days{suffix}"] = [str(d) for d in window.get("days", [])]
            initial[f"time_from{suffix}"] = window.get("from", "")
            initial[f"time_until{suffix}"] = window.get("until", "")
        return initial


class SafeContactForm(SafeTimesForm, JourneyForm):
    heading = _("Keeping you safe when we contact you")
    medium = ("when_safe", "safety")
    safe_times = text(
        _("Anything else about when it is safe?"),
        max_length=200,
        help_text=_("For example, not in the school holidays."),
    )
    safety = checkboxes(
        _("Select anything that applies"),
        [
            ("no_voicemail", _("Do not leave voicemail messages")),
            ("never_visit_home", _("Never visit my home")),
            ("family_does_not_know", _("My family does not know about this report")),
            ("message_may_say_what", _("Messages can say what the news is")),
        ],
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "initial",
            {"safety": ["no_voicemail", "never_visit_home"], "not_on_bank_holidays": True},
        )
        super().__init__(*args, **kwargs)
        # A HintedLabel is a str, so it is made here, in the reporter's language: made when
        # the module loaded, its label was always English.
        choices = dict(self.fields["safety"].choices)
        choices["message_may_say_what"] = HintedLabel(
            gettext("Messages can say what the news is"),
            gettext(
                "If you do not select this, messages only say that there is news and "
                "where to read it."
            ),
        )
        self.fields["safety"].choices = list(choices.items())

    def clean(self):
        return self.plan_from_answers(super().clean())


class NeedsForm(JourneyForm):
    heading = _("Language and access needs")
    medium = ("preferred_language", "interpreter_needed", "access")
    preferred_language = forms.ChoiceField(
        label=_("Which language should we use?"),
        choices=settings.LANGUAGES,
        widget=LanguageSelect,
        error_messages=messages(_("Select a language")),
    )
    interpreter_needed = radios(_("Do you need an interpreter?"), YES_NO, inline=True)
    interpreter_language = text(_("Which language does the interpreter need?"), max_length=60)
    access = checkboxes(
        _("Do you need any of these?"),
        [
            ("bsl", _("British Sign Language (BSL)")),
            ("easy_read", _("Easy Read")),
            ("large_print", _("Large print")),
        ],
    )
    other_needs = text(_("Anything else that would help you?"), max_length=1000, textarea=True)

    def __init__(self, *args, language="en", **kwargs):
        kwargs.setdefault("initial", {"preferred_language": language})
        super().__init__(*args, **kwargs)


class SupportForm(JourneyForm):
    support_wanted = radios(
        "",
        Answer.choices,
        required=_("Select if you would like support"),
        help_text=_(
            "Support services listen, give advice and help with what happens next. They are "
            "free. You do not need to tell the police."
        ),
        inline=True,
    )
    support_needs = text(_("What support would help?"), max_length=2000, textarea=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["support_wanted"].label = self.you(
            _("Would you like support?"), _("Would the person it happened to like support?")
        )


class EqualityWantedForm(JourneyForm):
    equality_wanted = radios(
        "",
        YES_NO,
        required=_("Select yes if you want to answer these questions"),
        help_text=_(
            "They help us check that our service works for everyone. You do not have to "
            "answer them. We never share the answers with the police."
        ),
        inline=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["equality_wanted"].label = self.you(
            _("Would you like to answer some questions about yourself?"),
            _("Would you like to answer some questions about the person it happened to?"),
        )


PREFER_NOT = ("prefer_not", _("Prefer not to say"))


class EqualityForm(JourneyForm):
    medium = (
        "age_band",
        "sex",
        "gender_identity_same_as_birth",
        "sexual_orientation",
        "ethnic_group",
        "religion",
        "disability",
    )
    age_band = radios(
        _("Age"),
        [
            ("under_18", _("Under 18")),
            ("18_24", "18 – 24"),
            ("25_34", "25 – 34"),
            ("35_44", "35 – 44"),
            ("45_54", "45 – 54"),
            ("55_64", "55 – 64"),
            ("65_plus", _("65 or over")),
            PREFER_NOT,
        ],
    )
    sex = radios(_("Sex"), [("female", _("Female")), ("male", _("Male")), PREFER_NOT])
    gender_identity_same_as_birth = radios(
        _("Is the gender the same as the sex registered at birth?"),
        [("yes", Answer.YES.label), ("no", Answer.NO.label), PREFER_NOT],
    )
    sexual_orientation = radios(
        _("Sexual orientation"),
        [
            ("straight", _("Straight or heterosexual")),
            ("gay_lesbian", _("Gay or lesbian")),
            ("bisexual", _("Bisexual")),
            ("other", _("Another sexual orientation")),
            PREFER_NOT,
        ],
    )
    ethnic_group = radios(
        _("Ethnic group"),
        [
            ("asian", _("Asian or Asian British")),
            ("black", _("Black, Black British, Caribbean or African")),
            ("mixed", _("Mixed or multiple ethnic groups")),
            ("white", _("White")),
            ("arab", _("Arab")),
            ("other", _("Another ethnic group")),
            PREFER_NOT,
        ],
    )
    religion = radios(
        _("Religion"),
        [
            ("none", _("No religion")),
            ("buddhist", _("Buddhist")),
            ("christian", _("Christian")),
            ("hindu", _("Hindu")),
            ("jewish", _("Jewish")),
            ("muslim", _("Muslim")),
            ("sikh", _("Sikh")),
            ("other", _("Another religion")),
            PREFER_NOT,
        ],
    )
    disability = radios(
        _("Disability"),
        [("yes", Answer.YES.label), ("no", Answer.NO.label), PREFER_NOT],
        help_text=_(
            "A health problem of the body or mind that has lasted, or may last, a year or more."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.heading = self.you(_("About you"), _("About the person it happened to"))
