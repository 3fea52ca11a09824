"""Messages to a reporter wait for their safe-contact plan's times: queued due at the next
safe time, and held (no attempt counted, nothing sent) if they come up outside it. Staff
messages and the centre channel do not wait. The Victims' Code clock counts the update when
it is queued, not when it is delivered."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from casework import services
from casework.models import Clock, KeyEvent
from centres import delivery, sms
from centres.models import Notification, Role
from centres.outbox import queue_notification
from tests.conftest import member
from tests.factories import (
    CaseFactory,
    CentreFactory,
    NotificationFactory,
    ReporterContactFactory,
    ReportFactory,
    UserFactory,
)

LONDON = ZoneInfo("Europe/London")
WEEKDAYS_10_TO_2 = [{"days": [0, 1, 2, 3, 4], "from": "10:00", "until": "14:00"}]
FRIDAY_0716 = dt.datetime(2027, 5, 28, 7, 16, tzinfo=LONDON)
FRIDAY_1416 = dt.datetime(2027, 5, 28, 14, 16, tzinfo=LONDON)
FRIDAY_10 = dt.datetime(2027, 5, 28, 10, 0, tzinfo=LONDON)
# Monday 31 May 2027 is the late May bank holiday.
TUESDAY_10 = dt.datetime(2027, 6, 1, 10, 0, tzinfo=LONDON)


@pytest.fixture(autouse=True)
def _delivery_settings(settings):
    settings.SITE_URL = "https://example.test"
    settings.VICTIM_SITE_URL = "https://news.example.test"
    settings.SMS_BACKEND = "centres.sms.LocmemSmsBackend"
    sms.outbox.clear()


def reporter(*, windows=WEEKDAYS_10_TO_2, not_on_bank_holidays=True, **fields):
    return ReporterContactFactory(
        safe_windows=windows, not_on_bank_holidays=not_on_bank_holidays, **fields
    )


def victim_update(contact, *, channel="email", key="victim-update:1"):
    return queue_notification(
        key=key,
        kind="victim_update",
        channel=channel,
        recipient=contact,
        language="ur",
        context={"update": 1},
    )


def deliver(notification):
    return delivery.deliver_notifications([notification.pk])


def test_a_message_queued_at_0716_is_due_at_ten_and_not_handed_to_the_broker(
    db, django_capture_on_commit_callbacks
):
    contact = reporter()

    with (
        time_machine.travel(FRIDAY_0716, tick=False),
        django_capture_on_commit_callbacks() as callbacks,
    ):
        notification = victim_update(contact)

    notification.refresh_from_db()
    assert notification.next_attempt_at == FRIDAY_10
    assert notification.attempts == 0
    assert callbacks == []  # nothing for the broker yet: the sweep finds it at ten


def test_a_message_queued_in_a_safe_time_is_due_now_and_handed_off(
    db, django_capture_on_commit_callbacks
):
    contact = reporter()

    with (
        time_machine.travel(FRIDAY_10 + dt.timedelta(minutes=5), tick=False),
        django_capture_on_commit_callbacks() as callbacks,
    ):
        notification = victim_update(contact)

    assert notification.next_attempt_at == FRIDAY_10 + dt.timedelta(minutes=5)
    assert len(callbacks) == 1


def test_after_the_window_the_message_waits_over_the_weekend_and_the_bank_holiday(db):
    contact = reporter()

    with time_machine.travel(FRIDAY_1416, tick=False):
        notification = victim_update(contact)

    notification.refresh_from_db()
    assert notification.next_attempt_at == TUESDAY_10


def test_a_due_message_outside_the_plan_waits_without_counting_an_attempt(db):
    contact = reporter(phone="07700 900123")
    # Due now: queued before the reporter changed their plan, or a retry.
    notification = NotificationFactory(
        kind="victim_update", channel="sms", recipient=contact, context={"update": 1}
    )
    Notification.objects.filter(pk=notification.pk).update(next_attempt_at=FRIDAY_0716)

    with time_machine.travel(FRIDAY_0716, tick=False):
        result = deliver(notification)

    notification.refresh_from_db()
    assert result == {"waiting": 1}
    assert notification.status == Notification.Status.PENDING
    assert notification.attempts == 0
    assert notification.next_attempt_at == FRIDAY_10
    assert sms.outbox == []
    assert mail.outbox == []


def test_the_waiting_message_is_sent_once_at_the_safe_time(db):
    contact = reporter()
    with time_machine.travel(FRIDAY_0716, tick=False):
        notification = victim_update(contact)

    with time_machine.travel(FRIDAY_10 - dt.timedelta(seconds=1), tick=False):
        early = deliver(notification)
    with time_machine.travel(FRIDAY_10, tick=False):
        on_time = deliver(notification)
        again = deliver(notification)

    notification.refresh_from_db()
    assert early == {"skipped": 1}  # not due: the claim never took it
    assert on_time == {"sent": 1}
    assert again == {"skipped": 1}
    assert notification.status == Notification.Status.SENT
    assert notification.attempts == 1
    assert len(mail.outbox) == 1


def test_a_bank_holiday_holds_a_message_that_falls_due_on_it(db):
    contact = reporter()
    notification = NotificationFactory(kind="victim_update", recipient=contact, context={})
    bank_holiday_11 = dt.datetime(2027, 5, 31, 11, 0, tzinfo=LONDON)
    Notification.objects.filter(pk=notification.pk).update(next_attempt_at=bank_holiday_11)

    with time_machine.travel(bank_holiday_11, tick=False):
        result = deliver(notification)

    notification.refresh_from_db()
    assert result == {"waiting": 1}
    assert notification.next_attempt_at == TUESDAY_10


def test_a_plan_without_the_bank_holiday_rule_allows_the_bank_holiday(db):
    contact = reporter(not_on_bank_holidays=False)

    with time_machine.travel(FRIDAY_1416, tick=False):
        notification = victim_update(contact)

    assert notification.next_attempt_at == dt.datetime(2027, 5, 31, 10, tzinfo=LONDON)


def test_a_retry_that_falls_after_the_window_waits_for_the_next_one(db, settings):
    settings.EMAIL_BACKEND = "tests.centres.test_delivery.RefusingBackend"
    contact = reporter()
    with time_machine.travel(FRIDAY_10, tick=False):
        notification = victim_update(contact)
    last_minute = dt.datetime(2027, 5, 28, 13, 59, 30, tzinfo=LONDON)
    Notification.objects.filter(pk=notification.pk).update(next_attempt_at=last_minute)

    with time_machine.travel(last_minute, tick=False):
        assert deliver(notification) == {"retry": 1}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    notification.refresh_from_db()
    with time_machine.travel(notification.next_attempt_at, tick=False):
        assert deliver(notification) == {"waiting": 1}

    notification.refresh_from_db()
    assert notification.attempts == 1
    assert notification.next_attempt_at == TUESDAY_10
    assert mail.outbox == []


def test_a_plan_that_cannot_be_read_cancels_rather_than_sends(db):
    contact = reporter(windows=[{"days": [], "from": "x", "until": "y"}])
    notification = NotificationFactory(kind="victim_update", recipient=contact, context={})

    result = deliver(notification)

    notification.refresh_from_db()
    assert result == {"cancelled": 1}
    assert notification.status == Notification.Status.CANCELLED
    assert notification.last_error == "the safe-contact plan cannot be read"
    assert mail.outbox == []


def test_staff_messages_do_not_wait_for_a_reporters_times(db):
    user = UserFactory(email="spoc@police.example")
    notification = NotificationFactory(
        kind="case_opened", recipient=user, channel="email", context={"case": 1}
    )

    with time_machine.travel(dt.datetime(2027, 5, 29, 3, 0, tzinfo=LONDON), tick=False):
        result = deliver(notification)

    assert "waiting" not in result


def test_the_centre_channel_is_not_bound_by_the_reporters_times(db):
    centre = CentreFactory()
    member(Role.VOLUNTEER, centre=centre)
    contact = reporter(channels=["centre"], report=ReportFactory(centre=centre, channel="assisted"))

    with time_machine.travel(FRIDAY_0716, tick=False):
        notification = victim_update(contact, channel="centre")
        result = deliver(notification)

    assert result == {"sent": 1}
    assert len(mail.outbox) == 1


def test_the_victims_code_clock_counts_the_update_when_it_is_queued(db):
    case = CaseFactory(report=ReportFactory())
    reporter(report=case.report, channels=["email"])
    spoc = UserFactory()
    with time_machine.travel(FRIDAY_0716 - dt.timedelta(days=1), tick=False):
        clock = services.record_key_event(case=case, by=spoc, key_event=KeyEvent.ARRESTED)

    with time_machine.travel(FRIDAY_0716, tick=False):
        update = services.send_victim_update(case=case, by=spoc, message_code=KeyEvent.ARRESTED)

    clock.refresh_from_db()
    notification = Notification.objects.get(key=f"victim-update:{update.pk}")
    # Met at 07:16 on Friday, within its working day, though the message goes at ten.
    assert clock.met_at == FRIDAY_0716
    assert clock.met_by == update
    assert not Clock.objects.overdue(now=FRIDAY_10).filter(pk=clock.pk).exists()
    assert notification.status == Notification.Status.PENDING
    assert notification.next_attempt_at == FRIDAY_10
