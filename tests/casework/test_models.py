"""What the database refuses for cases, their assessments, clocks, escalations and outcomes."""

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from casework.models import (
    Authorisation,
    CaseStatus,
    Clock,
    Escalation,
    KeyEvent,
    OutcomeType,
    RecordingDecision,
)
from tests.factories import (
    AreaFactory,
    AuthorisationFactory,
    CaseFactory,
    CaseUpdateFactory,
    ClockFactory,
    EscalationFactory,
    LocalOutcomeCodeFactory,
    ThriveAssessmentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NOW = timezone.now


# --- Cases ----------------------------------------------------------------------------------


def test_case_closed_without_closed_at_is_refused():
    with pytest.raises(IntegrityError, match="case_closed_has_time"), transaction.atomic():
        CaseFactory(status=CaseStatus.CLOSED, triaged_at=NOW(), closed_at=None)


def test_case_closed_with_closed_at_is_saved():
    case = CaseFactory(status=CaseStatus.CLOSED, triaged_at=NOW(), closed_at=NOW())

    assert case.status == CaseStatus.CLOSED


@pytest.mark.parametrize(
    "status",
    [
        CaseStatus.TRIAGED,
        CaseStatus.INVESTIGATING,
        CaseStatus.AWAITING_DECISION,
        CaseStatus.OUTCOME_RECORDED,
    ],
)
def test_case_past_new_without_triaged_at_is_refused(status):
    with pytest.raises(IntegrityError, match="case_triaged_has_time"), transaction.atomic():
        CaseFactory(status=status, triaged_at=None)


def test_case_unknown_status_is_refused():
    with pytest.raises(IntegrityError, match="case_status_valid"), transaction.atomic():
        CaseFactory(status="lost")


def test_case_unknown_priority_is_refused():
    with pytest.raises(IntegrityError, match="case_priority_valid"), transaction.atomic():
        CaseFactory(priority="whenever")


def test_case_standard_rights_without_reason_is_refused():
    with pytest.raises(IntegrityError, match="case_downgrade_has_reason"), transaction.atomic():
        CaseFactory(enhanced_rights=False, enhanced_downgrade_reason="")


def test_case_standard_rights_with_reason_is_saved():
    case = CaseFactory(
        enhanced_rights=False, enhanced_downgrade_reason="The victim asked for fewer calls."
    )

    assert case.enhanced_rights is False


@pytest.mark.parametrize(
    ("threshold_met", "rationale"),
    [(None, ""), (True, ""), (None, "Real risk of a further offence.")],
)
def test_case_nchi_without_threshold_and_rationale_is_refused(threshold_met, rationale):
    with pytest.raises(IntegrityError, match="case_nchi_threshold_recorded"), transaction.atomic():
        CaseFactory(
            recording_decision=RecordingDecision.NCHI,
            nchi_threshold_met=threshold_met,
            nchi_rationale=rationale,
        )


@pytest.mark.parametrize("threshold_met", [True, False])
def test_case_nchi_with_threshold_and_rationale_is_saved(threshold_met):
    case = CaseFactory(
        recording_decision=RecordingDecision.NCHI,
        nchi_threshold_met=threshold_met,
        nchi_rationale="Recorded after review.",
        # Below the threshold the subject's data has gone (case_nchi_below_threshold_...).
        subject_data_removed_at=None if threshold_met else timezone.now(),
    )

    assert case.recording_decision == RecordingDecision.NCHI


def test_case_update_interval_of_zero_is_refused():
    with pytest.raises(IntegrityError, match="case_update_interval_positive"), transaction.atomic():
        CaseFactory(update_interval_days=0)


def test_case_second_case_for_one_report_is_refused():
    case = CaseFactory()

    with pytest.raises(IntegrityError, match="report_id"), transaction.atomic():
        CaseFactory(report=case.report)


# --- THRIVE ---------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["threat", "harm", "risk"])
def test_thrive_unknown_level_is_refused(field):
    with pytest.raises(IntegrityError, match="thrive_levels_valid"), transaction.atomic():
        ThriveAssessmentFactory(**{field: "severe"})


def test_thrive_unknown_grade_is_refused():
    with pytest.raises(IntegrityError, match="thrive_grade_valid"), transaction.atomic():
        ThriveAssessmentFactory(grade="eventually")


def test_thrive_reassessment_keeps_history():
    first = ThriveAssessmentFactory(threat="low", grade="scheduled")
    second = ThriveAssessmentFactory(
        case=first.case, threat="high", grade="immediate", reason="Threats repeated."
    )

    assert list(first.case.assessments.all()) == [second, first]


# --- Updates and clocks ---------------------------------------------------------------------


def test_caseupdate_without_text_or_message_is_refused():
    with pytest.raises(IntegrityError, match="caseupdate_not_empty"), transaction.atomic():
        CaseUpdateFactory(body="", message_code="")


def test_caseupdate_with_standard_message_only_is_saved():
    update = CaseUpdateFactory(body="", message_code="suspect_arrested")

    assert update.message_code == "suspect_arrested"


def test_caseupdate_unknown_visibility_is_refused():
    with pytest.raises(IntegrityError, match="caseupdate_visibility_valid"), transaction.atomic():
        CaseUpdateFactory(visibility="public")


def test_clock_key_event_without_event_is_refused():
    with pytest.raises(IntegrityError, match="clock_key_event_named"), transaction.atomic():
        ClockFactory(kind=Clock.Kind.KEY_EVENT, key_event="")


def test_clock_routine_naming_an_event_is_refused():
    with pytest.raises(IntegrityError, match="clock_key_event_named"), transaction.atomic():
        ClockFactory(kind=Clock.Kind.ROUTINE, key_event=KeyEvent.ARRESTED)


def test_clock_key_event_with_event_is_saved():
    clock = ClockFactory(kind=Clock.Kind.KEY_EVENT, key_event=KeyEvent.CHARGED)

    assert clock.key_event == KeyEvent.CHARGED


def test_clock_due_before_start_is_refused():
    started = NOW()

    with pytest.raises(IntegrityError, match="clock_due_after_start"), transaction.atomic():
        ClockFactory(started_at=started, due_at=started - timezone.timedelta(minutes=1))


def test_clock_overdue_lists_running_clocks_past_due():
    started = NOW() - timezone.timedelta(days=10)
    overdue = ClockFactory(started_at=started, due_at=started + timezone.timedelta(days=5))
    ClockFactory(
        started_at=started,
        due_at=started + timezone.timedelta(days=5),
        met_at=started + timezone.timedelta(days=1),
    )
    ClockFactory(started_at=started, due_at=NOW() + timezone.timedelta(days=1))

    assert list(Clock.objects.overdue()) == [overdue]


# --- Escalations ----------------------------------------------------------------------------


def test_escalation_second_open_one_is_refused():
    first = EscalationFactory(kind=Escalation.Kind.NOT_TRIAGED, level=Escalation.Level.SPOC)

    with pytest.raises(IntegrityError, match="escalation_open_unique"), transaction.atomic():
        EscalationFactory(case=first.case, kind=first.kind, level=first.level)


def test_escalation_second_open_one_for_same_clock_is_refused():
    clock = ClockFactory()
    EscalationFactory(case=clock.case, kind=Escalation.Kind.UPDATE_OVERDUE, clock=clock)

    with pytest.raises(IntegrityError, match="escalation_open_unique"), transaction.atomic():
        EscalationFactory(case=clock.case, kind=Escalation.Kind.UPDATE_OVERDUE, clock=clock)


def test_escalation_new_open_one_after_resolved_is_saved():
    first = EscalationFactory(resolved_at=NOW())

    second = EscalationFactory(case=first.case, kind=first.kind, level=first.level)

    assert first.case.escalations.filter(resolved_at__isnull=True).get() == second


def test_escalation_open_at_both_levels_is_saved():
    first = EscalationFactory(level=Escalation.Level.SPOC)

    EscalationFactory(case=first.case, kind=first.kind, level=Escalation.Level.INSPECTOR)

    assert first.case.escalations.count() == 2


def test_escalation_open_for_two_clocks_is_saved():
    case = CaseFactory()
    for clock in (ClockFactory(case=case), ClockFactory(case=case)):
        EscalationFactory(case=case, kind=Escalation.Kind.UPDATE_OVERDUE, clock=clock)

    assert case.escalations.count() == 2


def test_escalation_unknown_kind_is_refused():
    with pytest.raises(IntegrityError, match="escalation_kind_valid"), transaction.atomic():
        EscalationFactory(kind="bored")


# --- Outcomes -------------------------------------------------------------------------------


def test_outcometype_migration_loaded_all_twenty_two():
    numbers = list(OutcomeType.objects.values_list("number", flat=True))

    assert numbers == list(range(1, 23))
    assert OutcomeType.objects.get(number=1).is_positive
    assert OutcomeType.objects.get(number=18).is_no_further_action


@pytest.mark.parametrize("number", [0, 23])
def test_outcometype_number_out_of_range_is_refused(number):
    with pytest.raises(IntegrityError, match="outcometype_number_range"), transaction.atomic():
        OutcomeType.objects.create(number=number, name="Made up")


def test_localoutcomecode_same_code_in_one_area_is_refused(area_a):
    LocalOutcomeCodeFactory(area=area_a, code="OC1")

    with pytest.raises(IntegrityError, match="localoutcome_unique"), transaction.atomic():
        LocalOutcomeCodeFactory(area=area_a, code="OC1")


def test_localoutcomecode_same_code_in_two_areas_is_saved(area_a, area_b):
    LocalOutcomeCodeFactory(area=area_a, code="OC1")
    LocalOutcomeCodeFactory(area=area_b, code="OC1")

    assert area_a.outcome_codes.get().code == area_b.outcome_codes.get().code == "OC1"


def test_outcometype_in_use_cannot_be_deleted():
    code = LocalOutcomeCodeFactory()

    with pytest.raises(ProtectedError):
        code.outcome_type.delete()


# --- Authorisations -------------------------------------------------------------------------


@pytest.mark.parametrize("decision", [Authorisation.Decision.APPROVED, "refused"])
def test_authorisation_decided_without_who_or_when_is_refused(inspector_a, decision):
    with (
        pytest.raises(IntegrityError, match="authorisation_decided_has_who_when"),
        transaction.atomic(),
    ):
        AuthorisationFactory(
            decision=decision, decided_by=inspector_a, decided_at=None, decision_reason="No."
        )
    with (
        pytest.raises(IntegrityError, match="authorisation_decided_has_who_when"),
        transaction.atomic(),
    ):
        AuthorisationFactory(
            decision=decision, decided_by=None, decided_at=NOW(), decision_reason="No."
        )


def test_authorisation_refused_without_reason_is_refused(inspector_a):
    with (
        pytest.raises(IntegrityError, match="authorisation_refusal_has_reason"),
        transaction.atomic(),
    ):
        AuthorisationFactory(
            decision=Authorisation.Decision.REFUSED,
            decided_by=inspector_a,
            decided_at=NOW(),
            decision_reason="",
        )


def test_authorisation_approved_by_requester_is_refused(inspector_a):
    with (
        pytest.raises(IntegrityError, match="authorisation_not_self_approved"),
        transaction.atomic(),
    ):
        AuthorisationFactory(
            requested_by=inspector_a,
            decision=Authorisation.Decision.APPROVED,
            decided_by=inspector_a,
            decided_at=NOW(),
        )


def test_authorisation_approved_by_another_is_saved(spoc_a, inspector_a):
    authorisation = AuthorisationFactory(
        requested_by=spoc_a,
        decision=Authorisation.Decision.APPROVED,
        decided_by=inspector_a,
        decided_at=NOW(),
    )

    assert Authorisation.objects.get(pk=authorisation.pk).decided_by == inspector_a


def test_authorisation_second_pending_for_case_is_refused():
    first = AuthorisationFactory()

    with pytest.raises(IntegrityError, match="authorisation_one_pending"), transaction.atomic():
        AuthorisationFactory(case=first.case)


def test_authorisation_new_pending_after_refusal_is_saved(inspector_a):
    first = AuthorisationFactory(
        decision=Authorisation.Decision.REFUSED,
        decided_by=inspector_a,
        decided_at=NOW(),
        decision_reason="Speak to the witness first.",
    )

    AuthorisationFactory(case=first.case)

    assert first.case.authorisations.count() == 2


def test_authorisation_for_another_case_while_one_pending_is_saved():
    AuthorisationFactory()
    AuthorisationFactory()

    assert Authorisation.objects.filter(decision="pending").count() == 2


def test_user_used_in_case_history_cannot_be_deleted():
    author = UserFactory()
    CaseUpdateFactory(author=author)

    with pytest.raises(ProtectedError):
        author.delete()


def test_area_with_cases_cannot_be_deleted():
    area = AreaFactory()
    CaseFactory(report__area=area, area=area)

    with pytest.raises(ProtectedError):
        area.delete()
