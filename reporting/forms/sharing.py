"""Sharing a report with the police later (reporting/consent.py): how to share, the
"are you sure" step, and the contact details a share "with my details" needs when the report
has none. Used by the tracking page and by the centre workspace, with one wording."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Consent
from ..services import CONTACT_FIELDS
from .kit import HintedLabel, messages
from .person import ContactForm, SafeContactForm

# The journey's safe-contact checkboxes, each a flag of the plan.
SAFETY_FLAGS = ("no_voicemail", "never_visit_home", "family_does_not_know", "message_may_say_what")
# In URLs: how the report is to be shared, as words rather than stored values.
HOW = {"anonymously": Consent.SHARE_ANONYMOUSLY, "with-details": Consent.SHARE_WITH_DETAILS}
SLUGS = {consent: slug for slug, consent in HOW.items()}


class ShareChoiceForm(forms.Form):
    """How to share: only the ways this report's consent may change to."""

    how = forms.ChoiceField(
        label=_("How do you want to share your report with the police?"),
        widget=forms.RadioSelect,
        error_messages=messages(_("Select how you want to share your report")),
    )

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        labels = {
            Consent.SHARE_ANONYMOUSLY: HintedLabel(
                str(_("Without my details")),
                str(_("The police will not know who you are, and cannot contact you.")),
            ),
            Consent.SHARE_WITH_DETAILS: HintedLabel(
                str(_("With my details")),
                str(_("The police may contact you, only in the ways you tell us are safe.")),
            ),
        }
        self.fields["how"].choices = [
            (SLUGS[consent], labels[consent]) for consent in Consent.values if consent in allowed
        ]


class ConfirmShareForm(forms.Form):
    """The "are you sure" step. At a centre the volunteer also confirms the person is there
    and agrees; the service's refusals are shown as this form's errors."""

    present = forms.BooleanField(
        label=_("The person is here with me, has read this and agrees"),
        error_messages=messages(_("Confirm that the person is here and agrees")),
    )

    def __init__(self, *args, at_centre=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not at_centre:
            del self.fields["present"]

    def refused(self, exc) -> None:
        """The service's refusal (a ValidationError keyed by what it is about) as this
        form's own error, so the page shows it in its error summary."""
        for errors in exc.message_dict.values():
            for error in errors:
                self.add_error(None, error)


class SharingContact:
    """The journey's contact forms (reporting/forms/person.py), on one page: how to contact
    the reporter, and their safe-contact plan. `details()` gives them in the shape the
    service saves (CONTACT_FIELDS)."""

    def __init__(self, data=None, *, role=None):
        self.contact = ContactForm(data, prefix="contact", role=role)
        self.safety = SafeContactForm(data, prefix="safety", role=role)
        self.forms = (self.contact, self.safety)

    def is_valid(self) -> bool:
        # Every form validated, so every error shows at once.
        return all([form.is_valid() for form in self.forms])  # noqa: C419

    def details(self) -> dict:
        answers = {}
        for form in self.forms:
            answers.update(form.cleaned_data)
        safety = answers.pop("safety", None) or []
        details = {key: value for key, value in answers.items() if key in CONTACT_FIELDS}
        details.update({flag: flag in safety for flag in SAFETY_FLAGS})
        return details
