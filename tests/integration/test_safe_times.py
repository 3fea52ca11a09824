"""Done when: an update queued at 07:16 on a Friday for a reporter whose plan says "weekdays
10:00–14:00, not on bank holidays" goes at 10:00, never before; one queued after the window
waits over the weekend and the bank holiday Monday, and goes at 10:00 on Tuesday, once.

Real Redis, a real Celery worker and beat, the outbox sweep every second. The worker and beat
run on a clock the test sets (tests/integration/clock/sitecustomize.py reads FAKE_NOW_FILE),
and at each step the test waits for sweeps at the new time before looking at the mail.
"""

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from casework import services
from centres import delivery
from centres.models import Notification
from tests.factories import CaseFactory, ReporterContactFactory, ReportFactory, UserFactory

from .conftest import wait_for

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LONDON = ZoneInfo("Europe/London")
CLOCK = Path(__file__).resolve().parent / "clock"
# Friday 28 May 2027; Monday 31 May 2027 is the late May bank holiday.
FRIDAY_0716 = dt.datetime(2027, 5, 28, 7, 16, tzinfo=LONDON)
FRIDAY_10 = dt.datetime(2027, 5, 28, 10, 0, tzinfo=LONDON)
FRIDAY_1416 = dt.datetime(2027, 5, 28, 14, 16, tzinfo=LONDON)
TUESDAY_10 = dt.datetime(2027, 6, 1, 10, 0, tzinfo=LONDON)


class Clock:
    """The instant the worker and beat live at."""

    def __init__(self, stack, path: Path):
        self.stack = stack
        self.path = path

    def set(self, at: dt.datetime) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(at.isoformat())
        tmp.replace(self.path)  # whole, never half-written

    def sweeps(self) -> int:
        log = self.stack.log("worker")
        return sum(
            1
            for line in log.splitlines()
            if "centres.tasks.sweep_outbox[" in line and "succeeded" in line
        )

    def move_to(self, at: dt.datetime) -> None:
        """Set the clock and wait until the worker has run three sweeps since: at least one
        of them at the new time (each process reads the file within 50 ms)."""
        self.set(at)
        before = self.sweeps()
        wait_for(lambda: self.sweeps() >= before + 3, timeout=60, what=f"sweeps at {at}")


def sent(stack, notification) -> int:
    return stack.message_ids()[delivery.message_id(notification)]


def queue_update(case, spoc, at):
    with time_machine.travel(at, tick=False):
        update = services.send_victim_update(case=case, by=spoc, message_code="received")
    return Notification.objects.get(key=f"victim-update:{update.pk}")


def test_updates_wait_for_weekdays_ten_to_two_over_a_bank_holiday_weekend(stack, tmp_path):
    case = CaseFactory(report=ReportFactory())
    ReporterContactFactory(
        report=case.report,
        channels=["email"],
        safe_windows=[{"days": [0, 1, 2, 3, 4], "from": "10:00", "until": "14:00"}],
        not_on_bank_holidays=True,
    )
    spoc = UserFactory()
    clock = Clock(stack, tmp_path / "now")
    clock.set(FRIDAY_0716)
    env = {"PYTHONPATH": CLOCK, "FAKE_NOW_FILE": clock.path}
    stack.start_worker(**env)
    stack.start_beat(**env)

    early = queue_update(case, spoc, FRIDAY_0716)
    assert early.next_attempt_at == FRIDAY_10

    for at in (FRIDAY_0716 + dt.timedelta(minutes=1), FRIDAY_10 - dt.timedelta(seconds=20)):
        clock.move_to(at)
        assert sent(stack, early) == 0, f"sent before the safe time, at {at}"
    clock.move_to(FRIDAY_10)
    wait_for(lambda: sent(stack, early), timeout=30, what="the update at ten")

    clock.move_to(FRIDAY_1416)
    late = queue_update(case, spoc, FRIDAY_1416)
    assert late.next_attempt_at == TUESDAY_10
    for at in (
        FRIDAY_1416 + dt.timedelta(minutes=1),
        dt.datetime(2027, 5, 29, 10, 0, tzinfo=LONDON),  # Saturday
        dt.datetime(2027, 5, 30, 12, 0, tzinfo=LONDON),  # Sunday
        dt.datetime(2027, 5, 31, 10, 0, tzinfo=LONDON),  # the bank holiday, at ten
        dt.datetime(2027, 5, 31, 13, 0, tzinfo=LONDON),
        TUESDAY_10 - dt.timedelta(seconds=20),
    ):
        clock.move_to(at)
        assert sent(stack, late) == 0, f"sent before the safe time, at {at}"
        late.refresh_from_db()
        assert (late.status, late.attempts) == (Notification.Status.PENDING, 0)
    clock.move_to(TUESDAY_10)
    wait_for(lambda: sent(stack, late), timeout=30, what="the update at ten on Tuesday")
    clock.move_to(TUESDAY_10 + dt.timedelta(minutes=5))

    late.refresh_from_db()
    early.refresh_from_db()
    assert (sent(stack, early), sent(stack, late)) == (1, 1)
    assert late.status == Notification.Status.SENT
    assert TUESDAY_10 <= late.sent_at < TUESDAY_10 + dt.timedelta(minutes=1)
    assert FRIDAY_10 <= early.sent_at < FRIDAY_10 + dt.timedelta(minutes=1)
