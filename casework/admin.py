from django.contrib import admin

from centres.models import AccessLogEntry, User
from reporting import access

from .models import Case, CaseUpdate, LocalOutcomeCode, OutcomeType, ThriveAssessment


class UpdateInline(admin.TabularInline):
    model = CaseUpdate
    extra = 0
    fields = ["created_at", "visibility", "key_event", "message_code", "body", "author"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class AssessmentInline(admin.TabularInline):
    model = ThriveAssessment
    extra = 0
    fields = ["assessed_at", "threat", "harm", "risk", "grade", "assessed_by", "reason"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "priority", "area", "owner", "opened_at"]
    list_filter = ["status", "priority"]
    search_fields = ["=report__reference"]
    list_select_related = ["report", "area", "owner"]
    show_full_result_count = False
    raw_id_fields = ["report"]
    readonly_fields = [
        "report",
        "area",
        "status",
        "priority",
        "opened_at",
        "triaged_at",
        "closed_at",
    ]
    fields = [
        *readonly_fields,
        "owner",
        "recording_decision",
        "nchi_threshold_met",
        "nchi_rationale",
        "enhanced_rights",
        "enhanced_downgrade_reason",
        "update_interval_days",
    ]
    inlines = [AssessmentInline, UpdateInline]

    def get_queryset(self, request):
        return access.cases_handled_by(request.user, super().get_queryset(request))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        owner = form.base_fields.get("owner")
        if owner is not None and obj is not None:
            # Only police of the case's area, so the choice neither lists every person who
            # has an account nor lets a case go to a volunteer or another area.
            owner.queryset = User.objects.police_of_area(obj.area_id) | User.objects.filter(
                pk=obj.owner_id
            )
        return form

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        obj = getattr(response, "context_data", {}).get("original")
        if obj is not None and request.method == "GET":
            access.record(request.user, obj, AccessLogEntry.Action.VIEW, detail="admin")
        return response

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        access.record(
            request.user,
            obj,
            AccessLogEntry.Action.CHANGE,
            detail=", ".join(form.changed_data)[:200],
        )


@admin.register(OutcomeType)
class OutcomeTypeAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "is_positive", "is_no_further_action"]


@admin.register(LocalOutcomeCode)
class LocalOutcomeCodeAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "area", "outcome_type"]
    list_filter = ["area"]
    list_select_related = ["area", "outcome_type"]
