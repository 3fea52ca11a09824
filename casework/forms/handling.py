"""Handling the case: status, THRIVE, the recording decision, assignment, the Victims' Code
rights and the routine update interval."""

from django import forms
from django.utils.translation import gettext_lazy as _

from centres.models import User
from reporting.forms.kit import YES_NO

from .. import services
from ..models import (
    CaseStatus,
    Priority,
    RecordingDecision,
    ThriveAssessment,
)
from .base import CaseActionForm, _yes_no


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
