"""/<lang>/track/: the reporter's tracking pages (casework/tracking/views.py)."""

from django.urls import path

from . import feedback, sharing, views, your_data

app_name = "tracking"
urlpatterns = [
    path("", views.track, name="track"),
    path("status/", views.status, name="status"),
    path("add-information/", views.add_information, name="add_information"),
    path("contact/", views.contact_preferences, name="contact"),
    path("stop-sharing/", views.withdraw_consent, name="withdraw"),
    path("share/", sharing.share, name="share"),
    path("share/done/", sharing.shared, name="shared"),
    path("share/<slug:how>/", sharing.share_confirm, name="share_confirm"),
    path("receipt/", views.receipt, name="receipt"),
    path("feedback/", feedback.feedback, name="feedback"),
    path("feedback/skip/", feedback.skip_feedback, name="feedback_skip"),
    path("your-data/", your_data.your_data, name="your_data"),
    path("your-data/<slug:kind>/", your_data.download_your_data, name="your_data_download"),
    path("finished/", views.sign_out, name="sign_out"),
]
