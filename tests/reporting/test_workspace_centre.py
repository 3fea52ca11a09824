"""What a coordinator manages in the workspace: their own centre's listing, volunteers and
training, and its counts; nothing of any other centre. Volunteers manage none of it."""

import datetime
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from centres.models import AwarenessActivity, Membership, Role, User
from tests.conftest import member, sign_in
from tests.factories import ReportFactory, StrandFactory

pytestmark = pytest.mark.django_db

COORDINATOR_PAGES = ["workspace:listing", "workspace:volunteers", "workspace:counts"]


@pytest.mark.parametrize("name", COORDINATOR_PAGES)
def test_coordinator_pages_of_another_centre_are_not_found(client, coordinator_a, centre_b, name):
    sign_in(client, coordinator_a)

    response = client.get(reverse(name, args=[centre_b.pk]))

    assert response.status_code == 404
    assert centre_b.name not in response.content.decode()


@pytest.mark.parametrize("name", COORDINATOR_PAGES)
def test_volunteers_do_not_manage_their_centre(client, volunteer_a, centre_a, name):
    sign_in(client, volunteer_a)

    response = client.get(reverse(name, args=[centre_a.pk]))

    assert response.status_code == 404


def test_coordinator_edits_own_listing(client, coordinator_a, centre_a):
    sign_in(client, coordinator_a)

    client.post(
        reverse("workspace:listing", args=[centre_a.pk]),
        {
            "description_en": "A welcoming community centre.",
            "opening_hours_en": "Monday to Friday, 9am to 5pm",
            "walk_in": "on",
            "languages": ["pl", "ur", "pt"],
            "step_free": "on",
        },
    )

    centre_a.refresh_from_db()
    assert centre_a.description_en == "A welcoming community centre."
    assert centre_a.languages == ["pl", "ur", "pt"]
    assert centre_a.step_free and not centre_a.bsl


def test_coordinator_cannot_edit_another_centres_listing(client, coordinator_a, centre_b):
    sign_in(client, coordinator_a)

    response = client.post(
        reverse("workspace:listing", args=[centre_b.pk]), {"description_en": "Hijacked"}
    )

    centre_b.refresh_from_db()
    assert response.status_code == 404
    assert centre_b.description_en != "Hijacked"


def test_coordinator_adds_new_volunteer_who_is_invited(
    client, coordinator_a, centre_a, django_capture_on_commit_callbacks
):
    sign_in(client, coordinator_a)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("workspace:volunteers", args=[centre_a.pk]),
            {
                "name": "Nadia",
                "email": "Nadia@Example.org",
                "role": "volunteer",
                "training_expires_on": "2027-03-01",
            },
        )

    person = User.objects.get(email="nadia@example.org")
    membership = Membership.objects.get(user=person)
    assert membership.centre == centre_a and membership.role == Role.VOLUNTEER
    assert membership.training_expires_on == datetime.date(2027, 3, 1)
    assert not person.has_usable_password()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nadia@example.org"]
    link = next(
        line for line in mail.outbox[0].body.splitlines() if "/staff/sign-in/invitation/" in line
    )
    path = link.split("127.0.0.1:8000")[-1] if "127.0.0.1:8000" in link else link
    client.post(reverse("staff:logout"))
    response = client.get(path, follow=True)
    assert "Choose your password" in response.content.decode()


def test_adding_an_existing_person_adds_a_membership_only(
    client, coordinator_a, centre_a, volunteer_b
):
    sign_in(client, coordinator_a)

    client.post(
        reverse("workspace:volunteers", args=[centre_a.pk]),
        {"name": "ignored", "email": volunteer_b.email, "role": "volunteer"},
    )

    assert volunteer_b.memberships.filter(centre=centre_a).exists()
    assert User.objects.filter(email=volunteer_b.email).count() == 1
    assert len(mail.outbox) == 0


def test_coordinator_records_training_and_ends_membership(
    client, coordinator_a, volunteer_a, centre_a
):
    membership = volunteer_a.memberships.get()
    sign_in(client, coordinator_a)
    url = reverse("workspace:volunteer", args=[centre_a.pk, membership.pk])

    client.post(
        url,
        {"save_training": "1", "accredited_on": "2026-01-10", "training_expires_on": "2027-01-10"},
    )
    client.post(url, {"end_membership": "1", "ended_on": membership.started_on.isoformat()})

    membership.refresh_from_db()
    assert membership.accredited_on == datetime.date(2026, 1, 10)
    assert membership.training_expires_on == datetime.date(2027, 1, 10)
    assert membership.ended_on == membership.started_on
    assert not Membership.objects.active().filter(pk=membership.pk).exists()


def test_coordinator_cannot_touch_another_centres_volunteer(
    client, coordinator_a, volunteer_b, centre_a, centre_b
):
    membership = volunteer_b.memberships.get()
    sign_in(client, coordinator_a)

    for centre in (centre_a, centre_b):
        response = client.post(
            reverse("workspace:volunteer", args=[centre.pk, membership.pk]),
            {"end_membership": "1", "ended_on": membership.started_on.isoformat()},
        )
        assert response.status_code == 404

    membership.refresh_from_db()
    assert membership.ended_on is None


def test_training_expiry_shown_thirty_days_ahead(client, centre_a, coordinator_a):
    today = timezone.localdate()
    soon = member(Role.VOLUNTEER, centre=centre_a, name="Soon Expiring")
    later = member(Role.VOLUNTEER, centre=centre_a, name="Later Expiring")
    Membership.objects.filter(user=soon).update(training_expires_on=today + timedelta(days=30))
    Membership.objects.filter(user=later).update(training_expires_on=today + timedelta(days=31))

    sign_in(client, soon)
    own = client.get(reverse("workspace:home")).content.decode()
    sign_in(client, later)
    not_yet = client.get(reverse("workspace:home")).content.decode()
    sign_in(client, coordinator_a)
    theirs = client.get(reverse("workspace:home")).content.decode()

    assert "Your training for" in own
    assert "Your training for" not in not_yet
    assert "Soon Expiring" in theirs and "Later Expiring" not in theirs


OPTIONAL = "You can record awareness activities here if it helps you; it is optional."


def test_awareness_activities_logged_and_counted_as_an_optional_record(
    client, volunteer_a, centre_a
):
    today = timezone.localdate()
    sign_in(client, volunteer_a)
    url = reverse("workspace:training", args=[centre_a.pk])

    client.post(url, {"date": "2020-01-01", "kind": "talk", "description": "Old talk"})
    client.post(url, {"date": today.isoformat(), "kind": "stall", "description": "Market stall"})
    future = client.post(
        url, {"date": (today + timedelta(days=3)).isoformat(), "kind": "talk", "description": "x"}
    )
    response = client.get(url)

    assert AwarenessActivity.objects.filter(centre=centre_a, logged_by=volunteer_a).count() == 2
    assert future.status_code == 200 and future.context["form"].errors
    page = response.content.decode()
    assert response.context["done"] == 1 and "target" not in response.context
    assert "Market stall" in page
    # A record kept if it helps, never a shortfall against a quota.
    assert OPTIONAL in page and "1 recorded this year." in page
    assert "asked for" not in page and "of 2" not in page and "<progress" not in page


def test_workspace_home_presents_awareness_activities_as_optional(client, volunteer_a, centre_a):
    sign_in(client, volunteer_a)

    none_yet = client.get(reverse("workspace:home")).content.decode()
    AwarenessActivity.objects.create(
        centre=centre_a, date=timezone.localdate(), kind="talk", description="Assembly"
    )
    one = client.get(reverse("workspace:home")).content.decode()

    assert OPTIONAL in none_yet and OPTIONAL in one
    # Nothing recorded is not a shortfall: no zero, no target.
    assert "0 recorded" not in none_yet and "asked for" not in none_yet
    assert "1 recorded this year." in one and "asked for" not in one


def test_awareness_activities_of_another_centre_are_not_found(client, volunteer_a, centre_b):
    sign_in(client, volunteer_a)

    response = client.post(
        reverse("workspace:training", args=[centre_b.pk]),
        {"date": "2026-01-01", "kind": "talk", "description": "Sneaky"},
    )

    assert response.status_code == 404
    assert not AwarenessActivity.objects.exists()


def test_counts_suppress_small_numbers(client, coordinator_a, centre_a, area_a):
    race = StrandFactory(code="race", name="Race")
    for _ in range(6):
        report = ReportFactory(area=area_a, centre=centre_a, channel="assisted")
        report.strands.add(race)
    ReportFactory(area=area_a, centre=centre_a, channel="phone")
    sign_in(client, coordinator_a)

    response = client.get(reverse("workspace:counts", args=[centre_a.pk]))

    assert response.context["total"] == "7"
    channels = dict(response.context["by_channel"])
    assert channels["Assisted at a reporting centre"] == "6"
    assert channels["By phone"] == "<5"
    assert dict(response.context["by_strand"])["Race"] == "6"


def test_adding_someone_who_never_set_a_password_invites_again(
    client, coordinator_a, centre_a, django_capture_on_commit_callbacks
):
    sign_in(client, coordinator_a)
    url = reverse("workspace:volunteers", args=[centre_a.pk])
    data = {"name": "Nadia", "email": "nadia@example.org", "role": "volunteer"}

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)
    Membership.objects.filter(user__email="nadia@example.org").update(ended_on=timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)

    assert len(mail.outbox) == 2
    # One grant, waiting for a second person's approval (centres/roles.py).
    assert Membership.objects.pending().filter(user__email="nadia@example.org").count() == 1
