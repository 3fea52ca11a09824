"""The outcome, and the inspector's authorisation to close with no further action."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from reporting import access
from reporting.forms.kit import YES_NO

from .. import services
from ..models import (
    Authorisation,
    CaseStatus,
    LocalOutcomeCode,
    OutcomeType,
)
from .base import CaseActionForm, _yes_no


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
        # A non-crime hate incident, or no record, has no crime outcome: it is closed instead.
        return CaseStatus.OUTCOME_RECORDED in case.allowed_transitions() and not case.is_non_crime

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
