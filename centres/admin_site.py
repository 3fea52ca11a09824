from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

from .views import with_next


class StaffAdminSite(OTPAdminSite):
    """The Django admin, open only to police roles and administrators who passed a second
    factor. Sign-in goes through the one staff sign-in (password, then the second factor)."""

    site_header = _("Hate Report — staff")
    site_title = _("Hate Report staff")
    index_title = _("Casework and administration")
    enable_nav_sidebar = False

    def __init__(self, name="admin"):
        super().__init__(name)

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
