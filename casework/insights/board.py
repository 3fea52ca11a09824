"""The quarterly board report: a PDF for the force's Hate Crime Board and the Strategic Policing
and Crime Board, built from the insights tables of one quarter (and one area, or the whole
force) with the analyst's commentary per section (`BoardReport`).

The figures are `sections.all_tables(filters)`, so the PDF shows exactly what the insights page
and its CSV exports show, under the same disclosure control. Each section is its chart (the
page's pygal SVG, inline) and its table. The protective marking is in every page's header and
footer (CSS margin boxes) and at the top of the text. The PDF is tagged (PDF/UA-1) with a
title and a language, so a screen reader reads headings, tables and the charts' descriptions.
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import charts, sections
from .disclosure import HIDDEN
from .filters import Filters, add_months


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def last_complete_quarter(today: dt.date | None = None) -> dt.date:
    return add_months(quarter_start(today or timezone.localdate()), -3)


def quarter_slug(start: dt.date) -> str:
    return f"{start.year}-q{(start.month - 1) // 3 + 1}"


def parse_quarter(slug: str) -> dt.date | None:
    """ "2026-q3" -> 1 July 2026; None for anything else."""
    year, _sep, quarter = slug.partition("-q")
    if not (year.isdigit() and quarter in {"1", "2", "3", "4"} and 2000 <= int(year) <= 2100):
        return None
    return dt.date(int(year), 3 * (int(quarter) - 1) + 1, 1)


def quarter_label(start: dt.date) -> str:
    end = add_months(start, 2)
    return _("%(start)s to %(end)s") % {
        "start": formats.date_format(start, "F Y"),
        "end": formats.date_format(end, "F Y"),
    }


def board_filters(start: dt.date, area=None) -> Filters:
    return Filters(start=start, end=add_months(start, 2), area=area)


@dataclass
class Section:
    table: object
    chart: str
    rows: list
    commentary: str


def _cell(value):
    if value is HIDDEN:
        return str(HIDDEN)
    if value is None:
        return "–"
    return value


def _pdf_chart(table, css: str) -> str:
    """The page's chart with its colours inside the SVG: WeasyPrint styles an SVG only from
    its own <style> (the web page keeps styles out of the SVG for its Content-Security-Policy;
    a PDF has none)."""
    svg = charts.render(table)
    if not svg or not css:
        return svg
    end = svg.index(">") + 1
    return f"{svg[:end]}<style>{css}</style>{svg[end:]}"


def board_sections(report, *, limit: int | None = None) -> list[Section]:
    """The insights tables of the report's quarter and area, each with its chart and the
    analyst's commentary (`limit`: the first so many, for the bench)."""
    tables = sections.all_tables(board_filters(report.quarter_start, report.area))
    if limit is not None:
        tables = tables[:limit]
    commentary = report.commentary or {}
    css = _chart_css()
    return [
        Section(
            table=table,
            chart=_pdf_chart(table, css),
            rows=[[row[0], *(_cell(cell) for cell in row[1:])] for row in table.rows],
            commentary=str(commentary.get(table.key, "")).strip(),
        )
        for table in tables
    ]


def _chart_css() -> str:
    """The charts' colours (static/casework/insights.css): the SVG carries no styles of its own."""
    path = finders.find("casework/insights.css")
    if not path:
        return ""
    with open(path, encoding="utf-8") as css:
        return css.read()


def render_board_pdf(report, *, user=None, limit: int | None = None) -> tuple[bytes, int]:
    """The PDF and its number of pages."""
    # Imported here: WeasyPrint is slow to import and only the PDFs need it.
    from weasyprint import HTML

    title = _("Hate crime board report: %(quarter)s, %(area)s") % {
        "quarter": quarter_label(report.quarter_start),
        "area": report.area.name if report.area else _("the whole force"),
    }
    html = render_to_string(
        "casework/board_report_pdf.html",
        {
            "report": report,
            "title": title,
            "quarter": quarter_label(report.quarter_start),
            "sections": board_sections(report, limit=limit),
            "marking": report.marking,
            # Into a CSS string (the margin boxes): only letters, spaces and hyphens.
            "marking_css": re.sub(r"[^A-Z \-]", "", report.marking.upper()),
            "language": get_language() or "en",
            "author": report.author.name if report.author else "",
            "now": timezone.now(),
            "user": user,
        },
    )
    document = HTML(string=html).render()
    pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    return pdf, len(document.pages)
