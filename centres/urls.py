"""Staff sign-in (/staff/) and the public directory of reporting centres (/<lang>/centres/)."""

from django.urls import path

from . import views

staff_patterns = (
    [
        path("sign-in/", views.sign_in, name="login"),
        path("sign-in/code/", views.verify, name="verify"),
        path("sign-in/set-up/", views.set_up_second_factor, name="setup"),
        path(
            "sign-in/invitation/<uidb64>/<token>/",
            views.accept_invitation,
            name="invitation",
        ),
        path("sign-out/", views.sign_out, name="logout"),
        path("", views.home, name="home"),
        path("no-role/", views.no_role, name="no_role"),
    ],
    "staff",
)

directory_patterns = (
    [
        path("", views.directory, name="directory"),
        path("<slug:slug>/", views.centre_detail, name="centre"),
    ],
    "centres",
)
