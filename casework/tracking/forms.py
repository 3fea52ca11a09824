"""Forms of the tracking page (/<lang>/track/), with messages written for the reporter."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from centres.forms import LanguageSelect
from reporting.forms.kit import NamesInEnglishSelect, radios
from reporting.forms.person import SafeTimesForm, is_relay_address
from reporting.models import BslRelay, Channels, ReporterContact
from reporting.services import CONTACT_FIELDS

ADDITION_MAX_LENGTH = 5000


class TrackForm(forms.Form):
    """Reference and passphrase. The autocomplete names let password managers fill both."""

    reference = forms.CharField(
        label=_("Reference"),
        help_text=_("For example, HR-7KQ4-M2XD"),
        max_length=40,
        error_messages={
            "required": _("Enter your reference"),
            "max_length": _("Enter your reference, like HR-7KQ4-M2XD"),
        },
        widget=forms.TextInput(
            attrs={
                "autocomplete": "username",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "class": "govuk-input--width-10",
            }
        ),
    )
    passphrase = forms.CharField(
        label=_("Passphrase"),
        help_text=_("The words you were shown when you sent your report"),
        max_length=200,
        strip=True,
        error_messages={
            "required": _("Enter your passphrase"),
            "max_length": _("Enter your passphrase"),
        },
        widget=forms.PasswordInput(
            attrs={"autocomplete": "current-password", "spellcheck": "false"},
            render_value=False,
        ),
    )


def too_many_tries(minutes: int) -> str:
    """Why an attempt was refused (casework/tracking/throttle.py). The same words whether or not
    the reference exists."""
    return ngettext(
        "You have tried too many times. Wait %(minutes)s minute and try again, or ask a "
        "reporting centre to help you.",
        "You have tried too many times. Wait %(minutes)s minutes and try again, or ask a "
        "reporting centre to help you.",
        minutes,
    ) % {"minutes": minutes}


class AddInformationForm(forms.Form):
    text = forms.CharField(
        label=_("What do you want to add?"),
        help_text=_(
            "For example, something else that happened, a new detail you remember, or a "
            "change in how safe you feel."
        ),
        max_length=ADDITION_MAX_LENGTH,
        error_messages={
            "required": _("Enter the information you want to add"),
            "max_length": _("What you add must be 5,000 characters or fewer"),
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class ContactPreferencesForm(SafeTimesForm, forms.ModelForm):
    """The reporter's contact details and safe-contact plan, in the reporter's words. The
    safe times are the journey's questions (reporting/forms/person.py SafeTimesForm)."""

    channels = forms.MultipleChoiceField(
        label=_("How can we contact you?"),
        help_text=_("Choose all the ways that are safe for you. Choose none if we must not."),
        choices=Channels.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    preferred_language = forms.ChoiceField(
        label=_("Which language should we use?"),
        choices=[("", pgettext_lazy("no language chosen", "Any")), *settings.LANGUAGES],
        required=False,
        widget=LanguageSelect,
    )

    class Meta:
        model = ReporterContact
        # The plan's windows are asked as days and times (SafeTimesForm), not as JSON.
        fields = [name for name in CONTACT_FIELDS if name != "safe_windows"]
        labels = {
            "name": _("Your name"),
            "phone": _("Phone number"),
            "email": _("Email address"),
            "safe_times": _("Anything else about when it is safe?"),
            "no_voicemail": _("Do not leave voicemail messages"),
            "never_visit_home": _("Never visit my home"),
            "family_does_not_know": _("My family does not know about my report"),
            "message_may_say_what": _("Messages can say what the news is"),
            "interpreter_needed": _("I need an interpreter"),
            "interpreter_language": _("Which language should the interpreter speak?"),
            "bsl": _("I need British Sign Language"),
            "bsl_relay": _("Which video relay service should we call you through?"),
            "bsl_video_address": _("Your number or email address on that service"),
            "easy_read": _("I need Easy Read"),
            "large_print": _("I need large print"),
            "other_needs": _("Anything else that would help you"),
        }
        help_texts = {
            "name": _("Or a name we can call you. You do not have to give one."),
            "safe_times": _("For example, not in the school holidays."),
            "message_may_say_what": _(
                "If not, a message only says there is news and where to read it."
            ),
        }
        error_messages = {
            "email": {
                "invalid": _("Enter an email address in the correct format, like name@example.com")
            },
            "phone": {"max_length": _("Phone number must be 40 characters or fewer")},
            "name": {"max_length": _("Name must be 150 characters or fewer")},
            "safe_times": {"max_length": _("Safe times must be 200 characters or fewer")},
            "interpreter_language": {"max_length": _("Language must be 60 characters or fewer")},
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
            "other_needs": forms.Textarea(attrs={"rows": 3}),
            # SignVideo, SignLive, InterpreterNow: names, in English on every page.
            "bsl_relay": NamesInEnglishSelect(except_values={BslRelay.OTHER}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Everything on this page is optional: no answer keeps "any time".
        self.fields["when_safe"].required = False
        if self.instance.pk and not self.is_bound:
            self.initial.update(
                self.initial_for(self.instance.safe_windows, self.instance.not_on_bank_holidays)
            )
        elif not self.instance.pk:
            self.initial.setdefault("when_safe", "any")

    def clean(self):
        data = self.plan_from_answers(super().clean())
        channels = data.get("channels") or []
        if {Channels.PHONE, Channels.SMS} & set(channels) and not data.get("phone"):
            self.add_error(
                "phone",
                _("Enter a phone number, or do not choose phone calls or text messages"),
            )
        if Channels.EMAIL in channels and not data.get("email"):
            self.add_error("email", _("Enter an email address, or do not choose email"))
        self._check_bsl_video(data, channels)
        return data

    def _check_bsl_video(self, data, channels) -> None:
        """A BSL video call needs the relay service and the number or address on it."""
        address = (data.get("bsl_video_address") or "").strip()
        if address and not is_relay_address(address):
            self.add_error(
                "bsl_video_address",
                _("Enter the phone number or email address you use on the video relay service"),
            )
        if Channels.BSL_VIDEO not in channels:
            return
        if not data.get("bsl_relay"):
            self.add_error(
                "bsl_relay", _("Select the video relay service, or do not choose BSL video call")
            )
        if not address:
            self.add_error(
                "bsl_video_address",
                _(
                    "Enter your number or email address on the video relay service, or do not "
                    "choose BSL video call"
                ),
            )


# --- What the reporter thought (casework/tracking/feedback.py) -------------------------------

RATHER_NOT_SAY = "no_answer"


def satisfaction_choices():
    """Five points, best first, as police victim-satisfaction surveys ask, and a way out."""
    return [
        ("5", _("Very satisfied")),
        ("4", _("Fairly satisfied")),
        ("3", _("Neither satisfied nor dissatisfied")),
        ("2", _("Fairly dissatisfied")),
        ("1", _("Very dissatisfied")),
        (RATHER_NOT_SAY, _("I'd rather not say")),
    ]


class FeedbackForm(forms.Form):
    """The five questions, each optional; at least one answered (else "skip" is the way)."""

    QUESTIONS = {
        "contact": _("How satisfied were you with how easy it was to get in touch with us?"),
        "actions": _("How satisfied were you with what was done about what happened?"),
        "informed": _("How satisfied were you with how you were kept up to date?"),
        "treatment": _("How satisfied were you with how you were treated?"),
        "overall": _("Overall, how satisfied were you with the whole experience?"),
    }
    contact = radios(QUESTIONS["contact"], satisfaction_choices)
    actions = radios(QUESTIONS["actions"], satisfaction_choices)
    informed = radios(QUESTIONS["informed"], satisfaction_choices)
    treatment = radios(QUESTIONS["treatment"], satisfaction_choices)
    overall = radios(QUESTIONS["overall"], satisfaction_choices)

    def clean(self):
        cleaned = super().clean()
        given = [cleaned.get(name) for name in self.QUESTIONS]
        if not self.errors and not any(given):
            raise forms.ValidationError(
                _("Answer at least one question, or choose to skip the questions"),
                code="empty",
            )
        return cleaned

    def answers(self) -> dict:
        """Question key -> 1 to 5, or None for no answer or "I'd rather not say"."""
        return {
            name: int(value) if value and value != RATHER_NOT_SAY else None
            for name in self.QUESTIONS
            for value in [self.cleaned_data.get(name)]
        }
