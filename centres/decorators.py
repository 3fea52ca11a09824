"""Decorators for the staff pages (/admin/, /centre/, /insights/): signed in with a password and
a second factor, and, for the insights pages, an analyst. At the bottom of the dependency arrow,
so every app's staff views use the same ones."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import user_has_device


def with_next(url: str, next_url: str) -> str:
    """`url` with `next_url` as its `next` parameter, quoted so its own query survives."""
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def second_factor_url(user) -> str:
    """Where a signed-in person goes to finish signing in: the code, or setting one up."""
    return reverse("staff:verify" if user_has_device(user) else "staff:setup")


def staff_required(view):
    """Signed in with a password and a second factor; otherwise off to finish signing in."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect(with_next(reverse("staff:login"), request.get_full_path()))
        if not user.is_verified():
            return redirect(with_next(second_factor_url(user), request.get_full_path()))
        return view(request, *args, **kwargs)

    return wrapper


def analyst_required(view):
    """A staff page for partnership analysts (and administrators): aggregates only."""

    @wraps(view)
    @staff_required
    def wrapper(request, *args, **kwargs):
        if not request.user.is_analyst:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
