from django.urls import path

from . import views
from .insights import board_views

app_name = "casework"
urlpatterns = [
    path("", views.insights, name="insights"),
    path("export/<slug:key>.csv", views.export_table, name="insights_export"),
    path("refresh/", views.refresh, name="insights_refresh"),
    path("board/", board_views.board_index, name="board_index"),
    path("board/<slug:quarter>/<slug:area>/", board_views.board_report, name="board_report"),
    path(
        "board/<slug:quarter>/<slug:area>/pdf/",
        board_views.board_report_pdf,
        name="board_report_pdf",
    ),
]
