"""Administrators manage people and reference data in the admin."""

import pytest
from django.urls import reverse

from centres.models import Role, User
from tests.conftest import PASSWORD, member, sign_in

pytestmark = pytest.mark.django_db


def add_person(client, email, **extra):
    return client.post(
        reverse("admin:centres_user_add"),
        {
            "email": email,
            "name": "New Volunteer",
            "usable_password": "true",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "memberships-TOTAL_FORMS": 0,
            "memberships-INITIAL_FORMS": 0,
            **extra,
        },
    )


def test_admin_add_person_stores_email_in_lower_case(client, administrator):
    sign_in(client, administrator)

    response = add_person(client, "New.Volunteer@Example.ORG")

    person = User.objects.get(name="New Volunteer")
    assert response["Location"] == reverse("admin:centres_user_change", args=[person.pk])
    assert person.email == "new.volunteer@example.org"


def test_admin_added_person_can_sign_in(client, administrator):
    sign_in(client, administrator)
    add_person(client, "New.Volunteer@Example.ORG")
    client.post(reverse("staff:logout"))

    response = client.post(
        reverse("staff:login"), {"username": "new.volunteer@example.org", "password": PASSWORD}
    )

    assert response["Location"] == reverse("staff:setup")
    assert client.session["_auth_user_id"] == str(User.objects.get(name="New Volunteer").pk)


def test_admin_add_person_with_existing_email_in_other_case_is_refused(client, administrator):
    sign_in(client, administrator)

    response = add_person(client, administrator.email.upper())

    assert response.status_code == 200
    assert "email" in response.context["adminform"].form.errors
    assert User.objects.filter(email__iexact=administrator.email).count() == 1


def test_admin_add_membership_gives_role_once_a_second_administrator_approves(
    client, administrator, centre_a
):
    from centres import roles

    sign_in(client, administrator)

    add_person(
        client,
        "new@example.org",
        **{
            "memberships-TOTAL_FORMS": 1,
            "memberships-0-role": Role.VOLUNTEER,
            "memberships-0-centre": centre_a.pk,
            "memberships-0-started_on": "2025-01-01",
        },
    )

    person = User.objects.get(email="new@example.org")
    assert person.roles == frozenset()
    roles.approve_grant(person.memberships.get(), by=member(Role.ADMINISTRATOR))
    person = User.objects.get(pk=person.pk)
    assert person.roles == {Role.VOLUNTEER}
    assert person.is_centre_worker


def test_admin_administrator_cannot_make_superuser(client, administrator, volunteer_a):
    sign_in(client, administrator)
    url = reverse("admin:centres_user_change", args=[volunteer_a.pk])
    form = client.get(url).context["adminform"].form

    assert "is_superuser" not in form.fields
    response = client.post(
        url,
        {
            "email": volunteer_a.email,
            "name": "Renamed Volunteer",
            "is_active": "on",
            "is_superuser": "on",
            "memberships-TOTAL_FORMS": 1,
            "memberships-INITIAL_FORMS": 1,
            "memberships-0-id": volunteer_a.memberships.get().pk,
            "memberships-0-user": volunteer_a.pk,
            "memberships-0-role": Role.VOLUNTEER,
            "memberships-0-centre": volunteer_a.memberships.get().centre_id,
            "memberships-0-started_on": volunteer_a.memberships.get().started_on.isoformat(),
        },
    )

    assert response["Location"] == reverse("admin:centres_user_changelist")
    volunteer_a.refresh_from_db()
    assert volunteer_a.name == "Renamed Volunteer"
    assert not volunteer_a.is_superuser


@pytest.mark.parametrize("who", ["spoc_a", "inspector_a"])
def test_admin_people_closed_to_police(client, request, who):
    sign_in(client, request.getfixturevalue(who))

    response = client.get(reverse("admin:centres_user_changelist"))

    assert response.status_code == 403
