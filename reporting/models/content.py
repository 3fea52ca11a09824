"""What happened and where it happened: translated content the journey offers."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IncidentType(models.Model):
    """What happened: verbal abuse, online abuse, assault, damage, … (translated)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)  # translated
    hint = models.CharField(_("hint"), max_length=250, blank=True)  # translated
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("offered on the form"), default=True)

    class Meta:
        verbose_name = _("incident type")
        ordering = ["order", "code"]

    def __str__(self):
        return self.name


class PlaceType(models.Model):
    """Where it happened: home, street, public transport, school, work, shop, online…"""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)  # translated
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("offered on the form"), default=True)

    class Meta:
        verbose_name = _("place type")
        ordering = ["order", "code"]

    def __str__(self):
        return self.name
