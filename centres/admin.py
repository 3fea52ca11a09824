from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

# People and their roles (registered there): accounts, memberships, grants waiting.
from . import notifications
from .admin_paging import CappedListAdmin
from .admin_people import CentreMembershipInline, save_membership_formset
from .models import (
    AccessLogEntry,
    Area,
    AreaPlace,
    AwarenessActivity,
    Centre,
    Notification,
    Strand,
    SupportService,
    spoken_language_choices,
)


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


class SpokenLanguagesForm(forms.ModelForm):
    """Languages as a choice of the site's languages and other community languages, each
    named in its own script, rather than codes typed into a JSON box."""

    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=spoken_language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class AwarenessActivityInline(admin.TabularInline):
    model = AwarenessActivity
    extra = 0
    fields = ["date", "kind", "description", "logged_by"]
    readonly_fields = ["logged_by"]
    ordering = ["-date"]


@admin.register(Centre)
class CentreAdmin(TranslationAdmin):
    form = SpokenLanguagesForm
    list_display = ["name", "kind", "town", "area", "is_listed", "accredited_on"]
    list_filter = ["kind", "area", "is_listed", "specialist_strands"]
    search_fields = ["name", "organisation", "town", "postcode"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["specialist_strands"]
    list_select_related = ["area"]
    inlines = [CentreMembershipInline, AwarenessActivityInline]
    fieldsets = [
        (None, {"fields": ["kind", "name", "slug", "organisation", "is_listed"]}),
        (_("Where"), {"fields": ["area", "address", "town", "postcode"]}),
        (
            _("For visitors"),
            {"fields": ["description", "opening_hours", "walk_in", "languages"]},
        ),
        (
            _("Accessibility"),
            {"fields": ["step_free", "hearing_loop", "bsl", "quiet_room", "private_room"]},
        ),
        (_("Specialist support"), {"fields": ["specialist_strands"]}),
        (_("Contact"), {"fields": ["phone", "email", "website", "lead_person"]}),
        (_("Accreditation"), {"fields": ["accredited_on"]}),
    ]

    def save_formset(self, request, form, formset, change):
        if formset.model is CentreMembershipInline.model:
            save_membership_formset(request, formset)
            return
        # Activities logged here are logged by the administrator who adds them.
        for obj in formset.save(commit=False):
            if isinstance(obj, AwarenessActivity) and obj.logged_by_id is None:
                obj.logged_by = request.user
            obj.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


@admin.register(SupportService)
class SupportServiceAdmin(TranslationAdmin):
    form = SpokenLanguagesForm
    list_display = ["name", "is_national", "offers_restorative_justice", "is_active"]
    list_filter = ["is_national", "is_active", "strands"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["strands", "areas"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "description", "is_active"]}),
        (_("Contact"), {"fields": ["phone", "email", "website"]}),
        (
            _("Who it serves"),
            {
                "fields": [
                    "strands",
                    "languages",
                    "is_national",
                    "areas",
                    "offers_restorative_justice",
                ]
            },
        ),
    ]


@admin.register(AwarenessActivity)
class AwarenessActivityAdmin(admin.ModelAdmin):
    list_display = ["date", "centre", "kind", "description", "logged_by"]
    list_filter = ["kind", "centre__area", "date"]
    search_fields = ["centre__name", "description"]
    autocomplete_fields = ["centre"]
    readonly_fields = ["logged_by", "logged_at"]
    list_select_related = ["centre", "logged_by"]
    date_hierarchy = "date"

    def save_model(self, request, obj, form, change):
        if obj.logged_by_id is None:
            obj.logged_by = request.user
        super().save_model(request, obj, form, change)


class NotificationKindFilter(admin.SimpleListFilter):
    """The kinds of message the apps registered (centres/notifications.py), rather than
    Django's filter for a plain column, which reads every row's kind on every page."""

    title = _("message")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return sorted((name, name) for name in notifications.KINDS)

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(kind=self.value())
        return queryset


@admin.register(Notification)
class NotificationAdmin(CappedListAdmin, admin.ModelAdmin):
    """The outbox: what was sent, what is waiting and what failed. Nothing personal is shown.
    Newest first on the primary key's index, with a capped count (centres/admin_paging.py)."""

    list_display = ["kind", "channel", "status", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["status", "channel", NotificationKindFilter]
    date_hierarchy = None
    list_per_page = 50
    ordering = ["-pk"]
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
class AccessLogEntryAdmin(CappedListAdmin, admin.ModelAdmin):
    """Read-only: the database itself refuses changes to the log. Newest first on the index
    of `at`, with a capped count (centres/admin_paging.py)."""

    list_display = ["at", "user", "action", "object_label", "detail", "reason"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_label", "user__name", "user__email"]
    list_select_related = ["user", "object_type"]
    list_per_page = 50

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
