from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from .views import healthz

SIGNED_IN_AT = "staff_signed_in_at"


class StaffSessionMiddleware:
    """Staff sessions end after 30 minutes idle and 12 hours at most (settings)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(timezone.now().timestamp())
            started = request.session.setdefault(SIGNED_IN_AT, now)
            if now - started > settings.STAFF_SESSION_MAX_SECONDS:
                logout(request)
                return redirect(f"{reverse(settings.LOGIN_URL)}?expired=1")
            # Saved on every request (SESSION_SAVE_EVERY_REQUEST), so this is an idle timeout.
            request.session.set_expiry(settings.STAFF_SESSION_IDLE_SECONDS)
        return self.get_response(request)


class HealthCheckMiddleware:
    """Answers /healthz before anything else reads the Host header.

    Container and load-balancer probes call the app by its internal address, a host name no
    ALLOWED_HOSTS lists; CommonMiddleware's host validation would refuse them (400), so the
    probe would fail whatever the deployment's host names. The answer names no host and no
    person. First in MIDDLEWARE.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return healthz(request)
        return self.get_response(request)
