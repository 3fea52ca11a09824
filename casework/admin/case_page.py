"""The case page: what it shows, and the POST behind each of its action forms.

Which forms the page offers is decided by each form (`CaseActionForm.applies_to`); the
service behind a form checks its rules again under the row lock.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import Notification
from reporting import access, reporter_news
from reporting.models import Channels

from .. import services
from ..forms import CASE_ACTION_FORMS, action_forms_for
from ..models import Outcome
from .matching import matching_context

# The page's sections and the forms in each, in order.
FORM_GROUPS = {
    "status": ["status", "crime-reference", "legal-hold", "legal-hold-release"],
    "clocks": ["rights", "interval"],
    "thrive": ["thrive", "decision", "assign"],
    "updates": ["victim-update", "key-event", "contact", "note"],
    "referrals": ["referral"],
    "outcome": ["outcome", "authorisation-request", "authorisation-decision"],
    "matching": ["link-report"],
}


def case_page_context(user, case, *, mark_read: bool = False, refused=None) -> dict:
    """Everything the case page (and the case summary PDF) shows of one case in scope.

    With `mark_read` (the case page, not the PDF) the reporter's later news is marked new
    where it came after the person last read it, and is read from now on. `refused` is an
    action form its service refused: it takes its place on the page, bound, with its errors
    and everything the person typed."""
    report = case.report
    read_up_to = reporter_news.read_and_mark(user, report) if mark_read else None
    forms_ = action_forms_for(case, user)
    if refused is not None and refused.prefix in forms_:
        forms_[refused.prefix] = refused
    contact = None
    if access.can_see_contact_details(user, report):
        contact = getattr(report, "contact", None)
    return {
        "case": case,
        "report": report,
        "contact": contact,
        "contact_channels": [
            Channels(code).label
            for code in (contact.channels if contact else [])
            if code in Channels.values
        ],
        "victim_channel": services.victim_message_channel(report),
        # What the outbox could not deliver to the reporter by any way their plan allows
        # (centres/receipts.py falls back first): the police must tell them another way.
        "undelivered": undelivered_to_reporter(contact),
        "form_groups": {
            group: [(name, forms_[name]) for name in names if name in forms_]
            for group, names in FORM_GROUPS.items()
        },
        "assessments": case.assessments.select_related("assessed_by"),
        "events": case.events.select_related("by"),
        "updates": case.updates.select_related("author"),
        "clocks": case.clocks.select_related("met_by").order_by("-started_at"),
        "referrals": report.referrals.select_related("service", "made_by", "notification"),
        "consent_changes": report.consent_changes.select_related("changed_by", "centre"),
        "authorisations": case.authorisations.select_related("requested_by", "decided_by"),
        "outcome": Outcome.objects.filter(case=case)
        .select_related("outcome_type", "local_code", "recorded_by")
        .first(),
        "evidence": reporter_news.evidence_rows(report),
        "evidence_url": "admin:casework_case_evidence",
        "reporter_news": reporter_news.later_news(report, read_up_to=read_up_to, marks=mark_read),
        "now": timezone.now(),
        "summary_pdf_url": reverse("admin:casework_case_summary_pdf", args=[case.pk]),
        "refused_form": refused,
        # Same incident, same person (issue 20): on the page only, each report listed logged.
        "matching": matching_context(user, case) if mark_read else None,
    }


def undelivered_to_reporter(contact) -> list:
    """Messages to this reporter that failed for good, newest first (a few at most)."""
    if contact is None:
        return []
    return list(
        Notification.objects.filter(
            recipient_type=ContentType.objects.get_for_model(contact),
            recipient_id=contact.pk,
            status=Notification.Status.FAILED,
        ).order_by("-created_at")[:20]
    )


def case_action_view(case_admin, request, object_id, action):
    """One POST per action form on the case page; the form calls its service.

    Saved, it redirects back to the case page. Refused, it shows the case page again at once
    with the form bound: its errors beside the fields, and nothing the person typed lost."""
    if request.method != "POST":
        return HttpResponseRedirect(reverse("admin:casework_case_change", args=[object_id]))
    case = case_admin.case_in_scope(request, object_id)
    form_class = CASE_ACTION_FORMS.get(action)
    if form_class is None or not access.can_change_case(request.user, case):
        raise Http404
    form = form_class(request.POST, case=case, user=request.user, prefix=action)
    if form.run():
        case_admin.message_user(request, _("%(action)s saved.") % {"action": form.title})
        return HttpResponseRedirect(
            reverse("admin:casework_case_change", args=[case.pk]) + f"#{action}"
        )
    # An error summary above the page, as GOV.UK pages have; the form repeats each beside its
    # field.
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else form.title
        for error in errors:
            case_admin.message_user(request, f"{label}: {error}", level=messages.ERROR)
    # The case page, rendered as for a GET (it is read-only to Django's own form handling),
    # with the refused form in place of a blank one.
    request.method = "GET"
    request.refused_case_form = form
    response = case_admin.change_view(request, str(case.pk))
    response.status_code = 400
    return response
