from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .models import (
    AccessLogEntry,
    Area,
    AreaPlace,
    Centre,
    Membership,
    Notification,
    Strand,
    SupportService,
    User,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    autocomplete_fields = ["centre", "area"]
    fields = [
        "role",
        "centre",
        "area",
        "started_on",
        "ended_on",
        "accredited_on",
        "training_expires_on",
    ]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["name"]
    list_display = ["name", "email", "is_active", "date_joined"]
    list_filter = ["is_active", "memberships__role"]
    search_fields = ["name", "email"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "name", "password"]}),
        (_("Status"), {"fields": ["is_active", "is_superuser", "last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "name", "password1", "password2"]})
    ]
    readonly_fields = ["last_login", "date_joined"]
    filter_horizontal = []

    def get_readonly_fields(self, request, obj=None):
        # Only a superuser may make another superuser.
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields.append("is_superuser")
        return fields


class AreaPlaceInline(admin.TabularInline):
    model = AreaPlace
    extra = 1


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "force", "is_central_queue", "nfa_needs_authorisation"]
    search_fields = ["name", "code", "places__value"]
    prepopulated_fields = {"code": ["name"]}
    inlines = [AreaPlaceInline]


@admin.register(Strand)
class StrandAdmin(TranslationAdmin):
    list_display = ["name", "code", "kind", "order"]
    list_filter = ["kind"]
    filter_horizontal = ["areas"]


@admin.register(Centre)
class CentreAdmin(TranslationAdmin):
    list_display = ["name", "kind", "town", "area", "is_listed", "accredited_on"]
    list_filter = ["kind", "area", "is_listed"]
    search_fields = ["name", "organisation", "town", "postcode"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["specialist_strands"]
    list_select_related = ["area"]


@admin.register(SupportService)
class SupportServiceAdmin(TranslationAdmin):
    list_display = ["name", "is_national", "offers_restorative_justice", "is_active"]
    list_filter = ["is_national", "is_active", "strands"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["strands", "areas"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "centre", "area", "training_expires_on", "ended_on"]
    list_filter = ["role"]
    search_fields = ["user__name", "user__email", "centre__name", "area__name"]
    autocomplete_fields = ["user", "centre", "area"]
    list_select_related = ["user", "centre", "area"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """The outbox: what was sent, what is waiting and what failed. Nothing personal is shown."""

    list_display = ["kind", "channel", "status", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["status", "channel", "kind"]
    date_hierarchy = None
    show_full_result_count = False
    fields = [
        "key",
        "kind",
        "channel",
        "language",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
        "sent_at",
    ]
    readonly_fields = fields
    actions = ["retry"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Try failed messages again"), permissions=["change"])
    def retry(self, request, queryset):
        count = queryset.filter(status=Notification.Status.FAILED).update(
            status=Notification.Status.PENDING, attempts=0, next_attempt_at=timezone.now()
        )
        self.message_user(request, _("%(count)d messages will be sent again.") % {"count": count})


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    """Read-only: the database itself refuses changes to the log."""

    list_display = ["at", "user", "action", "object_label", "detail", "reason"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_label", "user__name", "user__email"]
    list_select_related = ["user", "object_type"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
