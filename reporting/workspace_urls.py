"""The centre workspace, /centre/ (reporting/workspace.py)."""

from django.urls import path

from . import evidence_views, workspace

app_name = "workspace"
urlpatterns = [
    path("", workspace.home, name="home"),
    path("reports/<int:pk>/", workspace.report_detail, name="report"),
    path("reports/<int:pk>/go-between/", workspace.set_go_between, name="go_between"),
    path("reports/<int:pk>/receipt/", workspace.report_receipt, name="receipt"),
    path("evidence/<int:pk>/", evidence_views.download_evidence, name="evidence"),
    # Assisted reporting: the public journey's questions, for someone at the centre.
    path("report/", workspace.assisted_start, name="assisted_start"),
    path("report/language/", workspace.assisted_language, name="assisted_language"),
    path("report/cancel/", workspace.assisted_cancel, name="assisted_cancel"),
    path("report/evidence/", workspace.assisted_evidence, name="assisted_evidence"),
    path("report/check/", workspace.assisted_check, name="assisted_check"),
    path("report/<slug:slug>/", workspace.assisted_step, name="assisted_step"),
    # The centre: training for everyone there; the rest for its coordinators.
    path("centres/<int:centre_id>/training/", workspace.training, name="training"),
    path("centres/<int:centre_id>/listing/", workspace.edit_listing, name="listing"),
    path("centres/<int:centre_id>/volunteers/", workspace.volunteers, name="volunteers"),
    path(
        "centres/<int:centre_id>/volunteers/<int:pk>/",
        workspace.edit_volunteer,
        name="volunteer",
    ),
    path("centres/<int:centre_id>/counts/", workspace.counts, name="counts"),
]
