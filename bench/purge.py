"""Benchmark: the retention purge (reporting/lifecycle/), rows purged per second at 20
thousand reports and, with --large, at two million.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hr_bench SECRET_KEY=bench \\
        .venv/bin/python bench/purge.py [--small 20000] [--large 2000000] [--steady 2000]

It refuses any database whose name does not contain "bench". It fills reports and their
cases as bench/casework_changelist.py does (INSERT … SELECT generate_series: twenty areas,
three years, most cases closed sixty days after the report), gives every report contact
details and every tenth one an evidence row, then runs the purge under the default schedule
(settings.HATEREPORT_RETENTION) and prints, per category, the reports changed, the seconds
and the rate; then a second run (nothing left to do: the cost of scanning) and the peak of
Python memory (tracemalloc) of each, which stays flat however many reports there are.

With --steady K it measures a night at steady state instead of a first run over years of
backlog: everything the schedule removes by now is removed first, through the same removal
functions in large batches, except K reports of each category (the highest ids); then the
purge runs and finds those K, and a second run finds nothing. The same K at both sizes, so
the rates compare what a night costs among 20 thousand reports and among two million.
"""

import argparse
import os
import sys
import time
import tracemalloc

from casework_changelist import ensure_database, fill, prepare, setup_django


def fill_contacts(first: int, last: int) -> float:
    """Contact details for every report first..last, evidence rows for every tenth. Columns
    are read from the catalogue, so a column another change adds gets its type's empty value."""
    from django.db import connection

    started = time.perf_counter()
    fixed = {
        "reportercontact": {"report_id": "r.id", "channels": "'[\"email\"]'"},
        "evidencefile": {
            "report_id": "r.id",
            "file": "'bench/' || r.id",
            "content_type": "'image/jpeg'",
            "size": "2048",
            "sha256": "repeat('0', 64)",
        },
    }
    where = {"reportercontact": "", "evidencefile": " AND r.id %% 10 = 0"}
    with connection.cursor() as cursor:
        for table, values in fixed.items():
            types = dict(_required_columns(cursor, f"reporting_{table}"))
            names = list(values) + [name for name in types if name not in values]
            select = [values[name] if name in values else _empty(types[name]) for name in names]
            # Table and column names are our own (above and the catalogue), never input.
            sql = (
                f"INSERT INTO reporting_{table} ({', '.join(names)}) "  # noqa: S608
                f"SELECT {', '.join(select)} FROM reporting_report r "
                f"WHERE r.id BETWEEN %s AND %s{where[table]}"
            )
            cursor.execute(sql, [first, last])
        cursor.execute("ANALYZE reporting_reportercontact, reporting_evidencefile")
    return time.perf_counter() - started


def _required_columns(cursor, table):
    cursor.execute(
        """
        SELECT column_name, data_type FROM information_schema.columns
         WHERE table_name = %s AND is_nullable = 'NO' AND column_default IS NULL
           AND column_name <> 'id'
        """,
        [table],
    )
    return cursor.fetchall()


def _empty(data_type: str) -> str:
    if data_type == "boolean":
        return "false"
    if data_type in ("jsonb", "json"):
        return "'[]'"
    if data_type.startswith("timestamp"):
        return "now()"
    if data_type in ("integer", "bigint", "smallint"):
        return "0"
    return "''"


def purge() -> tuple[dict, float, float]:
    from reporting.lifecycle import run_purge

    tracemalloc.start()
    started = time.perf_counter()
    result = run_purge()
    took = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    return result.totals(), took, peak


def steady_state(keep: int, chunk: int = 20_000) -> None:
    """Remove everything due now but the last `keep` reports of each category, through the
    purge's own removal functions (purge.ACTIONS), in batches of `chunk`."""
    from django.db import connection, transaction
    from django.utils import timezone

    from reporting.lifecycle.purge import ACTIONS, due
    from reporting.lifecycle.schedule import Category, area_groups

    now = timezone.now()
    for category in Category:
        started = time.perf_counter()
        ids = sorted(
            pk
            for group in area_groups(category, now)
            for pk in due(category, group).values_list("pk", flat=True)
        )
        done = ids[:-keep] if keep else ids
        for start in range(0, len(done), chunk):
            with transaction.atomic():
                ACTIONS[category](done[start : start + chunk], now=now, reason="bench")
        print(
            f"  steady state, {category}: {len(done):,} removed in "
            f"{time.perf_counter() - started:.0f} s, {len(ids) - len(done):,} left due",
            flush=True,
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE reporting_report")
        cursor.execute("ANALYZE casework_case, reporting_reportercontact, reporting_evidencefile")


def measure(label: str) -> None:
    totals, took, peak = purge()
    again, took_again, peak_again = purge()
    changed = sum(totals.values())
    print(f"{label}")
    print(
        "  first run: "
        + ", ".join(f"{k} {v:,}" for k, v in totals.items())
        + f" -> {changed:,} report changes in {took:.1f} s = {changed / took:,.0f}/s;"
        + f" peak Python memory {peak:.1f} MB"
    )
    print(
        f"  second run: {sum(again.values())} changes in {took_again:.1f} s;"
        f" peak Python memory {peak_again:.1f} MB",
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=20_000)
    parser.add_argument("--large", type=int, default=0, help="e.g. 2000000")
    parser.add_argument(
        "--steady",
        type=int,
        default=0,
        metavar="K",
        help="measure a night at steady state with K reports due per category",
    )
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        sys.exit("Set DATABASE_URL to a bench database, e.g. postgres://…/hr_bench")
    ensure_database(url)
    setup_django()
    for size in [args.small] + ([args.large] if args.large else []):
        prepare()
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE reporting_reportercontact, reporting_evidencefile RESTART IDENTITY"
            )
        print(f"Filling {size:,} reports…", flush=True)
        print(f"  {fill(1, size) + fill_contacts(1, size):.1f} s", flush=True)
        if args.steady:
            steady_state(args.steady)
            measure(f"At {size:,} reports, steady state, {args.steady:,} due per category")
        else:
            measure(f"At {size:,} reports (default schedule)")


if __name__ == "__main__":
    main()
