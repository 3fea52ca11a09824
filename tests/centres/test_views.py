"""Staff sign-in end to end (password, authenticator app, backup codes, throttling) and /healthz."""

import json
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from centres.models import Role
from tests.conftest import PASSWORD, member, sign_in

pytestmark = pytest.mark.django_db

SIGN_IN = "/staff/sign-in/"
VERIFY = "/staff/sign-in/code/"
SET_UP = "/staff/sign-in/set-up/"


def current_code(device):
    """The code an authenticator app would show now for this device."""
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{code:0{device.digits}d}"


def password_sign_in(client, user, password=PASSWORD, **extra):
    return client.post(SIGN_IN, {"username": user.email, "password": password}, **extra)


def is_signed_in(client, user):
    return client.session.get("_auth_user_id") == str(user.pk)


def is_verified(client):
    return bool(client.session.get(DEVICE_ID_SESSION_KEY))


def set_up_authenticator(client, user):
    """Sign in for the first time, add an authenticator app and return the backup codes."""
    password_sign_in(client, user)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(SET_UP, {"token": current_code(device)})
    return response.context["codes"]


# --- First sign-in: setting up the second factor --------------------------------------------


def test_sign_in_page_shows_form(client):
    response = client.get(SIGN_IN)

    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_sign_in_without_device_goes_to_set_up(client, spoc_a):
    response = password_sign_in(client, spoc_a)

    assert response["Location"] == SET_UP
    assert is_signed_in(client, spoc_a)
    assert not is_verified(client)


def test_sign_in_email_is_not_case_sensitive(client, spoc_a):
    response = client.post(SIGN_IN, {"username": spoc_a.email.upper(), "password": PASSWORD})

    assert response["Location"] == SET_UP
    assert is_signed_in(client, spoc_a)


def test_sign_in_wrong_password_shows_error(client, spoc_a):
    response = password_sign_in(client, spoc_a, password="not the password")

    assert response.status_code == 200
    assert "The email address or password is not right" in response.content.decode()
    assert not is_signed_in(client, spoc_a)


def test_set_up_shows_qr_code_and_key(client, spoc_a):
    password_sign_in(client, spoc_a)

    response = client.get(SET_UP)

    device = TOTPDevice.objects.get(user=spoc_a)
    page = response.content.decode()
    assert not device.confirmed
    assert "<svg" in page
    key = response.context["key"]
    assert key.replace(" ", "") and key in page
    assert not is_verified(client)


def test_set_up_again_reuses_unconfirmed_device(client, spoc_a):
    password_sign_in(client, spoc_a)
    first = client.get(SET_UP).context["key"]

    second = client.get(SET_UP).context["key"]

    assert first == second
    assert TOTPDevice.objects.filter(user=spoc_a).count() == 1


def test_set_up_valid_code_confirms_device_and_shows_backup_codes(client, spoc_a):
    password_sign_in(client, spoc_a)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=spoc_a, confirmed=False)

    response = client.post(SET_UP, {"token": current_code(device)})

    device.refresh_from_db()
    codes = response.context["codes"]
    page = response.content.decode()
    assert device.confirmed
    assert len(codes) == len(set(codes)) == 10
    assert all(code in page for code in codes)
    assert set(StaticToken.objects.filter(device__user=spoc_a).values_list("token", flat=True)) == (
        set(codes)
    )
    assert is_verified(client)
    assert response.context["next"] == reverse("admin:index")


def test_set_up_then_admin_works_for_spoc(client, spoc_a):
    set_up_authenticator(client, spoc_a)

    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert "casework" in {app["app_label"] for app in response.context["app_list"]}


def test_set_up_wrong_code_shows_error(client, spoc_a):
    password_sign_in(client, spoc_a)
    client.get(SET_UP)

    response = client.post(SET_UP, {"token": "000000"})

    assert "That code is not right" in response.content.decode()
    assert not TOTPDevice.objects.get(user=spoc_a).confirmed
    assert not is_verified(client)
    assert client.get(reverse("admin:index")).status_code == 302


def test_set_up_with_device_already_goes_to_code_page(client, spoc_a):
    TOTPDevice.objects.create(user=spoc_a, name="phone", confirmed=True)
    client.force_login(spoc_a)

    response = client.get(SET_UP)

    assert response["Location"] == VERIFY


def test_set_up_anonymous_goes_to_sign_in(client):
    response = client.get(SET_UP)

    assert response["Location"] == SIGN_IN


# --- Later sign-ins: the code page ----------------------------------------------------------


@pytest.fixture
def enrolled_spoc(spoc_a):
    """SPOC A with an authenticator app set up, and their backup codes."""
    codes = set_up_authenticator(Client(), spoc_a)
    return spoc_a, codes


def test_sign_in_with_device_goes_to_code_page(client, enrolled_spoc):
    spoc, _codes = enrolled_spoc

    response = password_sign_in(client, spoc)

    assert response["Location"] == VERIFY
    assert not is_verified(client)
    assert client.get(reverse("admin:index")).status_code == 302


def test_code_page_backup_code_works_once(client, enrolled_spoc):
    spoc, codes = enrolled_spoc
    password_sign_in(client, spoc)

    first = client.post(VERIFY, {"token": codes[0]})

    assert first["Location"] == reverse("admin:index")
    assert is_verified(client)
    assert client.get(reverse("admin:index")).status_code == 200
    client.post(reverse("staff:logout"))
    password_sign_in(client, spoc)
    again = client.post(VERIFY, {"token": codes[0]})
    assert "That code is not right" in again.content.decode()
    assert not is_verified(client)
    assert StaticToken.objects.filter(device__user=spoc).count() == 9


def test_code_page_backup_code_typed_with_spaces_works(client, enrolled_spoc):
    spoc, codes = enrolled_spoc
    password_sign_in(client, spoc)

    response = client.post(VERIFY, {"token": f" {codes[3][:4]} {codes[3][4:]} "})

    assert response["Location"] == reverse("admin:index")
    assert is_verified(client)


def test_code_page_authenticator_code_works(client, spoc_a):
    device = TOTPDevice.objects.create(user=spoc_a, name="phone", confirmed=True)
    password_sign_in(client, spoc_a)

    response = client.post(VERIFY, {"token": current_code(device)})

    assert response["Location"] == reverse("admin:index")
    assert is_verified(client)


def test_code_page_wrong_code_shows_error(client, enrolled_spoc):
    spoc, _codes = enrolled_spoc
    password_sign_in(client, spoc)

    response = client.post(VERIFY, {"token": "123456"})

    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert not is_verified(client)


def test_code_page_other_persons_backup_code_is_refused(client, enrolled_spoc, spoc_b):
    _spoc, codes = enrolled_spoc
    TOTPDevice.objects.create(user=spoc_b, name="phone", confirmed=True)
    password_sign_in(client, spoc_b)

    response = client.post(VERIFY, {"token": codes[0]})

    assert "That code is not right" in response.content.decode()
    assert not is_verified(client)


def test_code_page_volunteer_goes_to_workspace(client, volunteer_a):
    device = TOTPDevice.objects.create(user=volunteer_a, name="phone", confirmed=True)
    password_sign_in(client, volunteer_a)

    response = client.post(VERIFY, {"token": current_code(device)})

    assert response["Location"] == reverse("workspace:home")


def test_code_page_anonymous_goes_to_sign_in(client):
    response = client.get(VERIFY)

    assert response["Location"] == SIGN_IN


def test_sign_out_ends_session(client, spoc_a):
    sign_in(client, spoc_a)

    client.post(reverse("staff:logout"))

    assert not is_signed_in(client, spoc_a)
    assert client.get(reverse("admin:index")).status_code == 302


def test_no_role_page_for_person_without_role(client):
    nobody = member(Role.ANALYST)
    nobody.memberships.all().delete()
    sign_in(client, nobody)

    response = client.get(reverse("staff:home"), follow=True)

    assert response.status_code == 403
    assert "You have no role yet" in response.content.decode()


# --- Where people go next -------------------------------------------------------------------


@pytest.mark.parametrize(
    "evil", ["https://evil.example", "//evil.example/admin/", "https:///evil.example"]
)
def test_sign_in_ignores_next_to_another_site(client, spoc_a, evil):
    response = client.post(SIGN_IN, {"username": spoc_a.email, "password": PASSWORD, "next": evil})

    assert response["Location"] == SET_UP


@pytest.mark.parametrize("evil", ["https://evil.example", "//evil.example/admin/"])
def test_code_page_ignores_next_to_another_site(client, spoc_a, evil):
    device = TOTPDevice.objects.create(user=spoc_a, name="phone", confirmed=True)
    password_sign_in(client, spoc_a)

    response = client.post(VERIFY + "?next=" + evil, {"token": current_code(device)})

    assert response["Location"] == reverse("admin:index")


def test_sign_in_page_drops_next_to_another_site(client):
    response = client.get(SIGN_IN, {"next": "https://evil.example"})

    assert response.context["next"] == ""
    assert "evil.example" not in response.content.decode()


def test_sign_in_keeps_next_on_this_site(client, spoc_a):
    wanted = reverse("admin:casework_case_changelist") + "?status__exact=new&o=1"
    device = TOTPDevice.objects.create(user=spoc_a, name="phone", confirmed=True)

    response = client.post(
        SIGN_IN, {"username": spoc_a.email, "password": PASSWORD, "next": wanted}
    )
    location = urlsplit(response["Location"])
    verified = client.post(response["Location"], {"token": current_code(device)})

    assert location.path == VERIFY
    assert parse_qs(location.query)["next"] == [wanted]
    assert verified["Location"] == wanted


# --- Throttling (django-axes) ---------------------------------------------------------------


def fail_five_times(user, address):
    client = Client()
    for _ in range(5):
        password_sign_in(client, user, password="wrong password", REMOTE_ADDR=address)
    return client


def test_throttling_locks_username_at_that_address(spoc_a):
    fail_five_times(spoc_a, "203.0.113.7")
    client = Client()

    response = password_sign_in(client, spoc_a, REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert not is_signed_in(client, spoc_a)


def test_throttling_below_the_limit_lets_the_right_password_in(spoc_a):
    client = Client()
    for _ in range(4):
        password_sign_in(client, spoc_a, password="wrong password", REMOTE_ADDR="203.0.113.7")

    response = password_sign_in(client, spoc_a, REMOTE_ADDR="203.0.113.7")

    assert response["Location"] == SET_UP
    assert is_signed_in(client, spoc_a)


def test_throttling_same_username_from_another_address_signs_in(spoc_a):
    fail_five_times(spoc_a, "203.0.113.7")
    elsewhere = Client()

    response = password_sign_in(elsewhere, spoc_a, REMOTE_ADDR="198.51.100.20")

    assert response["Location"] == SET_UP
    assert is_signed_in(elsewhere, spoc_a)
    # Signing in elsewhere does not lift the lock where the attempts came from.
    locked = Client()
    assert password_sign_in(locked, spoc_a, REMOTE_ADDR="203.0.113.7").status_code == 429
    assert not is_signed_in(locked, spoc_a)


def test_throttling_other_username_from_locked_address_signs_in(spoc_a, spoc_b):
    fail_five_times(spoc_a, "203.0.113.7")
    colleague = Client()

    response = password_sign_in(colleague, spoc_b, REMOTE_ADDR="203.0.113.7")

    assert response["Location"] == SET_UP
    assert is_signed_in(colleague, spoc_b)


def test_throttling_counts_email_in_any_case(spoc_a):
    client = Client()
    for email in (spoc_a.email.upper(), spoc_a.email.title()) * 2 + (spoc_a.email,):
        client.post(SIGN_IN, {"username": email, "password": "wrong"}, REMOTE_ADDR="203.0.113.7")

    response = password_sign_in(client, spoc_a, REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 429
    assert not is_signed_in(client, spoc_a)


def test_throttling_lock_lifts_after_cool_off(spoc_a):
    with time_machine.travel(datetime(2025, 3, 3, 9, 0, tzinfo=UTC), tick=False) as clock:
        fail_five_times(spoc_a, "203.0.113.7")
        clock.shift(timedelta(minutes=16))
        client = Client()

        response = password_sign_in(client, spoc_a, REMOTE_ADDR="203.0.113.7")

        assert response["Location"] == SET_UP
        assert is_signed_in(client, spoc_a)


# --- /healthz -------------------------------------------------------------------------------


@pytest.fixture
def broker(settings, monkeypatch):
    """Point the broker at a URL, with tasks sent to it rather than run in the web process."""
    from hatereport.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)

    def point_at(url):
        settings.CELERY_BROKER_URL = url
        # The Celery app read the settings once, at start-up.
        monkeypatch.setattr(app.conf, "broker_url", url)

    return point_at


def test_healthz_database_and_broker_ok(client, broker):
    broker("redis://127.0.0.1:6379/0")

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "broker": "ok"}


def test_healthz_broker_down_answers_503_quickly(client, broker):
    broker("redis://127.0.0.1:1/0")
    started = time.monotonic()

    response = client.get("/healthz")

    assert time.monotonic() - started < 2
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "degraded",
        "database": "ok",
        "broker": "unavailable",
    }


def test_healthz_eager_tasks_need_no_broker(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True

    response = client.get("/healthz")

    assert response.status_code == 200
    assert json.loads(response.content)["broker"] == "eager"


def test_healthz_answers_a_host_nobody_allowed(client, settings):
    # The container's own probe calls 127.0.0.1:8000 whatever ALLOWED_HOSTS names.
    settings.ALLOWED_HOSTS = ["hatereport.example.org"]
    settings.CELERY_TASK_ALWAYS_EAGER = True

    response = client.get("/healthz", HTTP_HOST="127.0.0.1:8000")

    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "broker": "eager"}
    # Every other page still validates the host.
    assert client.get("/en/", HTTP_HOST="127.0.0.1:8000").status_code == 400
