"""Casework services: outcomes, the inspector authorisation rule, and the idempotent helpers."""

from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from casework import services
from casework.models import (
    Authorisation,
    Case,
    CaseEvent,
    CaseStatus,
    TransitionRefused,
)
from centres.models import Notification, Role
from reporting.models import Consent
from tests.casework.conftest import give_outcome, make_case
from tests.conftest import member
from tests.factories import (
    LocalOutcomeCodeFactory,
    ReportFactory,
    ThriveAssessmentFactory,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


# --- Outcomes and the authorisation rule -----------------------------------------------------


def test_record_outcome_through_local_code_maps_to_home_office_type(area_a, spoc_a):
    case = make_case(area=area_a, status="investigating")
    code = LocalOutcomeCodeFactory(area=area_a, code="OC8")

    outcome = services.record_outcome(
        case=case, by=spoc_a, local_code=code, offender_identifiable=True
    )

    assert outcome.outcome_type.number == 8
    case.refresh_from_db()
    assert case.status == CaseStatus.OUTCOME_RECORDED


def test_record_outcome_with_another_area_code_is_refused(area_a, area_b, spoc_a):
    case = make_case(area=area_a, status="investigating")

    with pytest.raises(ValidationError):
        services.record_outcome(
            case=case,
            by=spoc_a,
            local_code=LocalOutcomeCodeFactory(area=area_b),
            offender_identifiable=True,
        )
    case.refresh_from_db()
    assert case.status == "investigating"
    assert not hasattr(case, "outcome") or case.has_outcome is False


def test_record_outcome_on_new_case_is_refused_and_rolled_back(case_a, spoc_a):
    from casework.models import OutcomeType

    with pytest.raises(TransitionRefused):
        services.record_outcome(
            case=case_a,
            by=spoc_a,
            outcome_type=OutcomeType.objects.get(number=18),
            offender_identifiable=False,
        )
    assert not case_a.has_outcome


def nfa_case(area, spoc, *, identifiable=True):
    case = make_case(area=area, status="outcome_recorded")
    # 16: suspect identified, victim does not support action; 14: suspect not identified.
    give_outcome(
        case, by=spoc, number=16 if identifiable else 14, offender_identifiable=identifiable
    )
    return case


def test_close_nfa_identifiable_offender_without_authorisation_is_refused(area_a, spoc_a):
    case = nfa_case(area_a, spoc_a)

    with pytest.raises(TransitionRefused, match="authorisation"):
        case.close(by=spoc_a)
    case.refresh_from_db()
    assert case.status == "outcome_recorded"


def test_close_nfa_identifiable_offender_when_area_rule_off_is_allowed(area_a, spoc_a):
    area_a.nfa_needs_authorisation = False
    area_a.save()
    case = nfa_case(area_a, spoc_a)

    case.close(by=spoc_a)

    case.refresh_from_db()
    assert case.status == "closed"


def test_close_nfa_offender_not_identifiable_needs_no_authorisation(area_a, spoc_a):
    case = nfa_case(area_a, spoc_a, identifiable=False)

    case.close(by=spoc_a)

    assert case.status == "closed"


def test_authorisation_request_notifies_inspectors_and_approval_closes(area_a, spoc_a, inspector_a):
    case = nfa_case(area_a, spoc_a)

    authorisation = services.request_authorisation(
        case=case, by=spoc_a, reason="Victim does not support action."
    )
    assert Notification.objects.get(kind="authorisation_requested").recipient == inspector_a
    services.decide_authorisation(authorisation=authorisation, by=inspector_a, approve=True)

    case.refresh_from_db()
    authorisation.refresh_from_db()
    assert (authorisation.decision, authorisation.decided_by) == ("approved", inspector_a)
    assert case.status == "closed"
    assert CaseEvent.objects.filter(case=case, to_status="closed").get().by == inspector_a
    assert Notification.objects.get(kind="authorisation_decided").recipient == spoc_a


def test_authorisation_refusal_needs_reason_and_keeps_case_open(area_a, spoc_a, inspector_a):
    case = nfa_case(area_a, spoc_a)
    authorisation = services.request_authorisation(case=case, by=spoc_a, reason="No support.")

    with pytest.raises(ValidationError):
        services.decide_authorisation(authorisation=authorisation, by=inspector_a, approve=False)
    services.decide_authorisation(
        authorisation=authorisation,
        by=inspector_a,
        approve=False,
        reason="Speak to the witness first.",
    )

    case.refresh_from_db()
    assert case.status == "outcome_recorded"
    with pytest.raises(TransitionRefused):
        case.close(by=spoc_a)


def test_authorisation_by_requester_is_refused(area_a, inspector_a):
    case = nfa_case(area_a, inspector_a)
    authorisation = services.request_authorisation(case=case, by=inspector_a, reason="No support.")

    with pytest.raises(ValidationError, match="your own"):
        services.decide_authorisation(authorisation=authorisation, by=inspector_a, approve=True)
    authorisation.refresh_from_db()
    assert authorisation.decision == Authorisation.Decision.PENDING


def test_authorisation_by_spoc_or_other_area_inspector_is_refused(area_a, area_b, spoc_a):
    other_spoc = member(Role.SPOC, area=area_a)
    other_inspector = member(Role.INSPECTOR, area=area_b)
    case = nfa_case(area_a, spoc_a)
    authorisation = services.request_authorisation(case=case, by=spoc_a, reason="No support.")

    for who in (other_spoc, other_inspector):
        with pytest.raises(ValidationError, match="inspector"):
            services.decide_authorisation(authorisation=authorisation, by=who, approve=True)


def test_authorisation_not_needed_when_rule_off(area_a, spoc_a):
    area_a.nfa_needs_authorisation = False
    area_a.save()
    case = nfa_case(area_a, spoc_a)

    with pytest.raises(ValidationError, match="does not need"):
        services.request_authorisation(case=case, by=spoc_a, reason="No support.")


def test_second_pending_authorisation_is_refused(area_a, spoc_a):
    case = nfa_case(area_a, spoc_a)
    services.request_authorisation(case=case, by=spoc_a, reason="No support.")

    with pytest.raises(ValidationError, match="already waiting"):
        services.request_authorisation(case=case, by=spoc_a, reason="Again.")


def test_approval_before_new_outcome_does_not_authorise_it(area_a, spoc_a, inspector_a):
    case = nfa_case(area_a, spoc_a)
    authorisation = services.request_authorisation(case=case, by=spoc_a, reason="No support.")
    services.decide_authorisation(authorisation=authorisation, by=inspector_a, approve=True)
    case.refresh_from_db()
    case.reopen(by=spoc_a, reason="New evidence.")

    services.record_outcome(
        case=case,
        by=spoc_a,
        outcome_type=authorisation.case.outcome.outcome_type,
        offender_identifiable=True,
    )

    with pytest.raises(TransitionRefused, match="authorisation"):
        case.close(by=spoc_a)


def test_thrive_factory_history_unchanged_by_services(case_a):
    ThriveAssessmentFactory(case=case_a)

    assert case_a.assessments.count() == 1


def test_open_case_task_is_idempotent_and_skips_unshared(area_a):
    from casework.tasks import open_case_for_report

    shared = ReportFactory(area=area_a)
    unshared = ReportFactory(area=area_a, consent=Consent.DO_NOT_SHARE)

    first = open_case_for_report(report_id=shared.pk)
    second = open_case_for_report(report_id=shared.pk)

    assert first == second == Case.objects.get(report=shared).pk
    assert open_case_for_report(report_id=unshared.pk) is None


def test_queue_notification_twice_with_same_key_writes_one_row(spoc_a):
    from centres.outbox import queue_notification

    first = queue_notification(
        key="case-opened:1:1",
        kind="case_opened",
        channel="email",
        recipient=spoc_a,
        language="en",
        context={"case": 1},
    )
    second = queue_notification(
        key="case-opened:1:1",
        kind="case_opened",
        channel="email",
        recipient=spoc_a,
        language="en",
        context={"case": 2},
    )

    assert first == second
    assert Notification.objects.get().context == {"case": 1}
