"""Benchmark: the data protection officer's access-log review (casework/data_protection/
access_review.py) at two sizes of the log, in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hr_bench SECRET_KEY=bench \\
        .venv/bin/python bench/access_log_review.py [--small 200000] [--large 2000000]

It refuses any database whose name does not contain "bench". It fills 20,000 reports and
their cases as bench/casework_changelist.py does, 300 officers, then access-log entries over
a year (INSERT … SELECT generate_series): each a view of a report or case by one of the
officers, a tenth of them list rows. It times each filter's first page (person; subject;
action and one day; all), and the unusual-viewing list of one day, median of RUNS, at both
sizes, and prints the ratio and the plan's access to the log. Target: no sequential scan of
the log, and the large log within twice the small one's time.
"""

import argparse
import datetime
import os
import statistics
import sys
import time

from casework_changelist import ensure_database, fill, prepare, setup_django

REPORTS = 20_000
OFFICERS = 300
RUNS = 7
DAYS = 365


def fill_log(first: int, last: int) -> float:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from casework.models import Case
    from reporting.models import Report

    started = time.perf_counter()
    report_type = ContentType.objects.get_for_model(Report).pk
    case_type = ContentType.objects.get_for_model(Case).pk
    with connection.cursor() as cursor:
        cursor.execute("SELECT min(id), max(id) FROM reporting_report")
        low, high = cursor.fetchone()
        cursor.execute(
            "SELECT array_agg(id ORDER BY id) FROM centres_user WHERE email LIKE 'officer%%'"
        )
        (officers,) = cursor.fetchone()
        cursor.execute(
            """
            INSERT INTO centres_accesslogentry (id, at, user_id, action, object_type_id,
                                                object_id, object_label, detail, reason)
            SELECT gen_random_uuid(),
                   now() - (g %% %s) * interval '1 day' - (g %% 86400) * interval '1 second',
                   (%s::bigint[])[1 + g %% %s],
                   CASE WHEN g %% 17 = 0 THEN 'change' ELSE 'view' END,
                   CASE WHEN g %% 2 = 0 THEN %s ELSE %s END,
                   %s + (g::bigint * 7919) %% (%s - %s + 1),
                   'HR-BENCH-' || g,
                   CASE WHEN g %% 10 = 0 THEN 'admin list; 20 shown of 20' ELSE 'admin' END,
                   ''
              FROM generate_series(%s, %s) AS g
            """,
            [DAYS, officers, len(officers), report_type, case_type, low, high, low, first, last],
        )
        # Case ids stand in for report ids in half the rows: the join cost is the same.
        cursor.execute("ANALYZE centres_accesslogentry")
    return time.perf_counter() - started


def officers():
    from centres.models import User

    existing = User.objects.filter(email__startswith="officer").count()
    User.objects.bulk_create(
        User(email=f"officer{n}@bench.example", name=f"Officer {n}")
        for n in range(existing, OFFICERS)
    )
    return list(User.objects.filter(email__startswith="officer").order_by("pk"))


def scenarios(person, reference, day):
    from casework.data_protection import access_review
    from centres.models import User

    dpo = User.objects.get(email="root@bench.example")
    page = access_review.page_of

    def filtered(**filters):
        return lambda: page(
            access_review.filtered_entries(dpo, access_review.LogFilters(**filters))
        )

    return {
        "everything, newest first": filtered(),
        "one person": filtered(person=person),
        "one subject (reference)": filtered(reference=reference),
        "changes on one day": filtered(action="change", since=day, until=day),
        "one person, one day": filtered(person=person, since=day, until=day),
        "unusual viewing, one day": lambda: access_review.unusual_viewing(day, threshold=5),
    }


def measure(person, reference, day) -> dict[str, float]:
    results = {}
    for name, run in scenarios(person, reference, day).items():
        run()  # warm
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            run()
            times.append(time.perf_counter() - started)
        results[name] = statistics.median(times) * 1000
    return results


def plan_of_unusual(day) -> str:
    from casework.data_protection.access_review import _day_start
    from centres.models import AccessLogEntry

    queryset = AccessLogEntry.objects.filter(
        at__gte=_day_start(day), at__lt=_day_start(day + datetime.timedelta(days=1))
    )
    return queryset.explain()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=200_000)
    parser.add_argument("--large", type=int, default=2_000_000)
    args = parser.parse_args()
    ensure_database(os.environ["DATABASE_URL"])
    setup_django()
    from django.core.management import call_command
    from django.db import connection

    from reporting.models import Report

    call_command("migrate", verbosity=0)
    prepare()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE centres_accesslogentry")
    if Report.objects.count() < REPORTS:
        print(f"reports and cases: {fill(1, REPORTS):.1f} s", flush=True)
    person = officers()[7]
    reference = Report.objects.order_by("pk").values_list("reference", flat=True)[500]
    day = datetime.date.today() - datetime.timedelta(days=3)
    sizes = {}
    filled = 0
    for label, size in (("small", args.small), ("large", args.large)):
        seconds = fill_log(filled + 1, size)
        filled = size
        print(f"access log filled to {size:,} entries in {seconds:.1f} s", flush=True)
        sizes[label] = measure(person, reference, day)
    print(f"\n{'':28} {'small ms':>9} {'large ms':>9} {'ratio':>6}")
    for name in sizes["small"]:
        small, large = sizes["small"][name], sizes["large"][name]
        print(f"{name:28} {small:9.1f} {large:9.1f} {large / small:6.2f}")
    plan = plan_of_unusual(day)
    scans = [line.strip() for line in plan.splitlines() if "Scan" in line]
    print("\nThe log read for one day:", "; ".join(scans))
    if "Seq Scan on centres_accesslogentry" in plan:
        sys.exit("a sequential scan of the log")


if __name__ == "__main__":
    main()
