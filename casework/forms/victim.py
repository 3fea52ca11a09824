"""Keeping the victim informed: key events, notes, updates, contact attempts and referrals."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from centres.models import ReferralChannel, SupportService
from reporting import access
from reporting.models import Channels

from .. import services
from ..models import (
    VICTIM_MESSAGES,
    CaseUpdate,
    KeyEvent,
)
from .base import CaseActionForm


class KeyEventForm(CaseActionForm):
    title = _("Key event")
    key_event = forms.ChoiceField(label=_("What happened"), choices=KeyEvent.choices)
    note = forms.CharField(label=_("Note (police only)"), required=False)

    def save(self):
        return services.record_key_event(case=self.case, by=self.user, **self.cleaned_data)


class NoteForm(CaseActionForm):
    title = _("Internal note")
    body = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))

    def save(self):
        return services.add_internal_note(
            case=self.case, by=self.user, body=self.cleaned_data["body"]
        )


def language_for_staff(code: str) -> str:
    """A language's name for an officer: in the admin's language, then as the site names it
    in its own (Django's own name for Panjabi is in Latin letters)."""
    own = dict(settings.LANGUAGES).get(code, code)
    try:
        name = str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return own
    return name if name == own else f"{name} ({own})"


class VictimUpdateForm(CaseActionForm):
    """The standard messages first: they reach the victim in their own language. The
    officer's own words are optional, shown as written under a line saying whose words they
    are and in which language, and never sent by email or text message."""

    title = _("Update for the victim")
    message_code = forms.ChoiceField(
        label=_("Standard message"),
        help_text=_("Start here: a standard message reaches the victim in their own language."),
        required=False,
        choices=[],
    )
    body = forms.CharField(
        label=_("Your own words (optional)"),
        help_text=_(
            "Shown to the victim exactly as you write them, not translated, under a line "
            "saying a police officer wrote them and in which language. Never sent by email or "
            "text message."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    body_language = forms.ChoiceField(
        label=_("Language of your own words"), choices=[], initial="en", required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message_code"].choices = [("", "—")] + [
            (code, message) for code, message in VICTIM_MESSAGES.items()
        ]
        self.fields["body_language"].choices = [
            (code, language_for_staff(code)) for code, _name in settings.LANGUAGES
        ]
        # Shown above the form, so the officer knows which language the victim reads.
        self.intro = _("The victim's language: %(language)s.") % {
            "language": language_for_staff(self.case.report.language)
        }

    def clean_body_language(self):
        return self.cleaned_data["body_language"] or "en"

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("message_code") and not cleaned.get("body", "").strip():
            self.add_error("message_code", _("Choose a standard message or write the update."))
        return cleaned

    def save(self):
        return services.send_victim_update(case=self.case, by=self.user, **self.cleaned_data)


def _victim_reachable_by(case, user) -> bool:
    # Without the contact details nobody may contact or refer the victim.
    report = case.report
    return (
        access.can_see_contact_details(user, report)
        and getattr(report, "contact", None) is not None
    )


class ContactAttemptForm(CaseActionForm):
    title = _("Contact attempt")
    channel = forms.ChoiceField(label=_("How"), choices=Channels.choices)
    outcome = forms.ChoiceField(label=_("Result"), choices=CaseUpdate.ContactOutcome.choices)
    note = forms.CharField(label=_("Note"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only what the safe-contact plan allows; the service checks again.
        contact = getattr(self.case.report, "contact", None)
        self.fields["channel"].choices = [
            (code, label)
            for code, label in Channels.choices
            if contact is not None and contact.allows(code)
        ]
        if contact is not None:
            self.fields["channel"].help_text = _(
                "Safe times: %(times)s. Next safe time: %(next)s."
            ) % {
                "times": contact.safe_times_in_words(),
                "next": contact.next_safe_time_in_words(),
            }

    @classmethod
    def applies_to(cls, case, user) -> bool:
        return _victim_reachable_by(case, user)

    def save(self):
        return services.log_contact_attempt(case=self.case, by=self.user, **self.cleaned_data)


class ReferralForm(CaseActionForm):
    title = _("Referral to a support service")
    # Only services the outbox can deliver a referral to (reporting/referrals.py): the others
    # are given to the victim by phone number or website.
    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=SupportService.objects.filter(
            is_active=True, referral_channel=ReferralChannel.SECURE_EMAIL
        ).exclude(referral_email=""),
    )
    consent_given = forms.BooleanField(
        label=_("The victim agreed to this referral"), required=False
    )

    @classmethod
    def applies_to(cls, case, user) -> bool:
        return _victim_reachable_by(case, user)

    def save(self):
        return services.refer_to_service(case=self.case, by=self.user, **self.cleaned_data)
