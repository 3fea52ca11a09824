"""The support queue (/centre/support/): the support requests a centre's team owns, with the
first-contact clock, and referrals to support services the person agreed to.

What lands here, and why, is reporting/support.py: the reports logged at the centre whose
reporter asked for support that no police officer can give, and, for a centre that is its
area's victim-support hub, the area's online ones. Every fetch is scoped by
reporting/access.py (scope.support_queue); anything outside it answers as missing.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from centres.models import AccessLogEntry, ReferralChannel, SupportService

from .. import access, referrals, support
from .scope import centre_worker_required, support_queue

PER_PAGE = 50


class ServiceChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ReferralForm(forms.Form):
    """A referral the person agreed to, made by their support queue's team."""

    service = ServiceChoice(
        label=gettext_lazy("Which service should we refer the person to?"),
        queryset=SupportService.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Select a service")},
    )
    consent_given = forms.BooleanField(
        label=gettext_lazy("The person has agreed that we pass their contact details to it"),
        required=True,
        error_messages={
            "required": gettext_lazy("Refer only when the person has agreed to it: tick the box")
        },
    )

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        # Services that take referrals through us, national or local to the report's area,
        # for the strands it names first.
        strands = list(report.strands.values_list("pk", flat=True))
        self.fields["service"].queryset = SupportService.objects.for_victim(
            strands=strands, area_id=report.area_id
        ).filter(referral_channel=ReferralChannel.SECURE_EMAIL)


def panel(user, report) -> dict:
    """The report page's support panel: whose queue, its clock, and the referrals with how
    their delivery stands."""
    centres = {centre.pk for centre in access.centres_worked_at(user)}
    waiting = report.support_due_at and not report.support_contacted_at
    return {
        "ours": report.support_centre_id in centres,
        "overdue": bool(waiting and report.support_due_at < timezone.now()),
        "referrals": list(report.referrals.select_related("service", "notification", "made_by")),
        "reachable": support.is_reachable(getattr(report, "contact", None)),
    }


@require_safe
@centre_worker_required
@access.logs_listing("support queue")
def queue(request):
    """The support requests waiting for first contact, soonest due first; or, with
    ?show=done, those contacted, latest first. 50 a page; each page shown is logged."""
    done = request.GET.get("show") == "done"
    reports = support_queue(request.user).select_related("support_centre", "area")
    if done:
        reports = reports.filter(support_contacted_at__isnull=False).order_by(
            "-support_contacted_at"
        )
    else:
        reports = reports.filter(support_contacted_at__isnull=True).order_by("support_due_at")
    page = Paginator(reports, PER_PAGE).get_page(request.GET.get("page"))
    now = timezone.now()
    return TemplateResponse(
        request,
        "reporting/workspace/support_queue.html",
        {
            "page": page,
            "rows": [
                {"report": report, "overdue": not done and report.support_due_at < now}
                for report in page.object_list
            ],
            "done": done,
            "nav": "support",
        },
    )


@require_POST
@centre_worker_required
def first_contact(request, pk):
    """The team contacted the person about support: the clock stops."""
    report = access.get_report_or_404(request.user, support_queue(request.user), pk=pk, log=False)
    try:
        support.record_first_contact(report=report, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Recorded that the person was contacted about support."))
    return redirect("workspace:report", pk=report.pk)


@require_http_methods(["GET", "POST"])
@centre_worker_required
def refer(request, pk):
    """Refer the person to a support service, with their agreement: delivered to the service
    by the outbox (reporting/referrals.py). What was chosen is kept on an error."""
    report = access.get_report_or_404(
        request.user,
        support_queue(request.user).select_related("area", "contact"),
        pk=pk,
        log=False,
    )
    form = ReferralForm(request.POST or None, report=report)
    if request.method == "POST" and form.is_valid():
        try:
            referral = referrals.refer(report=report, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            access.record(
                request.user,
                report,
                AccessLogEntry.Action.DISCLOSE,
                detail=f"referral to service {referral.service_id}",
            )
            messages.success(
                request,
                _("The referral to %(service)s is on its way.") % {"service": referral.service},
            )
            return redirect("workspace:report", pk=report.pk)
    return render(
        request,
        "reporting/workspace/refer.html",
        {"report": report, "form": form, "nav": "support"},
    )


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)
