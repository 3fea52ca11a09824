"""/<lang>/track/: the reporter's tracking pages (casework/tracking.py)."""

from django.urls import path

from . import tracking

app_name = "tracking"
urlpatterns = [
    path("", tracking.track, name="track"),
    path("status/", tracking.status, name="status"),
    path("add-information/", tracking.add_information, name="add_information"),
    path("contact/", tracking.contact_preferences, name="contact"),
    path("stop-sharing/", tracking.withdraw_consent, name="withdraw"),
    path("finished/", tracking.sign_out, name="sign_out"),
]
