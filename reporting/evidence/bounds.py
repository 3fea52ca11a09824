"""Bounds on the files taken before a report exists.

Files are cleaned and stored as they arrive, with the draft, and anyone may start a draft: so
without bounds anyone could fill the disk, or keep the cleaners busy. Two kinds, checked after
a file's own cheap checks (size, type) and before it is cleaned:

- Per uploader, over a sliding hour: bytes and files taken. The uploader is the client's
  address on the public journey (IPv6 by its /64, one household's or phone's block), known
  here only as a keyed hash, never as the address; and the staff account on assisted
  reporting, with higher bounds (a centre's computers share one address, its volunteers are
  known). Counted in the cache (centres/cache.py): in Redis, or in each process's memory while
  Redis is down, so the bounds still hold, per process, through an outage. Each file counts
  once taken for cleaning, stored or not (cleaning is the costly part); a file refused by
  these bounds counts nothing.
- Site-wide: the bytes that unsent drafts' files hold in storage
  (`ReportDraft.evidence_bytes`, summed in PostgreSQL on a partial index), so it is true
  across every process and survives restarts. At EVIDENCE_DRAFT_STORAGE_CAP_BYTES new files
  are refused; the report can still be sent, and staff are told by a log line (counts only).

The sliding hour is 60 buckets of a minute (`cache.incr` on the current one, one `get_many`
over the hour): a burst at the edge of an hour is still counted for a whole hour after it.
"""

import ipaddress
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Count, Sum
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from centres.client import client_address

from ..models import ReportDraft

logger = logging.getLogger(__name__)

BUCKET_SECONDS = 60
BUCKETS = 60  # a sliding hour
# A bucket is read for an hour after its minute; kept a minute longer than that.
BUCKET_TIMEOUT = BUCKET_SECONDS * (BUCKETS + 1)
# The cap's log line at most this often per process (a flood of refusals is one event).
CAP_LOG_SECONDS = 60

MESSAGES = {
    "client": _(
        "You have added as many files as we can take from your connection in an hour. Your "
        "answers and the files already added are saved. Try again in an hour, or select "
        "‘Continue’ and send your report without this file: afterwards, you can tell us "
        "about it on the ‘Check your report’ page."
    ),
    "staff": _(
        "You have added as many files as one account can in an hour. What was typed and the "
        "files already added are saved. Try again in an hour, or select ‘Continue’ and send "
        "the report without this file: afterwards, the person can tell us about it on the "
        "‘Check your report’ page."
    ),
    "site": _(
        "We cannot take more files at the moment. Your answers and the files already added "
        "are saved. Select ‘Continue’ and send your report without this file: afterwards, "
        "you can tell us about it on the ‘Check your report’ page. Or try again later."
    ),
}


@dataclass(frozen=True)
class Uploader:
    """Whose uploads are counted together (`key`, with nothing personal in it), their bounds
    per sliding hour, and which message a refusal shows."""

    key: str
    bytes_per_hour: int
    files_per_hour: int
    message: str


def client_uploader(request) -> Uploader:
    """The public journey's: the client's address (centres/client.py), as a keyed hash."""
    digest = salted_hmac(
        "reporting.evidence.bounds", _client_group(request), algorithm="sha256"
    ).hexdigest()
    return Uploader(
        key=f"client:{digest[:32]}",
        bytes_per_hour=settings.EVIDENCE_UPLOAD_BYTES_PER_CLIENT_PER_HOUR,
        files_per_hour=settings.EVIDENCE_UPLOAD_FILES_PER_CLIENT_PER_HOUR,
        message="client",
    )


def _client_group(request) -> str:
    address = client_address(request)
    if address is None:
        return "unknown"
    ip = ipaddress.ip_address(address)
    # One IPv6 household or phone has a whole /64 to rotate through.
    return str(ipaddress.ip_network(f"{ip}/64", strict=False)) if ip.version == 6 else str(ip)


def staff_uploader(user) -> Uploader:
    """Assisted reporting's: the signed-in staff account, whichever computer it is on."""
    return Uploader(
        key=f"staff:{user.pk}",
        bytes_per_hour=settings.EVIDENCE_UPLOAD_BYTES_PER_STAFF_PER_HOUR,
        files_per_hour=settings.EVIDENCE_UPLOAD_FILES_PER_STAFF_PER_HOUR,
        message="staff",
    )


def admit(uploader: Uploader, size: int) -> None:
    """Take a file of `size` bytes for cleaning, or raise ValidationError (with a message for
    the reporter) when the drafts' storage is full or the uploader is over a bound. Taken, the
    file counts against the uploader's hour."""
    _check_draft_storage(size)
    minute = int(time.time()) // BUCKET_SECONDS
    # Count first, then read the hour: two uploads at once each see the other.
    _add(_key(uploader, "files", minute), 1)
    _add(_key(uploader, "bytes", minute), size)
    files, taken = used(uploader, minute)
    if files > uploader.files_per_hour or taken > uploader.bytes_per_hour:
        _add(_key(uploader, "files", minute), -1)
        _add(_key(uploader, "bytes", minute), -size)
        raise ValidationError(MESSAGES[uploader.message], code="upload_bound")


def used(uploader: Uploader, minute: int | None = None) -> tuple[int, int]:
    """(files, bytes) the uploader has had taken over the sliding hour up to `minute`."""
    if minute is None:
        minute = int(time.time()) // BUCKET_SECONDS
    minutes = range(minute - BUCKETS + 1, minute + 1)
    keys = [_key(uploader, what, m) for m in minutes for what in ("files", "bytes")]
    found = cache.get_many(keys)
    files = sum(int(found.get(_key(uploader, "files", m)) or 0) for m in minutes)
    taken = sum(int(found.get(_key(uploader, "bytes", m)) or 0) for m in minutes)
    return files, taken


def held_by_drafts() -> tuple[int, int]:
    """(bytes, drafts): what unsent drafts' files hold in storage, across the site. Expired
    drafts still count until the purge has deleted their files."""
    held = ReportDraft.objects.filter(sent_report__isnull=True, evidence_bytes__gt=0).aggregate(
        bytes=Sum("evidence_bytes"), drafts=Count("*")
    )
    return held["bytes"] or 0, held["drafts"]


_cap_log = {"at": 0.0, "refused": 0}


def _check_draft_storage(size: int) -> None:
    held, drafts = held_by_drafts()
    cap = settings.EVIDENCE_DRAFT_STORAGE_CAP_BYTES
    if held + size <= cap:
        return
    _cap_log["refused"] += 1
    if time.monotonic() - _cap_log["at"] >= CAP_LOG_SECONDS:
        # Counts only: staff raise the cap or find who is filling it; nothing personal.
        logger.warning(
            "evidence: unsent drafts hold %s bytes in %s drafts, cap %s bytes; "
            "refused %s uploads before a report existed",
            held,
            drafts,
            cap,
            _cap_log["refused"],
        )
        _cap_log.update(at=time.monotonic(), refused=0)
    raise ValidationError(MESSAGES["site"], code="drafts_full")


def _key(uploader: Uploader, what: str, minute: int) -> str:
    return f"evidence-upload:{uploader.key}:{what}:{minute}"


def _add(key: str, delta: int) -> None:
    if cache.add(key, delta, timeout=BUCKET_TIMEOUT):
        return
    try:
        cache.incr(key, delta)
    except ValueError:
        # Gone since (expired, or the cache failed over to memory in between).
        cache.set(key, delta, timeout=BUCKET_TIMEOUT)
