"""Case status changes: every allowed change works, every other one is refused."""

import itertools

import pytest
from django.utils import timezone

from casework.models import (
    ALLOWED_TRANSITIONS,
    CLOSE_WITHOUT_OUTCOME_FROM,
    CaseEvent,
    CaseStatus,
    Clock,
    TransitionRefused,
)
from centres.models import AccessLogEntry, Notification
from tests.casework.conftest import give_outcome, make_case

pytestmark = pytest.mark.django_db

ALL_PAIRS = list(itertools.product(CaseStatus.values, CaseStatus.values))
ALLOWED = [(a, b) for a, b in ALL_PAIRS if b in ALLOWED_TRANSITIONS.get(a, {})]
REFUSED = [(a, b) for a, b in ALL_PAIRS if b not in ALLOWED_TRANSITIONS.get(a, {})]


def test_transition_table_is_the_documented_one():
    assert set(ALLOWED) == {
        ("new", "triaged"),
        ("triaged", "investigating"),
        ("triaged", "awaiting_decision"),
        ("triaged", "outcome_recorded"),
        ("triaged", "closed"),  # a non-crime incident or no record only
        ("investigating", "awaiting_decision"),
        ("investigating", "outcome_recorded"),
        ("investigating", "closed"),  # a non-crime incident or no record only
        ("awaiting_decision", "investigating"),
        ("awaiting_decision", "outcome_recorded"),
        ("outcome_recorded", "closed"),
        ("outcome_recorded", "investigating"),
        ("closed", "investigating"),
    }


@pytest.mark.parametrize(("from_status", "to_status"), ALLOWED)
def test_transition_allowed_moves_case_and_writes_event_and_log(
    area_a, spoc_a, from_status, to_status
):
    # Closing from triage or investigation is for a case with no crime outcome.
    non_crime = to_status == "closed" and from_status in CLOSE_WITHOUT_OUTCOME_FROM
    case = make_case(
        area=area_a, status=from_status, recording_decision="no_record" if non_crime else ""
    )
    if not non_crime:
        give_outcome(case, by=spoc_a)
    reason = "Circumstances changed." if ALLOWED_TRANSITIONS[from_status][to_status] else ""

    event = case.transition(to_status, by=spoc_a, reason=reason)

    case.refresh_from_db()
    assert case.status == to_status
    assert (event.from_status, event.to_status, event.by, event.reason) == (
        from_status,
        to_status,
        spoc_a,
        reason,
    )
    log = AccessLogEntry.objects.about(case).get()
    assert (log.user, log.action, log.detail) == (
        spoc_a,
        "change",
        f"status: {from_status} -> {to_status}",
    )


@pytest.mark.parametrize(("from_status", "to_status"), REFUSED)
def test_transition_refused_changes_nothing(area_a, spoc_a, from_status, to_status):
    case = make_case(area=area_a, status=from_status)
    give_outcome(case, by=spoc_a)

    with pytest.raises(TransitionRefused):
        case.transition(to_status, by=spoc_a, reason="Trying anyway.")

    case.refresh_from_db()
    assert case.status == from_status
    assert not CaseEvent.objects.filter(case=case).exists()
    assert not AccessLogEntry.objects.about(case).exists()


@pytest.mark.parametrize(
    ("from_status", "to_status"),
    [("closed", "investigating"), ("outcome_recorded", "investigating")],
)
def test_transition_needing_reason_without_one_is_refused(area_a, spoc_a, from_status, to_status):
    case = make_case(area=area_a, status=from_status)
    give_outcome(case, by=spoc_a)

    with pytest.raises(TransitionRefused, match="reason"):
        case.transition(to_status, by=spoc_a, reason="   ")

    case.refresh_from_db()
    assert case.status == from_status


def test_triage_sets_triaged_at(area_a, spoc_a):
    case = make_case(area=area_a)

    case.triage(by=spoc_a)

    case.refresh_from_db()
    assert case.status == "triaged"
    assert case.triaged_at is not None


@pytest.mark.parametrize("status", ["triaged", "investigating", "awaiting_decision"])
def test_transition_to_outcome_without_outcome_is_refused(area_a, spoc_a, status):
    case = make_case(area=area_a, status=status)

    with pytest.raises(TransitionRefused, match="outcome"):
        case.transition("outcome_recorded", by=spoc_a)


def test_close_sets_closed_at_and_stops_routine_clock(area_a, spoc_a):
    case = make_case(area=area_a, status="outcome_recorded")
    give_outcome(case, by=spoc_a)
    routine = case.start_routine_clock()
    key = case.start_key_event_clock("charged")

    case.close(by=spoc_a)

    case.refresh_from_db()
    routine.refresh_from_db()
    assert case.closed_at is not None
    assert routine.stopped_at is not None
    # The victim must still be told of the charge.
    assert list(case.clocks.running()) == [key]
    assert case.next_clock_due_at == key.due_at


def test_reopen_clears_closed_at_keeps_reason_and_restarts_routine_clock(area_a, spoc_a):
    case = make_case(area=area_a, status="closed")

    event = case.reopen(by=spoc_a, reason="The victim reports a further incident.")

    case.refresh_from_db()
    assert (case.status, case.closed_at) == ("investigating", None)
    assert event.reason == "The victim reports a further incident."
    assert case.clocks.running().get().kind == Clock.Kind.ROUTINE


def test_reopen_of_open_case_is_refused(area_a, spoc_a):
    case = make_case(area=area_a, status="investigating")

    with pytest.raises(TransitionRefused):
        case.reopen(by=spoc_a, reason="Why not.")


def test_transition_by_someone_else_notifies_the_owner(area_a, spoc_a, inspector_a):
    case = make_case(area=area_a, owner=spoc_a)

    event = case.triage(by=inspector_a)

    notification = Notification.objects.get(key=f"case-status:{event.pk}")
    assert notification.recipient == spoc_a
    assert notification.context == {"case": case.pk, "status": "triaged"}


def test_transition_by_owner_notifies_nobody(area_a, spoc_a):
    case = make_case(area=area_a, owner=spoc_a)

    case.triage(by=spoc_a)

    assert not Notification.objects.exists()


def test_transition_on_stale_instance_uses_locked_row(area_a, spoc_a):
    case = make_case(area=area_a)
    stale = type(case).objects.get(pk=case.pk)
    case.triage(by=spoc_a)

    # The stale copy still says "new", but the row is "triaged": the table refuses.
    with pytest.raises(TransitionRefused):
        stale.triage(by=spoc_a)
    assert CaseEvent.objects.filter(case=case).count() == 1
    assert timezone.now()
