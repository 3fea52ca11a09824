"""Police handling of reports shared with them: cases, THRIVE, updates, Victims' Code clocks,
escalations, outcomes and the daily review, one module per concern (and the tracking
throttle's failures, beside the tracking page in casework/tracking/). Every name is
importable from here."""

from ..tracking.models import TrackingFailure
from .case import (
    ALLOWED_TRANSITIONS,
    CLOSE_WITHOUT_OUTCOME_FROM,
    Case,
    CaseEvent,
    CaseQuerySet,
    CaseStatus,
    RecordingDecision,
    TransitionRefused,
)
from .clocks import Clock, ClockKind, ClockQuerySet
from .board import BoardReport
from .escalations import Escalation, EscalationKind, EscalationLevel
from .holds import LegalHold, LegalHoldKind
from .feedback import FEEDBACK_QUESTIONS, VictimFeedback
from .links import LinkKind, ReportLink, ReportLinkQuerySet
from .insights import InsightsFact, InsightsFactKind, InsightsRefresh
from .outcomes import (
    Authorisation,
    AuthorisationDecision,
    LocalOutcomeCode,
    Outcome,
    OutcomeQuerySet,
    OutcomeType,
)
from .read_marks import ReadMark
from .review import CaseImpactAssessment, DailyReview, ImpactLevel
from .tension import TensionAlert
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
    "FEEDBACK_QUESTIONS",
    "CLOSE_WITHOUT_OUTCOME_FROM",
    "VICTIM_MESSAGES",
    "Authorisation",
    "BoardReport",
    "AuthorisationDecision",
    "Case",
    "CaseEvent",
    "CaseImpactAssessment",
    "CaseQuerySet",
    "CaseStatus",
    "CaseUpdate",
    "Clock",
    "ClockKind",
    "ClockQuerySet",
    "DailyReview",
    "Escalation",
    "EscalationKind",
    "EscalationLevel",
    "ImpactLevel",
    "InsightsFact",
    "InsightsFactKind",
    "InsightsRefresh",
    "KeyEvent",
    "LinkKind",
    "ReportLink",
    "ReportLinkQuerySet",
    "LegalHold",
    "LegalHoldKind",
    "LocalOutcomeCode",
    "Outcome",
    "OutcomeQuerySet",
    "OutcomeType",
    "Priority",
    "ReadMark",
    "RecordingDecision",
    "TensionAlert",
    "ThriveAssessment",
    "ThriveLevel",
    "TrackingFailure",
    "TransitionRefused",
    "UpdateVisibility",
    "VictimFeedback",
]
