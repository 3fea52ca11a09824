"""Disclosure control for every figure the insights page and its exports show.

Three rules, applied to each table by `protect` (sections.all_tables calls it for every table):

1. A count from 1 to 4 is hidden (shown as "<5"). Zero is shown.
2. Every other count is rounded to the nearest 5 (the Office for National Statistics' practice
   for small areas), totals included, each independently.
3. An audit of each table's sums (its total row and total column): where the rounded figures
   would still pin a hidden count to one value, the largest figure beside it is withheld too
   ("[c]"), and again until nothing is pinned.

Why rounding first: with the 1-4 cells hidden and all else exact, a hidden cell is the
published total minus the cells beside it (the old page's "Central queue <5" was 308 - 304 =
4), and secondary suppression alone must hide a second cell in nearly every row. Rounded,
each count is only known to within ±2, so a total minus one other count leaves a range nine
wide that always covers 1 to 4. With two or more other counts a range can still touch 1..4 at
one end only (17 = 8 + 8 + 1 is published as 15, 10, 10, <5: the only fit is 8, 8, 1), which is
what the audit catches — rarely, so little is withheld. Each count is rounded the same way
wherever it appears, so tables that share a total (every partition of the period's reports
carries its own total row) add nothing to one another, and the export is the page's table.

Across tables (`protect_all`, the page's and the export's entry point): a count in one table
may equal the sum of part of a column in another (the cases triaged in the period are the
reports shared with the police: the crime-or-incident rows but "not shared"). Any count that
equals the true sum of a column of another table, or of all its rows but one or two, is
treated as a relation a reader may know, and audited as a table's own sums are.

Figures derived from counts (a rate, a change on last year) are computed from the counts as
published, never from the true ones, so they give nothing away that the counts do not: a
`Ratio` or `Change` in a provider's row is a placeholder that `protect` turns into a percentage.
"""

import itertools
from dataclasses import dataclass, replace

from django.utils.translation import gettext_lazy as _

SMALL_NUMBER = 5
BASE = 5


class Hidden:
    """A count from 1 to 4, withheld. Shown and exported as "<5"."""

    def __str__(self):
        return f"<{SMALL_NUMBER}"

    def __repr__(self):
        return "HIDDEN"


HIDDEN = Hidden()


class Withheld(Hidden):
    """A count withheld so that a hidden count beside it cannot be worked out (secondary
    suppression). Shown and exported as "[c]", as the ONS marks confidential figures."""

    def __str__(self):
        return "[c]"

    def __repr__(self):
        return "WITHHELD"


WITHHELD = Withheld()


@dataclass(frozen=True)
class Ratio:
    """numerator / denominator as a percentage, computed after both are protected."""

    numerator: int
    denominator: int


@dataclass(frozen=True)
class Change:
    """The percentage change from `before` to `now`, computed after both are protected."""

    now: int
    before: int


def protect_count(count: int):
    """A count as it may be published: 0, HIDDEN for 1-4, else rounded to the nearest 5."""
    if count == 0:
        return 0
    if count < SMALL_NUMBER:
        return HIDDEN
    return BASE * ((count + BASE // 2) // BASE)


def _percentage(numerator, denominator):
    if isinstance(numerator, Hidden) or isinstance(denominator, Hidden):
        return HIDDEN
    if not denominator:
        return None  # not applicable: nothing to divide by
    return round(100 * numerator / denominator)


def protect_cell(cell):
    if isinstance(cell, bool) or cell is None or isinstance(cell, (str, float)):
        return cell
    if isinstance(cell, int):
        return protect_count(cell)
    if isinstance(cell, Ratio):
        return _percentage(protect_count(cell.numerator), protect_count(cell.denominator))
    if isinstance(cell, Change):
        now, before = protect_count(cell.now), protect_count(cell.before)
        if isinstance(now, Hidden) or isinstance(before, Hidden):
            return HIDDEN
        if not before:
            return None
        return round(100 * (now - before) / before)
    return cell  # a row label (a date, a lazy string, a model's name)


def _bounds(cell) -> tuple[float, float]:
    """What a reader knows of a published count's true value."""
    if cell is WITHHELD:
        return (0, float("inf"))
    if cell is HIDDEN:
        return (1, SMALL_NUMBER - 1)
    if cell == 0:
        return (0, 0)
    return (max(cell - BASE // 2, SMALL_NUMBER), cell + BASE // 2)


def _pinned(total, parts) -> bool:
    """Whether total = sum(parts) pins some hidden part to a single value."""
    bounds = [_bounds(part) for part in parts]
    low_total, high_total = _bounds(total)
    for index, part in enumerate(parts):
        if part is not HIDDEN:
            continue
        others = bounds[:index] + bounds[index + 1 :]
        low = max(1, low_total - sum(high for _low, high in others))
        high = min(SMALL_NUMBER - 1, high_total - sum(low for low, _high in others))
        if high - low < 1:
            return True
    return False


def _relations(table, counts):
    """(total cell, part cells) as (row, column) positions: the total row is the sum of the
    rows above it, the total column the sum of the count columns before it."""
    rows = len(table.rows)
    if table.total_row:
        for column in counts:
            yield (rows - 1, column), [(row, column) for row in range(rows - 1)]
    if table.total_column:
        for row in range(rows):
            yield (row, counts[-1]), [(row, column) for column in counts[:-1]]


def _withhold_largest(rows, parts, total) -> None:
    """Withhold the largest published part (or, with none left, the total)."""
    published = [(rows[r][c], (r, c)) for r, c in parts if not isinstance(rows[r][c], Hidden)]
    if published:
        r, c = max(published)[1]
        rows[r][c] = WITHHELD
    else:
        total_rows, (r, c) = total
        total_rows[r][c] = WITHHELD


def _count_columns(table) -> list[int]:
    return [
        column
        for column in range(1, len(table.columns))
        if table.rows and all(isinstance(row[column], int) for row in table.rows)
    ]


def _audit(table, rows) -> bool:
    """Secondary suppression: while a relation pins a hidden count, withhold its largest
    published part (or, with none left, its total). True when anything was withheld."""
    counts = _count_columns(table)
    withheld, changed = False, True
    while changed:
        changed = False
        for (total_row, total_column), parts in _relations(table, counts):
            cells = [rows[r][c] for r, c in parts]
            if not _pinned(rows[total_row][total_column], cells):
                continue
            _withhold_largest(rows, parts, (rows, (total_row, total_column)))
            withheld = changed = True
    return withheld


def _withhold_derived(table, rows) -> None:
    """A rate or change beside a withheld count could give it back: withhold them all."""
    derived = (Ratio, Change)
    for true_row, row in zip(table.rows, rows, strict=True):
        for column, cell in enumerate(true_row):
            if isinstance(cell, derived) and row[column] is not None:
                row[column] = WITHHELD


NOTE = _(
    "Counts from 1 to 4 are shown as “<5” and every other count is rounded to the nearest 5, "
    "so no small number can be worked out from the others; “[c]” marks a figure withheld for "
    "the same reason. Rates and changes are worked out from the rounded counts."
)


def protect(table):
    """The table with disclosure control applied (once: a protected table is returned as is)."""
    if table.protected:
        return table
    rows = [[row[0], *(protect_cell(cell) for cell in row[1:])] for row in table.rows]
    if _audit(table, rows):
        _withhold_derived(table, rows)
    note = f"{table.note} {NOTE}".strip() if table.note else str(NOTE)
    return replace(table, rows=rows, protected=True, note=note)


def _subsets(size: int):
    """Row sets a reader may add up: all of them, or all but one or two."""
    everything = tuple(range(size))
    yield everything
    for left_out in range(1, min(2, size - 1) + 1):
        for out in itertools.combinations(everything, left_out):
            yield tuple(i for i in everything if i not in out)


def _audit_across(tables, protected) -> None:
    """Withhold figures until no count of one table, equal to a sum of part of a column of
    another, pins a hidden count of that column (rows of a table in `protected` change)."""
    counts = [
        (index, row, column, table.rows[row][column])
        for index, table in enumerate(tables)
        for column in _count_columns(table)
        for row in range(len(table.rows))
    ]
    by_value: dict[int, list] = {}
    for index, row, column, value in counts:
        if value >= SMALL_NUMBER:  # a hidden total is no help to a reader
            by_value.setdefault(value, []).append((index, row, column))
    for index, table in enumerate(tables):
        body = len(table.rows) - 1 if table.total_row else len(table.rows)
        rows = protected[index].rows
        touched = False
        for column in _count_columns(table):
            for subset in _subsets(body):
                parts = [(row, column) for row in subset]
                if not any(rows[r][c] is HIDDEN for r, c in parts):
                    continue
                true_sum = sum(table.rows[r][c] for r, c in parts)
                for other, total_row, total_column in by_value.get(true_sum, ()):
                    if other == index:
                        continue  # a table's own sums: its own audit
                    total_rows = protected[other].rows
                    total = (total_rows, (total_row, total_column))
                    while _pinned(
                        total_rows[total_row][total_column], [rows[r][c] for r, c in parts]
                    ):
                        _withhold_largest(rows, parts, total)
                        touched = True
        if touched:
            _withhold_derived(table, rows)


def protect_all(tables: list) -> list:
    """Every table protected (`protect`), then audited against the others (`_audit_across`)."""
    raw = [table for table in tables if not table.protected]
    protected = [protect(table) for table in tables]
    if len(raw) == len(tables):
        _audit_across(tables, protected)
    return protected
