"""Staff sessions end after 30 minutes idle and 12 hours at most (centres/middleware.py)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

START = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)


def is_signed_in(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def test_staff_session_idle_under_thirty_minutes_continues(client, clock, spoc_a):
    sign_in(client, spoc_a)
    client.get(reverse("admin:index"))

    clock.shift(timedelta(minutes=29))
    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert is_signed_in(client)


def test_staff_session_idle_over_thirty_minutes_ends(client, clock, spoc_a):
    sign_in(client, spoc_a)
    client.get(reverse("admin:index"))

    clock.shift(timedelta(minutes=31))
    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert not response["Location"].startswith(reverse("admin:index") + "?")
    assert not is_signed_in(client)


def test_staff_session_idle_timer_restarts_on_each_request(client, clock, spoc_a):
    sign_in(client, spoc_a)
    client.get(reverse("admin:index"))

    for _ in range(4):
        clock.shift(timedelta(minutes=25))
        client.get(reverse("admin:index"))

    assert is_signed_in(client)
    assert client.get(reverse("admin:index")).status_code == 200


def test_staff_session_expiry_is_thirty_minutes(client, clock, spoc_a):
    sign_in(client, spoc_a)

    client.get(reverse("admin:index"))

    assert client.session.get_expiry_date() == START + timedelta(minutes=30)


def test_staff_session_active_over_twelve_hours_ends(client, clock, spoc_a):
    sign_in(client, spoc_a)
    client.get(reverse("admin:index"))
    # Busy all day: a request every 20 minutes, never idle long enough to time out.
    for _ in range(12 * 3):
        clock.shift(timedelta(minutes=20))
        assert client.get(reverse("admin:index")).status_code == 200

    clock.shift(timedelta(minutes=1))
    response = client.get(reverse("admin:index"))

    assert response["Location"] == reverse("staff:login") + "?expired=1"
    assert not is_signed_in(client)
    assert client.get(reverse("admin:index")).status_code == 302


def test_staff_session_expired_sign_in_page_says_why(client, clock, spoc_a):
    response = client.get(reverse("staff:login"), {"expired": "1"})

    assert "signed out to keep the information safe" in response.content.decode()


def test_public_session_keeps_a_day(client, clock):
    session = client.session
    session["answers"] = {"what": "verbal abuse"}
    session.save()

    clock.shift(timedelta(hours=2))
    client.get(reverse("staff:login"))

    assert client.session.get("answers") == {"what": "verbal abuse"}
