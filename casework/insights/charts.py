"""Server-rendered SVG charts for the insights tables, drawn with pygal.

pygal is pure Python (no system libraries, nothing to run in the browser) and writes plain SVG
we can make accessible: the chart gets role="img" and a <title> and <desc> it is labelled by,
and the same figures are in the table beside it. What pygal puts in for its own interactive
tooltips is taken out, so the SVG passes the site's Content-Security-Policy: no <script>, no
<style> element or attribute (the colours are in static/casework/insights.css)."""

import pygal
from lxml import etree

from .disclosure import Hidden

SVG = "{http://www.w3.org/2000/svg}"


def _clean(svg: str, table) -> str:
    """pygal's SVG without its interactive parts, labelled by a title and a description."""
    root = etree.fromstring(svg.encode())
    for element in list(root.iter()):
        if not isinstance(element.tag, str):  # comments
            element.getparent().remove(element)
            continue
        classes = element.get("class", "").split()
        if element.tag in (f"{SVG}defs", f"{SVG}script", f"{SVG}style") or (
            "tooltip-overlay" in classes
        ):
            element.getparent().remove(element)
            continue
        element.attrib.pop("style", None)
        element.attrib.pop("id", None)
    for title in root.findall(f"{SVG}title"):
        root.remove(title)
    root.set("role", "img")
    root.set("focusable", "false")
    root.set("class", "pygal-chart insights-chart")
    root.set("aria-labelledby", f"chart-{table.key}-title chart-{table.key}-desc")
    title = etree.Element(f"{SVG}title", id=f"chart-{table.key}-title")
    title.text = str(table.title)
    desc = etree.Element(f"{SVG}desc", id=f"chart-{table.key}-desc")
    desc.text = str(table.description)
    root.insert(0, desc)
    root.insert(0, title)
    return etree.tostring(root, encoding="unicode")


def _value(cell):
    if cell is None or isinstance(cell, (Hidden, str, bool)):
        return None  # a withheld figure is a gap in the chart, and says so in the table
    return cell


def chart_columns(table) -> list[int]:
    if table.chart_columns:
        return list(table.chart_columns)
    return [
        index
        for index in range(1, len(table.columns))
        if any(isinstance(_value(row[index]), (int, float)) for row in table.rows)
    ]


def render(table, *, rtl: bool = False) -> str:
    """The table as an inline SVG chart, or "" for a table without one."""
    if table.chart == "none" or not table.rows:
        return ""
    rows = table.rows[:-1] if table.total_row else table.rows
    if rtl:  # a right-to-left reader reads the categories (and time) from the right
        rows = list(reversed(rows))
    kind = pygal.Line if table.chart == "line" else pygal.Bar
    columns = chart_columns(table)
    chart = kind(
        js=[],
        disable_xml_declaration=True,
        width=720,
        height=360,
        show_legend=len(columns) > 1,
        legend_at_bottom=True,
        x_label_rotation=30 if len(rows) > 6 else 0,
        truncate_label=24,
        print_values=False,
        allow_interruptions=True,
    )
    chart.x_labels = [str(row[0]) for row in rows]
    for index in columns:
        chart.add(str(table.columns[index]), [_value(row[index]) for row in rows])
    return _clean(chart.render(is_unicode=True), table)
