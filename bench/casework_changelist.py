"""Benchmark: the SPOC case list at 20 thousand and at two million cases, in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hr_bench SECRET_KEY=bench \\
        .venv/bin/python bench/casework_changelist.py [--small 20000] [--large 2000000]

It refuses any database whose name does not contain "bench", creates it when missing,
migrates it, and fills it with INSERT … SELECT generate_series (reports, their cases and a
strand each, spread over 20 areas and three years). Then it requests the changelist through
the full Django stack (session, second factor, middleware) as a SPOC of one area, and as the
superuser, for the default page and the common filters, and prints the queries and the median
time of each. Targets: at most 11 queries at any size (the eleventh is the access log's one
INSERT for the rows shown), and at two million no more than twice the time at 20 thousand.
"""

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hatereport.settings")
# Measured as the tests run it: plain HTTP through the test client, production otherwise.
os.environ.setdefault("HATEREPORT_MODE", "test")

AREAS = 20
RUNS = 11
MAX_QUERIES = 11


def ensure_database(url: str) -> None:
    import psycopg2

    name = urlparse(url).path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"Refusing to fill {name!r}: the database name must contain 'bench'.")
    admin = url.rsplit("/", 1)[0] + "/postgres"
    connection = psycopg2.connect(admin)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def setup_django():
    import django

    django.setup()
    import logging
    import warnings

    from django.conf import settings

    logging.disable(logging.INFO)
    warnings.filterwarnings("ignore", message="No directory at")
    from django.test.utils import override_settings

    # As the tests do: plain HTTP from the test client, and no collectstatic manifest.
    override_settings(
        ALLOWED_HOSTS=["testserver"],
        SECURE_SSL_REDIRECT=False,
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ).enable()


def prepare():
    """Reference rows: areas, centres, strands, a SPOC of area 1 and a superuser."""
    from django.core.management import call_command
    from django.db import connection

    from centres.models import Area, Centre, Membership, Role, Strand, User

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE casework_case, reporting_report, reporting_report_strands, "
            "centres_accesslogentry, centres_notification RESTART IDENTITY CASCADE"
        )
    areas = [
        Area.objects.update_or_create(code=f"bench-{n}", defaults={"name": f"Bench area {n}"})[0]
        for n in range(AREAS)
    ]
    for area in areas:
        for k in range(2):
            Centre.objects.get_or_create(
                slug=f"{area.code}-centre-{k}",
                defaults={
                    "name": f"{area.name} centre {k}",
                    "kind": "tprc",
                    "area": area,
                    "town": "Bench",
                },
            )
    for n, code in enumerate(["race", "religion", "sexual-orientation", "disability", "trans"]):
        Strand.objects.get_or_create(
            code=f"bench-{code}", defaults={"kind": "national", "name": code, "order": n}
        )
    Strand.objects.get_or_create(code="bench-sex", defaults={"kind": "local", "name": "sex"})
    spoc, _ = User.objects.get_or_create(email="spoc@bench.example", defaults={"name": "SPOC"})
    # Approved, as a seeded role is (centres/roles.py: a pending grant gives nothing).
    Membership.objects.get_or_create(
        user=spoc, role=Role.SPOC, area=areas[0], defaults={"approval": "approved"}
    )
    root, _ = User.objects.get_or_create(
        email="root@bench.example", defaults={"name": "Root", "is_superuser": True}
    )
    return areas, spoc, root


def fill(first: int, last: int) -> float:
    """Reports first..last and their cases, with one strand each. Returns seconds taken."""
    from django.db import connection

    from centres.models import Area, Strand, User

    started = time.perf_counter()
    strand_ids = list(Strand.objects.filter(code__startswith="bench-").values_list("id", flat=True))
    area_ids = list(
        Area.objects.filter(code__startswith="bench-").order_by("id").values_list("id", flat=True)
    )
    spoc = User.objects.get(email="spoc@bench.example")
    with connection.cursor() as cursor:
        cursor.execute(
            """
            CREATE TEMP TABLE IF NOT EXISTS bench_area AS
              SELECT row_number() OVER (ORDER BY a.id) - 1 AS n, a.id AS area_id,
                     min(c.id) AS centre_id
                FROM centres_area a JOIN centres_centre c ON c.area_id = a.id
               WHERE a.id = ANY(%s) GROUP BY a.id
            """,
            [area_ids],
        )
        cursor.execute(
            """
            INSERT INTO reporting_report (
              reference, passphrase_hash, reporter_role, channel, centre_id, centre_is_go_between,
              language, area_id, submitted_at, description, when_kind, when_details,
              happened_before, how_often, location_kind, town, postcode, location_details,
              online_platform, motivation_other, motivation_not_sure, offender_known,
              offender_description, injured, property_damaged, threatened, harm_details,
              consent, support_wanted, support_needs)
            SELECT
              'HR-' || substr(lpad(upper(to_hex(g)), 8, '0'), 1, 4) || '-'
                    || substr(lpad(upper(to_hex(g)), 8, '0'), 5, 4),
              'x', 'victim',
              (ARRAY['online_self','online_witness','assisted','phone'])[1 + g %% 4],
              CASE WHEN g %% 4 = 2 THEN ba.centre_id END, false,
              'en', ba.area_id,
              now() - (((g::bigint * 7919) %% 1576800) || ' minutes')::interval,
              'Bench report.', 'approximate', '', '', '', 'place', 'Bench', '', '', '', '',
              false, '', '', '', '', '', '',
              CASE WHEN g %% 33 = 0 THEN 'do_not_share'
                   WHEN g %% 10 = 0 THEN 'share_anonymous' ELSE 'share_details' END,
              '', ''
            FROM generate_series(%s, %s) AS g
            JOIN bench_area ba ON ba.n = g %% %s
            -- Ids in the order of g, so the areas' reports interleave as real arrivals do
            -- (a hash join would otherwise number them area by area).
            ORDER BY g
            """,
            [first, last, AREAS],
        )
        cursor.execute(
            """
            INSERT INTO casework_case (
              report_id, area_id, status, priority, opened_at, triaged_at, closed_at,
              recording_decision, nchi_threshold_met, nchi_rationale, enhanced_rights,
              enhanced_downgrade_reason, update_interval_days, next_clock_due_at)
            SELECT r.id, r.area_id,
              s.status,
              (ARRAY['', 'immediate', 'priority', 'scheduled', 'no_deployment'])[1 + r.id %% 5],
              r.submitted_at,
              CASE WHEN s.status <> 'new' THEN r.submitted_at + interval '3 hours' END,
              CASE WHEN s.status = 'closed' THEN r.submitted_at + interval '60 days' END,
              '', NULL, '', true, '', 28,
              CASE WHEN s.status <> 'closed'
                   THEN now() + (((r.id * 31) %% 40 - 4) || ' days')::interval END
            FROM reporting_report r
            CROSS JOIN LATERAL (SELECT CASE
                WHEN r.submitted_at > now() - interval '2 days' THEN 'new'
                WHEN r.submitted_at > now() - interval '60 days'
                  THEN (ARRAY['triaged','investigating','awaiting_decision'])[1 + r.id %% 3]
                WHEN r.id %% 50 = 0 THEN 'outcome_recorded'
                ELSE 'closed' END AS status) s
            WHERE r.id BETWEEN %s AND %s
            ORDER BY r.id
            """,
            [first, last],
        )
        cursor.execute(
            """
            INSERT INTO reporting_report_strands (report_id, strand_id)
            SELECT r.id, (%s::bigint[])[1 + r.id %% %s]
              FROM reporting_report r WHERE r.id BETWEEN %s AND %s
            """,
            [strand_ids, len(strand_ids), first, last],
        )
        cursor.execute(
            "UPDATE casework_case SET owner_id = %s WHERE id BETWEEN %s AND %s AND id %% 97 = 0 "
            "AND area_id = %s",
            [spoc.pk, first, last, area_ids[0]],
        )
        cursor.execute("ANALYZE reporting_report, casework_case, reporting_report_strands")
    return time.perf_counter() - started


def signed_in_client(user):
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def scenarios(spoc, root):
    from casework.models import Case
    from centres.models import Strand

    area_case = Case.objects.filter(area__code="bench-0").select_related("report").last()
    strand = Strand.objects.get(code="bench-race")
    return [
        ("SPOC: default list", spoc, {}),
        ("SPOC: overdue clocks", spoc, {"clocks": "overdue"}),
        ("SPOC: status new", spoc, {"status__exact": "new"}),
        ("SPOC: my cases", spoc, {"assigned": "me"}),
        ("SPOC: strand", spoc, {"strand": strand.pk}),
        ("SPOC: priority immediate", spoc, {"priority__exact": "immediate"}),
        ("SPOC: search reference", spoc, {"q": area_case.report.reference.lower()}),
        ("SPOC: page 3", spoc, {"p": 3}),
        ("superuser: default list", root, {}),
    ]


@dataclass
class Result:
    queries: int
    ms: float
    sql_ms: float
    rows: int


def measure(clients, cases):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = "/admin/casework/case/"
    results = {}
    for label, user, params in cases:
        client = clients[user.pk]
        response = client.get(url, params)  # warm up
        assert response.status_code == 200, (label, response.status_code)
        timings, sql_timings = [], []
        for _ in range(RUNS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url, params)
                timings.append((time.perf_counter() - started) * 1000)
            sql_timings.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
        # Transaction control around the session save is not a query.
        count = sum(
            1
            for q in queries.captured_queries
            if not q["sql"].lstrip().startswith(("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE"))
        )
        shown = response.content.count(b'name="_selected_action"')
        results[label] = Result(
            count, statistics.median(timings), statistics.median(sql_timings), shown
        )
    return results


def measure_only():
    from casework.models import Case
    from centres.models import User

    spoc = User.objects.get(email="spoc@bench.example")
    root = User.objects.get(email="root@bench.example")
    clients = {spoc.pk: signed_in_client(spoc), root.pk: signed_in_client(root)}
    results = measure(clients, scenarios(spoc, root))
    print(f"{Case.objects.count():,} cases")
    for label, r in results.items():
        print(f"{label:26} | {r.queries:7} {r.ms:9.1f} {r.sql_ms:7.1f} {r.rows:4}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=20_000)
    parser.add_argument("--large", type=int, default=2_000_000)
    parser.add_argument(
        "--measure-only",
        action="store_true",
        help="measure the database as it is (after a full run), without refilling it",
    )
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        sys.exit("Set DATABASE_URL to a bench database, e.g. postgres://…/hr_bench")
    ensure_database(url)
    setup_django()
    if args.measure_only:
        return measure_only()
    _areas, spoc, root = prepare()
    clients = {spoc.pk: signed_in_client(spoc), root.pk: signed_in_client(root)}

    print(f"Filling {args.small:,} cases…", flush=True)
    print(f"  {fill(1, args.small):.1f} s", flush=True)
    small = measure(clients, scenarios(spoc, root))
    print(f"Filling up to {args.large:,} cases…", flush=True)
    print(f"  {fill(args.small + 1, args.large):.1f} s", flush=True)
    large = measure(clients, scenarios(spoc, root))

    print()
    print(
        f"{'page (median of ' + str(RUNS) + ')':26} | {'at ' + format(args.small, ','):^29} | "
        f"{'at ' + format(args.large, ','):^29} | ratio"
    )
    print(f"{'':26} | queries  total ms  SQL ms rows | queries  total ms  SQL ms rows |")
    ok = True
    for label in small:
        a, b = small[label], large[label]
        ratio = b.ms / a.ms
        verdict = ""
        if a.queries > MAX_QUERIES or b.queries > MAX_QUERIES:
            verdict = f"  <-- more than {MAX_QUERIES} queries"
        elif a.rows == b.rows and ratio > 2:
            verdict = "  <-- over 2x"
        elif a.rows != b.rows:
            # Fewer rows to draw at the small size: the page times are not comparable; the
            # SQL times are.
            verdict = f"  (rows differ; SQL ratio {b.sql_ms / max(a.sql_ms, 0.1):.2f})"
        ok &= "<--" not in verdict
        print(
            f"{label:26} | {a.queries:7} {a.ms:9.1f} {a.sql_ms:7.1f} {a.rows:4} | "
            f"{b.queries:7} {b.ms:9.1f} {b.sql_ms:7.1f} {b.rows:4} | {ratio:5.2f}{verdict}"
        )
    print()
    print("All within target." if ok else "Some pages are over target.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
