"""Sharing a report with the police later, from the tracking page: a report kept for support
only can be shared (anonymously or with the reporter's details), and an anonymous share can
add the details. How to share, then "are you sure" with what the police will see (and the
contact forms when details are needed and there are none), then what happens next. The
change itself is reporting.consent.change_consent, the same service the centre uses."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from reporting import consent
from reporting.forms.sharing import HOW, ConfirmShareForm, ShareChoiceForm, SharingContact
from reporting.models import SHARED_WITH_POLICE, Consent

from .views import tracking_required


@require_http_methods(["GET", "HEAD", "POST"])
@tracking_required
def share(request, report):
    allowed = consent.sharing_changes(report.consent)
    if not allowed:
        return redirect("tracking:status")
    if allowed == [Consent.SHARE_WITH_DETAILS]:
        # Shared anonymously: the one way on is adding their details.
        return redirect("tracking:share_confirm", how="with-details")
    form = ShareChoiceForm(request.POST if request.method == "POST" else None, allowed=allowed)
    if request.method == "POST" and form.is_valid():
        return redirect("tracking:share_confirm", how=form.cleaned_data["how"])
    return render(request, "casework/tracking/share.html", {"form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@tracking_required
def share_confirm(request, report, how):
    to = HOW.get(how)
    if to not in consent.sharing_changes(report.consent):
        return redirect("tracking:status")
    data = request.POST if request.method == "POST" else None
    confirm = ConfirmShareForm(data)
    needs_contact = to == Consent.SHARE_WITH_DETAILS and not consent.has_contact_details(report)
    contact = SharingContact(data, role=report.reporter_role) if needs_contact else None
    if data is not None and confirm.is_valid() and (contact is None or contact.is_valid()):
        try:
            consent.change_consent(
                report=report, to=to, contact=contact.details() if contact else None
            )
        except ValidationError as exc:
            confirm.refused(exc)
        else:
            return redirect("tracking:shared")
    return render(
        request,
        "casework/tracking/share_confirm.html",
        {"report": report, "to": to, "confirm": confirm, "contact": contact},
    )


@require_safe
@tracking_required
def shared(request, report):
    """What happens next, after the latest change shared the report."""
    change = report.consent_changes.order_by("-changed_at", "-pk").first()
    if change is None or change.current not in SHARED_WITH_POLICE:
        return redirect("tracking:status")
    return render(
        request,
        "casework/tracking/shared.html",
        {"report": report, "change": change, "days": consent.days_to_look(report)},
    )
