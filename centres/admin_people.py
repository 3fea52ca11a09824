"""The admin of people and their roles: accounts, memberships and the role grants waiting for
a second person. Every membership written here goes through centres/roles.py (which checks
and logs it); the forms run the same checks first only to show the error on the page.

Administrators who are not superusers never see, change or delete a superuser's account or
password, and cannot make anyone a superuser or give anyone permissions.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import roles
from .models import Membership, PendingGrant, Role, User

GRANT_READONLY = ["approval", "granted_by", "granted_at", "decided_by", "decided_at"]


class MembershipAdminForm(forms.ModelForm):
    """A membership as an administrator writes it. `acting_user` is set per request
    (`form_for`); a change to a role of their own, or one they may not give, is refused."""

    acting_user = None

    class Meta:
        model = Membership
        # What a person writes; who granted and decided is the service's to record.
        fields = [
            "user",
            "role",
            "centre",
            "area",
            "started_on",
            "ended_on",
            "accredited_on",
            "training_expires_on",
        ]

    def _post_clean(self):
        super()._post_clean()
        if self.errors or not self.has_changed() or self.acting_user is None:
            return
        before = None
        if self.instance.pk is not None:
            before = Membership.objects.filter(pk=self.instance.pk).first()
        try:
            roles.check_grant(self.instance, by=self.acting_user, before=before)
        except ValidationError as error:
            self.add_error(None, error)


class MembershipFormSet(forms.BaseInlineFormSet):
    """Inline memberships: a row ticked for deletion is checked too (Django skips the
    validation of deleted rows)."""

    acting_user = None

    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk is not None:
                try:
                    roles.check_grant(form.instance, by=self.acting_user)
                except ValidationError as error:
                    raise ValidationError(error.messages) from error


def form_for(base, user):
    """`base` (a form or formset class) acting for `user`."""
    return type(base.__name__, (base,), {"acting_user": user})


def save_membership_formset(request, formset) -> None:
    """Save inline memberships through the role service: removals, grants and changes."""
    for obj in formset.save(commit=False):
        roles.save_grant(obj, by=request.user)
    for obj in formset.deleted_objects:
        roles.remove_grant(obj, by=request.user)
    formset.save_m2m()


class MembershipInlineBase(admin.TabularInline):
    model = Membership
    form = MembershipAdminForm
    formset = MembershipFormSet
    extra = 0
    readonly_fields = ["approval", "granted_by", "decided_by"]

    def get_formset(self, request, obj=None, **kwargs):
        kwargs["form"] = form_for(self.form, request.user)
        formset = super().get_formset(request, obj, **kwargs)
        return form_for(formset, request.user)


class MembershipInline(MembershipInlineBase):
    fk_name = "user"
    autocomplete_fields = ["centre", "area"]
    fields = [
        "role",
        "centre",
        "area",
        "started_on",
        "ended_on",
        "accredited_on",
        "training_expires_on",
        "approval",
        "granted_by",
        "decided_by",
    ]


class CentreMembershipInline(MembershipInlineBase):
    fk_name = "centre"
    autocomplete_fields = ["user"]
    fields = [
        "user",
        "role",
        "started_on",
        "ended_on",
        "accredited_on",
        "training_expires_on",
        "approval",
        "granted_by",
    ]
    verbose_name = _("volunteer or coordinator")
    verbose_name_plural = _("volunteers and coordinators")


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

    def get_queryset(self, request):
        # Superusers are out of an administrator's reach: lists, searches, autocompletes and
        # actions never include them.
        queryset = super().get_queryset(request)
        if not request.user.is_superuser:
            queryset = queryset.filter(is_superuser=False)
        return queryset

    def _refuse_superuser_target(self, request, object_id) -> None:
        """403 for an administrator who asks for a superuser's pages by address."""
        if request.user.is_superuser:
            return
        try:
            target = User.objects.filter(pk=unquote(object_id), is_superuser=True)
            if target.exists():
                raise PermissionDenied
        except (ValueError, ValidationError):
            return

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def has_view_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_view_permission(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._refuse_superuser_target(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        self._refuse_superuser_target(request, object_id)
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self._refuse_superuser_target(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def user_change_password(self, request, id, form_url=""):
        self._refuse_superuser_target(request, id)
        return super().user_change_password(request, id, form_url)

    def save_formset(self, request, form, formset, change):
        if formset.model is Membership:
            save_membership_formset(request, formset)
        else:
            super().save_formset(request, form, formset, change)


def _run(modeladmin, request, queryset, decide, done) -> None:
    """Approve or refuse each selected grant through the service; say what was refused."""
    count, refused = 0, []
    for membership in queryset.select_related("user"):
        try:
            decide(membership, by=request.user)
            count += 1
        except ValidationError as error:
            refused.append(f"{membership}: {' '.join(error.messages)}")
    if count:
        modeladmin.message_user(request, done(count), messages.SUCCESS)
    for line in refused:
        modeladmin.message_user(request, line, messages.ERROR)


class GrantDecisions:
    """The "Approve" and "Refuse" actions, for anyone who may approve some grant."""

    @admin.action(description=_("Approve the selected role grants"), permissions=["approve"])
    def approve(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            roles.approve_grant,
            lambda n: (
                ngettext(
                    "%(count)d role grant approved: it gives its role from now on.",
                    "%(count)d role grants approved: they give their roles from now on.",
                    n,
                )
                % {"count": n}
            ),
        )

    @admin.action(description=_("Refuse the selected role grants"), permissions=["approve"])
    def refuse(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            roles.refuse_grant,
            lambda n: (
                ngettext("%(count)d role grant refused.", "%(count)d role grants refused.", n)
                % {"count": n}
            ),
        )

    def has_approve_permission(self, request):
        return may_approve_some(request.user)


def may_approve_some(user) -> bool:
    """Administrators, and inspectors (for their areas' police roles)."""
    return user.is_active and (user.is_administrator or Role.INSPECTOR in user.roles)


@admin.register(Membership)
class MembershipAdmin(GrantDecisions, admin.ModelAdmin):
    form = MembershipAdminForm
    list_display = ["user", "role", "centre", "area", "approval", "training_expires_on", "ended_on"]
    list_filter = ["approval", "role"]
    search_fields = ["user__name", "user__email", "centre__name", "area__name"]
    autocomplete_fields = ["user", "centre", "area"]
    list_select_related = ["user", "centre", "area"]
    readonly_fields = GRANT_READONLY
    actions = ["approve", "refuse"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        return form_for(super().get_form(request, obj, change, **kwargs), request.user)

    def has_change_permission(self, request, obj=None):
        # A role of one's own is read-only: somebody else changes it.
        if obj is not None and obj.user_id == request.user.pk:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.user_id == request.user.pk:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        roles.save_grant(obj, by=request.user)

    def delete_model(self, request, obj):
        roles.remove_grant(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for membership in queryset:
            roles.remove_grant(membership, by=request.user)


@admin.register(PendingGrant)
class PendingGrantAdmin(GrantDecisions, admin.ModelAdmin):
    """Role grants waiting for approval, as many as the person may approve: every one for an
    administrator, their areas' police roles for an inspector; never their own, never one
    they made."""

    list_display = ["user", "role", "scope", "granted_by", "granted_at"]
    list_filter = ["role"]
    search_fields = ["user__name", "user__email"]
    list_select_related = ["user", "centre", "area", "granted_by"]
    actions = ["approve", "refuse"]
    fields = ["user", "role", "centre", "area", "started_on", "ended_on", *GRANT_READONLY]
    readonly_fields = fields

    @admin.display(description=_("where"))
    def scope(self, obj):
        return obj.centre or obj.area or "–"

    def get_queryset(self, request):
        waiting = roles.grants_awaiting(request.user).values("pk")
        return super().get_queryset(request).filter(pk__in=waiting)

    def has_module_permission(self, request):
        return may_approve_some(request.user)

    def has_view_permission(self, request, obj=None):
        return may_approve_some(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
