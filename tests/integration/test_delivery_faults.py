"""Faults during delivery, against a server that speaks GOV.UK Notify's API: PostgreSQL
restarted between the send and the record, a worker frozen past its lease, two beats.

Real processes throughout: a PostgreSQL of the test's own (so it can be restarted without
touching the shared server), migrated by `manage.py migrate`; a real Redis; real Celery workers
and beats; the product's Notify backends talking HTTP to tests/notify_server.py. Each test
counts what reached Notify, per reference, and what the outbox recorded: nothing lost, nothing
doubled.
"""

import os
import signal
import threading
import time
from collections import Counter

import psycopg2
import pytest

from tests.notify_server import NotifyServer

from .conftest import Stack, free_port, wait_for
from .private_postgres import PrivatePostgres

pytestmark = pytest.mark.integration

SEED = """
from django.db import transaction
from centres.outbox import queue_notification
from centres.models import Area
from tests.factories import ReporterContactFactory
area, _ = Area.objects.get_or_create(code="faults", defaults={{"name": "Faults"}})
for n in range({count}):
    channel = "sms" if n % 2 else "email"
    with transaction.atomic():
        contact = ReporterContactFactory(
            report__area=area, report__language="ur" if n % 3 else "en",
            channels=[channel], email=f"reporter{{n}}@example.org",
        )
        queue_notification(
            key=f"report-acknowledgement:{{contact.report_id}}:{{n}}",
            kind="report_acknowledgement", channel=channel, recipient=contact,
            language=contact.report.language, context={{"report": contact.report_id}},
        )
"""


@pytest.fixture(scope="module")
def postgres(tmp_path_factory):
    server = PrivatePostgres(tmp_path_factory.mktemp("postgres") / "data")
    server.manage("migrate", "--no-input", env=_django_env())
    yield server
    server.close()


def _django_env() -> dict:
    from django.conf import settings

    return {"HATEREPORT_MODE": "test", "SECRET_KEY": settings.SECRET_KEY, "LOG_LEVEL": "WARNING"}


@pytest.fixture
def notify():
    server = NotifyServer().start()
    yield server
    server.stop()


@pytest.fixture
def outbox_stack(postgres, notify, redis_server, tmp_path):
    """Workers and beats on the private database, sending through Notify."""
    if not redis_server.ping():
        redis_server.start()
    redis_server.flush()
    connection = postgres.connect()
    with connection, connection.cursor() as cursor:
        cursor.execute("TRUNCATE centres_notification CASCADE")
    connection.close()
    stack = Stack(redis=redis_server, tmp=tmp_path)
    stack.env.update(
        DATABASE_URL=postgres.url,
        SMS_BACKEND="centres.notify.NotifySmsBackend",
        EMAIL_BACKEND="centres.notify.NotifyEmailBackend",
        NOTIFICATION_LEASE_SECONDS="3",
        NOTIFICATION_SEND_MARGIN_SECONDS="1",
        CELERY_VISIBILITY_TIMEOUT="4",
        **notify.settings(),
    )
    yield stack
    stack.stop_all()


def seed(postgres: PrivatePostgres, stack: Stack, count: int):
    postgres.manage("shell", "-c", SEED.format(count=count), env=stack.env)


def statuses(postgres: PrivatePostgres) -> Counter:
    try:
        rows = postgres.query("SELECT status, count(*) FROM centres_notification GROUP BY 1")
    except (psycopg2.OperationalError, psycopg2.InterfaceError):
        # Polled while the test has the database stopped: refused at connect, or (stopped in
        # the middle of the query) the connection closed under it.
        return Counter()
    return Counter(dict(rows))


def sent_once(notify: NotifyServer, count: int):
    references = Counter(notify.references())
    assert len(references) == count, f"{count} messages, each at Notify"
    doubled = {ref: n for ref, n in references.items() if n > 1}
    assert not doubled, f"sent twice: {doubled}"


@pytest.mark.parametrize(
    "record_retry_seconds",
    [
        # The database is back before the worker gives up recording: recorded at once.
        pytest.param(30, id="record-waits-for-the-database"),
        # It is not: the row stays pending, and the next claim asks Notify first.
        pytest.param(1, id="next-claim-asks-notify"),
    ],
)
def test_postgres_restarted_between_send_and_record_each_message_arrives_once(
    postgres, notify, outbox_stack, record_retry_seconds
):
    count = 24
    restarts = []

    def restart_during_delivery(message):
        # Notify has accepted the message; before it answers, the database goes away for
        # three seconds (a restart, a fail-over), so recording the result meets it gone.
        if len(notify.messages) in (3, 12) and len(restarts) < 2:
            restarts.append(message["reference"])
            postgres.stop()
            # Back three seconds later, while the worker is recording what Notify accepted.
            threading.Timer(3, postgres.start).start()

    seed(postgres, outbox_stack, count)
    notify.on_send = restart_during_delivery
    retry = {"NOTIFICATION_RECORD_RETRY_SECONDS": record_retry_seconds}
    outbox_stack.start_worker(**retry)
    outbox_stack.start_beat(**retry)

    wait_for(
        lambda: statuses(postgres)["sent"] == count,
        timeout=120,
        interval=0.5,
        what=f"{count} messages recorded as sent",
    )
    time.sleep(4)  # more sweeps, past a lease: nothing may go again

    assert len(restarts) == 2
    sent_once(notify, count)
    assert statuses(postgres) == {"sent": count}
    worker_log = outbox_stack.log("worker")
    if record_retry_seconds == 1:
        assert "the provider already had it" in worker_log
        assert set(restarts) <= set(notify.lookups), "each unrecorded message was looked up"


def test_worker_frozen_past_its_lease_never_sends_its_copy(postgres, notify, outbox_stack):
    """The first worker claims the message and is frozen (SIGSTOP) while building it; the lease
    runs out, a second worker claims and sends it; the first wakes and must not send."""
    seed(postgres, outbox_stack, 1)  # handed to the broker; no worker yet
    blocker = postgres.connect()
    # Hold the worker inside the build, after its claim: reading the report waits on this
    # lock (the claim itself reads only the outbox row and the reporter's plan).
    blocker.cursor().execute("LOCK TABLE reporting_report IN ACCESS EXCLUSIVE MODE")
    try:
        first = outbox_stack.start_worker("first")
        wait_for(lambda: _attempts(postgres) == 1, timeout=30, what="the first worker's claim")
    except BaseException:
        blocker.close()
        raise
    time.sleep(0.5)  # it is now waiting on the lock, inside the build
    os.killpg(first.pid, signal.SIGSTOP)
    try:
        time.sleep(4)  # past the 3-second lease
        outbox_stack.start_worker("second")
        outbox_stack.start_beat()
        wait_for(lambda: _attempts(postgres) == 2, timeout=30, what="the second claim")
        blocker.rollback()  # let both go on
        wait_for(lambda: statuses(postgres)["sent"] == 1, timeout=30, what="the second send")
    finally:
        os.killpg(first.pid, signal.SIGCONT)
        blocker.close()

    wait_for(
        lambda: "claim lost before sending" in outbox_stack.log("first"),
        timeout=30,
        what="the first worker to find its claim lost",
    )
    time.sleep(2)
    sent_once(notify, 1)
    assert "Notification" in outbox_stack.log("second")
    assert " sent (" not in outbox_stack.log("first"), "the frozen worker logged no send"


def test_two_beats_send_each_message_once(postgres, notify, outbox_stack):
    """Two beats (a deployment mistake) and two workers: every pending message is handed to
    the broker by both beats' sweeps, every second, and each still reaches Notify once."""
    count = 40
    outbox_stack.start_worker()
    outbox_stack.start_worker("worker-b")
    outbox_stack.start_beat()
    outbox_stack.start(
        "beat-b",
        ["beat", "--loglevel", "INFO", "--schedule", str(outbox_stack.tmp / "beat-b-schedule")],
    )
    # Written with the broker unreachable, so only the sweeps hand the messages over.
    dead_broker = f"redis://127.0.0.1:{free_port()}/0"
    postgres.manage(
        "shell",
        "-c",
        SEED.format(count=count),
        env={**outbox_stack.env, "CELERY_BROKER_URL": dead_broker, "REDIS_URL": dead_broker},
    )

    wait_for(
        lambda: statuses(postgres)["sent"] == count,
        timeout=120,
        interval=0.5,
        what=f"{count} messages sent",
    )
    time.sleep(4)

    sent_once(notify, count)
    assert statuses(postgres) == {"sent": count}
    beats = [outbox_stack.log("beat"), outbox_stack.log("beat-b")]
    assert all("sweep_outbox" in log for log in beats), "both beats swept"
    workers = [outbox_stack.log("worker"), outbox_stack.log("worker-b")]
    assert all("deliver_notifications" in log for log in workers), "both workers took tasks"


def _attempts(postgres: PrivatePostgres) -> int:
    try:
        rows = postgres.query("SELECT attempts FROM centres_notification")
    except psycopg2.OperationalError:
        return 0
    return rows[0][0] if rows else 0
