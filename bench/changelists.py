"""Benchmark: every big staff list (reports, cases, escalations, the outbox, the access log)
for each role that has it, at 20 thousand and at two million reports, in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hr_bench SECRET_KEY=bench \\
        .venv/bin/python bench/changelists.py [--small 20000] [--large 2000000]

It refuses any database whose name does not contain "bench". It fills reports, their cases
and a strand each as bench/casework_changelist.py does (INSERT … SELECT generate_series),
then one escalation for every fourth case (one in five of them open, unless its case is
closed: the sweep resolves a closed case's escalations), one outbox message and one
access-log entry for every report. Each list is requested through the full Django stack
(session, second factor, middleware, the access log's INSERT) as a SPOC and an inspector
of one area of twenty, an administrator and the superuser, and the script prints the
queries and the median time of each at both sizes and the ratio. Targets (issue #15 part
9): the same number of queries at both sizes, and at most twice the time.

The times of one run are taken minutes apart, on a machine whose page times vary by half
between minutes. For figures that compare the data rather than the machine, fill two
databases (a run with --large equal to --small fills one of 20,000) and measure them in
turn:

    DATABASE_URL=…/hr_bench SECRET_KEY=bench .venv/bin/python bench/changelists.py \\
        --measure-only --against postgres://…/hr_bench_small [--rounds 3]
"""

import argparse
import os
import statistics
import sys
import time
from urllib.parse import urlparse

from casework_changelist import RUNS, ensure_database, fill, prepare, setup_django, signed_in_client

ESCALATION_EVERY = 4


def fill_more(first: int, last: int) -> float:
    """Escalations, outbox messages and access-log entries for reports first..last."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from centres.models import User
    from reporting.models import Report, ReporterContact

    started = time.perf_counter()
    spoc = User.objects.get(email="spoc@bench.example")
    contact_type = ContentType.objects.get_for_model(ReporterContact).pk
    report_type = ContentType.objects.get_for_model(Report).pk
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO casework_escalation (case_id, area_id, kind, level, clock_id,
                                             raised_at, resolved_at)
            SELECT c.id, c.area_id,
              (ARRAY['not_triaged','update_overdue','high_risk_unassigned',
                     'authorisation_waiting'])[1 + (c.id / %s) %% 4],
              CASE WHEN c.id %% 3 = 0 THEN 'inspector' ELSE 'spoc' END, NULL,
              c.opened_at + interval '5 days',
              -- One in five stays open while its case is; closing a case resolves them all
              -- (casework/sweeps.py RESOLVE_SQL), so a closed case keeps none open.
              CASE WHEN c.id %% 5 <> 0 THEN c.opened_at + interval '9 days'
                   WHEN c.status = 'closed' THEN c.closed_at END
            FROM casework_case c
            WHERE c.id BETWEEN %s AND %s AND c.id %% %s = 0
            ORDER BY c.opened_at
            """,
            [ESCALATION_EVERY, first, last, ESCALATION_EVERY],
        )
        cursor.execute(
            """
            INSERT INTO centres_notification (key, kind, channel, recipient_type_id,
              recipient_id, language, context, status, attempts, next_attempt_at, last_error,
              created_at, sent_at)
            SELECT 'bench-' || g,
              (ARRAY['case_update','escalation','daily_review','consent_changed'])[1 + g %% 4],
              (ARRAY['email','sms','centre'])[1 + g %% 3], %s, g, 'en', '{}',
              CASE WHEN g %% 101 = 0 THEN 'failed' WHEN g %% 37 = 0 THEN 'pending'
                   ELSE 'sent' END,
              1, now() - ((g %% 1000) || ' minutes')::interval, '',
              now() - ((%s - g) || ' seconds')::interval,
              CASE WHEN g %% 101 <> 0 AND g %% 37 <> 0 THEN now() END
            FROM generate_series(%s, %s) AS g
            """,
            [contact_type, last, first, last],
        )
        cursor.execute(
            """
            INSERT INTO centres_accesslogentry (id, at, user_id, action, object_type_id,
              object_id, object_label, detail, reason)
            SELECT gen_random_uuid(), r.submitted_at + interval '1 hour', %s, 'view', %s, r.id,
                   r.reference, 'bench', ''
            FROM reporting_report r WHERE r.id BETWEEN %s AND %s
            """,
            [spoc.pk, report_type, first, last],
        )
        cursor.execute("ANALYZE casework_escalation, centres_notification, centres_accesslogentry")
    return time.perf_counter() - started


def people():
    from centres.models import Area, Membership, Role, User

    area = Area.objects.get(code="bench-0")
    spoc = User.objects.get(email="spoc@bench.example")
    root = User.objects.get(email="root@bench.example")
    inspector, _ = User.objects.get_or_create(
        email="inspector@bench.example", defaults={"name": "Inspector"}
    )
    Membership.objects.get_or_create(
        user=inspector, role=Role.INSPECTOR, area=area, defaults={"approval": "approved"}
    )
    admin, _ = User.objects.get_or_create(
        email="admin@bench.example", defaults={"name": "Administrator"}
    )
    Membership.objects.get_or_create(
        user=admin, role=Role.ADMINISTRATOR, defaults={"approval": "approved"}
    )
    return {"SPOC": spoc, "inspector": inspector, "administrator": admin, "superuser": root}


LISTS = [
    ("reports", "/admin/reporting/report/", ["SPOC", "inspector", "superuser"], {}),
    (
        "reports, shared anonymously",
        "/admin/reporting/report/",
        ["superuser"],
        {"consent__exact": "share_anonymous"},
    ),
    ("cases", "/admin/casework/case/", ["SPOC", "inspector", "superuser"], {}),
    ("cases, overdue", "/admin/casework/case/", ["SPOC", "superuser"], {"clocks": "overdue"}),
    ("escalations", "/admin/casework/escalation/", ["SPOC", "inspector", "superuser"], {}),
    (
        "escalations, open",
        "/admin/casework/escalation/",
        ["inspector", "superuser"],
        {"state": "open"},
    ),
    ("outbox", "/admin/centres/notification/", ["administrator", "superuser"], {}),
    (
        "outbox, failed",
        "/admin/centres/notification/",
        ["administrator"],
        {"status__exact": "failed"},
    ),
    ("access log", "/admin/centres/accesslogentry/", ["administrator", "superuser"], {}),
]


def measure(clients):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    results = {}
    for name, url, roles, params in LISTS:
        for role in roles:
            client = clients[role]
            response = client.get(url, params)  # warm up
            assert response.status_code == 200, (name, role, response.status_code)
            timings = []
            for _ in range(RUNS):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    client.get(url, params)
                    timings.append((time.perf_counter() - started) * 1000)
            sql = [
                q["sql"]
                for q in queries.captured_queries
                if not q["sql"].lstrip().startswith(("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE"))
            ]
            distinct = any("SELECT DISTINCT" in s for s in sql)
            results[(name, role)] = (len(sql), statistics.median(timings), distinct)
    return results


def use_database(url: str) -> None:
    """Point Django's default connection at another bench database (same server)."""
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = urlparse(url).path.lstrip("/")


def print_table(small_label, large_label, small, large, runs) -> bool:
    """The table of queries, median times and ratios; True when every list is on target."""
    print()
    print(
        f"{'list, role (median of ' + runs + ')':42} | "
        f"{small_label:>18} | {large_label:>18} | ratio"
    )
    print(f"{'':42} | {'queries':>7} {'ms':>10} | {'queries':>7} {'ms':>10} |")
    ok = True
    for key, (q1, ms1, d1) in small.items():
        q2, ms2, d2 = large[key]
        ratio = ms2 / ms1
        verdict = ""
        if q1 != q2:
            verdict += "  <-- queries differ"
        if ratio > 2:
            verdict += "  <-- over 2x"
        if d1 or d2:
            verdict += "  (SELECT DISTINCT)"
        ok &= "<--" not in verdict
        label = f"{key[0]}, {key[1]}"
        print(f"{label:42} | {q1:7} {ms1:10.1f} | {q2:7} {ms2:10.1f} | {ratio:5.2f}{verdict}")
    print()
    print("All within target." if ok else "Some lists are over target.")
    return ok


def compare_in_turn(small_url: str, large_url: str, rounds: int) -> bool:
    """Measure two filled databases in turn, `rounds` times each, and compare the medians:
    on a shared machine a page's time varies by half from one minute to the next, so sizes
    measured at different times compare the machine as much as the data."""
    from reporting.models import Report

    runs = {small_url: [], large_url: []}
    sizes = {}
    for round_number in range(rounds):
        for url in (small_url, large_url):
            use_database(url)
            sizes[url] = Report.objects.count()
            users = people()
            clients = {role: signed_in_client(user) for role, user in users.items()}
            runs[url].append(measure(clients))
            print(f"  round {round_number + 1}: {sizes[url]:,} reports measured", flush=True)

    def medians(results):
        return {
            key: (
                results[0][key][0],
                statistics.median(r[key][1] for r in results),
                any(r[key][2] for r in results),
            )
            for key in results[0]
        }

    return print_table(
        f"at {sizes[small_url]:,}",
        f"at {sizes[large_url]:,}",
        medians(runs[small_url]),
        medians(runs[large_url]),
        f"{rounds} x {RUNS}",
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=20_000)
    parser.add_argument("--large", type=int, default=2_000_000)
    parser.add_argument(
        "--measure-only", action="store_true", help="measure the rows already there, fill none"
    )
    parser.add_argument(
        "--against",
        metavar="URL",
        help="with --measure-only: a second filled bench database (e.g. of 20,000 reports) to "
        "measure in turn with DATABASE_URL's, and compare",
    )
    parser.add_argument("--rounds", type=int, default=3, help="with --against (default 3)")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        sys.exit("Set DATABASE_URL to a bench database, e.g. postgres://…/hr_bench")
    ensure_database(url)
    setup_django()
    if args.measure_only:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    else:
        prepare()
    users = people()

    def signed_in():
        # Signed in afresh for each measurement: filling two million rows takes longer than
        # a staff session lives (it would measure the sign-in redirect instead).
        return {role: signed_in_client(user) for role, user in users.items()}

    from reporting.models import Report

    if args.measure_only and args.against:
        ensure_database(args.against)
        return 0 if compare_in_turn(args.against, url, args.rounds) else 1
    if args.measure_only:
        # Measure what a previous run filled, without filling more: e.g. the two million rows
        # of a run whose measurement was interrupted, when the machine is quiet.
        rows = Report.objects.count()
        print(f"{rows:,} reports already there; measuring only.", flush=True)
        for key, (queries, ms, distinct) in measure(signed_in()).items():
            label = f"{key[0]}, {key[1]}"
            print(f"{label:42} | {queries:7} {ms:10.1f}{'  (DISTINCT)' * distinct}")
        return 0

    print(f"Filling {args.small:,} reports…", flush=True)
    print(f"  {fill(1, args.small) + fill_more(1, args.small):.1f} s", flush=True)
    small = measure(signed_in())
    print(f"Filling up to {args.large:,} reports…", flush=True)
    took = fill(args.small + 1, args.large) + fill_more(args.small + 1, args.large)
    print(f"  {took:.1f} s", flush=True)
    large = measure(signed_in())

    ok = print_table(f"at {args.small:,}", f"at {args.large:,}", small, large, str(RUNS))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
