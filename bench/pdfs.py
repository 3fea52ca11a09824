"""Benchmark: the case summary PDF at about 2 pages and at about 10, and the ratio.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hr_pdf_bench SECRET_KEY=bench \\
        .venv/bin/python bench/pdfs.py [--profile]

It refuses any database whose name does not contain "bench", creates and migrates it, makes
one case (tests/factories.py) and gives it case updates, notes and contact attempts until its
summary is about 2 pages, then about 10, and renders it as the admin does
(casework/admin/pdfs.py: the case page's context, the template, WeasyPrint), median of five
after one warm-up each. Target (issue #15 part 9): 10 pages in at most 6 times the time of 2.
With --profile it prints where the 10-page render spends its time (cProfile, top 25).
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from casework_changelist import ensure_database, setup_django  # noqa: E402

RUNS = 7
BODY = (
    "Spoke to the victim by phone at the agreed time. They described the neighbour's "
    "shouting again on Tuesday evening and a note pushed through the door. Advised on "
    "keeping a diary and the support available; agreed to call again next week."
)


def make_case():
    from django.core.management import call_command

    from casework.models import CaseStatus
    from tests.factories import (
        AreaFactory,
        CaseFactory,
        ReporterContactFactory,
        ReportFactory,
        UserFactory,
    )

    call_command("migrate", verbosity=0)
    # A new scratch area, case and officer each run (the factories' sequences start again).
    run = uuid.uuid4().hex[:8]
    area = AreaFactory(name=f"PDF bench {run}", code=f"pdf-bench-{run}")
    report = ReportFactory(area=area, consent="share_details")
    ReporterContactFactory(report=report)
    case = CaseFactory(
        report=report, area=area, status=CaseStatus.INVESTIGATING, triaged_at=report.submitted_at
    )
    officer = UserFactory(is_superuser=True, email=f"pdf-{run}@bench.example", name="Officer")
    return case, officer


def set_updates(case, officer, count):
    from django.utils import timezone

    from casework.models import CaseUpdate

    case.updates.all().delete()
    now = timezone.now()
    CaseUpdate.objects.bulk_create(
        CaseUpdate(
            case=case,
            visibility="internal" if n % 2 else "victim",
            body=f"{n + 1}. {BODY}",
            author=officer,
            created_at=now - timezone.timedelta(hours=count - n),
        )
        for n in range(count)
    )


def render(case, officer) -> bytes:
    from casework.admin.case_page import case_page_context
    from casework.admin.pdfs import render_pdf

    context = case_page_context(officer, case)
    context.update({"user": officer, "form_groups": {}})
    return render_pdf("casework/case_summary_pdf.html", context)


def pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def updates_for(case, officer, target_pages):
    """The fewest updates that make the summary `target_pages` long."""
    count = 1
    while True:
        set_updates(case, officer, count)
        if pages(render(case, officer)) >= target_pages:
            return count
        count += 4 if count > 8 else 1


def timed(case, officer, counts):
    """Median times of each size, the sizes' runs taking turns so that a shared machine's
    load falls on both alike."""
    timings = {count: [] for count in counts}
    pages_of = {}
    for count in counts:
        set_updates(case, officer, count)
        pages_of[count] = pages(render(case, officer))  # warm up: fonts, templates
    for _ in range(RUNS):
        for count in counts:
            set_updates(case, officer, count)
            started = time.perf_counter()
            render(case, officer)
            timings[count].append(time.perf_counter() - started)
    return {count: (statistics.median(timings[count]) * 1000, pages_of[count]) for count in counts}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        sys.exit("Set DATABASE_URL to a bench database, e.g. postgres://…/hr_pdf_bench")
    ensure_database(url)
    setup_django()
    case, officer = make_case()
    small, large = updates_for(case, officer, 2), updates_for(case, officer, 10)
    (ms2, p2), (ms10, p10) = timed(case, officer, [small, large]).values()
    if args.profile:
        set_updates(case, officer, large)
        profile = cProfile.Profile()
        profile.runcall(render, case, officer)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    print(f"case summary: {p2} pages ({small} updates) {ms2:.0f} ms (the shortest it can be)")
    print(f"case summary: {p10} pages ({large} updates) {ms10:.0f} ms")
    ratio = ms10 / ms2
    print(f"ratio {p10} pages / {p2} pages: {ratio:.2f} (target: 10 pages in at most 6x 2)")
    return 0 if ratio <= 6 else 1


if __name__ == "__main__":
    sys.exit(main())
