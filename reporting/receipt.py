"""The receipt a reporter can download after submitting: a PDF in the report's language.

It proves the report was made and says how to follow it up: the reference, the date, what
happens next (by the consent chosen), where to check progress, and where to find support.
It holds no incident details and never the passphrase: a receipt left on a shared device or
printer must not let anyone else read the report or learn what happened.

Urdu is set in Noto Naskh Arabic rather than the Nastaliq style Urdu readers prefer: text
copied out of a Nastaliq PDF comes out garbled, and screen readers and the reference must
read back exactly. The web pages keep Nastaliq.
"""

from django.conf import settings
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from centres.models import AccessLogEntry, Strand, SupportService

from . import access, support
from .languages import text_direction
from .models import Consent, Report

# Set by the journey's confirmation page to the id of the report just submitted.
SESSION_KEY = "receipt_report_id"
# The access log's detail for what the reporter did themself (as on the tracking pages).
REPORTER = "reporter"


def general_support_services():
    """Services for everyone, whatever the hostility: a service for one community named on
    the receipt could tell whoever finds it what the report was about."""
    national = Strand.objects.filter(kind=Strand.Kind.NATIONAL).count()
    return (
        SupportService.objects.filter(is_active=True, is_national=True)
        .annotate(national_strands=Count("strands", filter=Q(strands__kind=Strand.Kind.NATIONAL)))
        .filter(Q(national_strands__gte=national) | Q(strands__isnull=True))
        .distinct()
        .order_by("name")
    )


def receipt_context(report: Report, *, services=None) -> dict:
    """What the receipt says; call inside translation.override(report.language)."""
    language = report.language
    return {
        "report": report,
        "language": language,
        "dir": text_direction(language),
        "shared_with_details": report.consent == Consent.SHARE_WITH_DETAILS,
        "shared_anonymously": report.consent == Consent.SHARE_ANONYMOUSLY,
        "track_url": settings.SITE_URL + reverse("tracking:track"),
        "help_url": settings.SITE_URL + reverse("reporting:start"),
        "services": list(general_support_services()) if services is None else services,
        "product_name": settings.PRODUCT_NAME,
        # What will really happen about support: never a promise nobody owns.
        **support.promise_context(report),
    }


def render_receipt_html(report: Report, *, services=None) -> str:
    with translation.override(report.language):
        return render_to_string(
            "reporting/receipt.html", receipt_context(report, services=services)
        )


def render_receipt(report: Report) -> bytes:
    """The receipt as a tagged PDF (PDF/UA-1), for screen readers as well as printers."""
    from weasyprint import HTML  # imported here: it loads Pango, slow for every other page

    html = render_receipt_html(report)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant="pdf/ua-1")


def warm_up() -> None:
    """Render a receipt in every language, reading nothing from the database.

    gunicorn.conf.py calls this in the master before it forks the workers: WeasyPrint, Pango,
    every script's fonts, the template and the translations are then loaded once and shared,
    and no worker's first receipt waits for them.
    """
    from weasyprint import HTML

    for language, _name in settings.LANGUAGES:
        report = Report(reference="HR-0000-0000", language=language)
        html = render_receipt_html(report, services=[])
        HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant="pdf/ua-1")


def receipt_response(report: Report, *, user=None) -> HttpResponse:
    """The receipt as a download, logged as an export: by `user` (a volunteer printing it for
    the person) or, with nobody signed in, by the reporter themself (no user, "reporter")."""
    signed_in = user is not None and user.is_authenticated
    access.record(
        user, report, AccessLogEntry.Action.EXPORT, detail="receipt PDF" if signed_in else REPORTER
    )
    response = HttpResponse(render_receipt(report), content_type="application/pdf")
    # A neutral file name: downloads folders are seen by others on a shared device.
    response["Content-Disposition"] = 'attachment; filename="receipt.pdf"'
    response["Cache-Control"] = "no-store, private"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def download_receipt(request):
    """/<lang>/report/receipt/: the receipt of the report this browser session just sent (or
    that a volunteer chose to print again, reporting/workspace/reports.py)."""
    report_id = request.session.get(SESSION_KEY)
    report = Report.objects.filter(pk=report_id).first() if report_id else None
    if report is None:
        raise Http404
    return receipt_response(report, user=request.user)
