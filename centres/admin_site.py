from functools import wraps

from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.views.main import SEARCH_VAR
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from .access_logging import describe_listing, record_listing
from .models import AccessLogEntry
from .views import with_next


class StaffAdminSite(OTPAdminSite):
    """The Django admin, open only to police roles and administrators who passed a second
    factor. Sign-in goes through the one staff sign-in (password, then the second factor)."""

    site_header = _("Hate Report — staff")
    site_title = _("Hate Report staff")
    index_title = _("Casework and administration")
    index_template = "admin/staff_index.html"
    enable_nav_sidebar = False

    def __init__(self, name="admin"):
        super().__init__(name)
        # What waits for the person, above the app list (the SPOC's day on one screen). Each
        # is `panel(request) -> dict | None`, registered by the app that knows the work
        # (casework/admin/__init__.py): centres may not import it.
        self.home_panels = []

    def add_home_panel(self, panel) -> None:
        self.home_panels.append(panel)

    def index(self, request, extra_context=None):
        panels = [panel for panel in (make(request) for make in self.home_panels) if panel]
        return super().index(request, {"home_panels": panels, **(extra_context or {})})

    def has_permission(self, request):
        user = request.user
        return user.is_active and user.is_staff and user.is_verified()

    def admin_view(self, view, cacheable=False):
        checked = super().admin_view(view, cacheable)

        @wraps(checked)
        def wrapper(request, *args, **kwargs):
            refuse_other_roles(request)
            return checked(request, *args, **kwargs)

        return wrapper

    def autocomplete_view(self, request):
        return AccessLoggedAutocompleteJsonView.as_view(admin_site=self)(request)

    def login(self, request, extra_context=None):
        refuse_other_roles(request)
        next_url = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        return redirect(with_next(reverse("staff:login"), next_url))


def refuse_other_roles(request):
    """A signed-in person with no admin role (a volunteer, an analyst) is told the admin is not
    for them (the 403 page says where their work is) instead of being sent to sign in again.
    Anyone not yet fully signed in still goes to the staff sign-in."""
    user = request.user
    if user.is_authenticated and user.is_verified() and not user.is_staff:
        raise PermissionDenied


# --- The access log in the admin ---------------------------------------------------------


class AccessLoggedAdmin:
    """Mixed into the admin of every model whose rows are about a report or a case
    (ReportAdmin, CaseAdmin): every page of Django's that shows rows writes the access log,
    and so does every change made through the admin, without the admin class doing anything.

    - the list, with its filters, page and search (centres/access_logging.py: an entry per
      row shown and one about the list, the search term as a fingerprint only);
    - the autocomplete (AccessLoggedAutocompleteJsonView, the site's): the same;
    - an object's page, its history and its delete confirmation: a "view" entry;
    - an addition, change or deletion saved here: a "create" or "change" entry.

    Pages an admin adds in `get_urls` log themselves; tests/test_access_log_coverage.py fails
    when a registered admin of such a model lacks this mixin, or has a URL the test does not
    walk.
    """

    def record_rows(self, request, rows, *, kind, term="", params=None, total=None, page=None):
        detail = describe_listing(
            kind, shown=len(rows), total=total, page=page, params=params, term=term
        )
        return record_listing(request.user, self.model, rows, detail=detail)

    def record_object(self, request, obj, detail, action=AccessLogEntry.Action.VIEW):
        return AccessLogEntry.objects.record(
            user=request.user, obj=obj, action=action, detail=detail
        )

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        if changelist is not None:  # the list was shown (not an action's redirect)
            paginator = changelist.paginator
            total = changelist.result_count
            if getattr(paginator, "is_capped", False):
                total = f"more than {paginator.CAP}"
            self.record_rows(
                request,
                list(changelist.result_list),
                kind="admin search" if changelist.query else "admin list",
                term=changelist.query,
                params={k: v for k, v in changelist.params.items() if k != SEARCH_VAR},
                total=total,
                page=changelist.page_num,
            )
        return response

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        obj = (getattr(response, "context_data", None) or {}).get("original")
        if obj is not None:
            self.record_object(request, obj, "admin")
        return response

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        obj = (getattr(response, "context_data", None) or {}).get("object")
        if obj is not None:
            self.record_object(request, obj, "admin history")
        return response

    def delete_view(self, request, object_id, extra_context=None):
        response = super().delete_view(request, object_id, extra_context)
        obj = (getattr(response, "context_data", None) or {}).get("object")
        if obj is not None:  # the confirmation page, which lists what would go with it
            self.record_object(request, obj, "admin delete page")
        return response

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self.record_object(request, obj, "admin", AccessLogEntry.Action.CREATE)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self.record_object(request, obj, "admin", AccessLogEntry.Action.CHANGE)
        return entry

    def log_deletions(self, request, queryset):
        entries = super().log_deletions(request, queryset)
        for obj in queryset:
            self.record_object(request, obj, "admin deletion", AccessLogEntry.Action.CHANGE)
        return entries


class AccessLoggedAutocompleteJsonView(AutocompleteJsonView):
    """The admin's autocomplete (search-as-you-type in a relation's box): a page of rows found
    by a search term, so it is logged as the list is when the target's admin is logged."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if isinstance(self.model_admin, AccessLoggedAdmin):
            context["object_list"] = rows = list(context["object_list"])
            field = self.source_field
            self.model_admin.record_rows(
                self.request,
                rows,
                kind="admin autocomplete",
                term=self.term,
                params={"field": f"{field.model._meta.label_lower}.{field.name}"},
                page=context["page_obj"].number,
            )
        return context
