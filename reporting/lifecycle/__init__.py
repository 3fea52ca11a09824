"""The data lifecycle: the retention schedule (schedule.py), what goes and how (removal.py)
and the purge that runs it on beat, with its dry run (purge.py). docs/architecture.md,
"Retention", says how to change a period safely."""

from .notice import period_in_words, retention_periods
from .purge import PurgeResult, preview, run_purge
from .removal import (
    anonymise_report,
    delete_contact,
    register_case_scrubber,
    remove_evidence,
    remove_free_text,
)
from .schedule import (
    Category,
    WaitingChange,
    apply_configured,
    days_for_area,
    national_days,
    notice_days,
    waiting_changes,
)

__all__ = [
    "Category",
    "PurgeResult",
    "WaitingChange",
    "anonymise_report",
    "apply_configured",
    "days_for_area",
    "delete_contact",
    "national_days",
    "notice_days",
    "period_in_words",
    "preview",
    "register_case_scrubber",
    "remove_evidence",
    "remove_free_text",
    "retention_periods",
    "run_purge",
    "waiting_changes",
]
