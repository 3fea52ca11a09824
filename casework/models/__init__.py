"""Police handling of reports shared with them: cases, THRIVE, updates, Victims' Code clocks,
escalations and outcomes, one module per concern (and the tracking throttle's failures,
beside the tracking page in casework/tracking/). Every name is importable from here."""

from ..tracking.models import TrackingFailure
from .case import (
    ALLOWED_TRANSITIONS,
    Case,
    CaseEvent,
    CaseQuerySet,
    CaseStatus,
    RecordingDecision,
    TransitionRefused,
)
from .clocks import Clock, ClockKind, ClockQuerySet
from .escalations import Escalation, EscalationKind, EscalationLevel
from .outcomes import Authorisation, AuthorisationDecision, LocalOutcomeCode, Outcome, OutcomeType
from .read_marks import ReadMark
from .updates import (
    VICTIM_MESSAGES,
    CaseUpdate,
    KeyEvent,
    Priority,
    ThriveAssessment,
    ThriveLevel,
    UpdateVisibility,
)

__all__ = [
    "ALLOWED_TRANSITIONS",
    "VICTIM_MESSAGES",
    "Authorisation",
    "AuthorisationDecision",
    "Case",
    "CaseEvent",
    "CaseQuerySet",
    "CaseStatus",
    "CaseUpdate",
    "Clock",
    "ClockKind",
    "ClockQuerySet",
    "Escalation",
    "EscalationKind",
    "EscalationLevel",
    "KeyEvent",
    "LocalOutcomeCode",
    "Outcome",
    "OutcomeType",
    "Priority",
    "ReadMark",
    "RecordingDecision",
    "ThriveAssessment",
    "ThriveLevel",
    "TrackingFailure",
    "TransitionRefused",
    "UpdateVisibility",
]
