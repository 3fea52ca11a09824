"""The case admin: the list, its search and actions, and the URLs of the case page, the daily
review and the PDFs (their views are in case_page.py, daily_review.py and pdfs.py).

Every case is fetched through `get_queryset`, which is scoped by `access.cases_handled_by`, so
a case outside a person's areas answers exactly as a case that does not exist, on every URL
(change, history, actions with crafted ids, the action forms, the review, the PDFs). Changes
go through the forms in casework/forms/ and the services behind them; the case page itself
is read-only. Every view, change and export is written to the access log: Django's own pages
(the list, search, autocomplete, the case page, its history) by AccessLoggedAdmin, ours by
themselves.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from centres.admin_paging import CappedListAdmin
from centres.admin_site import AccessLoggedAdmin
from reporting import access
from reporting.evidence_views import evidence_response
from reporting.models import normalise_reference

from .. import services
from ..crime_reference import normalise as normalise_crime_reference
from ..exchange.admin import ExchangeAdminMixin
from ..models import Case, CaseStatus
from . import case_page, daily_review, pdfs
from .filters import (
    AreaFilter,
    AuthorisationFilter,
    CentreFilter,
    ChannelFilter,
    LocalMarkerFilter,
    MyCasesFilter,
    NewsFilter,
    OverdueFilter,
    SafeguardingFilter,
    StrandFilter,
    list_choices,
)


class AssignActionForm(admin.helpers.ActionForm):
    # Checked against the officers of the person's areas by the action itself.
    officer = forms.CharField(label=_("Officer"), required=False, widget=forms.Select)


class CaseAdmin(ExchangeAdminMixin, AccessLoggedAdmin, CappedListAdmin, admin.ModelAdmin):
    list_display = [
        "reference",
        "status",
        "priority",
        "area",
        "owner",
        "channel",
        "centre",
        "opened_at",
        "next_due",
    ]
    list_filter = [
        MyCasesFilter,
        "status",
        "priority",
        OverdueFilter,
        SafeguardingFilter,
        NewsFilter,
        AuthorisationFilter,
        StrandFilter,
        LocalMarkerFilter,
        ChannelFilter,
        CentreFilter,
        AreaFilter,
        ("opened_at", admin.DateFieldListFilter),
    ]
    search_fields = ["=report__reference"]
    search_help_text = _(
        "Search by reference, for example HR-7KQ4-M2XD, or by the force's crime reference."
    )
    list_select_related = ["report", "report__centre", "area", "owner"]
    list_per_page = 50
    ordering = ["-opened_at", "-pk"]
    actions = [
        "assign_to_me",
        "assign_to_officer",
        "mark_triaged",
        *ExchangeAdminMixin.exchange_actions,
    ]
    action_form = AssignActionForm
    readonly_fields = [
        "reference",
        "area",
        "status",
        "priority",
        "owner",
        "opened_at",
        "triaged_at",
        "closed_at",
        "recording_decision",
        "nchi_threshold_met",
        "nchi_rationale",
        "enhanced_rights",
        "enhanced_downgrade_reason",
        "safeguarding",
        "update_interval_days",
        "next_due",
    ]
    fieldsets = [
        (None, {"fields": ["reference", "area", "status", "priority", "owner", "next_due"]}),
        (_("Dates"), {"fields": ["opened_at", "triaged_at", "closed_at"]}),
        (
            _("Decision"),
            {"fields": ["recording_decision", "nchi_threshold_met", "nchi_rationale"]},
        ),
        (
            _("Victims' Code"),
            {
                "fields": [
                    "enhanced_rights",
                    "enhanced_downgrade_reason",
                    "safeguarding",
                    "update_interval_days",
                ]
            },
        ),
    ]
    change_form_template = "admin/casework/case/change_form.html"
    change_list_template = "admin/casework/case/change_list.html"

    # --- Scope and permissions ------------------------------------------------------------

    def get_queryset(self, request):
        return access.cases_handled_by(request.user, super().get_queryset(request))

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # The case page is read-only: every change goes through an action form and its
        # service. Without an object this answers for the list's actions.
        if obj is not None:
            return False
        return super().has_change_permission(request)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def changelist_view(self, request, extra_context=None):
        extra_context = {"title": _("Cases"), **(extra_context or {})}
        response = super().changelist_view(request, extra_context)
        action_form = getattr(response, "context_data", {}).get("action_form")
        if action_form is not None and "officer" in action_form.fields:
            action_form.fields["officer"].widget.choices = [("", "—")] + [
                (str(pk), name) for pk, name, _extra in list_choices(request)["officer"]
            ]
        return response

    def case_in_scope(self, request, object_id) -> Case:
        """The case behind a URL of ours, in the person's scope, or 404."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        case = self.get_object(request, object_id)
        if case is None:
            raise Http404
        return case

    # --- Search: the exact reference, or the force's crime reference, each on its index -----

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        # Our reference, or the force's crime or incident reference as its systems write it
        # (a short one can read as either): each has its own index.
        found = Q(crime_reference=normalise_crime_reference(term))
        reference = normalise_reference(term)
        if reference:
            found |= Q(report__reference=reference)
        return queryset.filter(found), False

    # --- Columns --------------------------------------------------------------------------

    @admin.display(description=_("reference"), ordering="report__reference")
    def reference(self, obj):
        if obj.safeguarding:
            # Under 18: the safeguarding flag, on the list as on the case page and summary.
            return format_html(
                '{} <strong class="govuk-tag govuk-tag--red casework-safeguarding">{}</strong>',
                obj.report.reference,
                _("Safeguarding"),
            )
        return obj.report.reference

    @admin.display(description=_("channel"))
    def channel(self, obj):
        return obj.report.get_channel_display()

    @admin.display(description=_("centre"))
    def centre(self, obj):
        return obj.report.centre or "—"

    @admin.display(description=_("next update due"), ordering="next_clock_due_at")
    def next_due(self, obj):
        if obj.next_clock_due_at is None:
            return "—"
        when = timezone.localtime(obj.next_clock_due_at).strftime("%d %b %Y %H:%M")
        if obj.is_overdue:
            return format_html(
                '<strong class="casework-overdue">{} {}</strong>', _("Overdue"), when
            )
        return when

    # --- List actions ---------------------------------------------------------------------

    def _each_case(self, request, queryset, verb):
        done = failed = 0
        for case in queryset.select_related("area"):
            try:
                verb(case)
                done += 1
            except ValidationError as exc:
                failed += 1
                self.message_user(
                    request, f"{case}: {' '.join(exc.messages)}", level=messages.WARNING
                )
        return done, failed

    @admin.action(description=_("Assign the selected cases to me"), permissions=["change"])
    def assign_to_me(self, request, queryset):
        done, _failed = self._each_case(
            request,
            queryset,
            lambda case: services.assign_case(case=case, officer=request.user, by=request.user),
        )
        self.message_user(request, _("%(count)d cases assigned to you.") % {"count": done})

    @admin.action(
        description=_("Assign the selected cases to the chosen officer"), permissions=["change"]
    )
    def assign_to_officer(self, request, queryset):
        officer_id = request.POST.get("officer", "")
        officer = (
            access.assignable_officers(request.user).filter(pk=officer_id).first()
            if officer_id.isdigit()
            else None
        )
        if officer is None:
            self.message_user(request, _("Choose an officer."), level=messages.ERROR)
            return
        done, _failed = self._each_case(
            request,
            queryset,
            lambda case: services.assign_case(case=case, officer=officer, by=request.user),
        )
        self.message_user(
            request,
            _("%(count)d cases assigned to %(name)s.") % {"count": done, "name": officer},
        )

    @admin.action(description=_("Mark the selected cases as triaged"), permissions=["change"])
    def mark_triaged(self, request, queryset):
        done, _failed = self._each_case(
            request, queryset.filter(status=CaseStatus.NEW), lambda c: c.triage(by=request.user)
        )
        self.message_user(request, _("%(count)d cases marked triaged.") % {"count": done})

    # --- URLs: the review, the PDFs and the action forms beside Django's own ---------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("daily-review/", wrap(self.daily_review_view), name="casework_case_daily_review"),
            path(
                "daily-review.pdf",
                wrap(self.daily_review_pdf_view),
                name="casework_case_daily_review_pdf",
            ),
            path(
                "<path:object_id>/summary.pdf",
                wrap(self.summary_pdf_view),
                name="casework_case_summary_pdf",
            ),
            path(
                "<path:object_id>/evidence/<int:evidence_id>/",
                wrap(self.evidence_view),
                name="casework_case_evidence",
            ),
            path(
                "<path:object_id>/do/<slug:action>/",
                wrap(self.case_action_view),
                name="casework_case_action",
            ),
            *self.exchange_urls(),
            *super().get_urls(),
        ]

    def daily_review_view(self, request):
        return daily_review.daily_review_view(self, request)

    def daily_review_pdf_view(self, request):
        return pdfs.daily_review_pdf_view(self, request)

    def summary_pdf_view(self, request, object_id):
        return pdfs.summary_pdf_view(self, request, object_id)

    def case_action_view(self, request, object_id, action):
        return case_page.case_action_view(self, request, object_id, action)

    def evidence_view(self, request, object_id, evidence_id):
        """An evidence file of a case in scope, for the police: logged as a disclosure."""
        if request.method not in ("GET", "HEAD"):
            raise Http404
        case = self.case_in_scope(request, object_id)
        return evidence_response(request.user, case.report, evidence_id, detail="case admin")

    # --- The case page --------------------------------------------------------------------

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context.update(
                case_page.case_page_context(
                    request.user,
                    obj,
                    mark_read=True,
                    refused=getattr(request, "refused_case_form", None),
                )
            )
        return super().render_change_form(request, context, add, change, form_url, obj)
