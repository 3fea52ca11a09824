from django.urls import path

from . import views

app_name = "casework"
urlpatterns = [
    path("", views.insights, name="insights"),
    path("export/<slug:key>.csv", views.export_table, name="insights_export"),
    path("refresh/", views.refresh, name="insights_refresh"),
]
