"""The forms on the case page. Each validates one action and hands it to its service.

Every form takes the case and the person acting; `save()` calls the service, which checks the
rules again under the row lock, so a form is never the only guard.

By concern: the base form (base.py), handling the case (handling.py), keeping the victim
informed (victim.py), the outcome and its authorisation (outcome.py).
"""

from reporting import access

from .base import CaseActionForm
from .crime_reference import CrimeReferenceForm
from .handling import AssignForm, DecisionForm, IntervalForm, RightsForm, StatusForm, ThriveForm
from .holds import LegalHoldForm, LegalHoldReleaseForm
from .matching import LinkReportForm, UnlinkReportForm
from .outcome import AuthorisationDecisionForm, AuthorisationRequestForm, OutcomeForm
from .victim import ContactAttemptForm, KeyEventForm, NoteForm, ReferralForm, VictimUpdateForm

CASE_ACTION_FORMS: dict[str, type[CaseActionForm]] = {
    "status": StatusForm,
    "crime-reference": CrimeReferenceForm,
    "legal-hold": LegalHoldForm,
    "legal-hold-release": LegalHoldReleaseForm,
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
    "link-report": LinkReportForm,
    "unlink-report": UnlinkReportForm,
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
