"""The centre workspace, /centre/ (reporting/workspace/)."""

from django.urls import path

from .. import evidence_views
from ..journey import views as journey
from . import assisted, centre, consent, reports, support
from .assisted import ASSISTED

app_name = "workspace"
urlpatterns = [
    path("", reports.home, name="home"),
    path("reports/<int:pk>/", reports.report_detail, name="report"),
    path("reports/<int:pk>/go-between/", reports.set_go_between, name="go_between"),
    path("reports/<int:pk>/receipt/", reports.report_receipt, name="receipt"),
    # Sharing with the police later, with the person there (consent.py).
    path("reports/<int:pk>/share/", consent.share, name="share"),
    path("reports/<int:pk>/share/done/", consent.shared, name="shared"),
    path("reports/<int:pk>/share/<slug:how>/", consent.share_confirm, name="share_confirm"),
    path("evidence/<int:pk>/", evidence_views.download_evidence, name="evidence"),
    # The support queue: support requests the centre's team owns (support.py).
    path("support/", support.queue, name="support_queue"),
    path("reports/<int:pk>/first-contact/", support.first_contact, name="first_contact"),
    path("reports/<int:pk>/refer/", support.refer, name="refer"),
    # Assisted reporting: the journey's own pages, in the assisted flow.
    path("report/", assisted.assisted_start, name="assisted_start"),
    path("report/language/", assisted.assisted_language, name="assisted_language"),
    path("report/cancel/", assisted.assisted_cancel, name="assisted_cancel"),
    path("report/evidence/", ASSISTED.page(journey.evidence), name="assisted_evidence"),
    path("report/check/", ASSISTED.page(journey.check, sends=True), name="assisted_check"),
    path("report/<slug:slug>/", ASSISTED.page(journey.question), name="assisted_step"),
    # The centre: training for everyone there; the rest for its coordinators.
    path("centres/<int:centre_id>/training/", centre.training, name="training"),
    path("centres/<int:centre_id>/listing/", centre.edit_listing, name="listing"),
    path("centres/<int:centre_id>/volunteers/", centre.volunteers, name="volunteers"),
    path(
        "centres/<int:centre_id>/volunteers/<int:pk>/",
        centre.edit_volunteer,
        name="volunteer",
    ),
    path("centres/<int:centre_id>/counts/", centre.counts, name="counts"),
]
