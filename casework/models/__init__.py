"""Police handling of reports shared with them: cases, THRIVE, updates, Victims' Code clocks,
escalations, outcomes and the daily review, one module per concern (and the tracking
throttle's failures, beside the tracking page in casework/tracking/). Every name is
importable from here."""

from ..tracking.models import TrackingFailure
from .board import BoardReport
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
from .escalations import Escalation, EscalationKind, EscalationLevel
from .feedback import FEEDBACK_QUESTIONS, VictimFeedback
from .holds import LegalHold, LegalHoldKind
from .insights import InsightsFact, InsightsFactKind, InsightsRefresh
from .links import LinkKind, ReportLink, ReportLinkQuerySet
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
    "CLOSE_WITHOUT_OUTCOME_FROM",
    "FEEDBACK_QUESTIONS",
    "VICTIM_MESSAGES",
    "Authorisation",
    "AuthorisationDecision",
    "BoardReport",
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
    "LegalHold",
    "LegalHoldKind",
    "LinkKind",
    "LocalOutcomeCode",
    "Outcome",
    "OutcomeQuerySet",
    "OutcomeType",
    "Priority",
    "ReadMark",
    "RecordingDecision",
    "ReportLink",
    "ReportLinkQuerySet",
    "TensionAlert",
    "ThriveAssessment",
    "ThriveLevel",
    "TrackingFailure",
    "TransitionRefused",
    "UpdateVisibility",
    "VictimFeedback",
]
