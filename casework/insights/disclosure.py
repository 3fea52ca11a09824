"""Disclosure control for every figure the insights page and its exports show.

Two rules, applied to each table by `protect` (sections.all_tables calls it for every table):

1. A count from 1 to 4 is hidden (shown as "<5"). Zero is shown.
2. Every other count is rounded to the nearest 5 (the Office for National Statistics' practice
   for small areas), totals included, each independently.

Why rounding rather than secondary suppression: with the 1-4 cells hidden and all else exact, a
hidden cell is the published total minus the cells beside it (the old page's "Central queue <5"
was 308 - 304 = 4). Secondary suppression must then hide a second cell in every row, column and
linked table, and stay consistent across every filter combination and every export — a search
that grows with the page and breaks when a section is added. Rounding needs no search: each
published count is only known to within ±2, so a total minus any other published counts leaves
a range at least nine wide, which always covers every value from 1 to 4. It holds across
tables, filters and exports because each count is rounded the same way wherever it appears.

Figures derived from counts (a rate, a change on last year) are computed from the counts as
published, never from the true ones, so they give nothing away that the counts do not: a
`Ratio` or `Change` in a provider's row is a placeholder that `protect` turns into a percentage.
"""

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
    if numerator is HIDDEN or denominator is HIDDEN:
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
        if now is HIDDEN or before is HIDDEN:
            return HIDDEN
        if not before:
            return None
        return round(100 * (now - before) / before)
    return cell  # a row label (a date, a lazy string, a model's name)


NOTE = _(
    "Counts from 1 to 4 are shown as “<5” and every other count is rounded to the nearest 5, "
    "so no small number can be worked out from the others. Rates and changes are worked out "
    "from the rounded counts."
)


def protect(table):
    """The table with disclosure control applied (once: a protected table is returned as is)."""
    if table.protected:
        return table
    rows = [[row[0], *(protect_cell(cell) for cell in row[1:])] for row in table.rows]
    note = f"{table.note} {NOTE}".strip() if table.note else str(NOTE)
    return replace(table, rows=rows, protected=True, note=note)
