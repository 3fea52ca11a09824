from django import forms
from django.contrib.auth import authenticate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import roles
from .models import (
    ACCESSIBILITY_FEATURES,
    AwarenessActivity,
    Centre,
    Membership,
    Role,
    postcode_district,
    spoken_language_choices,
    text_direction,
)


class SignInForm(forms.Form):
    """Email and password. Throttled by django-axes (username and address together)."""

    # Named "username" so django-axes throttles on it.
    username = forms.EmailField(
        label=_("Email address"),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.org"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        error_messages={"required": _("Enter your password")},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        self.user = None
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        email, password = cleaned.get("username"), cleaned.get("password")
        if email and password:
            self.user = authenticate(self.request, username=email.lower(), password=password)
            if self.user is None:
                raise forms.ValidationError(
                    _("The email address or password is not right"), code="invalid_login"
                )
        return cleaned


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Security code"),
        help_text=_("The 6-digit code from your authenticator app, or one of your backup codes."),
        max_length=16,
        error_messages={"required": _("Enter your security code")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split())


# --- The public directory -------------------------------------------------------------------


class LanguageSelect(forms.Select):
    """A select whose options name each language in its own script, marked with its lang
    and direction so screen readers pronounce it and right-to-left names read properly."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            option["attrs"]["lang"] = value
            option["attrs"]["dir"] = text_direction(value)
        return option


def directory_messages():
    """Every message a directory field can show, translated (see reporting.forms.messages)."""
    return {
        "invalid_choice": _("Select one of the options"),
        "invalid_list": _("Select one of the options"),
        "max_length": _("This answer must be %(limit_value)d characters or fewer"),
        "invalid": _("Check this answer and try again"),
    }


class DirectorySearchForm(forms.Form):
    """Find a centre: by town or postcode, language, accessibility and strand. A GET form, so
    a search is a plain link that works without JavaScript and can be shared."""

    place = forms.CharField(
        label=_("Town or postcode"),
        help_text=_("For example, Sparkbrook or B11. The first part of a postcode is enough."),
        required=False,
        max_length=80,
        error_messages=directory_messages(),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "spellcheck": "false"}),
    )
    language = forms.ChoiceField(
        label=_("Language spoken"),
        required=False,
        widget=LanguageSelect,
        error_messages=directory_messages(),
    )
    access = forms.MultipleChoiceField(
        label=_("Accessibility"),
        help_text=_("Show only centres with everything you select."),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=directory_messages(),
    )
    strand = forms.ChoiceField(
        label=_("Specialist support for"),
        required=False,
        error_messages=directory_messages(),
    )

    def __init__(self, *args, strands=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Any language")), *spoken_language_choices()]
        self.fields["access"].choices = [
            (name, Centre._meta.get_field(name).verbose_name) for name in ACCESSIBILITY_FEATURES
        ]
        self.fields["strand"].choices = [
            ("", _("Any kind of hate crime")),
            *((s.code, s.name) for s in strands),
        ]

    @property
    def place_district(self) -> str:
        return postcode_district(self.cleaned_data.get("place", ""))


# --- The centre workspace: what a coordinator manages ----------------------------------------


def date_widget():
    # The browser's own date picker; it always sends ISO dates, whatever the language.
    return forms.DateInput(
        attrs={"type": "date", "class": "govuk-input--width-10"}, format="%Y-%m-%d"
    )


class CentreListingForm(forms.ModelForm):
    """What a coordinator may change of their centre's public listing. The name, kind, area,
    accreditation and whether it is listed at all stay with the administrators."""

    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=spoken_language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Languages someone at the centre can speak with a visitor."),
    )

    class Meta:
        model = Centre
        fields = [
            "description_en",
            "opening_hours_en",
            "walk_in",
            "languages",
            *ACCESSIBILITY_FEATURES,
            "phone",
            "email",
            "website",
        ]
        labels = {
            "description_en": _("About the centre (in English)"),
            "opening_hours_en": _("Opening hours (in English)"),
        }
        help_texts = {
            "description_en": _(
                "Who you are and how you help. Administrators add the other languages."
            ),
            "opening_hours_en": _(
                "One line per day or group of days, like: Monday to Friday, 9am to 5pm."
            ),
        }
        widgets = {
            "description_en": forms.Textarea(attrs={"rows": 5}),
            "opening_hours_en": forms.Textarea(attrs={"rows": 4}),
        }


class AddVolunteerForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("They sign in with this address. New people get an email to set a password."),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (Role.VOLUNTEER, Role.VOLUNTEER.label),
            (Role.COORDINATOR, Role.COORDINATOR.label),
        ],
        initial=Role.VOLUNTEER,
        widget=forms.RadioSelect,
    )
    accredited_on = forms.DateField(
        label=_("Accredited on"),
        required=False,
        help_text=_("Leave empty if they are not trained yet."),
        widget=date_widget(),
    )
    training_expires_on = forms.DateField(
        label=_("Training expires on"), required=False, widget=date_widget()
    )

    def __init__(self, *args, centre=None, by=None, **kwargs):
        self.centre = centre
        self.by = by
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        # The service refuses it too (centres/roles.py); said here beside the field.
        if self.by is not None and email == self.by.email.lower():
            raise forms.ValidationError(roles.MESSAGES["self_grant"], code="self_grant")
        return email

    def clean(self):
        cleaned = super().clean()
        email, role = cleaned.get("email"), cleaned.get("role")
        if email and role and self.centre is not None:
            same = Membership.objects.filter(user__email=email, centre=self.centre, role=role)
            if same.active().exists():
                self.add_error("email", _("This person already has this role at the centre"))
            elif same.pending().exists():
                self.add_error(
                    "email", _("This person's role at the centre is already waiting for approval")
                )
        _check_dates(self, cleaned)
        return cleaned


class MembershipTrainingForm(forms.ModelForm):
    """A coordinator records a volunteer's accreditation and training expiry."""

    class Meta:
        model = Membership
        fields = ["accredited_on", "training_expires_on"]
        help_texts = {"training_expires_on": _("We show a reminder 30 days before.")}
        widgets = {"accredited_on": date_widget(), "training_expires_on": date_widget()}

    def clean(self):
        cleaned = super().clean()
        _check_dates(self, cleaned)
        return cleaned


def _check_dates(form, cleaned):
    accredited, expires = cleaned.get("accredited_on"), cleaned.get("training_expires_on")
    if accredited and expires and expires <= accredited:
        form.add_error(
            "training_expires_on", _("The expiry date must be after the accreditation date")
        )


class EndMembershipForm(forms.Form):
    ended_on = forms.DateField(
        label=_("Membership ends on"),
        help_text=_("From this day they can no longer use the workspace. Today ends it now."),
        widget=date_widget(),
    )

    def __init__(self, *args, membership=None, **kwargs):
        self.membership = membership
        super().__init__(*args, **kwargs)

    def clean_ended_on(self):
        ended_on = self.cleaned_data["ended_on"]
        if self.membership is not None and ended_on < self.membership.started_on:
            raise forms.ValidationError(_("The last day cannot be before they started"))
        return ended_on


class AwarenessActivityForm(forms.ModelForm):
    class Meta:
        model = AwarenessActivity
        fields = ["date", "kind", "description"]
        widgets = {"kind": forms.RadioSelect, "date": date_widget()}
        help_texts = {
            "description": _("For example: a talk to the women's group about reporting."),
        }

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("Log an activity once it has happened"))
        return date
