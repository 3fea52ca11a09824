"""The case admin, through real HTTP: scoped to the SPOC's area, every view logged."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from casework.models import Case
from centres.models import AccessLogEntry, Role
from tests.conftest import member, sign_in
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

MADE_UP_ID = 987654321


def change_url(case_id):
    return reverse("admin:casework_case_change", args=[case_id])


def case_of(report):
    return Case.objects.get(report=report)


def test_case_change_out_of_scope_answers_as_missing(client, report_mix, spoc_a):
    sign_in(client, spoc_a)
    other_area = case_of(report_mix.b_details)

    out_of_scope = client.get(change_url(other_area.pk))
    missing = client.get(change_url(MADE_UP_ID))

    assert out_of_scope.status_code == missing.status_code == 302
    assert out_of_scope["Location"] == missing["Location"] == reverse("admin:index")
    assert not AccessLogEntry.objects.about(other_area).exists()


def test_case_change_out_of_scope_message_reads_as_missing(client, report_mix, spoc_a):
    sign_in(client, spoc_a)
    withdrawn = case_of(report_mix.a_withdrawn)

    response = client.get(change_url(withdrawn.pk), follow=True)

    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert f"“{withdrawn.pk}” doesn’t exist" in message
    assert withdrawn.report.reference not in response.content.decode()


def test_case_changelist_lists_only_own_area(client, report_mix, spoc_a):
    sign_in(client, spoc_a)

    response = client.get(reverse("admin:casework_case_changelist"))

    page = response.content.decode()
    for report in (report_mix.a_details, report_mix.a_anonymous, report_mix.a_online):
        assert report.reference in page
    for report in (
        report_mix.a_withdrawn,
        report_mix.a_centre_case_in_b,
        report_mix.b_details,
        report_mix.b_anonymous,
    ):
        assert report.reference not in page


def test_case_changelist_for_inspector_matches_area(client, report_mix, inspector_a):
    sign_in(client, inspector_a)

    response = client.get(reverse("admin:casework_case_changelist"))

    shown = {case.report.reference for case in response.context["cl"].result_list}
    assert shown == {
        report_mix.a_details.reference,
        report_mix.a_anonymous.reference,
        report_mix.a_online.reference,
    }


def test_case_changelist_for_superuser_lists_every_case(client, report_mix, superuser):
    sign_in(client, superuser)

    response = client.get(reverse("admin:casework_case_changelist"))

    shown = {case.report.reference for case in response.context["cl"].result_list}
    assert shown == {case.report.reference for case in Case.objects.select_related("report")}
    assert report_mix.a_withdrawn.reference in shown


def test_case_change_in_scope_shows_case_and_logs_view(client, report_mix, spoc_a):
    sign_in(client, spoc_a)
    case = case_of(report_mix.a_details)

    response = client.get(change_url(case.pk))

    assert response.context["original"] == case
    assert case.report.reference in response.content.decode()
    entry = AccessLogEntry.objects.about(case).get()
    assert (entry.user, entry.action, entry.detail) == (spoc_a, "view", "admin")


def action_url(case_id, action):
    return reverse("admin:casework_case_action", args=[case_id, action])


def test_case_assign_form_saves_owner_and_logs_change(client, report_mix, spoc_a):
    sign_in(client, spoc_a)
    case = case_of(report_mix.a_details)

    response = client.post(action_url(case.pk, "assign"), {"assign-officer": spoc_a.pk})

    assert response["Location"].startswith(change_url(case.pk))
    case.refresh_from_db()
    assert case.owner == spoc_a
    change = AccessLogEntry.objects.about(case).get(action="change")
    assert change.detail == f"assigned to person {spoc_a.pk}"
    assert change.user == spoc_a


def test_case_assign_choices_only_police_of_own_area(
    client, report_mix, spoc_a, spoc_b, inspector_a, volunteer_a, administrator
):
    sign_in(client, spoc_a)
    case = case_of(report_mix.a_details)

    response = client.get(change_url(case.pk))

    [form] = [f for name, f in response.context["form_groups"]["thrive"] if name == "assign"]
    assert set(form.fields["officer"].queryset) == {spoc_a, inspector_a}


def test_case_assign_to_officer_of_another_area_is_refused(client, report_mix, spoc_a, spoc_b):
    sign_in(client, spoc_a)
    case = case_of(report_mix.a_details)

    response = client.post(
        action_url(case.pk, "assign"), {"assign-officer": spoc_b.pk}, follow=True
    )

    assert any("Officer" in str(m) for m in get_messages(response.wsgi_request))
    case.refresh_from_db()
    assert case.owner is None


def test_case_change_post_in_scope_is_refused_as_read_only(client, report_mix, spoc_a):
    sign_in(client, spoc_a)
    case = case_of(report_mix.a_details)

    response = client.post(change_url(case.pk), {"owner": spoc_a.pk, "update_interval_days": 1})

    assert response.status_code == 403
    case.refresh_from_db()
    assert (case.owner, case.update_interval_days) == (None, 28)


def test_case_change_post_out_of_scope_changes_nothing(client, report_mix, spoc_a):
    sign_in(client, spoc_a)
    case = case_of(report_mix.b_details)

    response = client.post(change_url(case.pk), {"owner": spoc_a.pk, "update_interval_days": 1})

    assert response["Location"] == reverse("admin:index")
    case.refresh_from_db()
    assert (case.owner, case.update_interval_days) == (None, 28)


def test_case_change_by_superuser_in_any_area(client, report_mix, superuser):
    sign_in(client, superuser)
    case = case_of(report_mix.b_anonymous)

    response = client.get(change_url(case.pk))

    assert response.context["original"] == case
    assert AccessLogEntry.objects.about(case).get().user == superuser


@pytest.mark.parametrize("who", ["administrator", "analyst", "volunteer_a"])
def test_case_admin_closed_to_non_police(client, request, report_mix, who):
    user = request.getfixturevalue(who)
    sign_in(client, user)
    case = case_of(report_mix.a_details)

    response = client.get(change_url(case.pk))

    assert response.status_code in (302, 403)
    assert case.report.reference not in response.content.decode()
    assert not AccessLogEntry.objects.about(case).exists()


def test_case_changelist_for_volunteer_and_spoc_lists_only_police_cases(
    client, report_mix, centre_a, area_b
):
    user = member(Role.VOLUNTEER, centre=centre_a, name="Dual role")
    MembershipFactory(user=user, role=Role.SPOC, centre=None, area=area_b)
    sign_in(client, user)
    centre_case = case_of(report_mix.a_details)

    changelist = client.get(reverse("admin:casework_case_changelist"))
    change = client.get(change_url(centre_case.pk))

    shown = {case.report.reference for case in changelist.context["cl"].result_list}
    assert shown == {
        report_mix.a_centre_case_in_b.reference,
        report_mix.b_details.reference,
        report_mix.b_anonymous.reference,
    }
    assert change["Location"] == reverse("admin:index")
