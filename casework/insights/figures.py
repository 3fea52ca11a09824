"""Casework's sections of the insights page, all read from the rollup (`InsightsFact`).

Each query groups the rollup's rows for the filters, so the page costs the same number of
queries (about a dozen) at two million reports as at twenty thousand. Counts are true counts
here; `sections.all_tables` protects every table before anything is shown or exported."""

from django.db.models import Sum
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from centres.models import Area, Centre, Strand
from reporting.models import Answer, Channel, PlaceType

from ..models import InsightsFact, RecordingDecision
from .disclosure import Change, Ratio
from .filters import add_months
from .rollup import AT_SCHOOL, REPEAT_REPORTER, TOLD_SCHOOL, UNDER_18_CODE, flags
from .tables import Table

Kind = InsightsFact.Kind


def _facts(filters, kind, months, *, by_strand=False):
    """The rollup's rows of one kind for these filters and months. A report is counted once
    with no strand and once per strand: without a strand filter the totals read the former."""
    rows = InsightsFact.objects.filter(kind=kind, month__in=months)
    if filters.area:
        rows = rows.filter(area=filters.area)
    if filters.channel:
        rows = rows.filter(channel=filters.channel)
    if filters.centre:
        rows = rows.filter(centre=filters.centre)
    if filters.strand:
        return rows.filter(strand=filters.strand)
    return rows.filter(strand__isnull=not by_strand)


def _sum(rows, *fields) -> dict:
    """{tuple of the fields' values: total count}."""
    return {
        tuple(row[field] for field in fields): row["total"]
        for row in rows.values(*fields).annotate(total=Sum("count")).order_by()
    }


def _month(month) -> str:
    return date_format(month, "M Y")


def _total_label():
    return pgettext("insights table row", "Total")


def with_total(rows: list[list]) -> list[list]:
    """The rows and a total row: counts summed, rates and changes of the sums."""
    total = [_total_label()]
    for column in range(1, len(rows[0]) if rows else 1):
        cells = [row[column] for row in rows]
        if all(isinstance(cell, Ratio) for cell in cells):
            denominators = {c.denominator for c in cells}
            # A share of one whole keeps its whole; a rate per row adds its denominators.
            whole = denominators.pop() if len(denominators) == 1 else None
            total.append(
                Ratio(
                    sum(c.numerator for c in cells),
                    whole if whole is not None else sum(c.denominator for c in cells),
                )
            )
        elif all(isinstance(cell, Change) for cell in cells):
            total.append(Change(sum(c.now for c in cells), sum(c.before for c in cells)))
        else:
            total.append(sum(cells))
    return [*rows, total]


def casework_tables(filters) -> list[Table]:
    strands = {strand.pk: strand for strand in Strand.objects.all()}
    tables = [
        *trend_tables(filters, strands),
        channel_tables(filters),
        centre_table(filters),
        recorded_table(filters),
        place_table(filters),
        outcome_table(filters),
        update_table(filters),
        triage_table(filters),
        repeat_table(filters),
        repeat_reporter_table(filters),
        school_table(filters),
    ]
    if filters.compare_start:
        tables.insert(3, compare_table(filters, strands))
    return tables


def trend_tables(filters, strands) -> list[Table]:
    """Reports by month with the same month a year before; each strand over the period; each
    strand month by month (race, the largest, has its own line rather than hiding the rest)."""
    months = filters.months
    year_before = [add_months(month, -12) for month in months]
    by_month = _sum(
        _facts(filters, Kind.REPORTS, months + year_before, by_strand=bool(filters.strand)),
        "month",
    )
    by_strand_month = _sum(
        _facts(filters, Kind.REPORTS, months + year_before, by_strand=True), "strand", "month"
    )
    rows = []
    for month, before in zip(months, year_before, strict=True):
        now, then = by_month.get((month,), 0), by_month.get((before,), 0)
        rows.append([_month(month), now, then, Change(now, then)])
    total_now = sum(by_month.get((month,), 0) for month in months)
    total_then = sum(by_month.get((month,), 0) for month in year_before)
    rows.append([_total_label(), total_now, total_then, Change(total_now, total_then)])
    monthly = Table(
        key="reports-by-month",
        title=_("Reports by month"),
        description=_(
            "Reports made each month of the period, beside the same month a year before."
        ),
        columns=[_("Month"), _("Reports"), _("A year before"), _("Change (%)")],
        rows=rows,
        chart="line",
        total_row=True,
        chart_columns=(1, 2),
    )
    shown = [
        strand for strand in strands.values() if not filters.strand or strand == filters.strand
    ]
    strand_rows = []
    for strand in shown:
        now = sum(by_strand_month.get((strand.pk, month), 0) for month in months)
        then = sum(by_strand_month.get((strand.pk, month), 0) for month in year_before)
        strand_rows.append([strand.name, now, then, Change(now, then)])
    by_strand = Table(
        key="reports-by-strand",
        title=_("Reports by strand"),
        description=_(
            "Reports in the period by the hostility perceived, beside the same months a year "
            "before. A report may name more than one strand."
        ),
        columns=[_("Strand"), _("Reports"), _("A year before"), _("Change (%)")],
        rows=strand_rows,
        chart_columns=(1, 2),
    )
    strand_by_month = Table(
        key="strands-by-month",
        title=_("Each strand month by month"),
        description=_("Reports each month of the period for each strand, one line per strand."),
        columns=[_("Month"), *(strand.name for strand in shown)],
        rows=[
            [_month(month), *(by_strand_month.get((strand.pk, month), 0) for strand in shown)]
            for month in months
        ],
        chart="line",
    )
    return [monthly, by_strand, strand_by_month]


def compare_table(filters, strands) -> Table:
    """The period beside the period to compare it with: in all, by strand, by channel."""
    period, other = filters.months, filters.compare_months
    totals = _sum(_facts(filters, Kind.REPORTS, period + other), "month")
    by_strand = _sum(
        _facts(filters, Kind.REPORTS, period + other, by_strand=True), "strand", "month"
    )
    by_channel = _sum(_facts(filters, Kind.REPORTS, period + other), "channel", "month")

    def row(label, counts, key=()):
        now = sum(counts.get((*key, month), 0) for month in period)
        then = sum(counts.get((*key, month), 0) for month in other)
        return [label, now, then, Change(now, then)]

    rows = [row(_("All reports"), totals)]
    rows += [
        row(strand.name, by_strand, (pk,))
        for pk, strand in strands.items()
        if not filters.strand or strand == filters.strand
    ]
    rows += [row(label, by_channel, (value,)) for value, label in Channel.choices]
    return Table(
        key="periods-compared",
        title=_("Two periods side by side"),
        description=_("Reports in the period chosen beside the period it is compared with."),
        columns=[
            "",
            f"{_month(filters.start)} – {_month(filters.end)}",
            f"{_month(filters.compare_start)} – {_month(filters.compare_end)}",
            _("Change (%)"),
        ],
        rows=rows,
        chart_columns=(1, 2),
    )


def channel_tables(filters) -> Table:
    counts = _sum(_facts(filters, Kind.REPORTS, filters.months), "channel")
    total = sum(counts.values())
    rows = [
        [label, counts.get((value,), 0), Ratio(counts.get((value,), 0), total)]
        for value, label in Channel.choices
    ]
    rows.append([_total_label(), total, Ratio(total, total)])
    return Table(
        key="channels",
        title=_("How reports arrived"),
        description=_(
            "Reports by how they were made: online by the victim or someone else, at a "
            "reporting centre, or by phone. Recorded automatically, with no paperwork for centres."
        ),
        columns=[_("How it was reported"), _("Reports"), _("Share (%)")],
        rows=rows,
        total_row=True,
        chart_columns=(1,),
    )


def centre_table(filters) -> Table:
    counts = _sum(
        _facts(filters, Kind.REPORTS, filters.months).filter(centre__isnull=False), "centre"
    )
    names = dict(Centre.objects.filter(pk__in=[key[0] for key in counts]).values_list("pk", "name"))
    rows = sorted(([names[pk], count] for (pk,), count in counts.items()), key=lambda row: row[0])
    rows = with_total(rows) if rows else []
    return Table(
        key="centres",
        title=_("Reports through each reporting centre"),
        description=_("Reports logged at or through each reporting centre in the period."),
        columns=[_("Reporting centre"), _("Reports")],
        rows=rows,
        total_row=bool(rows),
    )


def recorded_table(filters) -> Table:
    counts = _sum(_facts(filters, Kind.RECORDED, filters.months), "label")
    labels = [
        *RecordingDecision.choices,
        ("undecided", _("Shared with the police, not yet decided")),
        ("not_shared", _("Not shared with the police")),
    ]
    total = sum(counts.values())
    rows = [
        [label, counts.get((value,), 0), Ratio(counts.get((value,), 0), total)]
        for value, label in labels
    ]
    return Table(
        key="crime-or-incident",
        title=_("Crimes and non-crime incidents"),
        description=_(
            "How the police recorded the reports of the period: as a crime, a non-crime hate "
            "incident, or no record; and the reports not yet decided or not shared."
        ),
        columns=[_("Police recording"), _("Reports"), _("Share (%)")],
        rows=with_total(rows),
        total_row=True,
        chart_columns=(1,),
    )


def place_table(filters) -> Table:
    """Place types by area: never a location finer than the area."""
    counts = _sum(_facts(filters, Kind.PLACE, filters.months), "label", "area")
    areas = list(Area.objects.filter(pk__in={area for _label, area in counts}).order_by("name"))
    places = [(place.code, place.name) for place in PlaceType.objects.all()]
    places.append(("", _("Not said")))
    rows = []
    for code, name in places:
        cells = [counts.get((code, area.pk), 0) for area in areas]
        rows.append([name, *cells, sum(cells)])
    return Table(
        key="places-by-area",
        title=_("Where incidents happened, by area"),
        description=_("The kind of place each incident happened, in each area."),
        columns=[_("Place"), *(area.name for area in areas), _("All areas")],
        rows=with_total(rows),
        total_row=True,
        total_column=True,
        chart_columns=(len(areas) + 1,),
    )


def outcome_table(filters) -> Table:
    counts = _sum(_facts(filters, Kind.OUTCOME, filters.months), "month", "label")
    rows = []
    for month in filters.months:
        positive, other = counts.get((month, "positive"), 0), counts.get((month, "other"), 0)
        rows.append([_month(month), positive + other, positive, Ratio(positive, positive + other)])
    return Table(
        key="outcomes",
        title=_("Outcomes and the positive-outcome rate"),
        description=_(
            "Outcomes recorded each month and the share that were positive: Home Office "
            "outcomes 1 to 10 and 22, as West Midlands Police count them."
        ),
        columns=[_("Month recorded"), _("Outcomes"), _("Positive"), _("Positive rate (%)")],
        rows=with_total(rows),
        total_row=True,
        chart="line",
        chart_columns=(1, 2),
    )


def update_table(filters) -> Table:
    """Victims' Code timeliness from the clocks: updates owed in the period, on time or late."""
    counts = _sum(_facts(filters, Kind.UPDATE, filters.months), "area", "label")
    areas = Area.objects.filter(pk__in={area for area, _label in counts}).order_by("name")
    rows = []
    for area in areas:
        on_time, late = counts.get((area.pk, "on_time"), 0), counts.get((area.pk, "late"), 0)
        rows.append([area.name, on_time, late, Ratio(on_time, on_time + late)])
    return Table(
        key="updates-on-time",
        title=_("Victim updates on time, by area"),
        description=_(
            "Updates the Victims' Code required that fell due in the period, given on time or "
            "late (a late one is counted when it is given or once its time has passed)."
        ),
        columns=[_("Area"), _("On time"), _("Late"), _("On time (%)")],
        rows=with_total(rows) if rows else [],
        total_row=bool(rows),
        chart_columns=(1, 2),
    )


def triage_table(filters) -> Table:
    counts = _sum(_facts(filters, Kind.TRIAGE, filters.months), "label")
    buckets = [
        ("1_day", _("Within a day")),
        ("3_days", _("Within 3 days")),
        ("7_days", _("Within 7 days")),
        ("longer", _("Longer")),
        ("not_yet", _("Not triaged yet")),
    ]
    return Table(
        key="time-to-triage",
        title=_("Time to triage"),
        description=_(
            "How long cases opened in the period took to be triaged by the police, in "
            "calendar days from the case opening."
        ),
        columns=[_("Triaged"), _("Cases")],
        rows=with_total([[label, counts.get((value,), 0)] for value, label in buckets]),
        total_row=True,
    )


def repeat_table(filters) -> Table:
    """Repeat victims, from the reporter's own answer to "has this happened before?" (a keyed
    hash of the reporter's contact details will let this count repeat reporters instead)."""
    counts = _sum(_facts(filters, Kind.REPEAT, filters.months), "label")
    answers = [*Answer.choices, ("", _("Not answered"))]
    total = sum(counts.values())
    return Table(
        key="repeat-victims",
        title=_("Repeat victimisation"),
        description=_(
            "Reports whose reporter said it had happened to them before, as they answered."
        ),
        columns=[_("Has it happened before?"), _("Reports"), _("Share (%)")],
        rows=with_total(
            [
                [label, counts.get((value,), 0), Ratio(counts.get((value,), 0), total)]
                for value, label in answers
            ]
        ),
        total_row=True,
        chart_columns=(1,),
    )


def repeat_reporter_table(filters) -> Table:
    """Repeat victims by the keyed hash of the reporter's email or phone (issue 20): reports
    whose reporter had reported before in the 12 months before, beside the rest (no contact
    details, or none matching an earlier report). Counts only; never who."""
    counts = _sum(_facts(filters, Kind.REPORTS, filters.months), "label")
    repeat = sum(n for (label,), n in counts.items() if REPEAT_REPORTER in flags(label))
    total = sum(counts.values())
    rows = [
        [_("Reported before in the 12 months before"), repeat, Ratio(repeat, total)],
        [_("No earlier report found"), total - repeat, Ratio(total - repeat, total)],
    ]
    return Table(
        key="repeat-reporters",
        title=_("Repeat victims: reporters who reported before"),
        description=_(
            "Reports whose reporter had reported before in the 12 months before, matched by a "
            "keyed hash of the same email address or phone number; beside them, the reports "
            "with no earlier report found (including those left without contact details)."
        ),
        columns=[_("Reporter"), _("Reports"), _("Share (%)")],
        rows=with_total(rows),
        total_row=True,
        chart_columns=(1,),
    )


def school_table(filters) -> Table:
    """Young people and schools (issue 19): reports logged at a school (a centre of kind
    school), reports a school was told of, and reports about someone under 18, by month."""
    counts = _sum(_facts(filters, Kind.REPORTS, filters.months), "month", "label")
    codes = (AT_SCHOOL, TOLD_SCHOOL, UNDER_18_CODE)
    rows = []
    for month in filters.months:
        cells = [
            sum(n for (m, label), n in counts.items() if m == month and code in flags(label))
            for code in codes
        ]
        rows.append([_month(month), *cells])
    return Table(
        key="schools",
        title=_("Schools and young people"),
        description=_(
            "Reports each month logged by a school's staff, reports a school was told of with "
            "the young person's consent, and reports about someone under 18."
        ),
        columns=[
            _("Month"),
            _("Logged at a school"),
            _("Told to a school"),
            _("Under 18"),
        ],
        rows=with_total(rows),
        total_row=True,
        chart="line",
    )
