"""One table of the insights page: what a section provides, the page shows, the CSV exports."""

from dataclasses import dataclass


@dataclass
class Table:
    key: str  # slug: anchor id and CSV export name
    title: str  # translated
    description: str  # translated one-sentence summary (also the chart's description)
    columns: list[str]  # header labels, first is the row label's header
    rows: list[list]  # first cell the row label; other cells int counts, or rates/floats
    chart: str = "bar"  # "bar", "line" or "none"
    protected: bool = False  # True once disclosure control has been applied
    note: str = ""  # e.g. how the figures are rounded
    total_row: bool = False  # the last row is a total (left out of the chart)
    total_column: bool = False  # the last column is the total of the count columns before it
    chart_columns: tuple = ()  # indexes of the columns the chart draws; () for every count
