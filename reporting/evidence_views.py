"""Serving evidence files to staff: /centre/evidence/<id>/ (URL name "workspace:evidence").

For every signed-in member of staff with a second factor, centre workers and police alike:
the file's report must be one the access rules let them see, or the answer is the same 404
as for a file that does not exist. Each download is logged as a disclosure.
The police download from the case page too (`evidence_response`, scoped by the case admin).
"""

from django.http import FileResponse, Http404
from django.views.decorators.http import require_safe

from centres.decorators import staff_required
from centres.models import AccessLogEntry

from . import access
from .evidence import download_name
from .models import EvidenceFile, Report


@require_safe
@staff_required
def download_evidence(request, pk: int):
    report = access.get_report_or_404(
        request.user, Report.objects.all(), log=False, evidence__pk=pk
    )
    return evidence_response(request.user, report, pk)


def evidence_response(user, report, pk: int, *, detail: str = "") -> FileResponse:
    """One evidence file of `report` (already fetched in the person's scope) as a download,
    logged as a disclosure of the report: the centre workspace's download above, and the
    police's from the case page (casework/admin/case.py), which adds `detail`."""
    try:
        evidence = report.evidence.get(pk=pk)
        handle = evidence.file.open("rb")
    except (EvidenceFile.DoesNotExist, FileNotFoundError) as exc:
        raise Http404 from exc
    access.record(
        user,
        report,
        AccessLogEntry.Action.DISCLOSE,
        detail=f"evidence file {pk}" + (f" ({detail})" if detail else ""),
    )
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=download_name(evidence),
        content_type=evidence.content_type,
    )
    # Never rendered by the browser as a page, never kept in a cache. Stricter than the site's
    # policy (which django-csp leaves alone when a view has set one): nothing may load, run,
    # frame it or be sent from it.
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store, private"
    response["Content-Security-Policy"] = (
        "default-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'; sandbox"
    )
    return response
