"""The casework services: each rule, its refusal, its log entry and its notifications."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import translation

from casework import services
from casework.models import (
    VICTIM_MESSAGES,
    Case,
    CaseEvent,
    CaseStatus,
    CaseUpdate,
    Clock,
)
from centres.models import AccessLogEntry, Area, Notification
from reporting.models import Consent, Referral
from tests.casework.conftest import make_case
from tests.factories import (
    AreaPlaceFactory,
    ReportFactory,
    SupportServiceFactory,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def thrive(**overrides):
    return {"threat": "high", "harm": "medium", "risk": "high", "grade": "immediate"} | overrides


# --- Opening ----------------------------------------------------------------------------------


def test_open_case_puts_case_in_report_area_with_event_clock_log_and_spoc_alert(area_a, spoc_a):
    report = ReportFactory(area=area_a, consent=Consent.SHARE_WITH_DETAILS)

    case = services.open_case(report=report)

    assert (case.area, case.status) == (area_a, CaseStatus.NEW)
    assert CaseEvent.objects.get(case=case).to_status == "new"
    assert case.clocks.running().get().kind == Clock.Kind.ROUTINE
    assert case.next_clock_due_at == case.clocks.get().due_at
    assert AccessLogEntry.objects.about(case).get().action == "create"
    alert = Notification.objects.get(kind="case_opened")
    assert (alert.recipient, alert.context) == (spoc_a, {"case": case.pk})


def test_open_case_twice_returns_the_same_case(area_a):
    report = ReportFactory(area=area_a)

    first = services.open_case(report=report)
    second = services.open_case(report=report)

    assert first == second
    assert Case.objects.count() == 1
    assert CaseEvent.objects.count() == 1


def test_open_case_unknown_location_goes_to_central_queue(db):
    central = Area.objects.central_queue()
    report = ReportFactory(area=central, postcode="", town="Nowhere in particular")

    assert services.open_case(report=report).area == central


def test_open_case_from_central_queue_finds_area_added_since(area_a):
    central = Area.objects.central_queue()
    AreaPlaceFactory(area=area_a, value="B11")
    report = ReportFactory(area=central, postcode="B11 1AA")

    assert services.open_case(report=report).area == area_a


def test_open_case_for_unshared_report_is_refused(area_a):
    report = ReportFactory(area=area_a, consent=Consent.DO_NOT_SHARE)

    with pytest.raises(ValidationError, match="not shared"):
        services.open_case(report=report)
    assert not Case.objects.exists()


# --- THRIVE, decision, assignment ------------------------------------------------------------


def test_assess_case_sets_priority_from_grade(case_a, spoc_a):
    assessment = services.assess_case(case=case_a, by=spoc_a, **thrive())

    case_a.refresh_from_db()
    assert case_a.priority == "immediate"
    assert assessment.assessed_by == spoc_a
    assert AccessLogEntry.objects.about(case_a).get().detail == "THRIVE: immediate"


def test_reassess_without_reason_is_refused(case_a, spoc_a):
    services.assess_case(case=case_a, by=spoc_a, **thrive())

    with pytest.raises(ValidationError) as exc:
        services.assess_case(case=case_a, by=spoc_a, **thrive(grade="scheduled"))

    assert "reason" in exc.value.error_dict
    case_a.refresh_from_db()
    assert case_a.priority == "immediate"


def test_reassess_with_reason_keeps_history_and_follows_latest(case_a, spoc_a):
    first = services.assess_case(case=case_a, by=spoc_a, **thrive())

    second = services.assess_case(
        case=case_a, by=spoc_a, reason="Suspect arrested and bailed.", **thrive(grade="scheduled")
    )

    case_a.refresh_from_db()
    assert case_a.priority == "scheduled"
    assert list(case_a.assessments.all()) == [second, first]


def test_decide_nchi_without_threshold_or_rationale_is_refused(case_a, spoc_a):
    with pytest.raises(ValidationError) as exc:
        services.decide_recording(case=case_a, by=spoc_a, decision="nchi")

    assert set(exc.value.error_dict) == {"nchi_threshold_met", "nchi_rationale"}


@pytest.mark.parametrize("met", [True, False])
def test_decide_nchi_with_threshold_and_rationale_is_saved(case_a, spoc_a, met):
    services.decide_recording(
        case=case_a,
        by=spoc_a,
        decision="nchi",
        nchi_threshold_met=met,
        nchi_rationale="Repeated targeting of the same family.",
    )

    case_a.refresh_from_db()
    assert (case_a.recording_decision, case_a.nchi_threshold_met) == ("nchi", met)


def test_decide_crime_clears_threshold_fields(case_a, spoc_a):
    services.decide_recording(
        case=case_a, by=spoc_a, decision="crime", nchi_threshold_met=True, nchi_rationale="x"
    )

    case_a.refresh_from_db()
    assert (case_a.recording_decision, case_a.nchi_threshold_met, case_a.nchi_rationale) == (
        "crime",
        None,
        "",
    )


def test_assign_case_to_police_of_area_notifies_them(case_a, spoc_a, inspector_a):
    services.assign_case(case=case_a, officer=inspector_a, by=spoc_a)

    case_a.refresh_from_db()
    assert case_a.owner == inspector_a
    assert Notification.objects.get(kind="case_assigned").recipient == inspector_a


@pytest.mark.parametrize("who", ["spoc_b", "volunteer_a", "analyst"])
def test_assign_case_outside_area_police_is_refused(request, case_a, spoc_a, who):
    other = request.getfixturevalue(who)

    with pytest.raises(ValidationError):
        services.assign_case(case=case_a, officer=other, by=spoc_a)

    case_a.refresh_from_db()
    assert case_a.owner is None


# --- Victims' Code rights and clocks ---------------------------------------------------------


def test_downgrade_rights_without_reason_is_refused(case_a, spoc_a):
    with pytest.raises(ValidationError):
        services.set_victim_rights(case=case_a, by=spoc_a, enhanced=False, reason=" ")

    case_a.refresh_from_db()
    assert case_a.enhanced_rights is True


def test_downgrade_rights_with_reason_retimes_running_key_event_clocks(case_a, spoc_a):
    with time_machine.travel(dt.datetime(2026, 3, 9, 10, tzinfo=LONDON), tick=False):
        clock = services.record_key_event(case=case_a, by=spoc_a, key_event="arrested")
        services.set_victim_rights(
            case=case_a, by=spoc_a, enhanced=False, reason="Victim asked for weekly contact."
        )

    clock.refresh_from_db()
    case_a.refresh_from_db()
    assert clock.due_at == dt.datetime(2026, 3, 16, 23, 59, 59, tzinfo=LONDON)
    assert case_a.enhanced_downgrade_reason == "Victim asked for weekly contact."


def test_record_key_event_writes_internal_note_and_starts_one_day_clock(case_a, spoc_a):
    with time_machine.travel(dt.datetime(2026, 3, 13, 16, tzinfo=LONDON), tick=False):
        clock = services.record_key_event(
            case=case_a, by=spoc_a, key_event="arrested", note="Arrested at home address."
        )

    note = case_a.updates.get()
    assert (note.visibility, note.key_event, note.body) == (
        "internal",
        "arrested",
        "Arrested at home address.",
    )
    assert (clock.kind, clock.key_event) == ("key_event", "arrested")
    assert clock.due_at == dt.datetime(2026, 3, 16, 23, 59, 59, tzinfo=LONDON)
    case_a.refresh_from_db()
    assert case_a.next_clock_due_at == clock.due_at


def test_set_update_interval_retimes_routine_clock(area_a, spoc_a):
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, tzinfo=LONDON), tick=False):
        case = services.open_case(report=ReportFactory(area=area_a))
        services.set_update_interval(case=case, by=spoc_a, days=7)

    assert case.clocks.running().get().due_at == dt.datetime(2026, 3, 9, 23, 59, 59, tzinfo=LONDON)


# --- Updates and notifications ---------------------------------------------------------------


def test_victim_update_meets_running_clocks_and_restarts_routine(case_a, spoc_a):
    key = services.record_key_event(case=case_a, by=spoc_a, key_event="arrested")
    routine = case_a.start_routine_clock()

    update = services.send_victim_update(case=case_a, by=spoc_a, message_code="arrested")

    key.refresh_from_db()
    routine.refresh_from_db()
    assert key.met_by == update
    assert routine.met_by == update
    new_routine = case_a.clocks.running().get()
    assert new_routine.kind == Clock.Kind.ROUTINE
    case_a.refresh_from_db()
    assert case_a.next_clock_due_at == new_routine.due_at
    assert update.key_event == "arrested"


def test_victim_update_queues_one_message_through_allowed_channel(area_a, spoc_a):
    case = make_case(
        area=area_a,
        contact_fields={"channels": ["phone", "email", "sms"], "preferred_language": "pl"},
    )

    update = services.send_victim_update(case=case, by=spoc_a, message_code="arrested")

    message = Notification.objects.get()
    assert message.key == f"victim-update:{update.pk}"
    assert (message.kind, message.channel, message.language) == ("victim_update", "email", "pl")
    assert message.recipient == case.report.contact
    assert message.context == {"update": update.pk, "may_say_what": False}


def test_victim_update_context_holds_no_names_or_details(area_a, spoc_a):
    case = make_case(area=area_a)

    services.send_victim_update(case=case, by=spoc_a, body="We spoke to Mr Smith at the shop.")

    context = str(Notification.objects.get().context)
    for secret in ("Smith", "shop", "Amina", case.report.reference, "07700"):
        assert secret not in context


@pytest.mark.parametrize(
    "contact_fields",
    [
        {"channels": ["phone"]},  # a call is made by a person, not the outbox
        {"channels": []},
        {"channels": ["email"], "email": ""},  # allowed but no address
    ],
)
def test_victim_update_with_no_allowed_channel_sends_nothing_but_is_kept(
    area_a, spoc_a, contact_fields
):
    case = make_case(area=area_a, contact_fields=contact_fields)

    update = services.send_victim_update(case=case, by=spoc_a, message_code="still_working")

    assert not Notification.objects.exists()
    assert case.updates.get() == update


def test_victim_update_centre_go_between_tells_centre_volunteers(
    area_a, centre_a, spoc_a, volunteer_a, coordinator_a, volunteer_b
):
    case = make_case(
        area=area_a,
        report_fields={"centre": centre_a, "channel": "assisted", "centre_is_go_between": True},
        contact_fields={"channels": ["centre"]},
    )

    update = services.send_victim_update(case=case, by=spoc_a, message_code="arrested")

    messages = Notification.objects.filter(kind="centre_victim_update")
    assert {m.recipient for m in messages} == {volunteer_a, coordinator_a}
    assert {m.key for m in messages} == {
        f"centre-update:{update.pk}:{volunteer_a.pk}",
        f"centre-update:{update.pk}:{coordinator_a.pk}",
    }
    assert not Notification.objects.filter(kind="victim_update").exists()


def test_internal_note_tells_nobody_and_meets_no_clock(case_a, spoc_a):
    clock = services.record_key_event(case=case_a, by=spoc_a, key_event="arrested")

    services.add_internal_note(case=case_a, by=spoc_a, body="CCTV requested.")

    clock.refresh_from_db()
    assert clock.met_at is None
    assert not Notification.objects.exists()


def test_victim_update_without_message_or_text_is_refused(case_a, spoc_a):
    with pytest.raises(ValidationError):
        services.send_victim_update(case=case_a, by=spoc_a)


def test_victim_update_with_unknown_message_is_refused(case_a, spoc_a):
    with pytest.raises(ValidationError):
        services.send_victim_update(case=case_a, by=spoc_a, message_code="made_up")


def test_standard_message_is_read_in_report_language(area_a, spoc_a):
    case = make_case(area=area_a, report_fields={"language": "cy"})
    update = services.send_victim_update(
        case=case, by=spoc_a, message_code="arrested", body="Free text."
    )

    with translation.override("en"):
        text = update.text_for_victim()

    assert text == "Mae rhywun wedi cael ei arestio mewn cysylltiad â'ch adroddiad.\n\nFree text."
    assert translation.get_language() == "en"


@pytest.mark.parametrize("code", sorted(VICTIM_MESSAGES))
def test_every_standard_message_is_plain_words_without_police_jargon(code):
    text = str(VICTIM_MESSAGES[code])

    for jargon in ("THRIVE", "SPOC", "NCHI", "outcome", "NFA", "RUI", "CPS"):
        assert jargon not in text


def test_contact_attempt_through_allowed_channel_is_logged(case_a, spoc_a):
    attempt = services.log_contact_attempt(
        case=case_a, by=spoc_a, channel="sms", outcome="reached", note="Replied by text."
    )

    assert (attempt.is_contact_attempt, attempt.contact_channel, attempt.contact_outcome) == (
        True,
        "sms",
        "reached",
    )
    assert attempt.visibility == CaseUpdate.Visibility.INTERNAL
    assert "contact attempt" in AccessLogEntry.objects.about(case_a).get().detail


def test_contact_attempt_through_channel_not_in_plan_is_refused(case_a, spoc_a):
    with pytest.raises(ValidationError, match="safe-contact plan"):
        services.log_contact_attempt(case=case_a, by=spoc_a, channel="phone", outcome="reached")
    assert not case_a.updates.exists()


def test_contact_attempt_voicemail_when_plan_says_no_is_refused(area_a, spoc_a):
    case = make_case(area=area_a, contact_fields={"channels": ["phone"], "no_voicemail": True})

    with pytest.raises(ValidationError, match="voicemail"):
        services.log_contact_attempt(case=case, by=spoc_a, channel="phone", outcome="message_left")


# --- Referrals -------------------------------------------------------------------------------


def test_referral_with_consent_is_recorded_once_and_queued_for_the_service(case_a, spoc_a):
    service = SupportServiceFactory(
        referral_channel="secure_email", referral_email="referrals@service.example.org"
    )

    referral = services.refer_to_service(
        case=case_a, by=spoc_a, service=service, consent_given=True
    )

    assert (referral.report, referral.made_by) == (case_a.report, spoc_a)
    # Delivered through the outbox (reporting/referrals.py; the integration test sends it).
    assert (referral.notification.kind, referral.notification.recipient) == (
        "support_referral",
        service,
    )
    with pytest.raises(ValidationError, match="already"):
        services.refer_to_service(case=case_a, by=spoc_a, service=service, consent_given=True)
    assert Referral.objects.count() == 1
    assert Notification.objects.filter(kind="support_referral").count() == 1


def test_referral_to_a_service_that_takes_none_through_us_is_refused(case_a, spoc_a):
    with pytest.raises(ValidationError, match="does not take referrals through Hate Report"):
        services.refer_to_service(
            case=case_a, by=spoc_a, service=SupportServiceFactory(), consent_given=True
        )
    assert not Referral.objects.exists()
    assert not Notification.objects.filter(kind="support_referral").exists()


def test_referral_without_consent_is_refused(case_a, spoc_a):
    with pytest.raises(ValidationError, match="agreed"):
        services.refer_to_service(
            case=case_a, by=spoc_a, service=SupportServiceFactory(), consent_given=False
        )
    assert not Referral.objects.exists()


def test_referral_for_anonymous_report_is_refused(area_a, spoc_a):
    case = make_case(area=area_a, consent=Consent.SHARE_ANONYMOUSLY)

    with pytest.raises(ValidationError, match="did not share"):
        services.refer_to_service(
            case=case, by=spoc_a, service=SupportServiceFactory(), consent_given=True
        )
