"""Benchmark: the candidate-match search (casework/services/matching.py) at 20 thousand and
at a larger size (two million with --large 2000000), in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hr_bench_matching SECRET_KEY=bench \\
        .venv/bin/python bench/matching.py [--small 20000] [--large 200000]

It refuses any database whose name does not contain "bench". Reports arrive as they do in
England and Wales: about 440 a day across 40 forces of 10 areas each (two million is some
twelve years of them; twenty thousand the first six weeks), each with a strand, a place type
and a description of 12 words from a small vocabulary, so pg_trgm has real work. The search
is timed for cases in one force's areas, as that force's SPOC (the scope joins the case) and
unscoped, and EXPLAIN shows the plan: on the (area, occurred_on) index and the seven-day
window, so it reads the same rows at any size. Target (issue 20 part 6): at most 3x the time
at 20 thousand.
"""

import argparse
import os
import statistics
import sys
import time

from casework_changelist import ensure_database, setup_django

FORCES = 40
AREAS_PER_FORCE = 10
PER_DAY = 440
RUNS = 15
CASES = 10
VOCABULARY = (
    "shouted abuse racist bus stop street neighbour threatened spat pushed headscarf "
    "mosque church synagogue market car window graffiti wall phone online message "
    "comment photo night evening morning school gate park shop queue train station taxi "
    "driver man woman men group teenagers kicked punched followed filmed laughed called "
    "names slur flag door garden rubbish fence bins letter eggs thrown road lane pub"
)
WORDS = VOCABULARY.split()


def prepare():
    from django.core.management import call_command
    from django.db import connection

    from centres.models import Area, Membership, Role, Strand, User
    from reporting.models import PlaceType

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE casework_case, reporting_report, reporting_report_strands "
            "RESTART IDENTITY CASCADE"
        )
    for force in range(FORCES):
        for n in range(AREAS_PER_FORCE):
            Area.objects.update_or_create(
                code=f"bench-{force}-{n}",
                defaults={"name": f"Bench area {force}.{n}", "force": f"Bench force {force}"},
            )
    for n, code in enumerate(["race", "religion", "sexual-orientation", "disability", "trans"]):
        Strand.objects.get_or_create(
            code=f"bench-{code}", defaults={"kind": "national", "name": code, "order": n}
        )
    for code in ("street", "bus", "home", "shop", "online"):
        PlaceType.objects.get_or_create(code=f"bench-{code}", defaults={"name": code})
    spoc, _ = User.objects.get_or_create(email="spoc@bench.example", defaults={"name": "SPOC"})
    for area in Area.objects.filter(force="Bench force 0"):
        Membership.objects.get_or_create(
            user=spoc, role=Role.SPOC, area=area, defaults={"approval": "approved"}
        )
    return spoc


def fill(first: int, last: int) -> float:
    """Reports first..last (report g arrived g/PER_DAY days before now), a strand each, and
    cases for force 0's shared reports. Returns seconds taken."""
    from django.db import connection

    from centres.models import Area, Strand
    from reporting.models import PlaceType

    started = time.perf_counter()
    strands = list(Strand.objects.filter(code__startswith="bench-").values_list("id", flat=True))
    places = list(PlaceType.objects.filter(code__startswith="bench-").values_list("id", flat=True))
    areas = list(
        Area.objects.filter(code__startswith="bench-").order_by("id").values_list("id", flat=True)
    )
    with connection.cursor() as cursor:
        # The trigram index is built once after the rows, not row by row.
        cursor.execute("DROP INDEX IF EXISTS report_description_trgm")
        cursor.execute(
            """
            INSERT INTO reporting_report (
              reference, passphrase_hash, reporter_role, channel, centre_is_go_between,
              language, area_id, submitted_at, occurred_on, description, when_kind,
              when_details, happened_before, how_often, location_kind, town, postcode,
              location_details, online_platform, place_type_id, motivation_other,
              motivation_not_sure, offender_known, offender_description, injured,
              property_damaged, threatened, harm_details, consent, support_wanted,
              support_needs, age_group, school_sharing)
            SELECT
              'HR-' || substr(lpad(upper(to_hex(g)), 8, '0'), 1, 4) || '-'
                    || substr(lpad(upper(to_hex(g)), 8, '0'), 5, 4),
              'x', 'victim', 'online_self', false, 'en',
              (%s::bigint[])[1 + (g * 7919) %% %s],
              now() - ((g::float / %s) || ' days')::interval,
              (now() - ((g::float / %s + g %% 3) || ' days')::interval)::date,
              array_to_string(ARRAY(
                SELECT (%s::text[])[1 + ((g * 31 + k * 7907) * k) %% %s]
                FROM generate_series(1, 12) AS k), ' '),
              'exact', '', '', '', 'place', 'Bench', '', '', '',
              (%s::bigint[])[1 + g %% 5], '', false, '', '', '', '', '', '',
              CASE WHEN g %% 33 = 0 THEN 'do_not_share'
                   WHEN g %% 10 = 0 THEN 'share_anonymous' ELSE 'share_details' END,
              '', '', '', ''
            FROM generate_series(%s::bigint, %s::bigint) AS g
            ORDER BY g DESC
            """,
            [areas, len(areas), PER_DAY, PER_DAY, WORDS, len(WORDS), places, first, last],
        )
        cursor.execute(
            """
            INSERT INTO reporting_report_strands (report_id, strand_id)
            SELECT r.id, (%s::bigint[])[1 + r.id %% 5] FROM reporting_report r
             WHERE r.id BETWEEN %s AND %s
            """,
            [strands, first, last],
        )
        cursor.execute(
            """
            INSERT INTO casework_case (report_id, area_id, status, priority, opened_at,
              recording_decision, nchi_rationale, enhanced_rights, enhanced_downgrade_reason,
              update_interval_days, on_legal_hold)
            SELECT r.id, r.area_id, 'new', '', r.submitted_at, '', '', true, '', 28, false
              FROM reporting_report r JOIN centres_area a ON a.id = r.area_id
             WHERE r.id BETWEEN %s AND %s AND a.force = 'Bench force 0'
               AND r.consent <> 'do_not_share'
            """,
            [first, last],
        )
        cursor.execute(
            "CREATE INDEX report_description_trgm ON reporting_report "
            "USING gin (description gin_trgm_ops)"
        )
        cursor.execute("ANALYZE reporting_report, reporting_report_strands, casework_case")
    return time.perf_counter() - started


def sample_cases():
    """The newest cases of force 0: the ones a SPOC opens in the morning."""
    from casework.models import Case

    return list(
        Case.objects.filter(area__force="Bench force 0")
        .select_related("report", "area")
        .order_by("-opened_at")[:CASES]
    )


def measure(spoc) -> dict:
    from django.db import connection

    from casework.services import matching
    from reporting.models import Report

    cases = sample_cases()
    timings = {"SPOC: candidates()": [], "unscoped: one statement": []}
    found = 0
    for _ in range(RUNS):
        for case in cases:
            started = time.perf_counter()
            found += len(matching.candidates(spoc, case))
            timings["SPOC: candidates()"].append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            list(
                matching.candidate_queryset(case.report, Report.objects.all(), area=case.area)[:10]
            )
            timings["unscoped: one statement"].append((time.perf_counter() - started) * 1000)
    query = matching.candidate_queryset(cases[0].report, Report.objects.all(), area=cases[0].area)
    sql, params = query[:10].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    return {
        "ms": {label: statistics.median(values) for label, values in timings.items()},
        "found": found / (RUNS * len(cases)),
        "plan": plan,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=20_000)
    parser.add_argument("--large", type=int, default=200_000)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    ensure_database(url)
    setup_django()
    spoc = prepare()
    results = {}
    for size, first in ((args.small, 1), (args.large, args.small + 1)):
        # The larger table is the smaller one with older reports added behind it: the newest
        # cases, whose candidates are searched, are the same rows at both sizes.
        seconds = fill(first, size)
        results[size] = measure(spoc)
        print(f"\n{size:,} reports (filled in {seconds:.0f} s)")
        for label, ms in results[size]["ms"].items():
            print(f"  {label:28} median {ms:8.2f} ms")
        print(f"  candidates found per case: {results[size]['found']:.1f}")
        print("  plan:\n    " + results[size]["plan"].replace("\n", "\n    "))
    small, large = results[args.small]["ms"], results[args.large]["ms"]
    print(f"\n{args.large:,} vs {args.small:,}:")
    worst = 0.0
    for label in small:
        ratio = large[label] / small[label]
        worst = max(worst, ratio)
        print(f"  {label:28} {ratio:5.2f}x")
    print("target: at most 3x:", "met" if worst <= 3 else "NOT met")
    return 0 if worst <= 3 else 1


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.exit(main())
