"""Limits on guessing a passphrase on the tracking page, which a stranger cannot turn into a
lock on the reporter (docs/security.md, "Tracking that an attacker cannot lock").

Every wrong reference and passphrase is one TrackingFailure row (when; a keyed hash of the
client; a keyed hash of the reference), kept in PostgreSQL for TRACKING_THROTTLE_WINDOW_SECONDS.
Each counter below counts its rows in the window ending now, a sliding log with no window
edges to burst across. After a counter's n-th failure the client waits `delay(n, free)`:
nothing while n < free, then the first delay, doubling with each failure up to the longest.

Before a passphrase is checked, the client must have waited the longest of:

- the reference with this client: TRACKING_FREE_TRIES_PER_REFERENCE_AND_CLIENT free tries,
  counted from this client's last failure on the reference;
- the client, on any reference: TRACKING_FREE_TRIES_PER_CLIENT free tries, from its last
  failure anywhere;
- the reference, from everyone: once it has had TRACKING_FREE_TRIES_PER_REFERENCE failures,
  a delay growing with them, charged to each client that has itself got the reference wrong,
  growing with that client's own failures there (TRACKING_FREE_TRIES_WHEN_HAMMERED free),
  from its last failure there. A client that has not got the reference wrong is never held
  back by others' failures: the reporter signs in from their own phone while a stranger
  hammers their reference from elsewhere.

A refused attempt checks nothing and writes nothing. An attempt that may go ahead is written
as a failure first, under a per-client lock, and forgotten if the passphrase is right, so
simultaneous attempts from one client are counted as many, not one. A right passphrase also
forgets this client's earlier failures on that reference, never its failures elsewhere nor
anyone else's. The answer never depends on whether the reference exists.
"""

import ipaddress
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.crypto import salted_hmac

from centres.client import client_address

from .models import TrackingFailure

# The advisory lock namespace of the throttle's per-client locks ("HRTR"); the two-key form
# never meets the casework sweep's one-key lock.
LOCK_CLASS = 0x48525452
# Expired rows deleted with each new failure: more than each failure adds, so the table
# stays about the window's size without a scheduled job.
PURGE_BATCH = 100


def delay(failures: int, free: int) -> timedelta:
    """The wait after a counter's `failures`-th failure when it allows `free` without one."""
    if failures < free:
        return timedelta(0)
    first = settings.TRACKING_DELAY_FIRST_SECONDS
    longest = settings.TRACKING_DELAY_MAX_SECONDS
    # 2**62 times any first delay is past any longest one; the exponent stays small.
    return timedelta(seconds=min(longest, first * 2 ** min(failures - free, 62)))


def most_failures_in_window(free: int) -> int:
    """The most failures one counter with `free` free tries can collect in any window of
    TRACKING_THROTTLE_WINDOW_SECONDS (for docs/security.md and its test): the n-th failure
    comes at least delay(n - 1, free) after the one before, however the window is placed."""
    window = timedelta(seconds=settings.TRACKING_THROTTLE_WINDOW_SECONDS)
    failures, span = 1, timedelta(0)
    while span + delay(failures, free) < window:
        span += delay(failures, free)
        failures += 1
    return failures


def _client(request) -> str:
    address = client_address(request) or "unknown"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    # One IPv6 household or phone has a whole /64 to rotate through.
    return str(ipaddress.ip_network(f"{ip}/64", strict=False)) if ip.version == 6 else str(ip)


def _key(kind: str, value: str) -> str:
    return salted_hmac(f"casework.tracking.throttle.{kind}", value, algorithm="sha256").hexdigest()


@dataclass(frozen=True)
class Attempt:
    """One try at signing in: refused (wait_seconds > 0), or counted as a failure unless
    `succeeded` is called."""

    client_key: str
    reference_key: str
    wait_seconds: int = 0

    @property
    def refused(self) -> bool:
        return self.wait_seconds > 0

    @property
    def wait_minutes(self) -> int:
        return max(1, math.ceil(self.wait_seconds / 60))


def start_attempt(request, reference: str) -> Attempt:
    """Refuse the attempt, with the seconds to wait, or count it as a failure in advance.

    `reference`: normalised (reporting.models.normalise_reference); empty if what was typed
    cannot be a reference, which counts against the client only.
    """
    client_key = _key("client", _client(request))
    reference_key = _key("reference", reference) if reference else ""
    with transaction.atomic():
        with connection.cursor() as cursor:
            # One client's attempts one at a time, so each sees the ones before.
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)",
                [LOCK_CLASS, int.from_bytes(bytes.fromhex(client_key[:8]), signed=True)],
            )
        # After the lock: an attempt that waited for it is later than the one it waited for.
        now = timezone.now()
        ready_at = _ready_at(client_key, reference_key, now)
        if ready_at > now:
            wait = math.ceil((ready_at - now).total_seconds())
            return Attempt(client_key, reference_key, wait_seconds=wait)
        TrackingFailure.objects.create(at=now, client_key=client_key, reference_key=reference_key)
        _purge_expired(now)
    return Attempt(client_key, reference_key)


def succeeded(attempt: Attempt) -> None:
    """The passphrase was right: this attempt, and this client's earlier failures on this
    reference, are forgotten. Its failures on other references and everyone else's stay."""
    TrackingFailure.objects.filter(
        client_key=attempt.client_key, reference_key=attempt.reference_key
    ).delete()


def _ready_at(client_key: str, reference_key: str, now: datetime) -> datetime:
    """When this client may next try this reference (now or earlier: at once). A counter
    with no delay to serve adds nothing, so web servers whose clocks differ by a little
    never refuse a free try."""
    recent = TrackingFailure.objects.filter(
        at__gt=now - timedelta(seconds=settings.TRACKING_THROTTLE_WINDOW_SECONDS)
    )
    ready = [now]
    client = recent.filter(client_key=client_key).aggregate(n=Count("pk"), last=Max("at"))
    if client["last"]:
        wait = delay(client["n"], settings.TRACKING_FREE_TRIES_PER_CLIENT)
        if wait:
            ready.append(client["last"] + wait)
    if reference_key:
        pair = recent.filter(client_key=client_key, reference_key=reference_key).aggregate(
            n=Count("pk"), last=Max("at")
        )
        if pair["last"]:
            wait = _reference_delay(reference_key, pair["n"], recent)
            if wait:
                ready.append(pair["last"] + wait)
    return max(ready)


def _reference_delay(reference_key: str, mine: int, recent) -> timedelta:
    """After this client's `mine`-th failure on the reference: its own delay there, or the
    reference's from everyone's failures, capped by the same delay with fewer free tries."""
    free = settings.TRACKING_FREE_TRIES_PER_REFERENCE
    # Beyond free + 63 failures the delay cannot grow: count no further on a hammered one.
    everyone = recent.filter(reference_key=reference_key)[: free + 64].count()
    hammered = min(delay(everyone, free), delay(mine, settings.TRACKING_FREE_TRIES_WHEN_HAMMERED))
    return max(delay(mine, settings.TRACKING_FREE_TRIES_PER_REFERENCE_AND_CLIENT), hammered)


def _purge_expired(now: datetime) -> None:
    cutoff = now - timedelta(seconds=settings.TRACKING_THROTTLE_WINDOW_SECONDS)
    expired = list(
        TrackingFailure.objects.filter(at__lte=cutoff)
        .select_for_update(skip_locked=True)
        .order_by("at")
        .values_list("pk", flat=True)[:PURGE_BATCH]
    )
    if expired:
        TrackingFailure.objects.filter(pk__in=expired).delete()
