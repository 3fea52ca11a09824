"""Public pages under the language prefix (/<lang>/...), the reporting journey among them; the
quick exit (/exit/) is outside the prefix, in hatereport/urls.py."""

from django.urls import path

from . import receipt, views

app_name = "reporting"
urlpatterns = [
    path("", views.start, name="start"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("report/", views.report_start, name="report_start"),
    path("report/staying-safe/", views.report_staying_safe, name="report_staying_safe"),
    path("report/evidence/", views.report_evidence, name="report_evidence"),
    path("report/check/", views.report_check, name="report_check"),
    path("report/done/", views.report_done, name="report_done"),
    # The receipt PDF of the report just sent (reporting/receipt.py).
    path("report/receipt/", receipt.download_receipt, name="receipt"),
    path("report/<slug:slug>/", views.report_step, name="report_step"),
]
