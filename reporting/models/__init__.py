"""Reports: what a victim, witness or volunteer submits. Always kept, even if never shared.

Contact details and the safe-contact plan live apart from the report, encrypted at rest, so
they can be protected and purged on their own schedule while the anonymised report still
counts in statistics.

By concern: the report, its reference and its choices (report.py); what happened and where,
as translated content (content.py); the person: contact details and safe-contact plan,
equality answers, referrals, information added later (person.py); the history of consent to
share (consent.py); evidence files (evidence.py); drafts (drafts.py). Everything is
importable from reporting.models.
"""

from .consent import ConsentChange
from .content import IncidentType, PlaceType
from .drafts import EncryptedJSONDocumentField, ReportDraft
from .erasure import ErasureRequest, one_calendar_month_after
from .evidence import EvidenceFile, evidence_path, evidence_storage
from .offenders import OffenderIdentifier
from .person import (
    BslRelay,
    Channels,
    EqualityAnswers,
    Referral,
    ReportAddition,
    ReporterContact,
)
from .report import (
    REFERENCE_ALPHABET,
    SHARED_WITH_POLICE,
    UNDER_18,
    AgeGroup,
    Answer,
    Channel,
    Consent,
    Report,
    ReporterRole,
    ReportQuerySet,
    SchoolSharing,
    new_reference,
    normalise_reference,
)
from .retention import RetentionSchedule

__all__ = [
    "REFERENCE_ALPHABET",
    "SHARED_WITH_POLICE",
    "UNDER_18",
    "AgeGroup",
    "Answer",
    "BslRelay",
    "Channel",
    "Channels",
    "Consent",
    "ConsentChange",
    "EncryptedJSONDocumentField",
    "EqualityAnswers",
    "ErasureRequest",
    "EvidenceFile",
    "IncidentType",
    "OffenderIdentifier",
    "PlaceType",
    "Referral",
    "Report",
    "ReportAddition",
    "ReportDraft",
    "ReportQuerySet",
    "ReporterContact",
    "ReporterRole",
    "RetentionSchedule",
    "SchoolSharing",
    "evidence_path",
    "evidence_storage",
    "new_reference",
    "normalise_reference",
    "one_calendar_month_after",
]
