"""Public pages under the language prefix (/<lang>/...), the reporting journey among them; the
quick exit (/exit/) is outside the prefix, in hatereport/urls.py."""

from django.urls import path

from . import bsl_page, bsl_videos, easy_read, receipt, views
from .journey import public
from .journey import views as journey
from .journey.public import PUBLIC
from .young_people import young_people

app_name = "reporting"
urlpatterns = [
    path("", views.start, name="start"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("easy-read/", easy_read.easy_read_index, name="easy_read"),
    path("easy-read/<slug:slug>/", easy_read.easy_read_guide, name="easy_read_guide"),
    path("easy-read/<slug:slug>/pdf/", easy_read.easy_read_pdf, name="easy_read_pdf"),
    path("bsl/", bsl_page.bsl, name="bsl"),
    path("bsl/videos/<int:pk>/video/", bsl_videos.video_file, name="bsl_video_file"),
    path("bsl/videos/<int:pk>/captions/", bsl_videos.captions_file, name="bsl_captions_file"),
    path("young-people/", young_people, name="young_people"),
    path("report/", public.report_start, name="report_start"),
    path("report/staying-safe/", public.report_staying_safe, name="report_staying_safe"),
    path("report/evidence/", PUBLIC.page(journey.evidence), name="report_evidence"),
    path("report/check/", PUBLIC.page(journey.check, sends=True), name="report_check"),
    path("report/done/", public.report_done, name="report_done"),
    # The receipt PDF of the report just sent (reporting/receipt.py).
    path("report/receipt/", receipt.download_receipt, name="receipt"),
    path("report/<slug:slug>/", PUBLIC.page(journey.question), name="report_step"),
]
