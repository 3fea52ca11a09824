"""Places: policing areas and the postcode districts and towns that fall in each."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

POSTCODE_RE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})?$")


def postcode_district(value: str) -> str:
    """The outward code of a UK postcode ("B11 1AA" -> "B11"), or "" if it is not one."""
    match = POSTCODE_RE.match((value or "").strip().upper())
    return match.group(1) if match else ""


def validate_pattern(value: str) -> None:
    """A crime reference format must be a regular expression Python can compile."""
    try:
        re.compile(value)
    except re.error as exc:
        raise ValidationError(
            _("Not a valid regular expression: %(error)s") % {"error": exc}
        ) from exc


class AreaQuerySet(models.QuerySet):
    def central_queue(self):
        return self.get(is_central_queue=True)

    def for_location(self, *, postcode: str = "", town: str = ""):
        """The area an incident location falls in; the central queue when none matches."""
        return self.matching_location(postcode=postcode, town=town).get()

    def matching_location(self, *, postcode: str = "", town: str = ""):
        """The one-row queryset behind `for_location`, in one query (usable as a subquery):
        the area of the postcode district, else of the town, else the central queue."""
        district = postcode_district(postcode)
        town = AreaPlace.normalise_town(town) if town.strip() else ""
        by_district = AreaPlace.objects.filter(
            area=models.OuterRef("pk"), kind=AreaPlace.Kind.POSTCODE_DISTRICT, value=district
        )
        by_town = AreaPlace.objects.filter(
            area=models.OuterRef("pk"), kind=AreaPlace.Kind.TOWN, value=town
        )
        whens = []
        if district:
            whens.append(models.When(models.Exists(by_district), then=models.Value(0)))
        if town:
            whens.append(models.When(models.Exists(by_town), then=models.Value(1)))
        whens.append(models.When(is_central_queue=True, then=models.Value(2)))
        rank = models.Case(*whens, default=None, output_field=models.IntegerField())
        return (
            self.annotate(location_rank=rank)
            .filter(location_rank__isnull=False)
            .order_by("location_rank", "pk")[:1]
        )


class Area(models.Model):
    """A policing unit (neighbourhood policing area). Cases belong to one; so do its rules."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    force = models.CharField(_("police force"), max_length=120, blank=True)
    is_central_queue = models.BooleanField(
        _("central queue"),
        default=False,
        help_text=_("Reports whose location matches no area land here."),
    )
    # Casework rules an area may tune.
    nfa_needs_authorisation = models.BooleanField(
        _("no further action with an identifiable offender needs an inspector"), default=True
    )
    triage_within_hours = models.PositiveSmallIntegerField(_("triage within (hours)"), default=24)
    authorisation_within_hours = models.PositiveSmallIntegerField(
        _("authorisation within (hours)"), default=48
    )
    high_risk_assign_within_hours = models.PositiveSmallIntegerField(
        _("assign a high-risk case within (hours)"), default=2
    )
    inspector_after_hours = models.PositiveSmallIntegerField(
        _("escalate to the inspector after a further (hours)"),
        default=24,
        help_text=_("How long an escalation waits with the SPOC before it goes to the inspector."),
    )
    # The force's crime or incident reference (issue 20): its format, so a number typed or
    # imported for a case of this area is checked before it is kept.
    crime_reference_pattern = models.CharField(
        _("crime reference format (regular expression)"),
        max_length=200,
        blank=True,
        db_default="",
        help_text=_(
            "The whole reference must match, e.g. ^\\d{2}/\\d{6}/\\d{2}$. Empty: any letters, "
            "digits, / and - are accepted."
        ),
        validators=[validate_pattern],
    )
    crime_reference_example = models.CharField(
        _("crime reference example"), max_length=40, blank=True, db_default=""
    )
    # Retention rules (days).
    unshared_report_retention_days = models.PositiveIntegerField(
        _("anonymise reports never shared with police after (days)"), default=730
    )
    contact_retention_days = models.PositiveIntegerField(
        _("delete contact details after case closure (days)"), default=365
    )

    objects = AreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("area")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_central_queue"],
                condition=Q(is_central_queue=True),
                name="area_one_central_queue",
            )
        ]

    def __str__(self):
        return self.name


class PlaceKind(models.TextChoices):
    """What an area place names: a postcode district or a town."""

    POSTCODE_DISTRICT = "postcode", _("postcode district")
    TOWN = "town", _("town")


class AreaPlace(models.Model):
    """A postcode district or town that falls in an area."""

    Kind = PlaceKind

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="places")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    value = models.CharField(_("value"), max_length=80)

    class Meta:
        verbose_name = _("place in an area")
        constraints = [
            models.UniqueConstraint(fields=["kind", "value"], name="areaplace_unique_value"),
            models.CheckConstraint(
                name="areaplace_kind_valid", condition=Q(kind__in=PlaceKind.values)
            ),
        ]

    def __str__(self):
        return self.value

    @staticmethod
    def normalise_town(value: str) -> str:
        return " ".join(value.split()).casefold()

    def clean(self):
        if self.kind == self.Kind.POSTCODE_DISTRICT:
            self.value = postcode_district(self.value) or self.value.strip().upper()
        else:
            self.value = self.normalise_town(self.value)
