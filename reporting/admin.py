from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from centres.admin_paging import CappedListAdmin
from centres.admin_site import AccessLoggedAdmin

from . import access
from .models import IncidentType, PlaceType, Report, ReporterContact, normalise_reference


@admin.register(IncidentType)
class IncidentTypeAdmin(TranslationAdmin):
    list_display = ["name", "code", "order", "is_active"]


@admin.register(PlaceType)
class PlaceTypeAdmin(TranslationAdmin):
    list_display = ["name", "code", "order", "is_active"]


class ReadOnlyInline(admin.StackedInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ContactInline(ReadOnlyInline):
    model = ReporterContact
    exclude = []

    def has_view_permission(self, request, obj=None):
        # No role has a model permission on contact details: who may read them is decided per
        # report by the access rules, and ReportAdmin.get_inlines adds this inline only for a
        # report they allow. Django also asks without a report, to build the inline queryset.
        return obj is None or access.can_see_contact_details(request.user, obj)


@admin.register(Report)
class ReportAdmin(AccessLoggedAdmin, CappedListAdmin, admin.ModelAdmin):
    """Reports are read in the admin, never edited there; every page that shows one (the
    list, a search, the autocomplete, a report's page and its history) is logged by
    AccessLoggedAdmin.

    The list costs the same at any size (docs/architecture.md, "Staff pages at scale"): a
    capped count, no DISTINCT (access.reports_visible_to), and newest first by arrival, the
    primary key's order, which is the order reports are submitted in and is read backwards
    on its index for every scope (there is no index on `submitted_at` alone)."""

    list_display = ["reference", "submitted_at", "channel", "consent", "area", "centre"]
    list_filter = ["channel", "consent", "reporter_role"]
    search_fields = ["=reference"]
    list_select_related = ["area", "centre"]
    list_per_page = 50
    ordering = ["-pk"]
    exclude = ["passphrase_hash"]

    def get_queryset(self, request):
        return access.reports_visible_to(request.user, super().get_queryset(request))

    def get_search_results(self, request, queryset, search_term):
        # The exact reference on its unique index (Django's "=reference" compares UPPER() of
        # both, which no index serves), as the case list searches.
        term = search_term.strip()
        if not term:
            return queryset, False
        reference = normalise_reference(term)
        if not reference:
            return queryset.none(), False
        return queryset.filter(reference=reference), False

    def get_inlines(self, request, obj):
        if obj is not None and access.can_see_contact_details(request.user, obj):
            return [ContactInline]
        return []

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields if f.name != "passphrase_hash"] + [
            "incident_types",
            "strands",
        ]
