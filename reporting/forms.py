"""The reporting journey's question pages: one form per page, kept server-side in the draft.

Every field carries its own translated error messages. Django's defaults are untranslated in
several of our languages (Urdu, Panjabi, Bengali, Somali, Pashto), so none may reach a
victim. Wording follows the GOV.UK design system ("Select who is reporting").

Forms that talk to the reporter say "you" to a victim and "the person it happened to" to a
witness or someone reporting on their behalf (`role`).
"""

import datetime
import re

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from centres.models import Strand, postcode_district

from . import passphrase
from .models import (
    Answer,
    Channels,
    Consent,
    IncidentType,
    PlaceType,
    Report,
    ReporterRole,
)
from .widgets import LanguageSelect

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


# --- The pages ------------------------------------------------------------------------------


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


class WhoForm(JourneyForm):
    reporter_role = radios(
        _("Who is reporting?"),
        [
            (ReporterRole.VICTIM, _("It happened to me")),
            (ReporterRole.WITNESS, _("I saw it happen to someone else")),
            (ReporterRole.ON_BEHALF, _("I am reporting for the person it happened to")),
        ],
        required=_("Select who is reporting"),
    )


class IncidentTypeChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        # The object itself: the template shows its name and, under it, its hint.
        return obj


class WhatForm(JourneyForm):
    incident_types = IncidentTypeChoice(
        queryset=IncidentType.objects.filter(is_active=True),
        label=_("What happened?"),
        help_text=_("Select all that apply."),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=messages(),
    )
    description = text(
        _("Tell us what happened, in your own words"),
        max_length=5000,
        textarea=True,
        help_text=_("You can write in any language."),
    )

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("incident_types") and not data.get("description"):
            self.add_error(
                "incident_types", _("Select what happened, or tell us in your own words")
            )
        return data


class WhenForm(JourneyForm):
    when_kind = radios(
        _("When did it happen?"),
        Report.WhenKind.choices,
        required=_("Select when it happened"),
    )


class WhenDateForm(JourneyForm):
    occurred_on = DateField(
        label=_("What date did it happen?"),
        help_text=_("For example, 27 3 2025"),
        required_message=_("Enter the date it happened"),
    )


class WhenApproximateForm(JourneyForm):
    when_details = text(
        _("Roughly when did it happen?"),
        max_length=200,
        required=_("Enter roughly when it happened"),
        help_text=_("For example, last week, or early in March 2025."),
    )


class WhenPeriodForm(JourneyForm):
    medium = ("occurred_on", "occurred_until")
    occurred_on = DateField(
        label=_("When did it start?"),
        help_text=_("For example, 27 3 2025. If you are not sure, give the nearest date."),
        required_message=_("Enter the date it started"),
    )
    occurred_until = DateField(
        label=format_lazy("{} {}", _("When did it stop?"), OPTIONAL),
        help_text=_("Leave this empty if it is still happening."),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("occurred_on"), data.get("occurred_until")
        if start and end and end < start:
            self.add_error(
                "occurred_until",
                _("The date it stopped must be the same as or after the date it started"),
            )
        return data


class RepeatForm(JourneyForm):
    happened_before = radios(
        "",
        Answer.choices,
        required=_("Select if this has happened before"),
        inline=True,
    )
    how_often = text(
        _("If it has, how often?"),
        max_length=200,
        help_text=_("For example, every week since January."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["happened_before"].label = self.you(
            _("Has this happened to you before?"), _("Has this happened to them before?")
        )


class WhereForm(JourneyForm):
    location_kind = radios(
        _("Where did it happen?"),
        Report.LocationKind.choices,
        required=_("Select where it happened"),
    )


class PlaceTypeChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj


class WherePlaceForm(JourneyForm):
    medium = ("place_type",)
    town = text(_("Town or city"), max_length=80, autocomplete="address-level2")
    postcode = text(
        _("Postcode"),
        max_length=10,
        help_text=_("If you know it. The first part, like B11, is enough."),
        autocomplete="postal-code",
        spellcheck="false",
    )
    location_details = text(
        _("Anything else about the place"),
        max_length=200,
        help_text=_("For example, the name of a street, a shop or a bus route."),
    )
    place_type = PlaceTypeChoice(
        queryset=PlaceType.objects.filter(is_active=True).exclude(code="online"),
        label=format_lazy("{} {}", _("What kind of place was it?"), OPTIONAL),
        required=False,
        widget=forms.RadioSelect,
        error_messages=messages(),
    )

    def clean_postcode(self):
        value = " ".join(self.cleaned_data["postcode"].upper().split())
        if value and not postcode_district(value):
            raise forms.ValidationError(
                _("Enter a postcode like B11 1AA, or only its first part, like B11"),
                code="invalid",
            )
        return value

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("town") and not data.get("postcode"):
            self.add_error("town", _("Enter a town or city, or a postcode"))
        return data


class WhereOnlineForm(JourneyForm):
    online_platform = text(
        _("Which website or app was it on?"),
        max_length=120,
        help_text=_("For example, Facebook, TikTok, WhatsApp or a game."),
    )


OTHER = "other"
NOT_SURE = "not_sure"


class WhyForm(JourneyForm):
    """Why they think it was hate: perceived, never to be proved."""

    motivation = forms.MultipleChoiceField(
        label=_("Why do you think it happened?"),
        help_text=_("You do not have to prove it. Select all that you think apply."),
        widget=forms.CheckboxSelectMultiple,
        error_messages=messages(_("Select why you think it happened, or select ‘I'm not sure’")),
    )
    motivation_other = text(
        _("If it was something else, what was it?"),
        max_length=200,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The five national strands, and the local markers the incident's area switched on.
        local = Q(kind=Strand.Kind.LOCAL, areas=self.area_id) if self.area_id else Q(pk=None)
        strands = Strand.objects.filter(Q(kind=Strand.Kind.NATIONAL) | local).distinct()
        self.fields["motivation"].choices = [
            *((str(s.pk), HintedLabel(s.name, s.description)) for s in strands),
            (OTHER, _("Something else")),
            (NOT_SURE, Answer.NOT_SURE.label),
        ]

    @staticmethod
    def strand_ids(motivation):
        return [int(value) for value in motivation if value.isdigit()]


class OffenderForm(JourneyForm):
    offender_known = radios(
        _("Do you know who did it?"),
        Answer.choices,
        required=_("Select if you know who did it"),
        inline=True,
    )
    offender_count = forms.IntegerField(
        label=format_lazy("{} {}", _("How many people did it?"), OPTIONAL),
        required=False,
        min_value=1,
        max_value=999,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages=messages(
            invalid=_("Enter the number of people as a number, like 2"),
            min_value=_("The number of people must be 1 or more"),
            max_value=_("The number of people must be 999 or fewer"),
        ),
    )
    offender_description = text(
        _("What can you tell us about them?"),
        max_length=5000,
        textarea=True,
        help_text=_(
            "For example, what they looked like, what they said, or their name if you know it."
        ),
    )


class HarmForm(JourneyForm):
    heading = _("Injuries, damage and threats")
    medium = ("injured", "property_damaged", "threatened")
    injured = radios("", Answer.choices, required=_("Select if anyone was hurt"), inline=True)
    property_damaged = radios(
        _("Was anything damaged or stolen?"),
        Answer.choices,
        required=_("Select if anything was damaged or stolen"),
        inline=True,
    )
    threatened = radios(
        "", Answer.choices, required=_("Select if anyone was threatened"), inline=True
    )
    harm_details = text(
        _("Tell us more about any injuries, damage or threats"),
        max_length=5000,
        textarea=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["injured"].label = self.you(
            _("Were you hurt?"), _("Was the person it happened to hurt?")
        )
        self.fields["threatened"].label = self.you(
            _("Were you threatened?"), _("Was the person it happened to threatened?")
        )


class EvidenceForm(JourneyForm):
    heading = _("Photos, screenshots and other evidence")
    file = forms.FileField(
        label=format_lazy("{} {}", _("Add a file"), OPTIONAL),
        required=False,
        error_messages=messages(
            missing=_("Select a file"),
            empty=_("The selected file is empty. Choose another file."),
            contradiction=_("Select a file"),
        ),
    )

    def __init__(self, *args, limits=None, **kwargs):
        super().__init__(*args, **kwargs)
        if limits:
            self.fields["file"].help_text = _(
                "A photo, screenshot, PDF, sound recording or video, up to %(max_size)s. "
                "You can add up to %(max_files)s files."
            ) % {"max_size": limits["max_size"], "max_files": limits["max_files"]}


class PoliceForm(JourneyForm):
    consent = radios(
        _("Do you want us to share your report with the police?"),
        [],
        required=_("Select if you want us to share your report with the police"),
        help_text=_("Your report counts whatever you choose."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].choices = [
            (
                Consent.SHARE_WITH_DETAILS,
                HintedLabel(
                    gettext("Yes, share it with the police, with my details"),
                    gettext(
                        "The police can contact you to find out more and to tell you what "
                        "they are doing."
                    ),
                ),
            ),
            (
                Consent.SHARE_ANONYMOUSLY,
                HintedLabel(
                    gettext("Yes, share it with the police, without my details"),
                    gettext(
                        "The police learn what happened and where, to help protect "
                        "people, but not who you are. They cannot contact you about it."
                    ),
                ),
            ),
            (
                Consent.DO_NOT_SHARE,
                HintedLabel(
                    gettext("No, do not share it with the police"),
                    gettext(
                        "We keep your report and can put you in touch with support. "
                        "Nothing goes to the police."
                    ),
                ),
            ),
        ]


YES_NO = [(Answer.YES, Answer.YES.label), (Answer.NO, Answer.NO.label)]


class ContactWantedForm(JourneyForm):
    contact_wanted = radios(
        _("Can we contact you about your report?"),
        YES_NO,
        required=_("Select if we can contact you"),
        help_text=_(
            "We will only contact you in the ways, and at the times, you tell us are safe. "
            "You can always check your report yourself with your reference and passphrase."
        ),
        inline=True,
    )


PHONE_RE = re.compile(r"^\+?[0-9 ()\-]{7,20}$")


class ContactForm(JourneyForm):
    heading = _("How to contact you")
    medium = ("channels",)
    channels = checkboxes(
        _("How can we contact you?"),
        [
            (Channels.PHONE, Channels.PHONE.label),
            (Channels.SMS, Channels.SMS.label),
            (Channels.EMAIL, Channels.EMAIL.label),
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
        error_messages=messages(invalid=_("Enter a phone number, like 07700 900 982")),
    )

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        if value and not PHONE_RE.match(value):
            raise forms.ValidationError(self.fields["phone"].error_messages["invalid"])
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
        return data


class SafeContactForm(JourneyForm):
    heading = _("Keeping you safe when we contact you")
    medium = ("safety",)
    safe_times = text(
        _("When is it safe to contact you?"),
        max_length=200,
        help_text=_("For example, weekdays between 10am and 2pm."),
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
        kwargs.setdefault("initial", {"safety": ["no_voicemail", "never_visit_home"]})
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
            "free, and you do not need to involve the police."
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
            "They help us check our service works for everyone. They are optional, and the "
            "answers are never shared with the police."
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
            "A physical or mental health condition or illness that has lasted, or is expected "
            "to last, 12 months or more."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.heading = self.you(_("About you"), _("About the person it happened to"))


# --- The passphrase: one of the reporter's own, or one made for them -----------------------

PASSPHRASE_HELP = _(
    "Use at least 6 words picked at random (not a saying, a song or a sentence about you), "
    "or at least 24 letters, numbers and symbols mixed at random. A password manager can "
    "make one. Do not use your name or anything else people know about you. Capital "
    "letters make no difference."
)
PASSPHRASE_WEAK = {
    passphrase.TOO_SHORT: _(
        "Your passphrase is too short. Use at least 6 words picked at random, or at least "
        "24 letters, numbers and symbols mixed at random"
    ),
    passphrase.PERSONAL: _(
        "Your passphrase has your name or your contact details in it. Choose one that "
        "nobody could link to you"
    ),
    passphrase.GUESSABLE: _(
        "Your passphrase is too easy to guess. Use at least 6 words picked at random, or at "
        "least 24 letters, numbers and symbols mixed at random"
    ),
}


def passphrase_field(label, *, help_text=""):
    return forms.CharField(
        label=label,
        required=False,
        strip=True,
        max_length=passphrase.MAX_LENGTH,
        help_text=help_text,
        # Never sent back to the page; paste and password managers welcome.
        widget=forms.PasswordInput(
            render_value=False,
            attrs={
                "autocomplete": "new-password",
                "autocapitalize": "none",
                "spellcheck": "false",
                # Shown (with the show button) in the direction of what was typed.
                "dir": "auto",
                # Safari's password generator follows these rules.
                "passwordrules": "minlength: 24; required: lower; required: digit;",
            },
        ),
        error_messages=messages(max_length=_("Your passphrase must be 200 characters or fewer")),
    )


class PassphraseChoiceForm(forms.Form):
    """An optional passphrase of the reporter's own, typed twice; left empty, we make one.

    It is accepted only if reporting/passphrase.py rates it at 64 bits or more, and it is
    never saved to the draft: it lives in this request only, then as a hash on the report.
    `known`: what the reporter told us about themself (passphrase.details_known_to_others).
    `shared_computer`: the assisted journey, where the browser should not save it.
    """

    own_passphrase = passphrase_field(_("Your passphrase"), help_text=PASSPHRASE_HELP)
    own_passphrase_again = passphrase_field(_("Type your passphrase again"))

    def __init__(self, *args, known=(), shared_computer=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.known = list(known)
        if shared_computer:
            for name in ("own_passphrase", "own_passphrase_again"):
                self.fields[name].widget.attrs["autocomplete"] = "off"

    @property
    def passphrase_fields(self):
        return [self["own_passphrase"], self["own_passphrase_again"]]

    def clean(self):
        data = super().clean()
        first = data.get("own_passphrase")
        again = data.get("own_passphrase_again")
        if first is None or again is None or not (first or again):
            return data
        if not first:
            self.add_error(
                "own_passphrase",
                _("Enter your passphrase, or leave both boxes empty for us to make one for you"),
            )
        elif not again:
            self.add_error("own_passphrase_again", _("Type your passphrase again"))
        elif passphrase.normalise_passphrase(first) != passphrase.normalise_passphrase(again):
            self.add_error(
                "own_passphrase_again",
                _("The two passphrases you typed are not the same. Type them both again"),
            )
        elif reason := passphrase.weakness(first, known=self.known):
            self.add_error("own_passphrase", PASSPHRASE_WEAK[reason])
        return data

    @property
    def chosen_passphrase(self) -> str | None:
        """The reporter's own passphrase, once the form is valid; None: make one for them."""
        return self.cleaned_data.get("own_passphrase") or None


class CheckForm(PassphraseChoiceForm):
    """The last page's form: the passphrase choice, and the honeypot, which people never see
    or fill in."""

    website = forms.CharField(required=False, max_length=200, error_messages=messages())
