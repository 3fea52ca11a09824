"""Disclosure control: no hidden count can be recovered from anything published beside it.

The subtraction test publishes every table of the page (and its CSV exports) for data full of
small cells, then, for each hidden cell, tries every published count minus every one or two
other published counts, across all tables: with the figures taken at face value, and with
the attacker knowing each is rounded to 5 (so only known to within ±2). Neither may pin the
hidden count. The same attack on the old rule (1-4 hidden, the rest exact) does find one,
so the test can tell a leak when there is one."""

import csv
import io
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from casework.insights import sections
from casework.insights.disclosure import HIDDEN, Change, Ratio, protect, protect_count
from casework.insights.filters import Filters
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_counts_from_one_to_four_hidden_the_rest_rounded_to_five():
    assert protect_count(0) == 0
    assert [protect_count(n) for n in (1, 2, 3, 4)] == [HIDDEN] * 4
    assert [protect_count(n) for n in (5, 6, 7, 8, 12, 13, 308)] == [5, 5, 5, 10, 10, 15, 310]


def test_rates_and_changes_are_worked_out_from_the_rounded_counts():
    from casework.insights.tables import Table

    table = Table(
        key="t",
        title="t",
        description="",
        columns=["", "a", "b", "rate", "change"],
        rows=[["x", 8, 7, Ratio(8, 7 + 8), Change(8, 7)], ["y", 6, 3, Ratio(3, 9), Change(6, 3)]],
    )

    protected = protect(table)

    assert protected.protected and protect(protected) is protected
    assert protected.rows[0] == ["x", 10, 5, 67, 100]  # 10 of 15, and 10 on 5: not 8/15, 8/7
    assert protected.rows[1] == ["y", 5, HIDDEN, HIDDEN, HIDDEN]
    assert "rounded to the nearest 5" in protected.note


def _numeric(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _published(tables):
    """(published counts, hidden positions) of tables of strings, as a reader sees them. Columns
    of percentages are derived from the counts and are left out of the counts."""
    counts, hidden = set(), []
    for key, columns, rows in tables:
        for row_index, row in enumerate(rows):
            for column_index, cell in enumerate(row[1:], start=1):
                if "%" in str(columns[column_index]):
                    continue
                if str(cell) == "<5":
                    hidden.append((key, row_index, column_index))
                elif _numeric(cell) is not None:
                    counts.add(_numeric(cell))
    return counts, hidden


def _recovered(counts, hidden, truth):
    """The hidden cells equal to some published count minus one or two others, at face value."""
    found = []
    values = sorted(counts)
    for position in hidden:
        for total in values:
            for size in (1, 2):
                for others in itertools.combinations_with_replacement(values, size):
                    if total - sum(others) == truth[position]:
                        found.append(position)
    return found


def _range(cell) -> range:
    """What a reader can tell of a published count: rounded to 5, or 1-4, or anything."""
    if cell == "<5":
        return range(1, 5)
    if cell == "[c]":
        return range(0, 10**6)
    value = int(cell)
    return range(value, value + 1) if value == 0 else range(max(value - 2, 5), value + 3)


def _values_left(total, parts, index) -> set:
    """The values part `index` may take with total = sum(parts), every other figure anywhere
    in its range (a sum of ranges is a range, so the bounds decide)."""
    others = [_range(part) for i, part in enumerate(parts) if i != index]
    low = min(_range(total)) - sum(max(r) for r in others)
    high = max(_range(total)) - sum(min(r) for r in others)
    return {value for value in _range(parts[index]) if low <= value <= high}


def _pinned_by_sums(tables):
    """Hidden cells that a table's total row or total column leaves with one possible value."""
    pinned = []
    for table, rows in tables:
        counts = [
            c
            for c in range(1, len(table.columns))
            if "%" not in str(table.columns[c]) and all(str(row[c]) != "None" for row in rows)
        ]
        relations = []
        if table.total_row:
            relations += [(rows[-1][c], [row[c] for row in rows[:-1]]) for c in counts]
        if table.total_column:
            relations += [(row[counts[-1]], [row[c] for c in counts[:-1]]) for row in rows]
        for total, parts in relations:
            parts = [str(part) for part in parts]
            for index, part in enumerate(parts):
                if part == "<5" and len(_values_left(str(total), parts, index)) < 2:
                    pinned.append((table.key, total, parts))
    return pinned


def _pinned_across(tables, truth):
    """Hidden cells pinned by a relation between tables: a published count equal (in truth)
    to the sum of a column of another table, or of all its rows but one or two."""
    cells = {
        (table.key, r, c): str(row[c])
        for table, rows in tables
        for r, row in enumerate(rows)
        for c in range(1, len(row))
    }
    pinned = []
    for table, rows in tables:
        body = len(rows) - 1 if table.total_row else len(rows)
        columns = {c for (key, _r, c) in truth if key == table.key}
        for column in sorted(columns):
            everything = tuple(range(body))
            subsets = [everything] + [
                tuple(i for i in everything if i not in out)
                for size in (1, 2)
                for out in itertools.combinations(everything, size)
            ]
            for subset in subsets:
                parts = [cells[(table.key, r, column)] for r in subset]
                if "<5" not in parts:
                    continue
                true_sum = sum(truth[(table.key, r, column)] for r in subset)
                for position, value in truth.items():
                    if position[0] == table.key or value != true_sum or value < 5:
                        continue
                    total = cells[position]
                    for index, part in enumerate(parts):
                        if part == "<5" and len(_values_left(total, parts, index)) < 2:
                            pinned.append((position, table.key, column, subset))
    return pinned


def _truth():
    truth = {}
    for provider in sections.providers():
        for table in provider(Filters.default()):
            for row_index, row in enumerate(table.rows):
                for column_index, cell in enumerate(row[1:], start=1):
                    if isinstance(cell, int) and not isinstance(cell, bool):
                        truth[(table.key, row_index, column_index)] = cell
    return truth


def test_no_hidden_count_recoverable_from_page_and_exports(client, analyst, insights_data):
    sign_in(client, analyst)
    page = client.get(reverse("casework:insights"))
    published = [
        (s["table"].key, [str(c) for c in s["table"].columns], s["rows"])
        for s in page.context["sections"]
    ]
    for key, _columns, _rows in list(published):
        export = client.get(reverse("casework:insights_export", args=[key]))
        lines = list(csv.reader(io.StringIO(export.content.decode())))
        published.append((f"{key}.csv", lines[0], [line for line in lines[1:] if len(line) > 1]))
    counts, hidden = _published(published)
    truth = _truth()
    truth.update({(f"{k}.csv", r, c): v for (k, r, c), v in list(truth.items())})

    assert hidden, "the data must have small cells for the test to mean anything"
    assert all(count % 5 == 0 for count in counts)
    assert _recovered(counts, hidden, truth) == []
    assert _pinned_by_sums([(s["table"], s["rows"]) for s in page.context["sections"]]) == []
    page_tables = [(s["table"], s["rows"]) for s in page.context["sections"]]
    assert _pinned_across(page_tables, _truth()) == []


def test_the_attack_finds_a_hidden_count_under_the_old_rule(insights_data):
    """Hiding 1-4 and publishing the rest exactly (the old page) gives small counts away."""
    tables = []
    for provider in sections.providers():
        for table in provider(Filters.default()):
            rows = [
                [row[0], *("<5" if isinstance(c, int) and 0 < c < 5 else c for c in row[1:])]
                for row in table.rows
            ]
            tables.append((table.key, [str(c) for c in table.columns], rows))
    counts, hidden = _published(tables)

    assert _recovered(counts, hidden, _truth())


def test_sums_that_would_pin_a_hidden_count_withhold_a_figure_beside_it():
    """17 = 8 + 8 + 1, rounded 15 = 10 + 10 + <5, fits only 8 + 8 + 1: a figure is withheld."""
    from casework.insights.figures import with_total
    from casework.insights.tables import Table

    rows = with_total([["a", 8], ["b", 8], ["c", 1]])
    table = Table(key="t", title="t", description="", columns=["", "n"], rows=rows, total_row=True)
    naive = [["a", "10"], ["b", "10"], ["c", "<5"], ["Total", "15"]]

    protected = protect(table)

    assert _pinned_by_sums([(table, naive)])  # rounding alone would give the 1 away
    assert [str(row[1]) for row in protected.rows].count("[c]") == 1
    assert _pinned_by_sums([(table, [[r[0], str(r[1])] for r in protected.rows])]) == []


def _two_tables():
    """Cases triaged: 17 (published 15). Police recording: 8 crime, 8 incident, 1 no record,
    30 not shared (47, published 45): 15 = 10 + 10 + <5 pins the 1, though neither table's
    own sums do."""
    from casework.insights.figures import with_total
    from casework.insights.tables import Table

    triage = Table(
        key="triage",
        title="t",
        description="",
        columns=["", "Cases"],
        rows=with_total([["a day", 9], ["longer", 8]]),
        total_row=True,
    )
    recorded = Table(
        key="recorded",
        title="r",
        description="",
        columns=["", "Reports"],
        rows=with_total([["crime", 8], ["incident", 8], ["no record", 1], ["not shared", 30]]),
        total_row=True,
    )
    return triage, recorded


def test_a_count_in_one_table_cannot_pin_a_hidden_count_in_another():
    from casework.insights.disclosure import protect_all

    tables = _two_tables()
    truth = {
        (table.key, r, c): row[c]
        for table in tables
        for r, row in enumerate(table.rows)
        for c in range(1, len(row))
    }
    each_alone = [(table, protect(table).rows) for table in tables]

    assert _pinned_by_sums(each_alone) == []  # neither table gives the 1 away on its own
    assert _pinned_across(each_alone, truth)  # but 15 = 10 + 10 + <5 does

    published = [
        (table, protected.rows)
        for table, protected in zip(tables, protect_all(tables), strict=True)
    ]

    assert _pinned_across(published, truth) == []
    assert _pinned_by_sums(published) == []
    assert "[c]" in [str(row[1]) for row in published[1][1]]


def test_default_period_ends_this_month():
    assert Filters.default().end == timezone.localdate().replace(day=1)
