"""Keyed hashes of a reporter's email address and phone number: how the data protection
officer finds every report held about a person without reading (or decrypting) anyone's
contact details, and how repeat reports by one person can be counted.

The hash is an HMAC-SHA256 of the normalised value with CONTACT_HASH_KEY (settings; derived
from SECRET_KEY when unset). Without the key a copy of the database reveals nothing: the
hashes cannot be reversed by trying every phone number. Rotating the key means recomputing
every hash (`ReporterContact.refresh_hashes()` on each row, as migration reporting 0015 did).

ReporterContact stores them (`email_hash`, `phone_hash`), filled whenever the row is saved, so
they go when the contact details go (retention, erasure).

Whether a report's reporter had reported before in the 12 months before it is worked out from
the hashes held (`reported_before`), and kept on the report (`Report.repeat_reporter`) just
before contact details are deleted (`keep_repeat_reporters`): statistics go on counting a
repeat victim once the contact details of either report go, as the retention schedule
deletes them a year after the case closes.
"""

import datetime as dt
import hashlib
import hmac
import re

from django.conf import settings
from django.db.models import Exists, OuterRef, Q

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


REPEAT_WINDOW = dt.timedelta(days=365)


def reported_before(path: str = "") -> Q:
    """A filter (or, in a When, a condition) on reports, or on rows reaching a report by
    `path` (e.g. "report__"): its reporter had reported before in the 12 months before it, by
    the keyed hash of their email or phone, as the contact details held now say."""
    from .models import Report

    earlier = Report.objects.filter(
        submitted_at__lt=OuterRef(f"{path}submitted_at"),
        submitted_at__gte=OuterRef(f"{path}submitted_at") - REPEAT_WINDOW,
    ).exclude(pk=OuterRef(f"{path}pk"))
    by_email = earlier.filter(contact__email_hash=OuterRef(f"{path}contact__email_hash")).exclude(
        contact__email_hash=""
    )
    by_phone = earlier.filter(contact__phone_hash=OuterRef(f"{path}contact__phone_hash")).exclude(
        contact__phone_hash=""
    )
    return Q(Exists(by_email)) | Q(Exists(by_phone))


def keep_repeat_reporters(report_ids) -> None:
    """Before the contact details of these reports are deleted: set `Report.repeat_reporter`
    on each of them whose reporter had reported before, and on each later report (in the 12
    months after) that was a repeat because of them. Statistics then count a repeat victim as
    they did while the details were held (insights counts the flag or the hashes)."""
    from .models import Report, ReporterContact

    report_ids = list(report_ids)
    hashes = ReporterContact.objects.filter(report_id__in=report_ids)
    later = Report.objects.filter(
        Q(contact__email_hash__in=hashes.exclude(email_hash="").values("email_hash"))
        | Q(contact__phone_hash__in=hashes.exclude(phone_hash="").values("phone_hash")),
    ).exclude(pk__in=report_ids)
    for reports in (Report.objects.filter(pk__in=report_ids), later):
        reports.filter(reported_before(), repeat_reporter=False).update(repeat_reporter=True)


def counted_as_repeat(path: str = "") -> Q:
    """For statistics: the flag kept when contact details went, or the hashes held now."""
    return Q(**{f"{path}repeat_reporter": True}) | reported_before(path)
