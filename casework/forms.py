"""The forms on the case page. Each validates one action and hands it to its service.

Every form takes the case and the person acting; `save()` calls the service, which checks the
rules again under the row lock, so a form is never the only guard.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from centres.models import SupportService, User
from reporting import access
from reporting.forms.kit import YES_NO
from reporting.models import Channels

from . import services
from .models import (
    VICTIM_MESSAGES,
    Authorisation,
    CaseStatus,
    CaseUpdate,
    KeyEvent,
    LocalOutcomeCode,
    OutcomeType,
    Priority,
    RecordingDecision,
    ThriveAssessment,
)


def _yes_no(value):
    return {"yes": True, "no": False}.get(value)


class CaseActionForm(forms.Form):
    """A form bound to one case and the person acting on it."""

    title = ""

    @classmethod
    def applies_to(cls, case, user) -> bool:
        """Whether the case page offers this form for this case, to a person who may change
        it. Most forms always apply; a form that only makes sense at some point of the case
        says when."""
        return True

    def __init__(self, *args, case, user, **kwargs):
        self.case = case
        self.user = user
        super().__init__(*args, **kwargs)

    def save(self):
        raise NotImplementedError

    def run(self) -> bool:
        """Validate, then call the service; its refusals become form errors."""
        if not self.is_valid():
            return False
        try:
            self.save()
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    self.add_error(field if field in self.fields else None, errors)
            else:
                self.add_error(None, exc)
            return False
        return True


class ThriveForm(CaseActionForm):
    title = _("THRIVE assessment")
    threat = forms.ChoiceField(label=_("Threat"), choices=ThriveAssessment.Level.choices)
    harm = forms.ChoiceField(label=_("Harm"), choices=ThriveAssessment.Level.choices)
    risk = forms.ChoiceField(label=_("Risk"), choices=ThriveAssessment.Level.choices)
    investigation = forms.CharField(
        label=_("Investigation"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    vulnerability = forms.CharField(
        label=_("Vulnerability"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    engagement = forms.CharField(
        label=_("Engagement"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    grade = forms.ChoiceField(label=_("Grade of response"), choices=Priority.choices)
    reason = forms.CharField(
        label=_("Why re-assessed"),
        required=False,
        help_text=_("Needed when the case has been assessed before."),
    )

    def save(self):
        return services.assess_case(case=self.case, by=self.user, **self.cleaned_data)


class DecisionForm(CaseActionForm):
    title = _("Recording decision")
    decision = forms.ChoiceField(label=_("Decision"), choices=RecordingDecision.choices)
    nchi_threshold_met = forms.ChoiceField(
        label=_(
            "Non-crime hate incident: is the threshold for keeping the subject's personal "
            "data met (a real risk of significant harm or of a future criminal offence)?"
        ),
        choices=[("", "—"), *YES_NO],
        required=False,
    )
    nchi_rationale = forms.CharField(
        label=_("Rationale"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def save(self):
        data = self.cleaned_data
        return services.decide_recording(
            case=self.case,
            by=self.user,
            decision=data["decision"],
            nchi_threshold_met=_yes_no(data["nchi_threshold_met"]),
            nchi_rationale=data["nchi_rationale"],
        )


class AssignForm(CaseActionForm):
    title = _("Assign")
    officer = forms.ModelChoiceField(label=_("Officer"), queryset=User.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only police of the case's area: never volunteers, never another area.
        self.fields["officer"].queryset = User.objects.police_of_area(self.case.area_id)

    def save(self):
        return services.assign_case(
            case=self.case, officer=self.cleaned_data["officer"], by=self.user
        )


class RightsForm(CaseActionForm):
    title = _("Victims' Code rights")
    enhanced = forms.ChoiceField(
        label=_("Rights"),
        choices=[("yes", _("Enhanced (1 working day)")), ("no", _("Standard (5 working days)"))],
    )
    reason = forms.CharField(
        label=_("Reason for standard rights"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("enhanced", "yes" if self.case.enhanced_rights else "no")
        self.initial.setdefault("reason", self.case.enhanced_downgrade_reason)

    def save(self):
        return services.set_victim_rights(
            case=self.case,
            by=self.user,
            enhanced=_yes_no(self.cleaned_data["enhanced"]),
            reason=self.cleaned_data["reason"],
        )


class IntervalForm(CaseActionForm):
    title = _("Routine updates")
    days = forms.IntegerField(
        label=_("Update the victim every (days), as agreed with them"), min_value=1, max_value=90
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("days", self.case.update_interval_days)

    def save(self):
        return services.set_update_interval(
            case=self.case, by=self.user, days=self.cleaned_data["days"]
        )


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


class VictimUpdateForm(CaseActionForm):
    title = _("Update for the victim")
    message_code = forms.ChoiceField(
        label=_("Standard message (translated into the victim's language)"),
        required=False,
        choices=[],
    )
    body = forms.CharField(
        label=_("Your own words (sent as written)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message_code"].choices = [("", "—")] + [
            (code, message) for code, message in VICTIM_MESSAGES.items()
        ]

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

    @classmethod
    def applies_to(cls, case, user) -> bool:
        return _victim_reachable_by(case, user)

    def save(self):
        return services.log_contact_attempt(case=self.case, by=self.user, **self.cleaned_data)


class ReferralForm(CaseActionForm):
    title = _("Referral to a support service")
    service = forms.ModelChoiceField(
        label=_("Service"), queryset=SupportService.objects.filter(is_active=True)
    )
    consent_given = forms.BooleanField(
        label=_("The victim agreed to this referral"), required=False
    )

    @classmethod
    def applies_to(cls, case, user) -> bool:
        return _victim_reachable_by(case, user)

    def save(self):
        return services.refer_to_service(case=self.case, by=self.user, **self.cleaned_data)


class OutcomeForm(CaseActionForm):
    title = _("Outcome")
    local_code = forms.ModelChoiceField(
        label=_("Local outcome code"), queryset=LocalOutcomeCode.objects.none(), required=False
    )
    outcome_type = forms.ModelChoiceField(
        label=_("Home Office outcome type"),
        queryset=OutcomeType.objects.all(),
        required=False,
        help_text=_("Not needed when you choose a local code: it maps onto one."),
    )
    offender_identifiable = forms.ChoiceField(
        label=_("Is the offender named or identifiable?"), choices=YES_NO
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    @classmethod
    def applies_to(cls, case, user) -> bool:
        return CaseStatus.OUTCOME_RECORDED in case.allowed_transitions()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["local_code"].queryset = LocalOutcomeCode.objects.filter(
            area_id=self.case.area_id
        ).select_related("outcome_type")

    def save(self):
        data = self.cleaned_data
        return services.record_outcome(
            case=self.case,
            by=self.user,
            outcome_type=data["outcome_type"],
            local_code=data["local_code"],
            offender_identifiable=_yes_no(data["offender_identifiable"]),
            notes=data["notes"],
        )


class StatusForm(CaseActionForm):
    """Move the case on; only the changes the transition table allows are offered. An outcome
    is recorded with the outcome form, which moves the status itself."""

    title = _("Status")
    to = forms.ChoiceField(label=_("Move to"), choices=[])
    reason = forms.CharField(label=_("Reason"), required=False)

    @staticmethod
    def _moves(case) -> list[str]:
        return [s for s in case.allowed_transitions() if s != CaseStatus.OUTCOME_RECORDED]

    @classmethod
    def applies_to(cls, case, user) -> bool:
        return bool(cls._moves(case))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [
            (status, CaseStatus(status).label) for status in self._moves(self.case)
        ]

    def save(self):
        return self.case.transition(
            self.cleaned_data["to"], by=self.user, reason=self.cleaned_data["reason"]
        )


def _pending_authorisation(case):
    return case.authorisations.filter(decision=Authorisation.Decision.PENDING).first()


class AuthorisationRequestForm(CaseActionForm):
    title = _("Ask an inspector to authorise no further action")
    reason = forms.CharField(
        label=_("Why no further action"), widget=forms.Textarea(attrs={"rows": 2})
    )

    @classmethod
    def applies_to(cls, case, user) -> bool:
        # An outcome the area rule says needs authorising, and no request waiting yet.
        return (
            case.status == CaseStatus.OUTCOME_RECORDED
            and case.needs_authorisation()
            and _pending_authorisation(case) is None
        )

    def save(self):
        return services.request_authorisation(
            case=self.case, by=self.user, reason=self.cleaned_data["reason"]
        )


class AuthorisationDecisionForm(CaseActionForm):
    title = _("Decide the authorisation")
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Authorisation.Decision.APPROVED, _("Approve and close the case")),
            (Authorisation.Decision.REFUSED, _("Refuse")),
        ],
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when refusing."),
    )

    @classmethod
    def applies_to(cls, case, user) -> bool:
        # A request waiting, and an inspector of the case's area to decide it.
        return access.is_inspector_of(user, case.area_id) and (
            _pending_authorisation(case) is not None
        )

    def save(self):
        pending = _pending_authorisation(self.case)
        if pending is None:
            raise ValidationError(_("No authorisation is waiting."))
        return services.decide_authorisation(
            authorisation=pending,
            by=self.user,
            approve=self.cleaned_data["decision"] == Authorisation.Decision.APPROVED,
            reason=self.cleaned_data["reason"],
        )


CASE_ACTION_FORMS: dict[str, type[CaseActionForm]] = {
    "status": StatusForm,
    "thrive": ThriveForm,
    "decision": DecisionForm,
    "assign": AssignForm,
    "rights": RightsForm,
    "interval": IntervalForm,
    "key-event": KeyEventForm,
    "victim-update": VictimUpdateForm,
    "note": NoteForm,
    "contact": ContactAttemptForm,
    "referral": ReferralForm,
    "outcome": OutcomeForm,
    "authorisation-request": AuthorisationRequestForm,
    "authorisation-decision": AuthorisationDecisionForm,
}


def action_forms_for(case, user) -> dict[str, CaseActionForm]:
    """The action forms the case page offers this person for this case, by name: none unless
    they may change it, then each form that applies."""
    if not access.can_change_case(user, case):
        return {}
    return {
        name: form_class(case=case, user=user, prefix=name)
        for name, form_class in CASE_ACTION_FORMS.items()
        if form_class.applies_to(case, user)
    }
