from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from centres import receipts
from centres import urls as centres_urls
from centres import views as centres_views
from reporting import views as reporting_views

urlpatterns = [
    path("healthz", centres_views.healthz, name="healthz"),
    # Outside the language prefix so the one address works from every page.
    path("exit/", reporting_views.quick_exit, name="quick_exit"),
    # GOV.UK Notify's delivery receipts (authenticated by a bearer token).
    path("notify/receipts/", receipts.delivery_receipt, name="notify_receipts"),
    path("admin/", admin.site.urls),
    path("staff/", include(centres_urls.staff_patterns)),
    path("centre/", include("reporting.workspace.urls")),
    path("insights/", include("casework.urls")),
    path("data-protection/", include("casework.data_protection.urls")),
]

urlpatterns += i18n_patterns(
    path("centres/", include(centres_urls.directory_patterns)),
    path("track/", include("casework.tracking.urls")),
    path("", include("reporting.urls")),
)

# The site's own error pages, in the public or the staff shell (reporting/error_views.py).
handler400 = "reporting.error_views.bad_request"
handler403 = "reporting.error_views.permission_denied"
handler404 = "reporting.error_views.page_not_found"
handler500 = "reporting.error_views.server_error"
