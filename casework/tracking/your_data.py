"""/<lang>/track/your-data/: the reporter downloads everything held about their report (a
PDF in their language and a JSON file; casework/data_protection/subject_access.py), after
signing in with the reference and passphrase. Each download is logged as an export by the
reporter (no user, detail "reporter")."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from centres.models import AccessLogEntry
from reporting import access

from ..data_protection.subject_access import (
    subject_access_data,
    subject_access_json,
    subject_access_pdf,
)
from .services import REPORTER
from .views import tracking_required

FORMATS = {
    "pdf": ("application/pdf", subject_access_pdf),
    "json": ("application/json", subject_access_json),
}


@require_safe
@tracking_required
def your_data(request, report):
    return render(request, "casework/tracking/your_data.html", {"report": report})


@require_safe
@tracking_required
def download_your_data(request, report, kind):
    if kind not in FORMATS:
        raise Http404
    content_type, render_file = FORMATS[kind]
    body = render_file(subject_access_data(report))
    access.record(
        None, report, AccessLogEntry.Action.EXPORT, detail=REPORTER, reason=f"subject access {kind}"
    )
    response = HttpResponse(body, content_type=content_type)
    # A neutral name: a downloads folder is seen by others on a shared device.
    response["Content-Disposition"] = f'attachment; filename="report-data.{kind}"'
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response
