"""Role grants nobody can abuse (centres/roles.py and every path that writes a membership).

Nobody grants, changes or approves a role of their own; a role that sees reports gives nothing
until a second person approves it; every step is in the access log; administrators cannot
reach a superuser's account; a superuser's sign-in is announced to the other administrators.
"""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from centres import roles
from centres.delivery import build
from centres.models import AccessLogEntry, Approval, Membership, Notification, Role, User
from reporting import access
from reporting.models import Report
from tests.conftest import PASSWORD, member, sign_in
from tests.factories import EvidenceFileFactory, UserFactory
from tests.reporting.evidence_files import temporary_storage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def second_administrator(db):
    return member(Role.ADMINISTRATOR, name="Second Administrator")


@pytest.fixture
def newcomer(db):
    return UserFactory(name="New Officer")


def log_of(membership) -> list[tuple]:
    """(who, action, what happened) of each entry about a membership, oldest first."""
    entries = AccessLogEntry.objects.about(membership).order_by("at")
    return [(e.user, e.action, e.detail.split(":")[0].split(" (")[0]) for e in entries]


def admin_add_membership(client, user, role, *, area=None, centre=None):
    return client.post(
        reverse("admin:centres_membership_add"),
        {
            "user": user.pk,
            "role": role,
            "area": area.pk if area else "",
            "centre": centre.pk if centre else "",
            "started_on": timezone.localdate().isoformat(),
        },
    )


# --- Nobody gives themself a role, on any path -------------------------------------------------


def test_self_grant_refused_by_the_service(administrator, area_a):
    with pytest.raises(ValidationError) as refused:
        roles.grant_role(by=administrator, user=administrator, role=Role.SPOC, area=area_a)

    assert refused.value.code == "self_grant"
    assert not administrator.memberships.filter(role=Role.SPOC).exists()


def test_self_grant_refused_by_the_database(administrator, area_a):
    with (
        pytest.raises(IntegrityError, match="membership_not_granted_to_self"),
        transaction.atomic(),
    ):
        Membership.objects.create(
            user=administrator, role=Role.SPOC, area=area_a, granted_by=administrator
        )


def test_self_grant_refused_in_the_membership_admin(client, administrator, area_a):
    sign_in(client, administrator)

    response = admin_add_membership(client, administrator, Role.SPOC, area=area_a)

    assert response.status_code == 200
    assert "You cannot give yourself a role" in response.content.decode()
    assert not administrator.memberships.filter(role=Role.SPOC).exists()
    assert not AccessLogEntry.objects.filter(detail__startswith="role granted").exists()


def test_self_grant_refused_in_the_person_admin(client, administrator, area_a):
    sign_in(client, administrator)
    [own] = administrator.memberships.all()

    response = client.post(
        reverse("admin:centres_user_change", args=[administrator.pk]),
        {
            "email": administrator.email,
            "name": administrator.name,
            "is_active": "on",
            "memberships-TOTAL_FORMS": 2,
            "memberships-INITIAL_FORMS": 1,
            "memberships-0-id": own.pk,
            "memberships-0-user": administrator.pk,
            "memberships-0-role": own.role,
            "memberships-0-started_on": own.started_on.isoformat(),
            "memberships-1-user": administrator.pk,
            "memberships-1-role": Role.SPOC,
            "memberships-1-area": area_a.pk,
            "memberships-1-started_on": timezone.localdate().isoformat(),
        },
    )

    assert response.status_code == 200
    assert "You cannot give yourself a role" in response.content.decode()
    assert set(administrator.memberships.values_list("role", flat=True)) == {Role.ADMINISTRATOR}


def test_self_grant_refused_in_the_centre_admin(client, administrator, centre_a):
    sign_in(client, administrator)
    page = client.get(reverse("admin:centres_centre_change", args=[centre_a.pk]))
    data = {
        name: value
        for name, value in page.context["adminform"].form.initial.items()
        if value not in (None, [])
    }
    data.update(
        {
            "kind": centre_a.kind,
            "name_en": centre_a.name,
            "slug": centre_a.slug,
            "area": centre_a.area_id,
            "town": centre_a.town,
            "memberships-TOTAL_FORMS": 1,
            "memberships-INITIAL_FORMS": 0,
            "memberships-0-user": administrator.pk,
            "memberships-0-role": Role.COORDINATOR,
            "memberships-0-started_on": timezone.localdate().isoformat(),
            "awareness_activities-TOTAL_FORMS": 0,
            "awareness_activities-INITIAL_FORMS": 0,
        }
    )

    response = client.post(reverse("admin:centres_centre_change", args=[centre_a.pk]), data)

    assert response.status_code == 200
    assert "You cannot give yourself a role" in response.content.decode()
    assert not administrator.memberships.filter(centre=centre_a).exists()


def test_own_role_cannot_be_changed_or_deleted_in_the_admin(client, administrator, area_a):
    sign_in(client, administrator)
    [own] = administrator.memberships.all()

    change = client.post(
        reverse("admin:centres_membership_change", args=[own.pk]),
        {
            "user": administrator.pk,
            "role": Role.SPOC,
            "area": area_a.pk,
            "started_on": "2020-01-01",
        },
    )
    delete = client.post(reverse("admin:centres_membership_delete", args=[own.pk]), {"post": "yes"})
    bulk = client.post(
        reverse("admin:centres_membership_changelist"),
        {"action": "delete_selected", "_selected_action": [own.pk], "post": "yes"},
    )

    assert change.status_code == 403
    assert delete.status_code == 403
    assert bulk.status_code == 403
    own.refresh_from_db()
    assert own.role == Role.ADMINISTRATOR and own.area is None


def test_coordinator_cannot_add_themself(client, coordinator_a, centre_a):
    sign_in(client, coordinator_a)

    response = client.post(
        reverse("workspace:volunteers", args=[centre_a.pk]),
        {"name": "Me again", "email": coordinator_a.email.upper(), "role": "volunteer"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [roles.MESSAGES["self_grant"]]
    # What was typed is kept.
    assert response.context["form"]["name"].value() == "Me again"
    assert not coordinator_a.memberships.filter(role=Role.VOLUNTEER).exists()


def test_coordinator_cannot_end_their_own_role(coordinator_a, centre_a):
    [own] = coordinator_a.memberships.all()

    with pytest.raises(ValidationError):
        roles.end_grant(own, by=coordinator_a, ended_on=timezone.localdate())

    own.refresh_from_db()
    assert own.ended_on is None


def test_coordinator_cannot_give_police_roles(coordinator_a, newcomer, area_a):
    with pytest.raises(ValidationError) as refused:
        roles.grant_role(by=coordinator_a, user=newcomer, role=Role.SPOC, area=area_a)

    assert refused.value.code == "not_allowed"


# --- A police role waiting for approval sees nothing ------------------------------------------


@pytest.fixture
def evidence_of_a_details(report_mix, tmp_path, monkeypatch):
    storage = temporary_storage(tmp_path, monkeypatch)
    name = storage.save("2026/evidence-photo", io.BytesIO(b"\xff\xd8 a photo"))
    return EvidenceFileFactory(report=report_mix.a_details, file=name)


def test_pending_spoc_sees_nothing_until_a_second_administrator_approves(
    client, report_mix, evidence_of_a_details, administrator, second_administrator, newcomer, area_a
):
    report = report_mix.a_details
    sign_in(client, administrator)
    admin_add_membership(client, newcomer, Role.SPOC, area=area_a)
    grant = newcomer.memberships.get()
    assert grant.approval == Approval.PENDING and grant.granted_by == administrator

    def what_newcomer_sees():
        client.force_login(newcomer)
        sign_in(client, newcomer)
        user = User.objects.get(pk=newcomer.pk)  # roles are cached per object
        return {
            "case list": client.get(reverse("admin:casework_case_changelist")),
            "case page": client.get(reverse("admin:casework_case_change", args=[report.case.pk])),
            "evidence": client.get(reverse("workspace:evidence", args=[evidence_of_a_details.pk])),
            "cases in scope": access.cases_visible_to(user, type(report.case).objects.all()),
            "reports in scope": access.reports_visible_to(user, Report.objects.all()),
            "contact details": access.can_see_contact_details(user, report),
        }

    pending = what_newcomer_sees()

    assert pending["case list"].status_code == 403
    assert report.reference not in pending["case list"].content.decode()
    assert pending["case page"].status_code == 403
    assert pending["evidence"].status_code == 404
    assert not pending["cases in scope"].exists()
    assert not pending["reports in scope"].exists()
    assert pending["contact details"] is False

    # The granter cannot approve their own grant; a second administrator can.
    sign_in(client, administrator)
    client.post(
        reverse("admin:centres_pendinggrant_changelist"),
        {"action": "approve", "_selected_action": [grant.pk]},
    )
    grant.refresh_from_db()
    assert grant.approval == Approval.PENDING
    sign_in(client, second_administrator)
    client.post(
        reverse("admin:centres_pendinggrant_changelist"),
        {"action": "approve", "_selected_action": [grant.pk]},
    )
    grant.refresh_from_db()
    assert grant.approval == Approval.APPROVED and grant.decided_by == second_administrator

    approved = what_newcomer_sees()

    assert approved["case list"].status_code == 200
    assert report.reference in approved["case list"].content.decode()
    assert approved["case page"].status_code == 200
    assert approved["evidence"].status_code == 200
    assert b"".join(approved["evidence"].streaming_content) == b"\xff\xd8 a photo"
    assert approved["cases in scope"].filter(report=report).exists()
    assert approved["contact details"] is True


def test_pending_role_is_not_read_by_the_access_rules(newcomer, area_a, administrator):
    roles.grant_role(by=administrator, user=newcomer, role=Role.INSPECTOR, area=area_a)

    assert Membership.objects.active().filter(user=newcomer).count() == 0
    assert newcomer.roles == frozenset()
    assert not newcomer.is_staff
    assert access.police_area_ids(newcomer) == set()
    assert not access.is_inspector_of(newcomer, area_a.pk)
    assert newcomer not in access.assignable_officers(member(Role.SPOC, area=area_a))


def test_inspector_of_the_area_approves_police_roles_there_only(
    administrator, inspector_a, newcomer, area_a, area_b
):
    here = roles.grant_role(by=administrator, user=newcomer, role=Role.OFFICER, area=area_a)
    there = roles.grant_role(by=administrator, user=newcomer, role=Role.OFFICER, area=area_b)

    assert set(roles.grants_awaiting(inspector_a)) == {here}
    with pytest.raises(ValidationError) as refused:
        roles.approve_grant(there, by=inspector_a)
    roles.approve_grant(here, by=inspector_a)

    assert refused.value.code == "not_approver"
    assert set(Membership.objects.active().filter(user=newcomer)) == {here}


def test_inspector_approves_from_the_admin_list(
    client, administrator, inspector_a, newcomer, area_a
):
    grant = roles.grant_role(by=administrator, user=newcomer, role=Role.SPOC, area=area_a)
    sign_in(client, inspector_a)

    listing = client.get(reverse("admin:centres_pendinggrant_changelist"))
    client.post(
        reverse("admin:centres_pendinggrant_changelist"),
        {"action": "approve", "_selected_action": [grant.pk]},
    )

    assert list(listing.context["cl"].result_list) == [grant]
    grant.refresh_from_db()
    assert grant.approval == Approval.APPROVED and grant.decided_by == inspector_a


# --- Approving: never by the grantee or the granter --------------------------------------------


def test_self_approval_refused(administrator, second_administrator, area_a):
    grant = roles.grant_role(
        by=administrator, user=second_administrator, role=Role.SPOC, area=area_a
    )

    for who in (administrator, second_administrator):  # the granter, the grantee
        with pytest.raises(ValidationError) as refused:
            roles.approve_grant(grant, by=who)
        assert refused.value.code == "self_approval"
        assert grant not in roles.grants_awaiting(who)

    grant.refresh_from_db()
    assert grant.approval == Approval.PENDING


def test_approval_by_the_granter_refused_by_the_database(administrator, newcomer, area_a):
    grant = roles.grant_role(by=administrator, user=newcomer, role=Role.SPOC, area=area_a)

    with (
        pytest.raises(IntegrityError, match="membership_not_approved_by_granter"),
        transaction.atomic(),
    ):
        Membership.objects.filter(pk=grant.pk).update(
            approval=Approval.APPROVED, decided_by=administrator, decided_at=timezone.now()
        )


def test_grantee_cannot_approve_from_the_admin(client, administrator, second_administrator, area_a):
    grant = roles.grant_role(
        by=second_administrator, user=administrator, role=Role.ANALYST
    )  # takes effect at once: analysts see no report
    assert grant.approval == Approval.APPROVED
    pending = Membership.objects.create(
        user=administrator,
        role=Role.OFFICER,
        area=area_a,
        granted_by=second_administrator,
    )
    sign_in(client, administrator)

    listing = client.get(reverse("admin:centres_pendinggrant_changelist"))
    client.post(
        reverse("admin:centres_membership_changelist"),
        {"action": "approve", "_selected_action": [pending.pk]},
    )

    assert pending not in listing.context["cl"].result_list
    pending.refresh_from_db()
    assert pending.approval == Approval.PENDING


def test_coordinator_approves_a_volunteer_another_coordinator_added(
    client, coordinator_a, centre_a
):
    other = member(Role.COORDINATOR, centre=centre_a, name="Other Coordinator")
    sign_in(client, coordinator_a)
    client.post(
        reverse("workspace:volunteers", args=[centre_a.pk]),
        {"name": "Nadia", "email": "nadia@example.org", "role": "volunteer"},
    )
    grant = Membership.objects.get(user__email="nadia@example.org")

    own_try = client.post(
        reverse("workspace:volunteers", args=[centre_a.pk]), {"approve": grant.pk}, follow=True
    )
    grant.refresh_from_db()
    assert grant.approval == Approval.PENDING
    assert str(roles.MESSAGES["self_approval"]) in own_try.content.decode()

    sign_in(client, other)
    team = client.get(reverse("workspace:volunteers", args=[centre_a.pk]))
    assert [m.pk for m in team.context["pending"]] == [grant.pk]
    assert team.context["pending"][0].may_decide
    client.post(reverse("workspace:volunteers", args=[centre_a.pk]), {"approve": grant.pk})

    grant.refresh_from_db()
    assert grant.approval == Approval.APPROVED and grant.decided_by == other
    assert User.objects.get(email="nadia@example.org").is_centre_worker


def test_coordinator_cannot_decide_grants_of_another_centre(
    client, coordinator_a, administrator, centre_b
):
    grant = roles.grant_role(
        by=administrator, user=UserFactory(), role=Role.VOLUNTEER, centre=centre_b
    )
    sign_in(client, coordinator_a)

    response = client.post(
        reverse("workspace:volunteers", args=[coordinator_a.memberships.get().centre_id]),
        {"approve": grant.pk},
    )

    assert response.status_code == 404
    grant.refresh_from_db()
    assert grant.approval == Approval.PENDING


# --- Every step in the access log ---------------------------------------------------------------


def test_every_step_of_a_grant_is_in_the_access_log(
    administrator, second_administrator, newcomer, area_a
):
    grant = roles.grant_role(by=administrator, user=newcomer, role=Role.SPOC, area=area_a)
    roles.approve_grant(grant, by=second_administrator)
    grant.started_on = grant.started_on - datetime.timedelta(days=7)  # widens: waits again
    roles.save_grant(grant, by=second_administrator)
    roles.refuse_grant(grant, by=administrator)
    grant = roles.grant_role(by=administrator, user=newcomer, role=Role.SPOC, area=area_a)
    roles.approve_grant(grant, by=second_administrator)
    roles.end_grant(grant, by=administrator, ended_on=timezone.localdate())
    roles.remove_grant(grant, by=second_administrator)

    C, X = AccessLogEntry.Action.CREATE, AccessLogEntry.Action.CHANGE
    assert log_of(grant) == [
        (administrator, C, "role granted"),
        (second_administrator, X, "role approved"),
        (second_administrator, X, "role changed"),
        (administrator, X, "role refused"),
        (administrator, X, "role changed"),
        (second_administrator, X, "role approved"),
        (administrator, X, "role ended"),
        (second_administrator, X, "role removed"),
    ]
    details = [e.detail for e in AccessLogEntry.objects.about(grant).order_by("at")]
    assert details[2].startswith(
        f"role changed (started_on {timezone.localdate()} -> "
        f"{timezone.localdate() - datetime.timedelta(days=7)})"
    )
    assert details[6].startswith(f"role ended (ended_on None -> {timezone.localdate()})")
    first = AccessLogEntry.objects.about(grant).order_by("at").first()
    assert first.object_label == f"{newcomer.name} — Police single point of contact ({area_a.name})"
    assert first.detail == f"role granted: spoc, area {area_a.pk}, person {newcomer.pk}; pending"
    assert not Membership.objects.filter(pk=grant.pk).exists()


def test_widening_an_approved_role_makes_it_wait_again(
    administrator, second_administrator, newcomer, area_a, area_b
):
    grant = roles.grant_role(by=administrator, user=newcomer, role=Role.OFFICER, area=area_a)
    roles.approve_grant(grant, by=second_administrator)

    grant.training_expires_on = timezone.localdate()  # describes it: stays approved
    roles.save_grant(grant, by=administrator)
    assert grant.approval == Approval.APPROVED
    grant.area = area_b  # another scope: waits for a second person again
    roles.save_grant(grant, by=administrator)

    grant.refresh_from_db()
    assert grant.approval == Approval.PENDING and grant.granted_by == administrator
    assert not Membership.objects.active().filter(user=newcomer).exists()


# --- Superusers are out of administrators' reach -------------------------------------------------


@pytest.mark.parametrize(
    "page", ["centres_user_change", "auth_user_password_change", "centres_user_delete"]
)
def test_administrator_gets_403_on_a_superusers_pages(client, administrator, superuser, page):
    sign_in(client, administrator)
    url = reverse(f"admin:{page}", args=[superuser.pk])

    shown = client.get(url)
    sent = client.post(
        url, {"password1": "a new one 12345", "password2": "a new one 12345", "post": "yes"}
    )

    assert shown.status_code == sent.status_code == 403
    superuser.refresh_from_db()
    assert superuser.check_password(PASSWORD)


def test_superuser_is_not_in_an_administrators_list_or_actions(client, administrator, superuser):
    sign_in(client, administrator)

    listing = client.get(reverse("admin:centres_user_changelist"))
    client.post(
        reverse("admin:centres_user_changelist"),
        {"action": "delete_selected", "_selected_action": [superuser.pk], "post": "yes"},
    )

    assert superuser not in listing.context["cl"].result_list
    assert User.objects.filter(pk=superuser.pk, is_active=True).exists()


def test_administrator_cannot_make_themself_superuser(client, administrator):
    sign_in(client, administrator)

    client.post(
        reverse("admin:centres_user_change", args=[administrator.pk]),
        {
            "email": administrator.email,
            "name": administrator.name,
            "is_active": "on",
            "is_superuser": "on",
            "user_permissions": ["1", "2"],
            "groups": ["1"],
            "memberships-TOTAL_FORMS": 0,
            "memberships-INITIAL_FORMS": 0,
        },
    )

    administrator.refresh_from_db()
    assert not administrator.is_superuser
    assert not administrator.user_permissions.exists()
    assert not administrator.groups.exists()


def test_superuser_still_manages_superusers(client, superuser):
    other = UserFactory(is_superuser=True, name="Second break glass")
    sign_in(client, superuser)

    response = client.get(reverse("admin:centres_user_change", args=[other.pk]))

    assert response.status_code == 200


# --- Use of the superuser is announced ---------------------------------------------------------


def test_superuser_sign_in_queues_one_message_per_other_administrator(
    client, superuser, administrator, second_administrator, area_a
):
    member(Role.ADMINISTRATOR, is_active=False)  # no longer active: not told
    roles.grant_role(by=superuser, user=UserFactory(), role=Role.SPOC, area=area_a)  # not admin
    waiting = UserFactory()
    Membership.objects.create(user=waiting, role=Role.ADMINISTRATOR, granted_by=administrator)

    client.post(reverse("staff:login"), {"username": superuser.email, "password": PASSWORD})

    messages = Notification.objects.filter(kind="superuser_used")
    assert {n.recipient for n in messages} == {administrator, second_administrator}
    assert messages.count() == 2
    outgoing = build(messages.first())
    assert outgoing.subject == "The superuser account was used"
    at = timezone.localtime(AccessLogEntry.objects.get(detail="superuser signed in").at)
    assert f"{at:%H:%M}" in outgoing.body
    assert superuser.name not in outgoing.body and superuser.email not in outgoing.body
    entry = AccessLogEntry.objects.get(detail="superuser signed in")
    assert entry.user == superuser


def test_other_sign_ins_announce_nothing(client, administrator, second_administrator):
    client.post(reverse("staff:login"), {"username": administrator.email, "password": PASSWORD})

    assert not Notification.objects.filter(kind="superuser_used").exists()
    assert not AccessLogEntry.objects.filter(detail="superuser signed in").exists()
