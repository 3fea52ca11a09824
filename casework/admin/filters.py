"""The case list's filters. What each offers (centres, officers, areas) is the person's own,
as reporting/access.py decides."""

import datetime as dt

from django.contrib import admin
from django.db.models import Exists, OuterRef, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.bank_holidays import LONDON
from centres.models import Strand
from reporting import access
from reporting.models import Channel, Report

from ..models import Authorisation, AuthorisationDecision
from ..read_marks import OPEN_STATUSES, has_unread_additions

__all__ = [
    "AreaFilter",
    "AuthorisationFilter",
    "CentreFilter",
    "ChannelFilter",
    "LocalMarkerFilter",
    "MyCasesFilter",
    "NewsFilter",
    "OverdueFilter",
    "SafeguardingFilter",
    "StrandFilter",
    "list_choices",
]


def list_choices(request) -> dict[str, list[tuple]]:
    """The choices the list offers (strands and local markers in the current language, the
    centres of the person's areas, the officers cases may be assigned to), looked up once per
    request: three small queries whatever the filters and the size of the table."""
    if hasattr(request, "_casework_choices"):
        return request._casework_choices
    user = request.user

    def by_name(rows):
        return sorted(rows, key=lambda row: (row[1] or "").casefold())

    choices = {
        "strand": by_name((strand.pk, strand.name, strand.kind) for strand in Strand.objects.all()),
        "centre": by_name(
            access.centres_in_police_areas(user).values_list("pk", "name", Value(""))
        ),
        "officer": by_name(access.assignable_officers(user).values_list("pk", "name", Value(""))),
    }
    request._casework_choices = choices
    return choices


class _StrandFilterBase(admin.SimpleListFilter):
    kind = Strand.Kind.NATIONAL

    def lookups(self, request, model_admin):
        return [
            (str(pk), name)
            for pk, name, kind in list_choices(request)["strand"]
            if kind == self.kind
        ]

    def queryset(self, request, queryset):
        if not self.value() or not self.value().isdigit():
            return queryset
        through = Report.strands.through
        return queryset.filter(
            Exists(through.objects.filter(report_id=OuterRef("report_id"), strand_id=self.value()))
        )


class StrandFilter(_StrandFilterBase):
    title = _("strand")
    parameter_name = "strand"
    kind = Strand.Kind.NATIONAL


class LocalMarkerFilter(_StrandFilterBase):
    title = _("local marker")
    parameter_name = "marker"
    kind = Strand.Kind.LOCAL


class SafeguardingFilter(admin.SimpleListFilter):
    """Cases about a child or young person under 18 (Case.safeguarding, a partial index)."""

    title = _("safeguarding")
    parameter_name = "safeguarding"

    def lookups(self, request, model_admin):
        return [("yes", _("Under 18: safeguarding"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(safeguarding=True)
        return queryset


class OverdueFilter(admin.SimpleListFilter):
    title = _("Victims' Code clocks")
    parameter_name = "clocks"

    def lookups(self, request, model_admin):
        return [
            ("overdue", _("Overdue")),
            ("due_today", _("Due today")),
            ("today", _("Due within 24 hours")),
            ("running", _("Running")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "overdue":
            return queryset.filter(next_clock_due_at__lt=now)
        if self.value() == "due_today":
            return queryset.filter(
                next_clock_due_at__gte=now, next_clock_due_at__lt=end_of_today(now)
            )
        if self.value() == "today":
            return queryset.filter(
                next_clock_due_at__gte=now, next_clock_due_at__lt=now + timezone.timedelta(1)
            )
        if self.value() == "running":
            return queryset.filter(next_clock_due_at__isnull=False)
        return queryset


def end_of_today(now=None):
    """The start of tomorrow in UK time: deadlines fall at the end of a working day there
    (23:59:59 in Europe/London, casework/workdays.py), so "due today" is "before this"."""
    today = (now or timezone.now()).astimezone(LONDON).date()
    return dt.datetime.combine(today + dt.timedelta(days=1), dt.time.min, tzinfo=LONDON)


class NewsFilter(admin.SimpleListFilter):
    """Cases whose reporter added information the person has not read (casework/read_marks.py:
    per person, on the read marks' unique index)."""

    title = _("from the reporter")
    parameter_name = "news"

    def lookups(self, request, model_admin):
        return [
            ("unread", _("Unread additions, open cases")),
            ("unread_all", _("Unread additions, closed cases too")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "unread":
            return queryset.filter(has_unread_additions(request.user), status__in=OPEN_STATUSES)
        if self.value() == "unread_all":
            return queryset.filter(has_unread_additions(request.user))
        return queryset


class AuthorisationFilter(admin.SimpleListFilter):
    """Cases with a request to close with no further action waiting for an inspector."""

    title = _("authorisation")
    parameter_name = "authorisation"

    def lookups(self, request, model_admin):
        return [("waiting", _("Waiting for an inspector"))]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(
                Exists(
                    Authorisation.objects.filter(
                        case_id=OuterRef("pk"), decision=AuthorisationDecision.PENDING
                    )
                )
            )
        return queryset


class MyCasesFilter(admin.SimpleListFilter):
    title = _("assigned")
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        return [("me", _("My cases")), ("nobody", _("Not assigned"))]

    def queryset(self, request, queryset):
        if self.value() == "me":
            return queryset.filter(owner=request.user)
        if self.value() == "nobody":
            return queryset.filter(owner__isnull=True)
        return queryset


class ChannelFilter(admin.SimpleListFilter):
    title = _("channel")
    parameter_name = "channel"

    def lookups(self, request, model_admin):
        return Channel.choices

    def queryset(self, request, queryset):
        if self.value() in Channel.values:
            return queryset.filter(report__channel=self.value())
        return queryset


class CentreFilter(admin.SimpleListFilter):
    title = _("centre")
    parameter_name = "centre"

    def lookups(self, request, model_admin):
        return [(str(pk), name) for pk, name, _extra in list_choices(request)["centre"]]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(report__centre_id=self.value())
        return queryset


class AreaFilter(admin.SimpleListFilter):
    title = _("area")
    parameter_name = "area"

    def lookups(self, request, model_admin):
        return [(str(area.pk), area.name) for area in access.police_areas(request.user)]

    def has_output(self):
        return len(self.lookup_choices) > 1

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(area_id=self.value())
        return queryset
