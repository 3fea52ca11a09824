"""The strands of hostility (nationally monitored) and the local markers an area may switch on."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .places import Area


class StrandKind(models.TextChoices):
    """National strands and local markers."""

    NATIONAL = "national", _("nationally monitored strand")
    LOCAL = "local", _("local marker")


class Strand(models.Model):
    """A strand of hostility: the five nationally monitored ones, and local markers an area
    may switch on (sex or gender, alternative subculture, age, other)."""

    Kind = StrandKind

    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=120)  # translated
    description = models.TextField(_("description"), blank=True)  # translated
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    areas = models.ManyToManyField(
        Area,
        blank=True,
        related_name="local_markers",
        verbose_name=_("areas that record it"),
        help_text=_("Local markers only: the areas that have switched this marker on."),
    )

    class Meta:
        verbose_name = _("strand")
        ordering = ["kind", "order", "code"]
        constraints = [
            models.CheckConstraint(
                name="strand_kind_valid", condition=Q(kind__in=StrandKind.values)
            )
        ]

    def __str__(self):
        return self.name
