"""/insights/board/: the quarterly board report, for analysts and administrators. Choose a
quarter and an area (or the whole force), write the commentary per section and the protective
marking, download the PDF. Every view, change and download is in the access log."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from centres.decorators import analyst_required
from centres.models import AccessLogEntry, Area

from ..models import BoardReport
from ..models.board import MARKINGS
from . import board, rollup, sections
from .filters import add_months

FORCE = "force"
QUARTERS_OFFERED = 12
COMMENTARY_MAX_LENGTH = 5000


class ChooseForm(forms.Form):
    quarter = forms.ChoiceField(label=gettext_lazy("Quarter"))
    area = forms.ChoiceField(label=gettext_lazy("Area"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        last = board.last_complete_quarter()
        quarters = [add_months(last, -3 * n) for n in range(-1, QUARTERS_OFFERED)]
        self.fields["quarter"].choices = [
            (board.quarter_slug(q), board.quarter_label(q)) for q in quarters
        ]
        self.fields["quarter"].initial = board.quarter_slug(last)
        self.fields["area"].choices = [
            (FORCE, gettext_lazy("The whole force")),
            *Area.objects.order_by("name").values_list("code", "name"),
        ]


class CommentaryForm(forms.Form):
    """The marking, and one commentary box per section of the report."""

    marking = forms.ChoiceField(label=gettext_lazy("Protective marking"), choices=MARKINGS)

    def __init__(self, *args, tables, **kwargs):
        super().__init__(*args, **kwargs)
        for table in tables:
            self.fields[f"commentary-{table.key}"] = forms.CharField(
                label=table.title,
                help_text=table.description,
                required=False,
                max_length=COMMENTARY_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 4}),
            )


def _report_for(quarter: str, area_code: str) -> BoardReport:
    """The quarter's report for the area (unsaved if none is written yet), or 404."""
    start = board.parse_quarter(quarter)
    if start is None:
        raise Http404
    area = None
    if area_code != FORCE:
        area = Area.objects.filter(code=area_code).first()
        if area is None:
            raise Http404
    return BoardReport.objects.filter(quarter_start=start, area=area).first() or BoardReport(
        quarter_start=start, area=area
    )


def _log(user, report, action, detail):
    """On the report's row, or while none is written, on the figures' refresh (as the CSV
    export is); the quarter and area are in the detail."""
    subject = report if report.pk else rollup.latest()
    if subject is not None:
        where = report.area.code if report.area else FORCE
        detail = f"{detail}: {board.quarter_slug(report.quarter_start)} {where}"
        AccessLogEntry.objects.record(user=user, obj=subject, action=action, detail=detail)


@require_safe
@analyst_required
def board_index(request):
    form = ChooseForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect(
            "casework:board_report", form.cleaned_data["quarter"], form.cleaned_data["area"]
        )
    written = BoardReport.objects.select_related("area", "author").order_by(
        "-quarter_start", "area__name"
    )[:40]
    return render(
        request,
        "casework/board_index.html",
        {
            "form": form,
            "written": [
                {
                    "report": report,
                    "quarter": board.quarter_label(report.quarter_start),
                    "slug": board.quarter_slug(report.quarter_start),
                    "area": report.area.code if report.area else FORCE,
                }
                for report in written
            ],
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@analyst_required
def board_report(request, quarter, area):
    report = _report_for(quarter, area)
    tables = sections.all_tables(board.board_filters(report.quarter_start, report.area))
    initial = {"marking": report.marking}
    initial.update({f"commentary-{k}": v for k, v in (report.commentary or {}).items()})
    form = CommentaryForm(
        request.POST if request.method == "POST" else None, tables=tables, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            report.marking = form.cleaned_data["marking"]
            report.commentary = {
                table.key: form.cleaned_data[f"commentary-{table.key}"].strip()
                for table in tables
                if form.cleaned_data[f"commentary-{table.key}"].strip()
            }
            report.author = request.user
            report.updated_at = timezone.now()
            report.save()
            _log(request.user, report, AccessLogEntry.Action.CHANGE, "board report commentary")
        messages.success(request, _("The commentary has been saved."))
        return redirect("casework:board_report", quarter, area)
    _log(request.user, report, AccessLogEntry.Action.VIEW, "board report")
    return render(
        request,
        "casework/board_report.html",
        {
            "form": form,
            "report": report,
            "quarter": board.quarter_label(report.quarter_start),
            "quarter_slug": quarter,
            "area_code": area,
        },
    )


@require_safe
@analyst_required
def board_report_pdf(request, quarter, area):
    report = _report_for(quarter, area)
    _log(request.user, report, AccessLogEntry.Action.EXPORT, "board report PDF")
    pdf, _pages = board.render_board_pdf(report, user=request.user)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="board-report-{quarter}-{area}.pdf"'
    response["Cache-Control"] = "no-store"
    return response
