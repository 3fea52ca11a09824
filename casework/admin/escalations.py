"""The escalations list: what the sweeps raised as late, for the SPOCs and inspectors of the
cases' areas (reporting/access.escalations_handled_by), open ones first. Read-only: an
escalation is resolved by the sweep when what was late is done. Every page of it is logged
(AccessLoggedAdmin: each escalation shown, and the list)."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from centres.admin_paging import CappedListAdmin
from centres.admin_site import AccessLoggedAdmin
from reporting import access
from reporting.models import normalise_reference


class EscalationStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("open", _("Open")), ("resolved", _("Resolved"))]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.filter(resolved_at__isnull=True)
        if self.value() == "resolved":
            return queryset.filter(resolved_at__isnull=False)
        return queryset


class EscalationAdmin(AccessLoggedAdmin, CappedListAdmin, admin.ModelAdmin):
    list_display = ["reference", "kind", "level", "area", "raised_at", "resolved_at"]
    list_filter = [EscalationStateFilter, "kind", "level"]
    list_select_related = ["case__report", "area"]
    search_fields = ["=case__report__reference"]
    search_help_text = _("Search by reference, for example HR-7KQ4-M2XD.")
    list_per_page = 50
    # Newest first: the sweeps insert escalations as they raise them, so the primary key's
    # order is the order raised, read backwards on its index at any size (raised_at has only
    # the open escalations' partial index).
    ordering = ["-pk"]
    fields = ["reference", "kind", "level", "area", "raised_at", "resolved_at"]
    readonly_fields = fields

    def get_queryset(self, request):
        return access.escalations_handled_by(
            request.user, super().get_queryset(request).select_related("case__report", "area")
        )

    def _answers_for_escalations(self, request) -> bool:
        user = request.user
        return user.is_superuser or bool(access.escalation_area_ids(user))

    def has_module_permission(self, request):
        return self._answers_for_escalations(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._answers_for_escalations(request) and super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        reference = normalise_reference(term)
        if not reference:
            return queryset.none(), False
        return queryset.filter(case__report__reference=reference), False

    @admin.display(description=_("case"), ordering="case__report__reference")
    def reference(self, obj):
        url = reverse("admin:casework_case_change", args=[obj.case_id])
        return format_html('<a href="{}">{}</a>', url, obj.case.report.reference)

    @admin.display(description=_("area"))
    def area(self, obj):
        return obj.area
