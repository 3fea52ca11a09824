"""/data-protection/: the data protection officer's pages. Every page needs the role (or the
break-glass superuser), and every step is written to the access log: a search (by
fingerprint), each report opened or exported, each erasure and answer, each look at or
export of the log itself."""

import datetime
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from centres.decorators import staff_required
from centres.models import AccessLogEntry
from reporting import access
from reporting.lifecycle import waiting_changes
from reporting.models import ErasureRequest, Report

from . import access_review, erasure, search
from .bundle import subject_access_bundle
from .forms import AnswerForm, ErasureForm, FindForm, LogFilterForm


def dpo_required(view):
    @wraps(view)
    @staff_required
    def wrapper(request, *args, **kwargs):
        if not request.user.is_data_protection_officer:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _no_store(response):
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@dpo_required
def home(request):
    """Find a person's reports (posted: an email or phone never sits in an address), and what
    waits: erasure requests, overdue first."""
    form = FindForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        found = search.find_reports(request.user, **form.cleaned_data)
    waiting = ErasureRequest.objects.waiting().select_related("area")[:50]
    context = {
        "form": form,
        "found": found,
        "waiting": waiting,
        "today": timezone.localdate(),
        "retention_waiting": len(waiting_changes()),
    }
    return _no_store(render(request, "casework/data_protection/home.html", context))


@require_http_methods(["GET", "HEAD", "POST"])
@dpo_required
def report_page(request, pk):
    report = access.get_report_for_data_protection_or_404(
        request.user, Report.objects.select_related("area"), pk=pk, detail="data protection"
    )
    form = ErasureForm(request.POST or None, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        reference = report.reference
        request_row = erasure.request_erasure(
            report=report, by=request.user, received_on=form.cleaned_data["received_on"]
        )
        if request_row is None:
            messages.success(request, f"{reference} was never shared with the police: erased.")
            return redirect("data_protection:home")
        messages.success(
            request, f"Erasure request sent to the force, due by {request_row.due_on:%d %B %Y}."
        )
        return redirect("data_protection:erasure", pk=request_row.pk)
    context = {
        "report": report,
        "form": form,
        "shared": erasure.was_shared_with_police(report),
        "requests": report.erasure_requests.all(),
    }
    return _no_store(render(request, "casework/data_protection/report.html", context))


@require_POST
@dpo_required
def bundle(request):
    """The redacted bundle of the reports ticked on the search results (or one report)."""
    ids = [int(pk) for pk in request.POST.getlist("report") if pk.isdigit()]
    reports = list(
        access.reports_for_data_protection(request.user, Report.objects.filter(pk__in=ids))
    )
    if not reports:
        messages.error(request, "Choose at least one report for the bundle.")
        return redirect("data_protection:home")
    body = subject_access_bundle(user=request.user, reports=reports)
    response = HttpResponse(body, content_type="application/zip")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="subject-access-{stamp}.zip"'
    return _no_store(response)


@require_safe
@dpo_required
def erasure_list(request):
    today = timezone.localdate()
    context = {
        "waiting": ErasureRequest.objects.waiting().select_related("area"),
        "overdue": ErasureRequest.objects.overdue(today).count(),
        "answered": ErasureRequest.objects.exclude(status=ErasureRequest.Status.WAITING)
        .select_related("area")
        .order_by("-answered_at")[:50],
        "today": today,
    }
    return _no_store(render(request, "casework/data_protection/erasure_list.html", context))


@require_http_methods(["GET", "HEAD", "POST"])
@dpo_required
def erasure_request(request, pk):
    row = get_object_or_404(ErasureRequest.objects.select_related("area"), pk=pk)
    access.record(request.user, row, AccessLogEntry.Action.VIEW, detail="data protection")
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and row.status == row.Status.WAITING:
        try:
            erasure.answer_erasure_request(
                request=row,
                by=request.user,
                granted=form.cleaned_data["decision"] == "granted",
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The force's answer is recorded.")
            return redirect("data_protection:erasure_list")
    context = {"row": row, "form": form}
    return _no_store(render(request, "casework/data_protection/erasure_request.html", context))


def _log_filters(request):
    form = LogFilterForm(request.GET)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    filters = access_review.LogFilters(
        person=data.get("person"),
        reference=data.get("reference") or "",
        action=data.get("action") or "",
        since=data.get("since"),
        until=data.get("until"),
    )
    return form, filters


@require_safe
@dpo_required
def access_log(request):
    form, filters = _log_filters(request)
    if filters is not None and request.GET.get("person_email"):
        # The person by id in the address from here on: no email in a URL or a server log.
        query = request.GET.copy()
        query.pop("person_email")
        query["person"] = filters.person.pk
        return redirect(f"{reverse('data_protection:access_log')}?{query.urlencode()}")
    rows, next_before = [], None
    if filters is not None:
        before = parse_datetime(request.GET.get("before", "") or "")
        entries = access_review.filtered_entries(request.user, filters)
        rows, next_before = access_review.page_of(entries, before=before)
        access_review.record_review(
            request.user, filters, action=AccessLogEntry.Action.VIEW, shown=f"{len(rows)} shown"
        )
    query = request.GET.copy()
    query.pop("before", None)
    context = {
        "form": form,
        "rows": rows,
        "next_url": f"?{urlencode({**query.dict(), 'before': next_before.isoformat()})}"
        if next_before
        else "",
        "export_url": f"{reverse('data_protection:access_log_export')}?{query.urlencode()}",
    }
    return _no_store(render(request, "casework/data_protection/access_log.html", context))


@require_safe
@dpo_required
def access_log_export(request):
    _form, filters = _log_filters(request)
    if filters is None:
        return redirect("data_protection:access_log")
    access_review.record_review(
        request.user, filters, action=AccessLogEntry.Action.EXPORT, shown="CSV export"
    )
    entries = access_review.filtered_entries(request.user, filters)
    response = StreamingHttpResponse(access_review.csv_rows(entries), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="access-log.csv"'
    return _no_store(response)


@require_safe
@dpo_required
def unusual(request):
    try:
        day = datetime.date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        day = timezone.localdate() - datetime.timedelta(days=1)
    people = access_review.unusual_viewing(day)
    access_review.record_review(
        request.user,
        access_review.LogFilters(since=day, until=day),
        action=AccessLogEntry.Action.VIEW,
        shown=f"unusual viewing, {len(people)} people",
    )
    context = {
        "day": day,
        "people": people,
        "previous": day - datetime.timedelta(days=1),
        "next": day + datetime.timedelta(days=1),
        "threshold": settings.ACCESS_LOG_UNUSUAL_DAILY_VIEWS,
    }
    return _no_store(render(request, "casework/data_protection/unusual.html", context))
