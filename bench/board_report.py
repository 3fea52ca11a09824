"""Benchmark: the quarterly board report PDF at 2 pages and at 10, and the ratio.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hr_board_bench SECRET_KEY=bench \\
        .venv/bin/python bench/board_report.py

It refuses any database whose name does not contain "bench", creates and migrates it, adds a
quarter of reports in one area (tests/factories.py) with some closed cases and their feedback,
refreshes the insights rollup, and renders the board report as the staff page does
(casework/insights/board.py: every insights table of the quarter, the charts, WeasyPrint,
PDF/UA-1): the cover and the first section (2 pages), then the cover and as many sections as
make 10 pages, runs taking turns, median of seven after one warm-up each. Both sizes compute
every table (the figures are the same queries either way); only what is laid out differs.
Target (issue 17 part 5): 10 pages in at most 6 times the time of 2. It also prints the whole
report's pages and time (every section, one request).
"""

import os
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from casework_changelist import ensure_database, setup_django  # noqa: E402

RUNS = 7
REPORTS = 400


def make_quarter():
    import datetime as dt

    from django.core.management import call_command
    from django.utils import timezone

    from casework.insights import board, rollup
    from casework.models import BoardReport, Case, VictimFeedback
    from centres.models import Strand
    from reporting.models import Report
    from tests.factories import AreaFactory, ReportFactory, StrandFactory

    call_command("migrate", verbosity=0)
    run = uuid.uuid4().hex[:8]
    area = AreaFactory(name=f"Board bench {run}", code=f"board-bench-{run}")
    strands = list(Strand.objects.all()[:5]) or [
        StrandFactory(code=f"bench-{n}-{run}", name=f"Strand {n}") for n in range(5)
    ]
    quarter = board.last_complete_quarter()
    start = timezone.make_aware(dt.datetime.combine(quarter, dt.time(9)))
    reports = Report.objects.bulk_create(
        ReportFactory.build(area=area, submitted_at=start + dt.timedelta(hours=5 * n))
        for n in range(REPORTS)
    )
    through = Report.strands.through
    through.objects.bulk_create(
        through(report_id=report.pk, strand_id=strands[n % len(strands)].pk)
        for n, report in enumerate(reports)
    )
    cases = Case.objects.bulk_create(
        Case(
            report=report,
            area=area,
            status="closed",
            opened_at=report.submitted_at,
            triaged_at=report.submitted_at,
            closed_at=report.submitted_at + dt.timedelta(days=20),
            recording_decision="no_record",
        )
        for report in reports[: REPORTS // 4]
    )
    VictimFeedback.objects.bulk_create(
        VictimFeedback(
            case=case,
            invited_at=case.closed_at,
            answered_at=case.closed_at + dt.timedelta(days=2),
            **{q: 1 + (n + i) % 5 for i, q in enumerate(("contact", "actions", "informed"))},
            treatment=4,
            overall=1 + n % 5,
        )
        for n, case in enumerate(cases)
    )
    rollup.refresh()
    report = BoardReport.objects.create(
        quarter_start=quarter,
        area=area,
        commentary={"reports-by-month": "Reports rose after the community forum."},
    )
    return report


def timed(report, limits):
    from casework.insights.board import render_board_pdf

    timings = {limit: [] for limit in limits}
    pages = {limit: render_board_pdf(report, limit=limit)[1] for limit in limits}  # warm up
    for _ in range(RUNS):
        for limit in limits:
            started = time.perf_counter()
            render_board_pdf(report, limit=limit)
            timings[limit].append(time.perf_counter() - started)
    return {limit: (statistics.median(timings[limit]) * 1000, pages[limit]) for limit in limits}


def sections_for(report, target_pages):
    from casework.insights.board import render_board_pdf

    limit = 1
    while render_board_pdf(report, limit=limit)[1] < target_pages:
        limit += 1
    return limit


def main():
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        sys.exit("Set DATABASE_URL to a bench database, e.g. postgres://…/hr_board_bench")
    ensure_database(url)
    setup_django()
    from casework.insights.board import render_board_pdf

    report = make_quarter()
    small, large = sections_for(report, 2), sections_for(report, 10)
    (ms2, p2), (ms10, p10) = timed(report, [small, large]).values()
    started = time.perf_counter()
    _pdf, whole = render_board_pdf(report)
    ms_whole = (time.perf_counter() - started) * 1000
    print(f"board report: {p2} pages ({small} section) {ms2:.0f} ms")
    print(f"board report: {p10} pages ({large} sections) {ms10:.0f} ms")
    print(f"board report: every section, {whole} pages, {ms_whole:.0f} ms")
    ratio = ms10 / ms2
    print(f"ratio {p10} pages / {p2} pages: {ratio:.2f} (target: 10 pages in at most 6x 2)")
    return 0 if ratio <= 6 else 1


if __name__ == "__main__":
    sys.exit(main())
