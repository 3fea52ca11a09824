"""Benchmark: the insights page at 20 thousand reports and, when asked, at two million.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hr_bench SECRET_KEY=bench \\
        .venv/bin/python bench/insights.py [--small 20000] [--large 2000000]

It refuses any database whose name does not contain "bench". It fills reports, their cases
and a strand each as bench/casework_changelist.py does (INSERT … SELECT generate_series, 20
areas, three years), refreshes the rollup (casework/insights/rollup.py) and prints how long
that took and how many rows it wrote; then it requests /insights/ through the full Django stack
as an analyst — the default twelve months, and one area's last quarter compared with the
quarter before, with a strand — and one CSV export, and prints the queries and the median
time of each. Without --large it measures the small size only. Targets (issue 17 part 8): the
same number of queries at both sizes, and at most twice the time.
"""

import argparse
import os
import statistics
import sys
import time

from casework_changelist import RUNS, ensure_database, fill, prepare, setup_django, signed_in_client


def analyst():
    from centres.models import Membership, Role, User

    user, _ = User.objects.get_or_create(email="analyst@bench.example", defaults={"name": "An"})
    Membership.objects.get_or_create(
        user=user, role=Role.ANALYST, defaults={"approval": "approved"}
    )
    return user


def refresh() -> tuple[float, int]:
    from casework.insights import rollup

    started = time.perf_counter()
    result = rollup.refresh()
    return time.perf_counter() - started, result.rows


def pages():
    from django.utils import timezone

    from casework.insights.filters import add_months
    from centres.models import Area, Strand

    month = timezone.localdate().replace(day=1)
    area = Area.objects.get(code="bench-0")
    strand = Strand.objects.get(code="bench-race")
    quarter = {
        "area": area.code,
        "strand": strand.code,
        "start": f"{add_months(month, -3):%Y-%m}",
        "end": f"{add_months(month, -1):%Y-%m}",
        "compare_start": f"{add_months(month, -6):%Y-%m}",
        "compare_end": f"{add_months(month, -4):%Y-%m}",
    }
    return [
        ("insights, 12 months", "/insights/", {}),
        ("insights, area quarter", "/insights/", quarter),
        ("export, channels", "/insights/export/channels.csv", quarter),
    ]


def measure(client) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    results = {}
    for label, url, query in pages():
        response = client.get(url, query)  # warm up
        assert response.status_code == 200, (label, response.status_code)
        timings = []
        for _ in range(RUNS):
            cache.clear()  # the page caches its charts until a refresh: measure a first view
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                client.get(url, query)
                timings.append(time.perf_counter() - started)
        results[label] = (len(queries), 1000 * statistics.median(timings))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=20_000)
    parser.add_argument("--large", type=int, default=0, help="e.g. 2000000")
    parser.add_argument(
        "--measure-only",
        action="store_true",
        help="refresh the rollup and measure the reports already there (e.g. the two million "
        "bench/changelists.py filled), filling none",
    )
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        sys.exit("Set DATABASE_URL to a bench database, e.g. postgres://…/hr_bench")
    ensure_database(url)
    setup_django()
    if args.measure_only:
        from django.core.management import call_command

        from reporting.models import Report

        call_command("migrate", verbosity=0)
        rows = Report.objects.count()
        print(f"{rows:,} reports already there; measuring only.", flush=True)
        seconds, facts = refresh()
        print(f"  rollup refresh: {seconds:.1f} s, {facts:,} rows", flush=True)
        for label, (queries, ms) in measure(signed_in_client(analyst())).items():
            print(f"{label:26} | {queries:4} q {ms:9.1f} ms")
        return 0
    prepare()
    client = signed_in_client(analyst())
    sizes = [args.small] + ([args.large] if args.large > args.small else [])
    results, filled = {}, 0
    for size in sizes:
        print(f"Filling up to {size:,} reports…", flush=True)
        print(f"  {fill(filled + 1, size):.1f} s", flush=True)
        filled = size
        seconds, rows = refresh()
        print(f"  rollup refresh: {seconds:.1f} s, {rows:,} rows", flush=True)
        results[size] = measure(client)

    print()
    print(
        f"{'page (median of ' + str(RUNS) + ')':26} | "
        + " | ".join(f"{'at ' + format(size, ','):^20}" for size in sizes)
        + (" | ratio" if len(sizes) > 1 else "")
    )
    ok = True
    for label in results[sizes[0]]:
        cells = [f"{results[s][label][0]:4} q {results[s][label][1]:9.1f} ms" for s in sizes]
        line = f"{label:26} | " + " | ".join(cells)
        if len(sizes) > 1:
            (q1, t1), (q2, t2) = results[sizes[0]][label], results[sizes[1]][label]
            ratio = t2 / t1
            verdict = "  <-- queries differ" if q1 != q2 else "  <-- over 2x" if ratio > 2 else ""
            ok &= not verdict
            line += f" | {ratio:5.2f}{verdict}"
        print(line)
    print()
    print("All within target." if ok else "Some pages are over target.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
