"""Public pages under the language prefix (/<lang>/...). The report journey adds its own
patterns here; the quick exit (/exit/) is outside the prefix, in hatereport/urls.py."""

from django.urls import path

from . import views

app_name = "reporting"
urlpatterns = [
    path("", views.start, name="start"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("report/", views.report_start, name="report_start"),
]
