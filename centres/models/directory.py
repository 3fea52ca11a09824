"""The directory: reporting centres (TPRC and HIRC), their awareness work, and support services."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .places import Area
from .strands import Strand

# Languages a centre or service may speak: the site's own, then other community languages
# (Census 2021), each named in its own script. BSL is an accessibility flag, not listed here.
COMMUNITY_LANGUAGES = [
    ("pt", "Português"),
    ("gu", "ગુજરાતી"),
    ("fa", "فارسی"),
    ("prs", "دری"),
    ("ku", "Kurdî"),
    ("ti", "ትግርኛ"),
    ("zh", "中文"),
    ("lt", "Lietuvių"),
    ("tr", "Türkçe"),
    ("ta", "தமிழ்"),
    ("hi", "हिन्दी"),
    ("es", "Español"),
    ("fr", "Français"),
    ("it", "Italiano"),
    ("bg", "Български"),
    ("uk", "Українська"),
    ("ru", "Русский"),
    ("sq", "Shqip"),
    ("am", "አማርኛ"),
    ("ml", "മലയാളം"),
    ("yue", "粵語"),
]
RTL_COMMUNITY_LANGUAGES = frozenset({"fa", "prs"})


def spoken_language_choices() -> list[tuple[str, str]]:
    """Every language a centre may say it speaks: (code, name in its own script)."""
    site = [(code, name) for code, name in settings.LANGUAGES]
    known = {code for code, _name in site}
    return site + [(c, n) for c, n in COMMUNITY_LANGUAGES if c not in known]


def language_is_rtl(code: str) -> bool:
    """Right-to-left: the site's languages by Django's own list (settings.LANGUAGES_BIDI, where
    Pashto is added), and the community languages only centres list."""
    return code in settings.LANGUAGES_BIDI or code in RTL_COMMUNITY_LANGUAGES


def text_direction(code: str) -> str:
    """The dir attribute for text in a language: "rtl" or "ltr"."""
    return "rtl" if language_is_rtl(code) else "ltr"


class CentreQuerySet(models.QuerySet):
    def listed(self):
        return self.filter(is_listed=True)

    def schools(self):
        return self.filter(kind=CentreKind.SCHOOL)


class CentreKind(models.TextChoices):
    """The two models of reporting centre, West Midlands (TPRC) and Essex (HIRC), and schools,
    whose staff log pupils' reports and whose designated safeguarding lead hears back."""

    TPRC = "tprc", _("Third party reporting centre")
    HIRC = "hirc", _("Hate incident reporting centre")
    SCHOOL = "school", _("School")


class Centre(models.Model):
    """A Third Party Reporting Centre (TPRC) or Hate Incident Reporting Centre (HIRC)."""

    Kind = CentreKind

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(_("web address name"), max_length=80, unique=True)
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="centres")
    address = models.TextField(_("address"), blank=True)
    town = models.CharField(_("town"), max_length=80)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    description = models.TextField(_("description"), blank=True)  # translated
    opening_hours = models.TextField(_("opening hours"), blank=True)  # translated
    languages = models.JSONField(
        _("languages spoken"), default=list, blank=True, help_text=_("Language codes.")
    )
    step_free = models.BooleanField(_("step-free access"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    bsl = models.BooleanField(_("British Sign Language"), default=False)
    quiet_room = models.BooleanField(_("quiet room"), default=False)
    private_room = models.BooleanField(_("private room"), default=False)
    specialist_strands = models.ManyToManyField(
        Strand, blank=True, related_name="specialist_centres", verbose_name=_("specialist strands")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    lead_person = models.CharField(_("lead person"), max_length=150, blank=True)
    accredited_on = models.DateField(_("accredited on"), null=True, blank=True)
    is_listed = models.BooleanField(_("listed in the public directory"), default=True)
    walk_in = models.BooleanField(
        _("people can walk in during opening hours"),
        default=True,
        db_default=True,
        help_text=_("Untick if people should phone first to arrange a time."),
    )
    # Support-only reports (reporting/support.py): those made online land in the support queue
    # of their area's hub, those logged at a centre in that centre's own; either way the
    # centre's team makes first contact within this many working days.
    is_support_hub = models.BooleanField(
        _("victim-support hub for the area"),
        default=False,
        db_default=False,
        help_text=_(
            "Its team takes the area's online reports from people who asked for support and "
            "left a way to contact them. One hub per area."
        ),
    )
    support_contact_within_days = models.PositiveSmallIntegerField(
        _("first contact about support within (working days)"),
        default=2,
        db_default=2,
        validators=[MinValueValidator(1)],
    )

    objects = CentreQuerySet.as_manager()

    class Meta:
        verbose_name = _("reporting centre")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                name="centre_kind_valid", condition=Q(kind__in=CentreKind.values)
            ),
            models.UniqueConstraint(
                fields=["area"], condition=Q(is_support_hub=True), name="centre_one_hub_per_area"
            ),
            models.CheckConstraint(
                name="centre_support_days_positive", condition=Q(support_contact_within_days__gte=1)
            ),
        ]
        indexes = [models.Index(fields=["area", "is_listed"])]

    def __str__(self):
        return self.name

    @property
    def is_school(self) -> bool:
        return self.kind == CentreKind.SCHOOL

    @property
    def accessibility(self) -> list[tuple[str, str]]:
        """The accessibility features it has, as (field name, label)."""
        return [
            (name, str(self._meta.get_field(name).verbose_name))
            for name in ACCESSIBILITY_FEATURES
            if getattr(self, name)
        ]


ACCESSIBILITY_FEATURES = ("step_free", "hearing_loop", "bsl", "quiet_room", "private_room")


class ActivityKind(models.TextChoices):
    """What a centre did to make reporting known."""

    TALK = "talk", _("Talk or workshop")
    STALL = "stall", _("Stall or event")
    LEAFLETS = "leaflets", _("Leaflets or posters")
    ONLINE = "online", _("Online or social media")
    TRAINING = "training", _("Training for staff or volunteers")
    OTHER = "other", _("Something else")


class AwarenessActivity(models.Model):
    """Something a centre did to raise awareness of hate crime and of reporting: a talk, a
    stall, a social media campaign. The Essex scheme asks each centre for two a year."""

    Kind = ActivityKind

    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, related_name="awareness_activities"
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    description = models.CharField(_("what happened"), max_length=300)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logged by"),
    )
    logged_at = models.DateTimeField(_("logged at"), default=timezone.now)

    class Meta:
        verbose_name = _("awareness activity")
        verbose_name_plural = _("awareness activities")
        ordering = ["-date", "-logged_at"]
        constraints = [
            models.CheckConstraint(
                name="awarenessactivity_kind_valid",
                condition=Q(kind__in=ActivityKind.values),
            )
        ]
        indexes = [models.Index(fields=["centre", "date"])]

    def __str__(self):
        return f"{self.centre} {self.date:%Y-%m-%d} {self.get_kind_display()}"


class SupportServiceQuerySet(models.QuerySet):
    def for_victim(self, *, strands=(), area_id=None):
        """The active services someone can turn to after a report naming `strands` (ids),
        in `area_id`: national ones and those local to the area, that serve one of the
        strands or every kind. If none serves what was named (an area's local marker such
        as misogyny, say), every service in reach: nobody is left with no one to call."""
        reach = models.Q(is_national=True)
        if area_id:
            reach |= models.Q(areas=area_id)
        services = self.filter(reach, is_active=True)
        if strands:
            serving = services.filter(
                models.Q(strands__in=strands) | models.Q(strands__isnull=True)
            )
            if serving.exists():
                services = serving
        return services.distinct()


class ReferralChannel(models.TextChoices):
    """How a service takes the referrals a reporter agreed to (reporting/referrals.py)."""

    SECURE_EMAIL = "secure_email", _("Secure email, sent by Hate Report")
    NONE = "none", _("Not through Hate Report: the person contacts the service")


class SupportService(models.Model):
    """An organisation that supports victims: Victim Support, Tell MAMA, CST, Galop, …"""

    ReferralChannel = ReferralChannel

    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(_("web address name"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)  # translated
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    strands = models.ManyToManyField(
        Strand, blank=True, related_name="support_services", verbose_name=_("strands served")
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    is_national = models.BooleanField(_("national service"), default=True)
    areas = models.ManyToManyField(
        Area, blank=True, related_name="support_services", verbose_name=_("local to areas")
    )
    offers_restorative_justice = models.BooleanField(_("restorative justice"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    # Referrals: the outbox delivers them by this channel (a kind of message of its own,
    # "support_referral"); the address is the service's secure mailbox for referrals, which
    # may differ from its public `email`.
    referral_channel = models.CharField(
        _("how it takes referrals"),
        max_length=20,
        choices=ReferralChannel.choices,
        default=ReferralChannel.NONE,
        db_default=ReferralChannel.NONE,
    )
    referral_email = models.EmailField(
        _("secure email address for referrals"),
        blank=True,
        default="",
        db_default="",
        help_text=_("For example, an address on a secure government or NHS mail system."),
    )

    objects = SupportServiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("support service")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                name="supportservice_referral_channel_valid",
                condition=Q(referral_channel__in=ReferralChannel.values),
            ),
            # A service that takes referrals by secure email has an address to send them to.
            models.CheckConstraint(
                name="supportservice_secure_email_has_address",
                condition=~Q(referral_channel="secure_email") | ~Q(referral_email=""),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def takes_referrals(self) -> bool:
        """Does the outbox deliver referrals to it?"""
        return (
            self.is_active
            and self.referral_channel == ReferralChannel.SECURE_EMAIL
            and bool(self.referral_email)
        )
