from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.views import PasswordResetConfirmView
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST, require_safe
from django_otp import login as otp_login
from django_otp import user_has_device, verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from modeltranslation.utils import build_localized_fieldname

from .decorators import second_factor_url, staff_required, with_next
from .forms import DirectorySearchForm, SignInForm, TokenForm
from .models import (
    AreaPlace,
    Centre,
    Strand,
    postcode_district,
    spoken_language_choices,
    text_direction,
)

BACKUP_CODES = 10


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return ""


def _home_for(user) -> str:
    if user.is_staff:
        return reverse("admin:index")
    if user.is_centre_worker:
        return reverse("workspace:home")
    if user.is_analyst:
        return reverse("casework:insights")
    if user.is_data_protection_officer:
        return reverse("data_protection:home")
    return reverse("staff:no_role")


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
def sign_in(request):
    form = SignInForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        login(request, form.user)
        next_url = _next_url(request)
        return redirect(with_next(second_factor_url(form.user), next_url))
    return render(
        request,
        "centres/sign_in.html",
        {"form": form, "next": _next_url(request), "expired": "expired" in request.GET},
    )


@never_cache
def verify(request):
    if not request.user.is_authenticated:
        return redirect("staff:login")
    if not user_has_device(request.user):
        return redirect("staff:setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = _match_device(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request) or _home_for(request.user))
        form.add_error("token", _("That code is not right, or it has expired. Try again."))
    return render(request, "centres/verify.html", {"form": form, "next": _next_url(request)})


def _match_device(user, token):
    # Each device throttles its own failed attempts (django-otp's ThrottlingMixin).
    for model in (TOTPDevice, StaticDevice):
        for device in model.objects.filter(user=user, confirmed=True):
            matched = verify_token(user, device.persistent_id, token)
            if matched is not None:
                return matched
    return None


@never_cache
def set_up_second_factor(request):
    """First sign-in: add an authenticator app, confirm it with a code, get backup codes."""
    user = request.user
    if not user.is_authenticated:
        return redirect("staff:login")
    if user_has_device(user):
        return redirect("staff:verify")
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "Authenticator app"}
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            codes = _confirm_devices(user, device)
            otp_login(request, device)
            return render(
                request,
                "centres/backup_codes.html",
                {"codes": codes, "next": _next_url(request) or _home_for(user)},
            )
        form.add_error("token", _("That code is not right. Check the time on your phone."))
    return render(
        request,
        "centres/set_up.html",
        {
            "form": form,
            "qr_svg": _qr_svg(device.config_url),
            "key": _grouped_key(device),
            "next": _next_url(request),
        },
    )


@transaction.atomic
def _confirm_devices(user, device) -> list[str]:
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    static, _created = StaticDevice.objects.get_or_create(
        user=user, name="Backup codes", defaults={"confirmed": True}
    )
    static.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


def _qr_svg(data: str) -> str:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def _grouped_key(device) -> str:
    from base64 import b32encode

    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


class AcceptInvitation(PasswordResetConfirmView):
    """A new volunteer or coordinator chooses their password from the invitation link; the
    second factor is set up at their first sign-in."""

    template_name = "centres/invitation.html"
    post_reset_login = False

    def get_success_url(self):
        messages.success(self.request, _("Your password is set. Now sign in."))
        return reverse("staff:login")


accept_invitation = AcceptInvitation.as_view()


@require_POST
def sign_out(request):
    logout(request)
    return redirect("staff:login")


@staff_required
def home(request):
    return redirect(_home_for(request.user))


@staff_required
def no_role(request):
    user = request.user
    if user.is_staff or user.is_centre_worker or user.is_analyst or user.is_data_protection_officer:
        return redirect("staff:home")
    return render(request, "centres/no_role.html", status=403)


def healthz(request):
    """Liveness and dependencies (database, broker) as JSON, with no personal data."""
    import json

    from django.db import connection

    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:
        checks["database"] = "unavailable"
    checks["broker"] = _broker_status()
    healthy = all(value in ("ok", "eager") for value in checks.values())
    body = {"status": "ok" if healthy else "degraded", **checks}
    return HttpResponse(
        json.dumps(body),
        content_type="application/json",
        status=200 if healthy else 503,
        headers={"Cache-Control": "no-store"},
    )


def _broker_status() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    from hatereport.celery import app

    try:
        with app.connection_for_write() as conn:
            # One try: a health probe must answer quickly (the transport options cap the wait).
            conn.ensure_connection(max_retries=0, timeout=2)
        return "ok"
    except Exception:
        return "unavailable"


@require_safe
def directory(request):
    """The public directory: find a centre by town or postcode, language, accessibility and
    strand. A GET form, so it works without JavaScript and a search is a link."""
    strands = Strand.objects.filter(specialist_centres__is_listed=True).distinct()
    form = DirectorySearchForm(request.GET or None, strands=strands)
    centres = Centre.objects.listed()
    near, place_found = [], None
    if form.is_valid():
        centres = filter_centres(centres, form.cleaned_data)
    centres = list(
        centres.select_related("area")
        .prefetch_related("specialist_strands")
        .order_by("town", "name")
    )
    if form.is_valid() and form.cleaned_data["place"]:
        near, centres, place_found = split_by_nearness(centres, form.cleaned_data["place"])
    return render(
        request,
        "centres/directory.html",
        {
            "form": form,
            "searched": form.is_bound and form.is_valid(),
            "near": [listing(c) for c in near],
            "centres": [listing(c) for c in centres],
            "place_found": place_found,
        },
    )


def filter_centres(centres, criteria):
    """Centres that speak the language, have every accessibility feature asked for and
    specialise in the strand."""
    language, features, strand = criteria["language"], criteria["access"], criteria["strand"]
    if language:
        centres = centres.filter(languages__contains=[language])
    if features:
        centres = centres.filter(**dict.fromkeys(features, True))
    if strand:
        centres = centres.filter(specialist_strands__code=strand)
    return centres


def split_by_nearness(centres, place: str):
    """(centres in or near the place, the others, whether the place was recognised).

    Near means the same town or postcode district, or the same policing area as the place
    (found through the areas' postcode districts and towns); no outside geocoding.
    """
    district = postcode_district(place)
    town = AreaPlace.normalise_town(place)
    lookup = Q(kind=AreaPlace.Kind.TOWN, value=town)
    if district:
        lookup |= Q(kind=AreaPlace.Kind.POSTCODE_DISTRICT, value=district)
    area_ids = set(AreaPlace.objects.filter(lookup).values_list("area_id", flat=True))

    def rank(centre):
        if (district and postcode_district(centre.postcode) == district) or (
            AreaPlace.normalise_town(centre.town) == town
        ):
            return 0
        return 1 if centre.area_id in area_ids else 2

    ranked = sorted(centres, key=lambda c: (rank(c), c.town, c.name))
    near = [c for c in ranked if rank(c) < 2]
    found = bool(area_ids) or bool(near)
    return near, [c for c in ranked if rank(c) == 2], found


def translated(obj, field: str) -> dict:
    """A translated field's text in the current language, or the English text marked as
    English (so screen readers pronounce it right) when no translation was given."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    own = getattr(obj, build_localized_fieldname(field, language), "") or ""
    if own:
        return {"text": own, "lang": ""}
    english = getattr(obj, build_localized_fieldname(field, settings.LANGUAGE_CODE), "") or ""
    return {"text": english, "lang": settings.LANGUAGE_CODE if english else ""}


def spoken_languages(codes) -> list[dict]:
    names = dict(spoken_language_choices())
    return [
        {"code": code, "name": names[code], "dir": text_direction(code)}
        for code in codes or []
        if code in names
    ]


def listing(centre) -> dict:
    """What the directory shows of a centre, with its translated text and languages."""
    return {
        "centre": centre,
        "description": translated(centre, "description"),
        "opening_hours": translated(centre, "opening_hours"),
        "languages": spoken_languages(centre.languages),
        "strands": [translated(s, "name") for s in centre.specialist_strands.all()],
        "accessibility": centre.accessibility,
    }


@require_safe
def centre_detail(request, slug):
    centre = get_object_or_404(
        Centre.objects.listed().prefetch_related("specialist_strands"), slug=slug
    )
    return render(request, "centres/centre.html", {"item": listing(centre), "centre": centre})
