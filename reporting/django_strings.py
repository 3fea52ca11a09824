"""Words Django itself puts on the public pages, for the languages Django has no catalogue for
(Somali, Pashto): month names in dates ("23 November 2026" on the tracking page) and file sizes
(the evidence page). Listed here only so that `make messages` keeps their translations in
locale/so and locale/ps; in the other languages Django's own catalogues translate them."""

from django.utils.translation import gettext_noop, ngettext_lazy

MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
BYTES = ngettext_lazy("%(size)d byte", "%(size)d bytes", "size")
