"""Benchmark: the casework escalation sweep over two million cases, in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hr_bench_sweep SECRET_KEY=bench \\
        .venv/bin/python bench/sweep.py [--cases 2000000] [--due-per-mille 150] [--loop 3000]

It refuses any database whose name does not contain "bench", creates and migrates it, and
fills it with INSERT … SELECT generate_series: 20 areas (2 SPOCs, an inspector and 20 officers
each), reports, one assigned case per report and one running Victims' Code clock per case,
about 15% of them overdue. It starts a Redis of its own on a free port as the broker, then
prints, in the same run:

- the sweep's rows per second against a one-row-at-a-time loop doing the same work on a sample
  (target: at least 5x), the loop rolled back so the sweep starts clean;
- the EXPLAIN plan of the overdue-clock query (target: an index scan on clock_due_idx);
- broker messages per due case (target: at most 1 per 500);
- that a second sweep straight after raises nothing and sends nothing.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hatereport.settings")
# Measured as the tests run it: plain HTTP through the test client, production otherwise.
os.environ.setdefault("HATEREPORT_MODE", "test")
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "0"

AREAS = 20
OFFICERS = 20


def ensure_database(url: str) -> None:
    import psycopg2

    name = urlparse(url).path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"Refusing to fill {name!r}: the database name must contain 'bench'.")
    connection = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def start_redis() -> tuple[subprocess.Popen, int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(  # noqa: S603 - fixed command
        [
            shutil.which("redis-server") or "/usr/bin/redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        if redis_cli(port, "PING") == "PONG":
            return process, port
        time.sleep(0.1)
    sys.exit("redis-server did not start")


def redis_cli(port: int, *args: str) -> str:
    result = subprocess.run(  # noqa: S603 - fixed command
        [shutil.which("redis-cli") or "redis-cli", "-p", str(port), *args],
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def fill(cases: int, due_per_mille: int) -> None:
    from django.core.management import call_command
    from django.db import connection

    from centres.models import Area, Membership, Role, User

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE casework_escalation, casework_clock, casework_case, reporting_report, "
            "centres_notification, centres_accesslogentry RESTART IDENTITY CASCADE"
        )
    for n in range(AREAS):
        area, _ = Area.objects.update_or_create(
            code=f"bench-{n}", defaults={"name": f"Bench area {n}"}
        )
        people = [("spoc", Role.SPOC, 2), ("inspector", Role.INSPECTOR, 1)]
        people.append(("officer", Role.OFFICER, OFFICERS))
        for label, role, count in people:
            for k in range(count):
                user, _ = User.objects.get_or_create(
                    email=f"{label}{k}@{area.code}.bench.example", defaults={"name": label}
                )
                Membership.objects.get_or_create(
                    user=user, role=role, area=area, defaults={"approval": "approved"}
                )
    with connection.cursor() as cursor:
        cursor.execute(
            """
            CREATE TEMP TABLE bench_officer AS
            SELECT a.n, a.area_id, row_number() OVER (PARTITION BY a.area_id ORDER BY m.user_id)
                   - 1 AS k, m.user_id
            FROM (SELECT row_number() OVER (ORDER BY id) - 1 AS n, id AS area_id
                  FROM centres_area WHERE code LIKE 'bench-%%') a
            JOIN centres_membership m ON m.area_id = a.area_id AND m.role = 'officer'
            """
        )
        started = time.perf_counter()
        cursor.execute(
            """
            INSERT INTO reporting_report (
              reference, passphrase_hash, reporter_role, channel, centre_id, centre_is_go_between,
              language, area_id, submitted_at, description, when_kind, when_details,
              happened_before, how_often, location_kind, town, postcode, location_details,
              online_platform, motivation_other, motivation_not_sure, offender_known,
              offender_description, injured, property_damaged, threatened, harm_details,
              consent, support_wanted, support_needs)
            SELECT 'HR-' || lpad(g::text, 9, '0'), 'x', 'victim', 'online_self', NULL, false,
              'en', o.area_id, now() - interval '40 days', '', 'not_sure', '', '', '',
              'online', '', '', '', '', '', false, '', '', '', '', '', '', 'share_details', '', ''
            FROM generate_series(1, %s) g
            JOIN bench_officer o ON o.n = g %% %s AND o.k = (g / %s) %% %s
            """,
            [cases, AREAS, AREAS, OFFICERS],
        )
        cursor.execute(
            """
            INSERT INTO casework_case (
              report_id, area_id, owner_id, status, priority, opened_at, triaged_at, closed_at,
              recording_decision, nchi_threshold_met, nchi_rationale, enhanced_rights,
              enhanced_downgrade_reason, update_interval_days, next_clock_due_at)
            SELECT r.id, r.area_id, o.user_id, 'investigating', 'scheduled', r.submitted_at,
              r.submitted_at + interval '3 hours', NULL, '', NULL, '', true, '', 28,
              -- Overdue by 1 to 20 hours for `due_per_mille` of them; else due in 7 to 56 days.
              CASE WHEN (r.id * 7919) %% 1000 < %s
                   THEN now() - ((1 + r.id %% 20) || ' hours')::interval
                   ELSE now() + ((7 + r.id %% 50) || ' days')::interval END
            FROM reporting_report r
            JOIN bench_officer o ON o.n = r.id %% %s AND o.k = (r.id / %s) %% %s
            """,
            [due_per_mille, AREAS, AREAS, OFFICERS],
        )
        # One running routine clock per case, due when the case says its next update is.
        cursor.execute(
            """
            INSERT INTO casework_clock (
              case_id, kind, key_event, started_at, due_at, met_at, met_by_id,
              due_soon_alerted_at, stopped_at)
            SELECT c.id, 'routine', '', c.next_clock_due_at - interval '28 days',
                   c.next_clock_due_at, NULL, NULL, NULL, NULL
            FROM casework_case c
            """
        )
        print(f"Filled {cases:,} cases with clocks in {time.perf_counter() - started:.0f} s")
    connection.ensure_connection()
    old = connection.connection.autocommit
    connection.connection.autocommit = True
    with connection.connection.cursor() as raw:
        raw.execute("VACUUM ANALYZE")
    connection.connection.autocommit = old


class Rollback(Exception):
    pass


def one_row_at_a_time(sample: int, now) -> tuple[int, float]:
    """The naive way: fetch overdue clocks, and for each one check, insert and queue a
    message per recipient with the ORM. Rolled back afterwards."""
    from django.db import transaction

    from casework.models import Clock, Escalation
    from centres.models import Membership, Role, User
    from centres.outbox import queue_notification

    rows = 0
    started = time.perf_counter()
    try:
        with transaction.atomic():
            clocks = Clock.objects.overdue(now).select_related("case", "case__owner")[:sample]
            for clock in clocks:
                case = clock.case
                open_escalation = Escalation.objects.filter(
                    case=case,
                    clock=clock,
                    kind="update_overdue",
                    level="spoc",
                    resolved_at__isnull=True,
                )
                if open_escalation.exists():
                    continue
                escalation = Escalation.objects.create(
                    case=case, clock=clock, kind="update_overdue", level="spoc", raised_at=now
                )
                spocs = User.objects.filter(
                    pk__in=Membership.objects.active()
                    .filter(role=Role.SPOC, area_id=case.area_id)
                    .values("user_id")
                )
                for user in {case.owner, *spocs}:
                    queue_notification(
                        key=f"loop-escalation:{escalation.pk}:{user.pk}",
                        kind="escalation",
                        channel="email",
                        recipient=user,
                        language="en",
                        context={"case": case.pk, "escalation": escalation.pk},
                    )
                rows += 1
            elapsed = time.perf_counter() - started
            raise Rollback
    except Rollback:
        pass
    return rows, elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=2_000_000)
    parser.add_argument("--due-per-mille", type=int, default=150)
    parser.add_argument("--loop", type=int, default=3000, help="sample for the row loop")
    parser.add_argument("--no-fill", action="store_true", help="reuse the filled database")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    ensure_database(url)
    redis, port = start_redis()
    os.environ["REDIS_URL"] = os.environ["CELERY_BROKER_URL"] = f"redis://127.0.0.1:{port}/0"
    try:
        import logging

        import django

        django.setup()
        logging.disable(logging.INFO)
        run(args, port)
    finally:
        redis.terminate()
        redis.wait(10)


def run(args, port: int):
    from django.db import connection
    from django.utils import timezone

    from casework import sweeps
    from casework.models import Clock, Escalation
    from centres.models import Notification

    if not args.no_fill:
        fill(args.cases, args.due_per_mille)
    now = timezone.now()
    due = Clock.objects.overdue(now).count()
    print(f"Cases: {args.cases:,}; clocks overdue: {due:,}")

    loop_rows, loop_seconds = one_row_at_a_time(args.loop, now)
    loop_rate = loop_rows / loop_seconds
    print(
        f"One row at a time: {loop_rows:,} rows in {loop_seconds:.1f} s = {loop_rate:,.0f} rows/s"
    )

    started = time.perf_counter()
    first = sweeps.sweep_casework(now=now)
    sweep_seconds = time.perf_counter() - started
    rate = first.raised_total / sweep_seconds
    messages = int(redis_cli(port, "LLEN", "celery") or 0)
    print(
        f"Sweep: {first.raised_total:,} escalations and {len(first.notification_ids):,} "
        f"notifications in {sweep_seconds:.1f} s = {rate:,.0f} rows/s "
        f"({rate / loop_rate:.0f}x the loop; target >= 5x)"
    )
    print(
        f"Broker messages: {messages} for {due:,} due cases = 1 per {due / max(messages, 1):,.0f}"
        f" (target: at most 1 per 500)"
    )

    with connection.cursor() as cursor:
        candidates = sweeps.RULES[2][2]  # update_overdue, SPOC level
        cursor.execute("EXPLAIN " + candidates, {"now": now})
        plan = "\n".join(row[0] for row in cursor.fetchall())
    print("EXPLAIN of the overdue-clock query:\n" + plan)
    uses_index = "Index" in plan and "clock_due_idx" in plan

    started = time.perf_counter()
    second = sweeps.sweep_casework(now=timezone.now())
    second_seconds = time.perf_counter() - started
    messages_after = int(redis_cli(port, "LLEN", "celery") or 0)
    print(
        f"Second sweep straight after: {second.raised_total} escalations, "
        f"{len(second.notification_ids)} notifications, "
        f"{messages_after - messages} broker messages, in {second_seconds:.1f} s"
    )
    print(
        f"Open escalations: {Escalation.objects.filter(resolved_at__isnull=True).count():,}; "
        f"outbox rows: {Notification.objects.count():,}"
    )
    verdicts = {
        ">= 5x the row loop": rate >= 5 * loop_rate,
        "index scan": uses_index,
        "<= 1 message per 500 due cases": messages * 500 <= due,
        "second sweep sends nothing": second.raised_total == 0
        and not second.notification_ids
        and messages_after == messages,
    }
    for name, ok in verdicts.items():
        print(f"{'PASS' if ok else 'FAIL'}: {name}")
    if not all(verdicts.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
