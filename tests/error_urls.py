"""A test-only URLconf: the product's URLs and handlers, plus addresses whose views fail, so
the error pages can be shown for errors no product page raises on purpose."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from hatereport import urls as product


def refuse(request):
    raise PermissionDenied


def suspicious(request):
    raise SuspiciousOperation("A request the site cannot make sense of")


def explode(request):
    raise RuntimeError("Something broke")


failing = [
    path("bad-request/", suspicious),
    path("forbidden/", refuse),
    path("explode/", explode),
]

urlpatterns = [
    *product.urlpatterns,
    *i18n_patterns(*failing),
    path("centre/explode/", explode),
    path("centre/forbidden/", refuse),
]

handler400 = product.handler400
handler403 = product.handler403
handler404 = product.handler404
handler500 = product.handler500
