"""Writes that span models: opening cases, THRIVE, decisions, assignment, Victims' Code
clocks, updates, referrals, outcomes and authorisations, the daily review, one module per
concern. Every service is importable from here (`services.open_case`).

Each function locks the case row, checks the rule, writes its rows, records the change in the
access log and queues its notifications in the outbox, all in one transaction. Status changes
themselves are model methods on `Case` (one table of allowed transitions).

Notifications carry ids and flags only: never incident details or names. A message to the
victim goes only through a channel their safe-contact plan allows; with none, the update still
shows on their tracking page.
"""

from .crime_reference import set_crime_reference
from .handling import (
    assess_case,
    assign_case,
    decide_recording,
    set_update_interval,
    set_victim_rights,
)
from .holds import place_legal_hold, release_legal_hold
from .opening import open_case
from .outcome import decide_authorisation, record_outcome, request_authorisation
from .review import assess_impact, hold_review, sign_off_review
from .victim import (
    VICTIM_MESSAGE_CHANNELS,
    add_internal_note,
    log_contact_attempt,
    record_key_event,
    refer_to_service,
    send_victim_update,
    victim_message_channel,
)

__all__ = [
    "VICTIM_MESSAGE_CHANNELS",
    "add_internal_note",
    "assess_case",
    "assess_impact",
    "assign_case",
    "decide_authorisation",
    "decide_recording",
    "hold_review",
    "log_contact_attempt",
    "open_case",
    "place_legal_hold",
    "record_key_event",
    "record_outcome",
    "refer_to_service",
    "release_legal_hold",
    "request_authorisation",
    "send_victim_update",
    "set_crime_reference",
    "set_update_interval",
    "set_victim_rights",
    "sign_off_review",
    "victim_message_channel",
]
