from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from whitenoise.middleware import WhiteNoiseFileResponse

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


# Every powerful or tracking feature a browser offers, turned off for this site and anything it
# might embed: the site never uses them, and a page about hate crime must not be able to ask
# for a camera, a location or an advertising profile, even if a script were slipped into it.
# Only features Chromium recognises are listed: it warns in the console about each unknown one
# (ambient-light-sensor, bluetooth, web-share and the retired advertising APIs, in Chromium
# 156 on Linux), and tests/browser/ fail on such a warning. Advertising profiles: the retired
# FLoC's "interest-cohort" and its successor "browsing-topics".
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "clipboard-read",
        "clipboard-write",
        "compute-pressure",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "gamepad",
        "geolocation",
        "gyroscope",
        "hid",
        "identity-credentials-get",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "otp-credentials",
        "payment",
        "picture-in-picture",
        "private-state-token-issuance",
        "private-state-token-redemption",
        "publickey-credentials-create",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "storage-access",
        "usb",
        "window-management",
        "xr-spatial-tracking",
    )
)


class ResponseHeadersMiddleware:
    """A Permissions-Policy on every response, and no caching of anything but static files.

    Every page the app renders is "no-store": the journey shows the victim's answers, the
    workspace a volunteer's and a victim's names, the admin cases; and on a shared or watched
    computer even the start page in the browser's cache says that someone looked for help. So
    nothing is stored (which also keeps a page left by the quick exit out of the back-forward
    cache). Only WhiteNoise's static files, the same for everyone, keep their long cache. The
    first entry in MIDDLEWARE, so it sees every answer: errors, redirects, /healthz, the CSRF
    failure page and what other middleware refuses.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if isinstance(response, WhiteNoiseFileResponse):
            return response
        # A response that says no-store already keeps its own words (the quick exit's and
        # the downloads' "no-store"); anything else gets Django's never-cache set, which also
        # overrides a max-age or "public" a view might have asked for.
        if "no-store" not in response.get("Cache-Control", ""):
            add_never_cache_headers(response)
        return response
