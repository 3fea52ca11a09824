from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from modeltranslation.admin import TranslationAdmin

from centres.admin_paging import CappedListAdmin
from centres.admin_site import AccessLoggedAdmin
from centres.models import BslVideo

from . import access, bsl_videos
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


# --- BSL videos on the public pages (issue 19) -------------------------------------------------


class BslVideoForm(forms.ModelForm):
    """The video is stripped like evidence and must be a video; the captions must be WebVTT
    (reporting/bsl_videos.py). What is stored is never the uploaded bytes."""

    class Meta:
        model = BslVideo
        fields = ["page", "title", "video", "captions", "is_published"]

    def clean_video(self):
        upload = self.cleaned_data.get("video")
        if isinstance(upload, UploadedFile):
            cleaned, content_type = bsl_videos.clean_video(upload)
            self.instance.content_type = content_type
            return cleaned
        return upload

    def clean_captions(self):
        upload = self.cleaned_data.get("captions")
        if isinstance(upload, UploadedFile):
            return bsl_videos.clean_captions(upload)
        return upload


@admin.register(BslVideo)
class BslVideoAdmin(admin.ModelAdmin):
    form = BslVideoForm
    list_display = ["page", "title", "is_published", "uploaded_at"]
    list_filter = ["page", "is_published"]

    def save_model(self, request, obj, form, change):
        if "video" in form.changed_data or not change:
            obj.uploaded_by = request.user
            obj.uploaded_at = timezone.now()
        super().save_model(request, obj, form, change)
