"""/data-protection/: the data protection officer's pages (views.py)."""

from django.urls import path

from . import retention, views

app_name = "data_protection"
urlpatterns = [
    path("", views.home, name="home"),
    path("report/<int:pk>/", views.report_page, name="report"),
    path("bundle/", views.bundle, name="bundle"),
    path("erasure/", views.erasure_list, name="erasure_list"),
    path("erasure/<int:pk>/", views.erasure_request, name="erasure"),
    path("access-log/", views.access_log, name="access_log"),
    path("access-log/export/", views.access_log_export, name="access_log_export"),
    path("access-log/unusual/", views.unusual, name="unusual"),
    path("retention/", retention.retention, name="retention"),
]
