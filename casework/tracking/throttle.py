"""Limits on guessing a passphrase on the tracking page.

A wrong passphrase and an unknown reference get the same answer, status and (roughly) time.
Failed attempts are counted per reference and per client (django-ratelimit, in the cache),
and refused beyond the settings TRACKING_RATE_PER_REFERENCE and TRACKING_RATE_PER_CLIENT.
"""

import ipaddress

from django.conf import settings
from django_ratelimit.core import get_usage

from centres.client import client_address


def _client(request) -> str:
    address = client_address(request) or "unknown"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    # One IPv6 household or phone has a whole /64 to rotate through.
    return str(ipaddress.ip_network(f"{ip}/64", strict=False)) if ip.version == 6 else str(ip)


def _limits(request, reference: str):
    """(group, key, rate) for each counter this attempt falls under."""
    yield "tracking:client", _client(request), settings.TRACKING_RATE_PER_CLIENT
    if reference:
        yield "tracking:reference", reference, settings.TRACKING_RATE_PER_REFERENCE


def is_throttled(request, reference: str) -> bool:
    for group, key, rate in _limits(request, reference):
        usage = get_usage(request, group=group, key=lambda g, r, k=key: k, rate=rate)
        # A cache failure reports should_limit with no count: refuse rather than allow
        # unlimited guessing.
        if usage and (usage["should_limit"] or usage["count"] >= usage["limit"]):
            return True
    return False


def count_failure(request, reference: str) -> None:
    for group, key, rate in _limits(request, reference):
        get_usage(request, group=group, key=lambda g, r, k=key: k, rate=rate, increment=True)
