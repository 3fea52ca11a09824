"""Who sees which reports and cases (reporting/access.py), against the real database."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from casework.models import Case
from centres.models import AccessLogEntry, Membership, Role
from reporting import access
from reporting.models import Consent, Report
from tests.conftest import member
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

EVERY_REPORT = "all"

# What each persona sees, by the names of the reports in the `report_mix` fixture.
VISIBLE_REPORTS = [
    ("volunteer_a", {"a_details", "a_anonymous", "a_unshared", "a_centre_case_in_b"}),
    ("coordinator_a", {"a_details", "a_anonymous", "a_unshared", "a_centre_case_in_b"}),
    ("volunteer_b", {"b_details", "b_unshared"}),
    ("spoc_a", {"a_details", "a_anonymous", "a_online"}),
    ("inspector_a", {"a_details", "a_anonymous", "a_online"}),
    ("spoc_b", {"a_centre_case_in_b", "b_details", "b_anonymous"}),
    ("analyst", set()),
    ("administrator", set()),
    ("anonymous", set()),
    ("superuser", EVERY_REPORT),
]

VISIBLE_CASES = [
    ("volunteer_a", {"a_details", "a_anonymous", "a_centre_case_in_b"}),
    ("volunteer_b", {"b_details"}),
    ("spoc_a", {"a_details", "a_anonymous", "a_online"}),
    ("inspector_a", {"a_details", "a_anonymous", "a_online"}),
    ("spoc_b", {"a_centre_case_in_b", "b_details", "b_anonymous"}),
    ("analyst", set()),
    ("administrator", set()),
    ("anonymous", set()),
    ("superuser", EVERY_REPORT),
]


@pytest.fixture
def persona(request):
    """The user a parametrized test names, or an anonymous visitor."""

    def get(name):
        if name == "anonymous":
            return AnonymousUser()
        return request.getfixturevalue(name)

    return get


def references(reports):
    return {report.reference for report in reports}


def expected_references(mix, names):
    if names == EVERY_REPORT:
        return references(mix.all)
    return references(getattr(mix, name) for name in names)


@pytest.mark.parametrize(("who", "names"), VISIBLE_REPORTS)
def test_reports_visible_to_persona_exactly(report_mix, persona, who, names):
    user = persona(who)

    visible = Report.objects.visible_to(user)

    assert references(visible) == expected_references(report_mix, names)


@pytest.mark.parametrize(("who", "names"), VISIBLE_CASES)
def test_cases_visible_to_persona_exactly(report_mix, persona, who, names):
    user = persona(who)

    visible = Case.objects.visible_to(user).select_related("report")

    expected = expected_references(report_mix, names)
    if names == EVERY_REPORT:
        expected = references(Report.objects.filter(case__isnull=False))
    assert {case.report.reference for case in visible} == expected


def test_reports_visible_to_spoc_never_do_not_share_even_with_case(report_mix, spoc_a):
    withdrawn = report_mix.a_withdrawn

    assert Case.objects.filter(report=withdrawn, area=spoc_a.memberships.get().area).exists()
    assert not Report.objects.visible_to(spoc_a).filter(pk=withdrawn.pk).exists()
    assert not Case.objects.visible_to(spoc_a).filter(report=withdrawn).exists()


def test_reports_visible_to_spoc_not_before_case_is_opened(report_mix, spoc_a):
    assert not Report.objects.visible_to(spoc_a).filter(pk=report_mix.a_not_yet_cased.pk).exists()


@pytest.mark.parametrize("who", ["spoc_a", "inspector_a"])
def test_consent_withdrawal_removes_report_from_police_view(report_mix, persona, who):
    user = persona(who)
    report = report_mix.a_details
    assert Report.objects.visible_to(user).filter(pk=report.pk).exists()

    report.consent = Consent.DO_NOT_SHARE
    report.save(update_fields=["consent"])

    assert not Report.objects.visible_to(user).filter(pk=report.pk).exists()
    assert not Case.objects.visible_to(user).filter(report=report).exists()
    with pytest.raises(Http404):
        access.get_report_or_404(user, Report.objects.all(), pk=report.pk)


def test_consent_withdrawal_keeps_report_in_centre_view(report_mix, volunteer_a):
    report = report_mix.a_details

    report.consent = Consent.DO_NOT_SHARE
    report.save(update_fields=["consent"])

    assert Report.objects.visible_to(volunteer_a).filter(pk=report.pk).exists()


def test_reports_visible_to_ended_membership_none(report_mix, spoc_a):
    Membership.objects.filter(user=spoc_a).update(
        started_on=timezone.localdate() - timezone.timedelta(days=30),
        ended_on=timezone.localdate(),
    )
    fresh = type(spoc_a).objects.get(pk=spoc_a.pk)

    assert not Report.objects.visible_to(fresh).exists()
    assert not Case.objects.visible_to(fresh).exists()


def test_reports_visible_to_inactive_user_none(report_mix, volunteer_a):
    volunteer_a.is_active = False
    volunteer_a.save(update_fields=["is_active"])

    assert not Report.objects.visible_to(volunteer_a).exists()


# --- Contact details ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "report_name", "allowed"),
    [
        ("volunteer_a", "a_details", True),
        ("volunteer_a", "a_anonymous", True),
        ("volunteer_a", "a_unshared", True),
        ("volunteer_a", "a_centre_case_in_b", True),
        ("volunteer_a", "b_details", False),
        ("volunteer_b", "a_details", False),
        ("spoc_a", "a_details", True),
        ("spoc_a", "a_online", True),
        ("spoc_a", "a_anonymous", False),
        ("spoc_a", "a_unshared", False),
        ("spoc_a", "a_withdrawn", False),
        ("spoc_a", "a_not_yet_cased", False),
        ("spoc_a", "b_details", False),
        ("spoc_a", "a_centre_case_in_b", False),
        ("spoc_b", "a_centre_case_in_b", True),
        ("spoc_b", "b_anonymous", False),
        ("inspector_a", "a_details", True),
        ("inspector_a", "a_anonymous", False),
        ("analyst", "a_details", False),
        ("administrator", "a_details", False),
        ("anonymous", "a_details", False),
        ("superuser", "b_anonymous", True),
    ],
)
def test_can_see_contact_details(report_mix, persona, who, report_name, allowed):
    user = persona(who)
    report = Report.objects.get(pk=getattr(report_mix, report_name).pk)

    assert access.can_see_contact_details(user, report) is allowed


@pytest.mark.parametrize(
    ("who", "report_name", "allowed"),
    [
        ("spoc_a", "a_details", True),
        ("spoc_a", "a_anonymous", True),
        ("spoc_a", "a_withdrawn", False),
        ("spoc_a", "b_details", False),
        ("volunteer_a", "a_details", False),
        ("analyst", "a_details", False),
        ("anonymous", "a_details", False),
        ("superuser", "b_details", True),
    ],
)
def test_can_see_internal_notes(report_mix, persona, who, report_name, allowed):
    user = persona(who)
    case = Case.objects.get(report=getattr(report_mix, report_name))

    assert access.can_see_internal_notes(user, case) is allowed
    assert access.can_change_case(user, case) is allowed


# --- Fetching one object --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "report_name"),
    [
        ("volunteer_a", "b_details"),
        ("volunteer_b", "a_unshared"),
        ("spoc_a", "b_details"),
        ("spoc_a", "a_withdrawn"),
        ("spoc_a", "a_unshared"),
        ("analyst", "a_details"),
        ("administrator", "a_details"),
        ("anonymous", "a_details"),
    ],
)
def test_get_report_or_404_out_of_scope_raises_and_logs_nothing(
    report_mix, persona, who, report_name
):
    user = persona(who)
    report = getattr(report_mix, report_name)

    with pytest.raises(Http404):
        access.get_report_or_404(user, Report.objects.all(), pk=report.pk)

    assert not AccessLogEntry.objects.about(report).exists()


def test_get_report_or_404_unknown_reference_raises(report_mix, spoc_a):
    with pytest.raises(Http404):
        access.get_report_or_404(spoc_a, Report.objects.all(), reference="HR-2222-2222")


@pytest.mark.parametrize(
    ("who", "report_name"),
    [("volunteer_a", "a_unshared"), ("spoc_a", "a_details"), ("spoc_b", "a_centre_case_in_b")],
)
def test_get_report_or_404_in_scope_returns_and_logs_view(report_mix, persona, who, report_name):
    user = persona(who)
    report = getattr(report_mix, report_name)

    fetched = access.get_report_or_404(user, Report.objects.all(), reference=report.reference)

    assert fetched == report
    entry = AccessLogEntry.objects.about(report).get()
    assert (entry.user, entry.action, entry.object_label) == (user, "view", report.reference)


def test_get_report_or_404_without_log_writes_nothing(report_mix, spoc_a):
    report = report_mix.a_details

    access.get_report_or_404(spoc_a, Report.objects.all(), log=False, pk=report.pk)

    assert not AccessLogEntry.objects.about(report).exists()


@pytest.mark.parametrize(
    ("who", "report_name"),
    [
        ("spoc_a", "b_details"),
        ("spoc_a", "a_withdrawn"),
        ("spoc_b", "a_details"),
        ("volunteer_b", "a_details"),
        ("analyst", "a_details"),
        ("administrator", "b_details"),
        ("anonymous", "a_details"),
    ],
)
def test_get_case_or_404_out_of_scope_raises_and_logs_nothing(
    report_mix, persona, who, report_name
):
    user = persona(who)
    case = Case.objects.get(report=getattr(report_mix, report_name))

    with pytest.raises(Http404):
        access.get_case_or_404(user, Case.objects.all(), pk=case.pk)

    assert not AccessLogEntry.objects.about(case).exists()


def test_get_case_or_404_in_scope_returns_and_logs_view(report_mix, inspector_a):
    case = Case.objects.get(report=report_mix.a_anonymous)

    fetched = access.get_case_or_404(inspector_a, Case.objects.all(), pk=case.pk)

    assert fetched == case
    entry = AccessLogEntry.objects.about(case).get()
    assert (entry.user, entry.action) == (inspector_a, "view")


def test_record_by_reporter_themself_has_no_user(report_mix):
    report = report_mix.a_details

    entry = access.record(AnonymousUser(), report, AccessLogEntry.Action.VIEW, detail="tracking")

    assert entry.user is None
    assert AccessLogEntry.objects.about(report).get().detail == "tracking"


# --- Casework scope (the case admin) ---------------------------------------------------------


@pytest.fixture
def volunteer_a_and_spoc_b(centre_a, area_b):
    """Someone who volunteers at centre A and is also a SPOC in area B."""
    user = member(Role.VOLUNTEER, centre=centre_a, name="Dual role")
    MembershipFactory(user=user, role=Role.SPOC, centre=None, area=area_b)
    return user


@pytest.mark.parametrize(
    ("who", "names"),
    [
        ("spoc_a", {"a_details", "a_anonymous", "a_online"}),
        ("inspector_a", {"a_details", "a_anonymous", "a_online"}),
        ("spoc_b", {"a_centre_case_in_b", "b_details", "b_anonymous"}),
        ("volunteer_a_and_spoc_b", {"a_centre_case_in_b", "b_details", "b_anonymous"}),
        ("volunteer_a", set()),
        ("analyst", set()),
        ("administrator", set()),
        ("anonymous", set()),
        ("superuser", EVERY_REPORT),
    ],
)
def test_cases_handled_by_persona_only_police_scope(report_mix, persona, who, names):
    user = persona(who)

    handled = access.cases_handled_by(user, Case.objects.select_related("report"))

    expected = expected_references(report_mix, names)
    if names == EVERY_REPORT:
        expected = references(Report.objects.filter(case__isnull=False))
    assert {case.report.reference for case in handled} == expected


def test_cases_visible_to_dual_role_include_centre_cases(report_mix, volunteer_a_and_spoc_b):
    visible = Case.objects.visible_to(volunteer_a_and_spoc_b).select_related("report")

    assert report_mix.a_details.reference in {case.report.reference for case in visible}
