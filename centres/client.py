"""The client's address: the one rule every per-client limit uses.

Behind PROXY_COUNT trusted proxies, each proxy appends the address it received the request
from to X-Forwarded-For, so the last PROXY_COUNT entries were written by our own proxies and
the n-th from the right is the client as the outermost one saw it. Everything further left
came from the client and may be forged; it is never read. With no proxy (PROXY_COUNT=0), or a
header too short to have passed through all of them, the socket's peer (REMOTE_ADDR) is the
client.

Used by django-axes (AXES_CLIENT_IP_CALLABLE), the tracking page's throttle and the reporting
journey's rate limits.
"""

import ipaddress

from django.conf import settings


def _parse(value: str) -> str | None:
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    # A dual-stack socket shows an IPv4 client as ::ffff:a.b.c.d; counted as IPv6, every
    # IPv4 client would fall into one /64 (casework/tracking/throttle.py groups IPv6 by /64).
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return str(address)


def client_address(request) -> str | None:
    """The client's IP address as a normalised string, or None if there is no valid one."""
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    count = settings.PROXY_COUNT
    if count <= 0:
        return remote
    entries = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(entries) < count:
        # Not through all our proxies (a health probe, or a request sent to the app directly).
        return remote
    # Garbage where our own proxy wrote means the proxy count is wrong; the proxy's own address
    # then stands in, which throttles the sender with everyone else rather than not at all.
    return _parse(entries[-count]) or remote
