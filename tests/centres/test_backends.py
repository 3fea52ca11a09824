"""Model permissions come from roles (centres/backends.py), never from flags set by hand."""

import pytest
from django.utils import timezone

from centres.backends import ROLE_PERMISSIONS
from centres.models import Membership, Role, User

pytestmark = pytest.mark.django_db


def fresh(user):
    # Roles are cached on the instance; a new request loads a new one.
    return User.objects.get(pk=user.pk)


@pytest.mark.parametrize("who", ["spoc_a", "inspector_a"])
@pytest.mark.parametrize(
    "perm",
    [
        "casework.view_case",
        "casework.change_case",
        "casework.add_caseupdate",
        "casework.add_thriveassessment",
        "reporting.view_report",
    ],
)
def test_police_roles_have_casework_permissions(request, who, perm):
    user = request.getfixturevalue(who)

    assert user.has_perm(perm)


@pytest.mark.parametrize(
    "perm",
    [
        "casework.add_case",
        "casework.delete_case",
        "reporting.change_report",
        "reporting.delete_report",
        "centres.view_accesslogentry",
        "centres.change_area",
        "centres.change_user",
        "casework.change_authorisation",
    ],
)
def test_spoc_lacks_other_permissions(spoc_a, perm):
    assert not spoc_a.has_perm(perm)


def test_inspector_may_decide_authorisations(inspector_a, spoc_a):
    assert inspector_a.has_perm("casework.change_authorisation")
    assert not spoc_a.has_perm("casework.change_authorisation")


@pytest.mark.parametrize(
    "perm",
    [
        "centres.add_area",
        "centres.change_centre",
        "centres.delete_strand",
        "centres.change_user",
        "centres.add_membership",
        "reporting.change_incidenttype",
        "casework.change_outcometype",
        "casework.add_localoutcomecode",
        "centres.view_accesslogentry",
    ],
)
def test_administrator_has_reference_data_and_access_log(administrator, perm):
    assert administrator.has_perm(perm)


@pytest.mark.parametrize(
    "perm",
    [
        "reporting.view_report",
        "reporting.view_evidencefile",
        "casework.view_case",
        "casework.view_caseupdate",
        "centres.change_accesslogentry",
        "centres.delete_accesslogentry",
    ],
)
def test_administrator_never_reads_reports_or_cases(administrator, perm):
    assert not administrator.has_perm(perm)


@pytest.mark.parametrize("who", ["volunteer_a", "coordinator_a", "analyst"])
def test_centre_roles_and_analyst_have_no_admin_permissions(request, who):
    user = request.getfixturevalue(who)

    assert user.get_all_permissions() == set()
    assert not user.has_module_perms("reporting")
    assert not user.has_module_perms("casework")
    assert not user.is_staff


@pytest.mark.parametrize(
    ("who", "is_staff"),
    [
        ("spoc_a", True),
        ("inspector_a", True),
        ("administrator", True),
        ("superuser", True),
        ("volunteer_a", False),
        ("coordinator_a", False),
        ("analyst", False),
    ],
)
def test_is_staff_follows_roles(request, who, is_staff):
    assert request.getfixturevalue(who).is_staff is is_staff


def test_ended_membership_gives_nothing(spoc_a):
    Membership.objects.filter(user=spoc_a).update(
        started_on=timezone.localdate() - timezone.timedelta(days=30),
        ended_on=timezone.localdate(),
    )

    user = fresh(spoc_a)

    assert user.get_all_permissions() == set()
    assert not user.is_staff


def test_inactive_user_gets_nothing(spoc_a):
    spoc_a.is_active = False
    spoc_a.save(update_fields=["is_active"])

    user = fresh(spoc_a)

    assert not user.has_perm("casework.view_case")
    assert not user.is_staff


def test_superuser_has_every_permission(superuser):
    assert superuser.has_perm("reporting.view_report")
    assert superuser.has_perm("casework.delete_case")


def test_role_permissions_name_real_permissions():
    from django.contrib.auth.models import Permission

    known = {
        f"{app}.{codename}"
        for app, codename in Permission.objects.values_list("content_type__app_label", "codename")
    }

    named = set().union(*ROLE_PERMISSIONS.values())

    assert named - known == set()
    assert set(ROLE_PERMISSIONS) == set(Role)
