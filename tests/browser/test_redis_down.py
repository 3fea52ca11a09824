"""With Redis stopped (the cache and the broker both), a victim in a real browser with
JavaScript off completes the whole journey, reaches their reference, and signs in to the
tracking page with it: no error page anywhere (centres/cache.py, centres/outbox.py)."""

import os

import pytest
from django.core.cache import cache
from django.core.management import call_command

from centres import outbox
from centres.models import Area, AreaPlace, Notification
from hatereport.celery import app as celery_app
from reporting.models import Report
from tests.browser.steps import WITH_CONTACT
from tests.browser.test_journey import walk
from tests.factories import AreaFactory, AreaPlaceFactory
from tests.integration.conftest import RedisServer, _reset_producer_pools, free_port

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="needs Debian's chromium"),
]


@pytest.fixture
def redis_stopped(settings):
    """The site's cache and broker on a Redis of the test's own, started and then stopped."""
    redis = RedisServer(free_port())
    redis.start()
    settings.CACHES = {
        "default": {"BACKEND": "centres.cache.FailoverRedisCache", "LOCATION": redis.url}
    }
    old_broker = celery_app.conf.broker_url
    celery_app.conf.broker_url = settings.CELERY_BROKER_URL = redis.url
    _reset_producer_pools()
    outbox._paused_until = 0.0
    cache.set("before", "up")
    assert cache.get("before") == "up", "the cache was on Redis before it stopped"
    redis.stop()
    yield redis
    celery_app.conf.broker_url = old_broker
    _reset_producer_pools()
    outbox._paused_until = 0.0


@pytest.fixture
def site(live_server):
    call_command("load_reference_data", verbosity=0)
    Area.objects.get_or_create(
        is_central_queue=True, defaults={"name": "Central queue", "code": "central"}
    )
    area = AreaFactory(name="Sparkbrook")
    AreaPlaceFactory(area=area, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value="B11")
    return live_server


def test_journey_and_tracking_without_javascript_while_redis_is_down(redis_stopped, site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    statuses = []
    page.on("response", lambda response: statuses.append((response.status, response.url)))

    passphrase = walk(page, site.url, "ur", WITH_CONTACT)

    report = Report.objects.get()
    assert report.reference in page.content()
    assert report.language == "ur"
    # The acknowledgement waits in the outbox for the broker to come back.
    assert Notification.objects.filter(status="pending").exists()

    page.goto(f"{site.url}/ur/track/")
    page.fill("[name=reference]", report.reference)
    page.fill("[name=passphrase]", passphrase)
    with page.expect_navigation():
        page.locator("form button.govuk-button").first.click()
    assert page.url.endswith("/ur/track/status/"), page.url
    assert report.reference in page.content()
    assert page.locator("html").get_attribute("dir") == "rtl"

    errors = [(status, url) for status, url in statuses if status >= 400]
    assert not errors, f"error pages while Redis was down: {errors}"
    assert len(statuses) > 20, "the walk went through every page"
    context.close()
