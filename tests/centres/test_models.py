"""What the database itself refuses, for areas, memberships, the outbox and the access log."""

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from centres.models import AccessLogEntry, Area, AreaPlace, Membership, Notification, Role
from tests.factories import (
    AreaFactory,
    AreaPlaceFactory,
    CentreFactory,
    MembershipFactory,
    NotificationFactory,
    ReportFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


# --- Memberships ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "with_centre", "with_area"),
    [
        (Role.VOLUNTEER, False, False),
        (Role.VOLUNTEER, False, True),
        (Role.VOLUNTEER, True, True),
        (Role.COORDINATOR, False, True),
        (Role.SPOC, False, False),
        (Role.SPOC, True, False),
        (Role.SPOC, True, True),
        (Role.INSPECTOR, True, False),
        (Role.ANALYST, False, True),
        (Role.ANALYST, True, False),
        (Role.ADMINISTRATOR, False, True),
    ],
)
def test_membership_scope_not_matching_role_is_refused(role, with_centre, with_area):
    user = UserFactory()
    area = AreaFactory()
    centre = CentreFactory(area=area)

    with pytest.raises(IntegrityError, match="membership_scope_matches_role"), transaction.atomic():
        Membership.objects.create(
            user=user,
            role=role,
            centre=centre if with_centre else None,
            area=area if with_area else None,
        )


@pytest.mark.parametrize(
    ("role", "scope"),
    [
        (Role.VOLUNTEER, "centre"),
        (Role.COORDINATOR, "centre"),
        (Role.SPOC, "area"),
        (Role.OFFICER, "area"),
        (Role.INSPECTOR, "area"),
        (Role.ANALYST, None),
        (Role.ADMINISTRATOR, None),
    ],
)
def test_membership_scope_matching_role_is_saved(role, scope):
    user = UserFactory()
    area = AreaFactory()
    centre = CentreFactory(area=area)

    membership = Membership.objects.create(
        user=user,
        role=role,
        centre=centre if scope == "centre" else None,
        area=area if scope == "area" else None,
    )

    assert Membership.objects.get(pk=membership.pk).role == role


def test_membership_unknown_role_is_refused():
    user = UserFactory()

    with pytest.raises(IntegrityError, match="membership_role_valid"), transaction.atomic():
        Membership.objects.create(user=user, role="sergeant")


def test_membership_same_role_and_centre_twice_is_refused(centre_a):
    user = UserFactory()
    MembershipFactory(user=user, role=Role.VOLUNTEER, centre=centre_a)

    with pytest.raises(IntegrityError, match="membership_unique_role_scope"), transaction.atomic():
        MembershipFactory(user=user, role=Role.VOLUNTEER, centre=centre_a)


def test_membership_same_unscoped_role_twice_is_refused():
    # The scope columns are both NULL: still the same membership (NULLS NOT DISTINCT).
    user = UserFactory()
    MembershipFactory(user=user, role=Role.ANALYST, centre=None)

    with pytest.raises(IntegrityError, match="membership_unique_role_scope"), transaction.atomic():
        MembershipFactory(user=user, role=Role.ANALYST, centre=None)


def test_membership_same_role_at_two_centres_is_saved(centre_a, centre_b):
    user = UserFactory()
    MembershipFactory(user=user, role=Role.VOLUNTEER, centre=centre_a)
    MembershipFactory(user=user, role=Role.VOLUNTEER, centre=centre_b)

    assert {m.centre for m in user.memberships.all()} == {centre_a, centre_b}


def test_membership_ending_before_it_starts_is_refused(centre_a):
    today = timezone.localdate()

    with pytest.raises(IntegrityError, match="membership_ends_after_start"), transaction.atomic():
        MembershipFactory(
            centre=centre_a, started_on=today, ended_on=today - timezone.timedelta(days=1)
        )


def test_membership_active_excludes_ended_and_future(centre_a):
    today = timezone.localdate()
    day = timezone.timedelta(days=1)
    current = MembershipFactory(centre=centre_a, started_on=today - day)
    MembershipFactory(centre=centre_a, started_on=today - 10 * day, ended_on=today)
    MembershipFactory(centre=centre_a, started_on=today + day)

    assert list(Membership.objects.active()) == [current]


# --- Areas and places -----------------------------------------------------------------------


def test_area_central_queue_is_created_by_migration():
    assert Area.objects.central_queue().code == "central"


def test_area_second_central_queue_is_refused():
    with pytest.raises(IntegrityError, match="area_one_central_queue"), transaction.atomic():
        AreaFactory(is_central_queue=True)


def test_areaplace_same_kind_and_value_twice_is_refused(area_a, area_b):
    AreaPlaceFactory(area=area_a, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value="B11")

    with pytest.raises(IntegrityError, match="areaplace_unique_value"), transaction.atomic():
        AreaPlaceFactory(area=area_b, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value="B11")


def test_areaplace_same_value_of_another_kind_is_saved(area_a):
    AreaPlaceFactory(area=area_a, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value="CM1")
    AreaPlaceFactory(area=area_a, kind=AreaPlace.Kind.TOWN, value="CM1")

    assert area_a.places.count() == 2


@pytest.mark.parametrize(
    ("postcode", "town", "expected"),
    [
        ("b11 1aa", "", "birmingham-east"),
        ("", "  SPARKBROOK ", "birmingham-east"),
        ("CM1 1AA", "Sparkbrook", "chelmsford"),
        ("ZZ9 9ZZ", "Nowhere", "central"),
        ("", "", "central"),
    ],
)
def test_area_for_location_postcode_then_town_then_central_queue(
    area_a, area_b, postcode, town, expected
):
    AreaPlaceFactory(area=area_a, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value="B11")
    AreaPlaceFactory(area=area_a, kind=AreaPlace.Kind.TOWN, value="sparkbrook")
    AreaPlaceFactory(area=area_b, kind=AreaPlace.Kind.POSTCODE_DISTRICT, value="CM1")

    assert Area.objects.for_location(postcode=postcode, town=town).code == expected


def test_area_with_reports_cannot_be_deleted(area_a):
    report = ReportFactory(area=area_a)

    with pytest.raises(ProtectedError):
        area_a.delete()

    assert Area.objects.filter(pk=area_a.pk).exists()
    assert report.area_id == area_a.pk


def test_area_with_centres_cannot_be_deleted(centre_a):
    with pytest.raises(ProtectedError):
        centre_a.area.delete()


# --- The outbox -----------------------------------------------------------------------------


def test_notification_same_key_twice_is_refused():
    NotificationFactory(key="case-update:42:victim")

    with pytest.raises(IntegrityError, match="key"), transaction.atomic():
        NotificationFactory(key="case-update:42:victim")


def test_notification_sent_without_sent_at_is_refused():
    with pytest.raises(IntegrityError, match="notification_sent_has_time"), transaction.atomic():
        NotificationFactory(status=Notification.Status.SENT, sent_at=None)


def test_notification_sent_with_sent_at_is_saved():
    notification = NotificationFactory(status=Notification.Status.SENT, sent_at=timezone.now())

    assert Notification.objects.get(pk=notification.pk).status == Notification.Status.SENT


def test_notification_unknown_status_is_refused():
    with pytest.raises(IntegrityError, match="notification_status_valid"), transaction.atomic():
        NotificationFactory(status="lost")


# --- The access log -------------------------------------------------------------------------


@pytest.fixture
def log_entry(spoc_a):
    report = ReportFactory()
    return AccessLogEntry.objects.record(
        user=spoc_a, obj=report, action=AccessLogEntry.Action.VIEW, detail="admin"
    )


def test_accesslog_record_creates_entry(spoc_a, log_entry):
    entry = AccessLogEntry.objects.get(pk=log_entry.pk)

    assert entry.user == spoc_a
    assert entry.action == "view"
    assert entry.object_label.startswith("HR-")
    assert entry.detail == "admin"


def test_accesslog_saving_a_change_is_refused(log_entry):
    log_entry.detail = "rewritten"

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        log_entry.save()

    assert AccessLogEntry.objects.get(pk=log_entry.pk).detail == "admin"


def test_accesslog_queryset_update_is_refused(log_entry):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AccessLogEntry.objects.filter(pk=log_entry.pk).update(user=None, reason="covering up")

    entry = AccessLogEntry.objects.get(pk=log_entry.pk)
    assert entry.user_id is not None
    assert entry.reason == ""


def test_accesslog_delete_is_refused(log_entry):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        log_entry.delete()

    assert AccessLogEntry.objects.filter(pk=log_entry.pk).exists()


def test_accesslog_queryset_delete_is_refused(log_entry):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AccessLogEntry.objects.all().delete()

    assert AccessLogEntry.objects.count() == 1


def test_accesslog_raw_sql_update_is_refused(log_entry):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE centres_accesslogentry SET detail = 'x'")

    assert AccessLogEntry.objects.get(pk=log_entry.pk).detail == "admin"


def test_accesslog_keeps_people_who_appear_in_it(spoc_a, log_entry):
    with pytest.raises(ProtectedError):
        spoc_a.delete()


def test_membership_training_expiring_lists_centre_roles_due_within_days(centre_a, area_a):
    today = timezone.localdate()
    day = timezone.timedelta(days=1)
    due = MembershipFactory(centre=centre_a, training_expires_on=today + 10 * day)
    MembershipFactory(centre=centre_a, training_expires_on=today + 60 * day)
    MembershipFactory(
        centre=None, area=area_a, role=Role.SPOC, training_expires_on=today + 10 * day
    )

    assert list(Membership.objects.training_expiring(within_days=30)) == [due]
