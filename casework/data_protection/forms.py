"""The data protection officer's forms (staff pages: marked for translation, in English)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from centres.models import AccessLogEntry, User
from reporting.models import normalise_reference


class DateInput(forms.DateInput):
    input_type = "date"


class FindForm(forms.Form):
    """Posted, never in the address: an email or phone number must not reach a server log."""

    reference = forms.CharField(label=_("Reference"), required=False, max_length=20)
    email = forms.EmailField(label=_("Email address"), required=False)
    phone = forms.CharField(label=_("Phone number"), required=False, max_length=40)

    def clean_reference(self):
        value = self.cleaned_data["reference"].strip()
        if value and not normalise_reference(value):
            raise forms.ValidationError(_("Enter a reference like HR-7KQ4-M2XD"))
        return value

    def clean(self):
        data = super().clean()
        if not self.errors and not any(data.get(k) for k in ("reference", "email", "phone")):
            raise forms.ValidationError(_("Enter a reference, an email address or a phone number"))
        return data


class ErasureForm(forms.Form):
    received_on = forms.DateField(
        label=_("When the request was received"),
        widget=DateInput,
        help_text=_("The force's month to answer starts on this day."),
    )
    confirm = forms.BooleanField(
        label=_("The reporter asked for this report to be erased, and I have checked who they are")
    )


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("The force's answer"),
        choices=[("granted", _("Granted: erase the report")), ("refused", _("Refused"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("The force's reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when the force refused."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "refused" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the force's reason for refusing"))
        return data


class LogFilterForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Person"), queryset=User.objects.all(), required=False, widget=forms.HiddenInput
    )
    person_email = forms.EmailField(label=_("Person (their email address)"), required=False)
    reference = forms.CharField(label=_("Report reference"), required=False, max_length=20)
    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=[("", _("Any")), *AccessLogEntry.Action.choices],
    )
    since = forms.DateField(label=_("From"), required=False, widget=DateInput)
    until = forms.DateField(label=_("Until"), required=False, widget=DateInput)

    def clean(self):
        data = super().clean()
        email = data.get("person_email")
        if email and not data.get("person"):
            data["person"] = User.objects.filter(email=email.strip().lower()).first()
            if data["person"] is None:
                self.add_error("person_email", _("Nobody has this email address"))
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("The end date must be the same as or after the start date"))
        return data
