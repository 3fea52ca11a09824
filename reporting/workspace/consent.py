"""Sharing a report with the police later, at the centre that logged it, with the person
there: the volunteer chooses how with them, the person reads in their own language what the
police will see (and gives contact details if a share "with my details" needs them), the
volunteer confirms the person agrees, and the person reads what happens next. The change is
reporting.consent.change_consent, the service the tracking page uses; it checks again,
under the report's lock, that the volunteer works at the report's centre."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from .. import access, consent
from ..forms.sharing import HOW, ConfirmShareForm, ShareChoiceForm, SharingContact
from ..languages import text_direction
from ..models import SHARED_WITH_POLICE, Consent
from .scope import centre_reports, centre_worker_required


def _report(request, pk, *, log=True):
    # Each page shows the report (what the police will see): a consultation, logged.
    return access.get_report_or_404(
        request.user, centre_reports(request.user).select_related("centre"), pk=pk, log=log
    )


@require_http_methods(["GET", "HEAD", "POST"])
@centre_worker_required
def share(request, pk):
    report = _report(request, pk)
    allowed = consent.sharing_changes(report.consent)
    if not allowed:
        return redirect("workspace:report", pk=report.pk)
    if allowed == [Consent.SHARE_WITH_DETAILS]:
        return redirect("workspace:share_confirm", pk=report.pk, how="with-details")
    form = ShareChoiceForm(request.POST if request.method == "POST" else None, allowed=allowed)
    if request.method == "POST" and form.is_valid():
        return redirect("workspace:share_confirm", pk=report.pk, how=form.cleaned_data["how"])
    return render(request, "reporting/workspace/share.html", _context(report, form=form))


@require_http_methods(["GET", "HEAD", "POST"])
@centre_worker_required
def share_confirm(request, pk, how):
    report = _report(request, pk)
    to = HOW.get(how)
    if to not in consent.sharing_changes(report.consent):
        return redirect("workspace:report", pk=report.pk)
    data = request.POST if request.method == "POST" else None
    confirm = ConfirmShareForm(data, at_centre=True)
    needs_contact = to == Consent.SHARE_WITH_DETAILS and not consent.has_contact_details(report)
    contact = SharingContact(data, role=report.reporter_role) if needs_contact else None
    if data is not None and confirm.is_valid() and (contact is None or contact.is_valid()):
        try:
            consent.change_consent(
                report=report,
                to=to,
                by=request.user,
                centre=report.centre,
                contact=contact.details() if contact else None,
            )
        except ValidationError as exc:
            confirm.refused(exc)
        else:
            return redirect("workspace:shared", pk=report.pk)
    return render(
        request,
        "reporting/workspace/share_confirm.html",
        _context(report, to=to, confirm=confirm, contact=contact),
    )


@require_safe
@centre_worker_required
def shared(request, pk):
    """What happens next, for the person to read, after the change shared the report."""
    report = _report(request, pk)
    change = report.consent_changes.order_by("-changed_at", "-pk").first()
    if change is None or change.current not in SHARED_WITH_POLICE:
        return redirect("workspace:report", pk=report.pk)
    return render(
        request,
        "reporting/workspace/shared.html",
        _context(report, change=change, days=consent.days_to_look(report)),
    )


def _context(report, **extra) -> dict:
    return {"report": report, "report_dir": text_direction(report.language), **extra}
