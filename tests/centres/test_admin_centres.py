"""The registry in the admin: centres with their languages as a choice, fieldsets, and the
awareness activities administrators can log."""

import datetime

import pytest
from django.urls import reverse

from centres.models import AwarenessActivity
from tests.conftest import sign_in
from tests.factories import CentreFactory

pytestmark = pytest.mark.django_db


def test_centre_admin_offers_languages_in_their_own_script(client, administrator):
    centre = CentreFactory(languages=["pl"])
    sign_in(client, administrator)

    response = client.get(reverse("admin:centres_centre_change", args=[centre.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="languages" value="pl"' in page and "checked" in page
    for name in ("Polski", "اردو", "Português", "ትግርኛ"):
        assert name in page
    assert "Accessibility" in page and "For visitors" in page


def test_administrator_logs_awareness_activity_as_themself(client, administrator):
    centre = CentreFactory()
    sign_in(client, administrator)

    client.post(
        reverse("admin:centres_awarenessactivity_add"),
        {"centre": centre.pk, "date": "2026-02-01", "kind": "talk", "description": "Assembly"},
    )

    activity = AwarenessActivity.objects.get()
    assert activity.logged_by == administrator
    assert activity.date == datetime.date(2026, 2, 1)


def test_volunteers_have_no_admin(client, volunteer_a):
    sign_in(client, volunteer_a)

    response = client.get(reverse("admin:centres_centre_changelist"))

    # Told who they are signed in as and what the admin is for; no sign-in form.
    assert response.status_code == 403
    assert 'name="password"' not in response.content.decode()
