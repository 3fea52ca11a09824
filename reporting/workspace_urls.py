from django.urls import path

from . import workspace

app_name = "workspace"
urlpatterns = [
    path("", workspace.home, name="home"),
]
