"""Keyed hashes of a reporter's email address and phone number: how the data protection
officer finds every report held about a person without reading (or decrypting) anyone's
contact details, and how repeat reports by one person can be counted.

The hash is an HMAC-SHA256 of the normalised value with CONTACT_HASH_KEY (settings; derived
from SECRET_KEY when unset). Without the key a copy of the database reveals nothing: the
hashes cannot be reversed by trying every phone number. Rotating the key means recomputing
every hash (`ReporterContact.refresh_hashes()` on each row, as migration reporting 0015 did).

ReporterContact stores them (`email_hash`, `phone_hash`), filled whenever the row is saved, so
they go when the contact details go (retention, erasure).
"""

import hashlib
import hmac
import re

from django.conf import settings

_NOT_DIGITS = re.compile(r"[^0-9]")


def normalise_email(value: str | None) -> str:
    return (value or "").strip().casefold()


def normalise_phone(value: str | None) -> str:
    """E.164 for what the journey accepts (reporting/forms/person.py PHONE_RE): UK numbers
    written nationally (07700 900 982) become +447700900982; 00 becomes +."""
    raw = (value or "").strip()
    digits = _NOT_DIGITS.sub("", raw)
    if not digits:
        return ""
    if raw.startswith("+"):
        return f"+{digits}"
    if digits.startswith("00"):
        return f"+{digits[2:]}"
    if digits.startswith("0"):
        return f"+44{digits[1:]}"
    return f"+{digits}"


def _keyed(kind: str, normalised: str) -> str:
    if not normalised:
        return ""
    key = settings.CONTACT_HASH_KEY.encode()
    return hmac.new(key, f"{kind}:{normalised}".encode(), hashlib.sha256).hexdigest()


def email_hash(value: str | None) -> str:
    """The keyed hash of an email address ('' for none)."""
    return _keyed("email", normalise_email(value))


def phone_hash(value: str | None) -> str:
    """The keyed hash of a phone number ('' for none)."""
    return _keyed("phone", normalise_phone(value))
