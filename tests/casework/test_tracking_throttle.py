"""The tracking sign-in's throttle (casework/tracking/throttle.py), through the real views:
growing delays per reference and client, per client and per reference, over a sliding window
in PostgreSQL, that a stranger cannot turn into a lock on the reporter."""

import datetime
import logging
import re
import socket
import threading
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client

from casework.models import TrackingFailure
from casework.tracking import throttle
from reporting.models import Consent, Report, new_reference
from tests.factories import ReportFactory

pytestmark = pytest.mark.django_db

PASSPHRASE = "orbit velvet tundra mango fable"
GUESS = "wrong words entirely"
# Just before a quarter hour, an hour and a day turn over (London time): a fixed-window
# counter would start afresh a second later.
EDGE = datetime.datetime(2026, 3, 2, 23, 59, 59, tzinfo=ZoneInfo("Europe/London"))
MINUTE = 60
HOUR = 60 * MINUTE


def at(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def attempt(client, reference, passphrase=GUESS, language="en"):
    return client.post(f"/{language}/track/", {"reference": reference, "passphrase": passphrase})


def signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"].endswith("/track/status/")


def wrong(response) -> bool:
    return response.status_code == 200 and "The reference or passphrase is not right" in (
        response.content.decode()
    )


def refused(response) -> bool:
    return response.status_code == 429 and "You have tried too many times" in (
        response.content.decode()
    )


def without_csrf(content: bytes) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", content.decode())


@pytest.fixture
def report(area_a):
    report = ReportFactory(area=area_a, consent=Consent.SHARE_WITH_DETAILS, language="en")
    report.set_passphrase(PASSPHRASE)
    report.save(update_fields=["passphrase_hash"])
    return report


def fail_patiently(client, reference, failures, time_machine) -> int:
    """Wrong passphrases, each as soon as the throttle allows: the most an attacker gets.
    Returns how many were refused on the way."""
    refusals = 0
    while failures:
        response = attempt(client, reference)
        if response.status_code == 429:
            refusals += 1
            time_machine.shift(int(response["Retry-After"]))
        else:
            assert wrong(response)
            failures -= 1
    return refusals


# --- The reporter is not locked out ------------------------------------------------------------


def test_stranger_hammering_a_reference_does_not_keep_its_owner_out(client, report):
    stranger = at("203.0.113.7")
    answers = [attempt(stranger, report.reference) for _ in range(100)]

    assert all(wrong(response) for response in answers[:5])
    assert all(refused(response) for response in answers[5:])
    # The owner, from their own connection, with the right passphrase.
    assert signed_in(attempt(client, report.reference, PASSPHRASE))


def test_stranger_failing_100_times_over_days_does_not_keep_the_owner_out(
    client, report, time_machine
):
    time_machine.move_to(EDGE, tick=False)
    refusals = fail_patiently(at("203.0.113.7"), report.reference, 100, time_machine)

    assert refusals > 50  # every failure past the first few waited
    assert TrackingFailure.objects.count() > 20  # the reference is hammered right now
    # The owner mistypes once (a hammered reference still gives each client two tries) and
    # then gets it right.
    assert wrong(attempt(client, report.reference))
    assert signed_in(attempt(client, report.reference, PASSPHRASE))


def test_strangers_from_100_addresses_do_not_keep_the_owner_out(client, report):
    strangers = [at(f"198.51.100.{n}") for n in range(1, 101)]
    for stranger in strangers:
        assert wrong(attempt(stranger, report.reference))

    assert signed_in(attempt(client, report.reference, PASSPHRASE))


def test_each_address_pays_a_growing_delay_on_a_hammered_reference(report, time_machine):
    time_machine.move_to(EDGE, tick=False)
    for n in range(1, 11):  # ten failures from ten addresses: hammered from now on
        assert wrong(attempt(at(f"198.51.100.{n}"), report.reference))
    newcomer = at("192.0.2.50")

    assert wrong(attempt(newcomer, report.reference))
    assert wrong(attempt(newcomer, report.reference))
    waits = []
    for _ in range(3):
        response = attempt(newcomer, report.reference)
        assert refused(response)
        waits.append(int(response["Retry-After"]))
        time_machine.shift(waits[-1])
        assert wrong(attempt(newcomer, report.reference))

    # Two tries, not the five of a quiet reference; then 1, 2 and 4 minutes (the reference's
    # own delay after twelve and more failures is longer: each client pays only its share).
    assert waits == [MINUTE, 2 * MINUTE, 4 * MINUTE]


# --- The bounds ----------------------------------------------------------------------------------


def test_one_client_on_one_reference_gets_five_tries_then_waits(client, report):
    for _ in range(5):
        assert wrong(attempt(client, report.reference))

    refused_right = attempt(client, report.reference, PASSPHRASE)

    # Refused before the passphrase is checked, even the right one, from this client.
    assert refused(refused_right)
    assert refused_right["Retry-After"] == "60"
    assert "Wait 1 minute and try again" in refused_right.content.decode()
    assert "tracking" not in client.session
    # The same client on another reference, and another client on this one, go on.
    assert wrong(attempt(client, new_reference()))
    assert signed_in(attempt(at("192.0.2.20"), report.reference, PASSPHRASE))


def test_one_client_gets_twenty_tries_over_all_references_then_waits(client, report):
    for _ in range(20):
        assert wrong(attempt(client, new_reference()))

    assert refused(attempt(client, new_reference()))
    assert refused(attempt(client, report.reference, PASSPHRASE))
    assert signed_in(attempt(at("192.0.2.21"), report.reference, PASSPHRASE))


def test_delays_grow_from_one_minute_to_an_hour(client, report, time_machine):
    time_machine.move_to(EDGE, tick=False)
    for _ in range(5):
        assert wrong(attempt(client, report.reference))
    waits = []
    for _ in range(9):
        response = attempt(client, report.reference)
        assert refused(response)
        waits.append(int(response["Retry-After"]))
        time_machine.shift(waits[-1] - 1)
        assert refused(attempt(client, report.reference))  # a second early
        time_machine.shift(1)
        assert wrong(attempt(client, report.reference))

    assert waits == [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]


def test_the_wait_is_said_in_minutes(client, report, time_machine):
    time_machine.move_to(EDGE, tick=False)
    fail_patiently(client, report.reference, 6, time_machine)  # the next waits 2 minutes
    time_machine.shift(30)

    response = attempt(client, report.reference)

    assert response["Retry-After"] == "90"
    assert "Wait 2 minutes and try again" in response.content.decode()


def test_a_burst_at_a_window_edge_cannot_double_the_rate(client, report, time_machine):
    time_machine.move_to(EDGE, tick=False)
    for _ in range(5):
        assert wrong(attempt(client, report.reference))

    # A second later a new quarter hour, hour and day have begun; nothing starts afresh.
    time_machine.shift(1)

    assert refused(attempt(client, report.reference))


def test_no_day_holds_more_failures_than_the_bound(client, report, time_machine):
    """An attacker trying the moment each delay ends, for three days: no 24 hours, wherever
    they start, hold more than most_failures_in_window (33) failures."""
    time_machine.move_to(EDGE, tick=False)
    start = EDGE.timestamp()
    times = []
    while (now := datetime.datetime.now().timestamp()) < start + 72 * HOUR:
        response = attempt(client, report.reference)
        if response.status_code == 429:
            time_machine.shift(int(response["Retry-After"]))
        else:
            times.append(now)
    bound = throttle.most_failures_in_window(5)

    busiest = max(sum(1 for t in times if first <= t < first + 24 * HOUR) for first in times)
    assert bound == 33
    assert busiest <= bound
    # One an hour, once the delays have grown: no fresh allowance at any window's edge.
    assert len(times) <= bound + 2 * 24


def test_bounds_stated_in_docs_follow_the_settings():
    # docs/security.md states these for the default settings.
    assert throttle.most_failures_in_window(5) == 33  # one reference from one address
    assert throttle.most_failures_in_window(20) == 48  # one address, every reference
    assert throttle.most_failures_in_window(2) == 30  # one address on a hammered reference


def test_the_client_cannot_reset_its_count_by_signing_in_to_its_own_report(
    client, report, time_machine
):
    time_machine.move_to(EDGE, tick=False)
    for _ in range(20):
        assert wrong(attempt(client, new_reference()))
    time_machine.shift(MINUTE)

    assert signed_in(attempt(client, report.reference, PASSPHRASE))
    assert wrong(attempt(client, new_reference()))
    assert attempt(client, new_reference())["Retry-After"] == str(2 * MINUTE)


def test_right_passphrase_forgets_this_clients_mistakes_on_the_reference(client, report):
    for _ in range(4):
        assert wrong(attempt(client, report.reference))
    assert signed_in(attempt(client, report.reference, PASSPHRASE))

    for _ in range(5):
        assert wrong(attempt(client, report.reference))
    assert signed_in(attempt(at("192.0.2.22"), report.reference, PASSPHRASE))


def test_one_ipv6_64_is_one_client(report):
    for n in range(1, 6):
        assert wrong(attempt(at(f"2001:db8:1:2::{n}"), report.reference))

    assert refused(attempt(at("2001:db8:1:2::ffff"), report.reference))
    assert signed_in(attempt(at("2001:db8:1:3::1"), report.reference, PASSPHRASE))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_attempts_from_one_client_count_as_many(report):
    """Ten at once from one address: five are checked, five refused (the per-client lock)."""
    answers, ready = [], threading.Barrier(10)

    def one():
        try:
            ready.wait()
            answers.append(attempt(at("203.0.113.8"), report.reference).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(answers) == [200] * 5 + [429] * 5


def test_a_server_whose_clock_runs_ahead_does_not_refuse_a_free_try(client, report, time_machine):
    # Another web server, its clock two seconds ahead, recorded the first failure.
    time_machine.move_to(EDGE + datetime.timedelta(seconds=2), tick=False)
    assert wrong(attempt(client, report.reference))
    time_machine.move_to(EDGE, tick=False)

    assert wrong(attempt(client, report.reference))


# --- What is kept, and for how long ---------------------------------------------------------


def test_failures_name_no_address_and_no_reference(report):
    attempt(at("203.0.113.9"), report.reference)

    failure = TrackingFailure.objects.get()
    stored = f"{failure.client_key} {failure.reference_key}"
    assert re.fullmatch(r"[0-9a-f]{64} [0-9a-f]{64}", stored)
    assert "203.0.113.9" not in stored
    assert report.reference not in stored


def test_failures_older_than_the_window_are_purged(client, report, time_machine):
    time_machine.move_to(EDGE, tick=False)
    for _ in range(3):
        attempt(client, report.reference)
    time_machine.shift(24 * HOUR + 1)

    attempt(at("192.0.2.23"), new_reference())

    assert TrackingFailure.objects.count() == 1
    # Nor do they count any more.
    for _ in range(5):
        assert wrong(attempt(client, report.reference))


def test_a_typed_reference_that_cannot_exist_counts_against_the_client(client):
    for _ in range(20):
        assert wrong(attempt(client, "not a reference"))

    assert refused(attempt(client, new_reference()))
    assert set(TrackingFailure.objects.values_list("reference_key", flat=True)) == {""}


# --- No enumeration --------------------------------------------------------------------------


def test_known_and_unknown_references_answer_alike_wrong_and_refused(report, time_machine):
    time_machine.move_to(EDGE, tick=False)
    unknown = new_reference()
    assert not Report.objects.filter(reference=unknown).exists()
    known_client, unknown_client = at("192.0.2.30"), at("192.0.2.31")

    for _ in range(7):
        known = attempt(known_client, report.reference)
        other = attempt(unknown_client, unknown)
        assert known.status_code == other.status_code
        assert known.get("Retry-After") == other.get("Retry-After")
        assert without_csrf(known.content).replace(report.reference, "REF") == without_csrf(
            other.content
        ).replace(unknown, "REF")
    assert known.status_code == 429


# --- Redis is not needed -------------------------------------------------------------------------


def dead_port() -> int:
    """A port that was free a moment ago, where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_limits_hold_with_redis_down_and_count_what_came_before(client, report, settings, caplog):
    for _ in range(3):
        assert wrong(attempt(client, report.reference))

    settings.CACHES = {
        "default": {
            "BACKEND": "centres.cache.FailoverRedisCache",
            "LOCATION": f"redis://127.0.0.1:{dead_port()}/0",
        }
    }
    with caplog.at_level(logging.WARNING):
        cache.set("probe", 1)
    assert "Redis unreachable" in caplog.text

    # The three before the outage still count: waiting for one gains nothing.
    assert wrong(attempt(client, report.reference))
    assert wrong(attempt(client, report.reference))
    assert refused(attempt(client, report.reference, PASSPHRASE))
    # The owner elsewhere signs in; the page works.
    owner = at("192.0.2.40")
    response = attempt(owner, report.reference, PASSPHRASE)
    assert signed_in(response)
    assert owner.get(response["Location"]).status_code == 200


def test_flushing_the_cache_resets_nothing(client, report):
    for _ in range(5):
        attempt(client, report.reference)

    cache.clear()

    assert refused(attempt(client, report.reference))
