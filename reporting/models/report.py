"""The report, its public reference and the choices it is built from."""

import secrets

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import Area, Centre, Strand

from .content import IncidentType, PlaceType

# Read aloud over a phone: no 0/O, 1/I/L, or U (which reads like V).
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference() -> str:
    """A public reference such as HR-7KQ4-M2XD: 8 symbols of 30, about 39 bits."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"HR-{chars[:4]}-{chars[4:]}"


def normalise_reference(value: str) -> str:
    """Accept what people type: lower case, spaces, missing dashes, O for 0 and I for 1."""
    raw = "".join(ch for ch in (value or "").upper() if ch.isalnum())
    raw = raw.removeprefix("HR").translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    return f"HR-{raw[:4]}-{raw[4:]}" if len(raw) == 8 else ""


class ReporterRole(models.TextChoices):
    VICTIM = "victim", _("The person it happened to")
    WITNESS = "witness", _("Someone who saw it")
    ON_BEHALF = "on_behalf", _("Someone reporting for the person it happened to")


class Channel(models.TextChoices):
    ONLINE_SELF = "online_self", _("Online, by the victim")
    ONLINE_WITNESS = "online_witness", _("Online, by a witness or someone else")
    ASSISTED = "assisted", _("Assisted at a reporting centre")
    PHONE = "phone", _("By phone")


class Consent(models.TextChoices):
    SHARE_WITH_DETAILS = "share_details", _("Share with the police, with my details")
    SHARE_ANONYMOUSLY = "share_anonymous", _("Share with the police without my details")
    DO_NOT_SHARE = "do_not_share", _("Do not share with the police: I want support only")


SHARED_WITH_POLICE = (Consent.SHARE_WITH_DETAILS, Consent.SHARE_ANONYMOUSLY)


class AgeGroup(models.TextChoices):
    """How old the person it happened to is, asked of every report (blank on reports made
    before the question). Under 18 gives the case enhanced Victims' Code rights and the
    safeguarding flag (casework/services/opening.py)."""

    UNDER_11 = "under_11", _("Under 11")
    FROM_11_TO_15 = "11_15", _("11 to 15")
    FROM_16_TO_17 = "16_17", _("16 or 17")
    ADULT = "adult", _("18 or over")
    PREFER_NOT = "prefer_not", _("Prefer not to say")


UNDER_18 = (AgeGroup.UNDER_11, AgeGroup.FROM_11_TO_15, AgeGroup.FROM_16_TO_17)


class SchoolSharing(models.TextChoices):
    """What the young person agreed their school may see (reporting/access.py honours it)."""

    NOT_TOLD = "", _("The school is not told")
    REPORT = "report", _("What happened, without contact details")
    WITH_DETAILS = "details", _("What happened and how to contact them")


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_SURE = "not_sure", _("I'm not sure")


class ReportQuerySet(models.QuerySet):
    def shared_with_police(self):
        return self.filter(consent__in=SHARED_WITH_POLICE)

    def visible_to(self, user):
        from reporting import access

        return access.reports_visible_to(user, self)


class Report(models.Model):
    """A report of a hate crime or hate incident."""

    class WhenKind(models.TextChoices):
        EXACT = "exact", _("On a date I know")
        APPROXIMATE = "approximate", _("Roughly, I don't know the exact date")
        PERIOD = "period", _("Over a period of time")
        NOT_SURE = "not_sure", _("I'm not sure")

    class LocationKind(models.TextChoices):
        PLACE = "place", _("In a place")
        ONLINE = "online", _("Online")
        NOT_SURE = "not_sure", _("I'm not sure")

    reference = models.CharField(
        _("reference"), max_length=12, unique=True, default=new_reference, editable=False
    )
    passphrase_hash = models.CharField(_("passphrase (hashed)"), max_length=200, editable=False)
    reporter_role = models.CharField(_("reported by"), max_length=10, choices=ReporterRole.choices)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    centre = models.ForeignKey(
        Centre,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("logged at centre"),
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="logged_reports",
        verbose_name=_("logged by volunteer"),
    )
    centre_is_go_between = models.BooleanField(_("the centre passes on updates"), default=False)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="reports")
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    # What happened.
    incident_types = models.ManyToManyField(
        IncidentType, blank=True, related_name="reports", verbose_name=_("what happened")
    )
    description = models.TextField(_("in their own words"), blank=True)
    # When.
    when_kind = models.CharField(_("when"), max_length=12, choices=WhenKind.choices)
    occurred_on = models.DateField(_("date"), null=True, blank=True)
    occurred_at_time = models.TimeField(_("time"), null=True, blank=True)
    occurred_until = models.DateField(_("until"), null=True, blank=True)
    when_details = models.CharField(_("about when"), max_length=200, blank=True)
    happened_before = models.CharField(
        _("happened before"), max_length=10, choices=Answer.choices, blank=True
    )
    how_often = models.CharField(_("how often"), max_length=200, blank=True)
    # Where.
    location_kind = models.CharField(_("where"), max_length=10, choices=LocationKind.choices)
    town = models.CharField(_("town"), max_length=80, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    location_details = models.CharField(_("about where"), max_length=200, blank=True)
    online_platform = models.CharField(_("website or app"), max_length=120, blank=True)
    place_type = models.ForeignKey(
        PlaceType, on_delete=models.PROTECT, null=True, blank=True, related_name="reports"
    )
    # Why they think it was hate: perceived by the victim or anyone else, never to be proved.
    strands = models.ManyToManyField(
        Strand, blank=True, related_name="reports", verbose_name=_("perceived hostility")
    )
    motivation_other = models.CharField(_("something else"), max_length=200, blank=True)
    motivation_not_sure = models.BooleanField(_("not sure why"), default=False)
    # Offenders.
    offender_known = models.CharField(
        _("knows who did it"), max_length=10, choices=Answer.choices, blank=True
    )
    offender_count = models.PositiveSmallIntegerField(_("how many people"), null=True, blank=True)
    offender_description = models.TextField(_("about the offenders"), blank=True)
    # Harm.
    injured = models.CharField(_("injured"), max_length=10, choices=Answer.choices, blank=True)
    property_damaged = models.CharField(
        _("property damaged"), max_length=10, choices=Answer.choices, blank=True
    )
    threatened = models.CharField(
        _("threatened"), max_length=10, choices=Answer.choices, blank=True
    )
    harm_details = models.TextField(_("about the harm"), blank=True)
    # Sharing and support.
    consent = models.CharField(_("sharing with police"), max_length=16, choices=Consent.choices)
    support_wanted = models.CharField(
        _("wants support"), max_length=10, choices=Answer.choices, blank=True
    )
    support_needs = models.TextField(_("support needs"), blank=True)
    # Online hate routed locally: the area where the victim lives, when they told us (never
    # the postcode or town they typed); the report's `area` is then this one.
    home_area = models.ForeignKey(
        Area,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("area where the victim lives"),
    )
    # The support queue that owns this report (reporting/support.py): the centre that logged
    # it, or the area's victim-support hub; first contact is due by `support_due_at`.
    support_centre = models.ForeignKey(
        Centre,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_queue",
        verbose_name=_("support queue"),
    )
    support_due_at = models.DateTimeField(
        _("first contact about support due by"), null=True, blank=True
    )
    support_contacted_at = models.DateTimeField(
        _("first contact about support made at"), null=True, blank=True
    )
    support_contacted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("first contact about support made by"),
    )
    # Young people (issue 19): the age group, and the school told with their consent.
    age_group = models.CharField(
        _("age of the person it happened to"),
        max_length=10,
        choices=AgeGroup.choices,
        blank=True,
        default="",
        db_default="",
    )
    school = models.ForeignKey(
        Centre,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="school_reports",
        verbose_name=_("school told"),
    )
    school_sharing = models.CharField(
        _("what the school may see"),
        max_length=10,
        choices=SchoolSharing.choices,
        blank=True,
        default="",
        db_default="",
    )
    # Retention (reporting/lifecycle/): set when personal content has been removed by the purge.
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    contact_removed_at = models.DateTimeField(
        _("contact details deleted at"), null=True, blank=True
    )
    free_text_removed_at = models.DateTimeField(_("free text deleted at"), null=True, blank=True)
    # Its reporter had reported before in the 12 months before it, by the keyed hash of their
    # email or phone (contact_hashes.mark_repeat_reporters, when contact details are saved):
    # kept, so statistics still count it once the contact details are deleted.
    repeat_reporter = models.BooleanField(
        _("reported before in the 12 months before"),
        default=False,
        db_default=False,
        editable=False,
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                name="report_consent_valid",
                condition=Q(consent__in=[c.value for c in Consent]),
            ),
            models.CheckConstraint(
                name="report_channel_valid",
                condition=Q(channel__in=[c.value for c in Channel]),
            ),
            models.CheckConstraint(
                name="report_role_valid",
                condition=Q(reporter_role__in=[c.value for c in ReporterRole]),
            ),
            # A report logged at a centre names the centre; an online one names none.
            models.CheckConstraint(
                name="report_assisted_has_centre",
                condition=(Q(channel="assisted", centre__isnull=False) | ~Q(channel="assisted")),
            ),
            models.CheckConstraint(
                name="report_period_ordered",
                condition=(
                    Q(occurred_until__isnull=True)
                    | Q(occurred_on__isnull=True)
                    | Q(occurred_until__gte=models.F("occurred_on"))
                ),
            ),
            # An owned support request has a clock; first contact is recorded only on one.
            models.CheckConstraint(
                name="report_support_queue_has_clock",
                condition=Q(support_centre__isnull=True, support_due_at__isnull=True)
                | Q(support_centre__isnull=False, support_due_at__isnull=False),
            ),
            models.CheckConstraint(
                name="report_support_contact_needs_queue",
                condition=Q(support_contacted_at__isnull=True) | Q(support_centre__isnull=False),
            ),
            models.CheckConstraint(
                name="report_age_group_valid",
                condition=Q(age_group="") | Q(age_group__in=AgeGroup.values),
            ),
            # A school is told only with what the young person agreed it may see.
            models.CheckConstraint(
                name="report_school_told_with_consent",
                condition=Q(school__isnull=True, school_sharing="")
                | Q(
                    school__isnull=False,
                    school_sharing__in=[SchoolSharing.REPORT, SchoolSharing.WITH_DETAILS],
                ),
            ),
            # The victim's home area routes only online incidents, and then is the area.
            models.CheckConstraint(
                name="report_home_area_online_only",
                condition=Q(home_area__isnull=True)
                | Q(location_kind="online", area=models.F("home_area")),
            ),
        ]
        indexes = [
            # A hub's support queue: what waits for first contact, by when it is due.
            models.Index(
                fields=["support_centre", "support_due_at"],
                condition=Q(support_centre__isnull=False, support_contacted_at__isnull=True),
                name="report_support_waiting_idx",
            ),
            models.Index(fields=["area", "submitted_at"]),
            # Candidate matches (casework/matching.py): the area's incidents of a fortnight,
            # then words compared by pg_trgm, whose GIN index answers "similar to" searches.
            models.Index(fields=["area", "occurred_on"], name="report_area_occurred_idx"),
            GinIndex(
                fields=["description"], name="report_description_trgm", opclasses=["gin_trgm_ops"]
            ),
            models.Index(fields=["centre", "submitted_at"]),
            models.Index(fields=["consent", "submitted_at"]),
            models.Index(
                fields=["submitted_at"],
                condition=Q(anonymised_at__isnull=True, consent="do_not_share"),
                name="report_unshared_retention_idx",
            ),
        ]

    def __str__(self):
        return self.reference

    @property
    def is_shared_with_police(self) -> bool:
        return self.consent in SHARED_WITH_POLICE

    @property
    def is_under_18(self) -> bool:
        return self.age_group in UNDER_18

    def set_passphrase(self, passphrase: str) -> None:
        # Argon2 (settings.PASSWORD_HASHERS): slow on purpose, like a password. Hashed in
        # its normal form, so capitals, spaces or dashes typed back still match.
        from ..passphrase import normalise_passphrase

        self.passphrase_hash = make_password(normalise_passphrase(passphrase))

    def check_passphrase(self, passphrase: str) -> bool:
        from ..passphrase import normalise_passphrase

        return bool(self.passphrase_hash) and check_password(
            normalise_passphrase(passphrase), self.passphrase_hash
        )
