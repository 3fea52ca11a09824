"""The PDFs: the daily threat review and one case's summary. Each export is logged."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from centres.models import AccessLogEntry
from reporting import access

from ..review import log_review
from .case_page import case_page_context
from .daily_review import review_for


def render_pdf(template: str, context: dict) -> bytes:
    # Imported here: WeasyPrint is slow to import and only the PDFs need it.
    from weasyprint import HTML

    html = render_to_string(template, context)
    return HTML(string=html).write_pdf()


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Personal data: never kept by a shared cache or the browser's history.
    response["Cache-Control"] = "no-store"
    return response


def daily_review_pdf_view(case_admin, request):
    reviews = review_for(case_admin, request)
    log_review(
        request.user, reviews, action=AccessLogEntry.Action.EXPORT, detail="daily review PDF"
    )
    pdf = render_pdf(
        "casework/daily_review_pdf.html",
        {"reviews": reviews, "now": timezone.now(), "user": request.user},
    )
    return pdf_response(pdf, f"daily-review-{timezone.localdate():%Y-%m-%d}.pdf")


def summary_pdf_view(case_admin, request, object_id):
    case = case_admin.case_in_scope(request, object_id)
    access.record(request.user, case, AccessLogEntry.Action.EXPORT, detail="case summary PDF")
    context = case_page_context(request.user, case)
    context.update({"user": request.user, "form_groups": {}})
    pdf = render_pdf("casework/case_summary_pdf.html", context)
    return pdf_response(pdf, f"case-{case.report.reference}.pdf")
