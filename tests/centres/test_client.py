"""centres/client.py: the client's address behind PROXY_COUNT trusted proxies."""

import pytest
from django.test import RequestFactory

from centres.client import client_address

PROXY = "172.18.0.5"


def request(forwarded=None, remote=PROXY):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


@pytest.fixture
def one_proxy(settings):
    settings.PROXY_COUNT = 1


def test_client_address_one_entry_behind_one_proxy(one_proxy):
    assert client_address(request("203.0.113.7")) == "203.0.113.7"


def test_client_address_forged_left_entries_are_never_read(one_proxy):
    forged = request("198.51.100.1, 10.0.0.1,203.0.113.7")

    assert client_address(forged) == "203.0.113.7"


def test_client_address_counts_from_the_right_behind_two_proxies(settings):
    settings.PROXY_COUNT = 2

    assert client_address(request("198.51.100.1, 203.0.113.7, 10.1.2.3")) == "203.0.113.7"


def test_client_address_too_few_entries_is_the_peer(settings):
    settings.PROXY_COUNT = 2

    assert client_address(request("203.0.113.7")) == PROXY


def test_client_address_no_header_behind_a_proxy_is_the_peer(one_proxy):
    # A health probe or a request sent to the app directly, not through the proxy.
    assert client_address(request()) == PROXY


def test_client_address_without_proxy_ignores_the_header(settings):
    settings.PROXY_COUNT = 0

    assert client_address(request("203.0.113.7", remote="192.0.2.44")) == "192.0.2.44"


@pytest.mark.parametrize("garbage", ["unknown", "", "203.0.113.7:443", "<script>", "1.2.3"])
def test_client_address_garbage_where_the_proxy_writes_is_the_peer(one_proxy, garbage):
    assert client_address(request(f"203.0.113.9, {garbage}")) == PROXY


def test_client_address_no_valid_address_at_all_is_none(one_proxy):
    assert client_address(request("garbage", remote="")) is None


def test_client_address_normalises_ipv6_and_mapped_ipv4(one_proxy):
    assert client_address(request("2001:DB8:0:0::1")) == "2001:db8::1"
    # A dual-stack socket shows IPv4 clients as mapped IPv6.
    assert client_address(request(remote="::ffff:192.0.2.44", forwarded=None)) == "192.0.2.44"


def test_client_address_is_what_axes_uses(one_proxy):
    from axes.helpers import get_client_ip_address

    assert get_client_ip_address(request("198.51.100.1, 203.0.113.7")) == "203.0.113.7"
