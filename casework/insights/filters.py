"""What the insights page is filtered by, from the query string: a period of whole months, an
optional period to compare it with, and an area, strand, channel and reporting centre.

The rollup counts by month, so periods are whole months. A bad value is an error on the form,
never a 500, and the page then shows the default period."""

import datetime
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import Area, Centre, Strand
from reporting.models import Channel

DEFAULT_MONTHS = 12
MONTHS_OFFERED = 60


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def months_between(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """First days of every month from start to end, both included."""
    months, month = [], month_start(start)
    while month <= end:
        months.append(month)
        month = add_months(month, 1)
    return months


@dataclass(frozen=True)
class Filters:
    start: datetime.date  # first day of the first month
    end: datetime.date  # first day of the last month (included)
    compare_start: datetime.date | None = None
    compare_end: datetime.date | None = None
    area: Area | None = None
    strand: Strand | None = None
    channel: str = ""
    centre: Centre | None = None

    @classmethod
    def default(cls, today: datetime.date | None = None) -> "Filters":
        """The last twelve months, this one included (so far)."""
        today = today or timezone.localdate()
        end = month_start(today)
        return cls(start=add_months(end, 1 - DEFAULT_MONTHS), end=end)

    @property
    def months(self) -> list[datetime.date]:
        return months_between(self.start, self.end)

    @property
    def compare_months(self) -> list[datetime.date]:
        if not self.compare_start:
            return []
        return months_between(self.compare_start, self.compare_end)

    def describe(self) -> str:
        """The filters in words for the access log: reference data only, never a person."""
        parts = [f"{self.start:%Y-%m}..{self.end:%Y-%m}"]
        if self.compare_start:
            parts.append(f"compare {self.compare_start:%Y-%m}..{self.compare_end:%Y-%m}")
        for name in ("area", "strand", "centre"):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={value.code if hasattr(value, 'code') else value.pk}")
        if self.channel:
            parts.append(f"channel={self.channel}")
        return "; ".join(parts)


def month_choices(today: datetime.date | None = None):
    today = today or timezone.localdate()
    last = month_start(today)
    return [
        (f"{month:%Y-%m}", month.strftime("%m/%Y"))
        for month in (add_months(last, -n) for n in range(MONTHS_OFFERED))
    ]


class FiltersForm(forms.Form):
    """The filters of the insights page (GET). Every field may be left as it is."""

    start = forms.ChoiceField(label=_("From"), required=False)
    end = forms.ChoiceField(label=_("To"), required=False)
    compare_start = forms.ChoiceField(label=_("Compare with, from"), required=False)
    compare_end = forms.ChoiceField(label=_("Compare with, to"), required=False)
    area = forms.ModelChoiceField(
        label=_("Area"),
        queryset=Area.objects.order_by("name"),
        required=False,
        empty_label=_("All areas"),
        to_field_name="code",
    )
    strand = forms.ModelChoiceField(
        label=_("Strand"),
        queryset=Strand.objects.all(),
        required=False,
        empty_label=_("All strands"),
        to_field_name="code",
    )
    channel = forms.ChoiceField(label=_("How it was reported"), required=False)
    centre = forms.ModelChoiceField(
        label=_("Reporting centre"),
        queryset=Centre.objects.order_by("name"),
        required=False,
        empty_label=_("All centres"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        months = month_choices()
        self.fields["start"].choices = months
        self.fields["end"].choices = months
        none = [("", _("No comparison"))]
        self.fields["compare_start"].choices = none + months
        self.fields["compare_end"].choices = none + months
        self.fields["channel"].choices = [("", _("All ways")), *Channel.choices]
        default = Filters.default()
        self.fields["start"].initial = f"{default.start:%Y-%m}"
        self.fields["end"].initial = f"{default.end:%Y-%m}"

    @staticmethod
    def _month(value):
        return datetime.date.fromisoformat(f"{value}-01") if value else None

    def clean(self):
        data = super().clean()
        default = Filters.default()
        start = self._month(data.get("start")) or default.start
        end = self._month(data.get("end")) or default.end
        if start > end:
            self.add_error("end", _("The end of the period must be on or after its start."))
        compare_start = self._month(data.get("compare_start"))
        compare_end = self._month(data.get("compare_end"))
        if bool(compare_start) != bool(compare_end):
            self.add_error(
                "compare_end" if compare_start else "compare_start",
                _("Choose both the start and the end of the period to compare with."),
            )
        elif compare_start and compare_start > compare_end:
            self.add_error(
                "compare_end",
                _("The end of the period to compare with must be on or after its start."),
            )
        data.update(start=start, end=end, compare_start=compare_start, compare_end=compare_end)
        return data

    def filters(self) -> Filters:
        """The filters asked for, or the default period where the form has errors."""
        if not self.is_valid():
            return Filters.default()
        data = self.cleaned_data
        return Filters(
            start=data["start"],
            end=data["end"],
            compare_start=data["compare_start"],
            compare_end=data["compare_end"],
            area=data["area"],
            strand=data["strand"],
            channel=data["channel"] or "",
            centre=data["centre"],
        )


def filters_from(query) -> tuple[Filters, FiltersForm]:
    form = FiltersForm(query or None)
    return (form.filters() if query else Filters.default()), form
