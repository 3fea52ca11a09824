from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    """Replaces the default admin site with the second-factor, role-scoped staff site."""

    default_site = "centres.admin_site.StaffAdminSite"
