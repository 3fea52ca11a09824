"""With Redis down (the cache and the broker both), a victim meets no error page: the journey
(public and assisted) reaches its reference and the tracking sign-in works, through the real
views; the journey's limits keep counting in each process's memory meanwhile (centres/cache.py),
the tracking sign-in's in PostgreSQL (casework/tracking/throttle.py)."""

import logging

import pytest
from django.core.cache import cache
from django.test import Client

from centres.models import Notification
from reporting.models import Consent, Report
from tests.conftest import sign_in
from tests.factories import ReportFactory
from tests.reporting.journey_steps import anonymous_answers, contact_answers, submit, walk
from tests.reporting.test_workspace_assisted import step as assisted_step
from tests.reporting.test_workspace_assisted import walk as assisted_walk

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSPHRASE = "orbit velvet tundra mango fable"


@pytest.fixture
def redis_cache(stack, settings):
    """The cache and the broker on the test's own Redis, which the test may stop."""
    settings.CACHES = {
        "default": {"BACKEND": "centres.cache.FailoverRedisCache", "LOCATION": stack.redis.url}
    }
    yield stack
    cache.clear()


@pytest.mark.usefixtures("sparkbrook")
def test_whole_journey_with_redis_down_reaches_its_reference(redis_cache, caplog):
    redis_cache.redis.stop()
    client = Client(REMOTE_ADDR="192.0.2.10")

    check = walk(client, "en", contact_answers())
    assert check.status_code == 200
    with caplog.at_level(logging.WARNING):
        response = submit(client)

    assert response.status_code == 200
    page = response.content.decode()
    report = Report.objects.get()
    assert report.reference in page
    assert report.consent == Consent.SHARE_WITH_DETAILS
    # The acknowledgement waits in the outbox for the broker to come back.
    assert Notification.objects.filter(status="pending").count() >= 1
    assert "Redis unreachable" in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_tracking_sign_in_with_redis_down(redis_cache):
    report = ReportFactory(consent=Consent.DO_NOT_SHARE, language="ur")
    report.set_passphrase(PASSPHRASE)
    report.save(update_fields=["passphrase_hash"])
    redis_cache.redis.stop()
    client = Client(REMOTE_ADDR="192.0.2.11")

    wrong = client.post("/ur/track/", {"reference": report.reference, "passphrase": "guess"})
    right = client.post("/ur/track/", {"reference": report.reference, "passphrase": PASSPHRASE})

    assert wrong.status_code == 200  # the form again, with its error, in Urdu
    assert 'lang="ur"' in wrong.content.decode()
    assert right.status_code == 302
    assert client.get(right["Location"]).status_code == 200


def test_limits_still_count_while_redis_is_down(redis_cache, settings):
    # The tracking throttle counts in PostgreSQL (casework/tracking/throttle.py).
    settings.TRACKING_FREE_TRIES_PER_REFERENCE_AND_CLIENT = 3
    report = ReportFactory(consent=Consent.DO_NOT_SHARE)
    report.set_passphrase(PASSPHRASE)
    report.save(update_fields=["passphrase_hash"])
    redis_cache.redis.stop()
    client = Client(REMOTE_ADDR="192.0.2.12")

    for _ in range(3):
        client.post("/en/track/", {"reference": report.reference, "passphrase": "guess"})
    refused = client.post("/en/track/", {"reference": report.reference, "passphrase": PASSPHRASE})

    assert refused.status_code == 429
    assert "track/status" not in refused.get("Location", "")


@pytest.mark.usefixtures("sparkbrook")
def test_redis_back_is_used_again(redis_cache, caplog):
    redis_cache.redis.stop()
    client = Client(REMOTE_ADDR="192.0.2.13")
    walk(client, "en", anonymous_answers())
    redis_cache.redis.start()
    cache._down_until = 0  # skip the pause before the next try

    with caplog.at_level(logging.WARNING):
        cache.set("probe", 1)

    assert cache.get("probe") == 1
    assert "Redis reachable again" in caplog.text


@pytest.mark.usefixtures("reference_data")
def test_assisted_journey_with_redis_down_reaches_its_reference(redis_cache, volunteer_a, centre_a):
    redis_cache.redis.stop()
    client = Client(REMOTE_ADDR="192.0.2.14")
    sign_in(client, volunteer_a)

    assert assisted_walk(client, centre=centre_a).status_code == 200
    response = client.post(assisted_step("check"), {"centre_is_go_between": "no"})

    assert response.status_code == 200
    report = Report.objects.get()
    assert report.reference in response.content.decode()
    assert report.centre == centre_a
