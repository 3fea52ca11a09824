"""Areas, reporting centres, support services, strands and the people who work with them.

This app is the bottom of the dependency arrow (casework -> reporting -> centres), so it also
holds what every other app shares: the strands of hostility, the notification outbox and the
access log.
"""

import re
import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

POSTCODE_RE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})?$")


def postcode_district(value: str) -> str:
    """The outward code of a UK postcode ("B11 1AA" -> "B11"), or "" if it is not one."""
    match = POSTCODE_RE.match((value or "").strip().upper())
    return match.group(1) if match else ""


# --- People ---------------------------------------------------------------------------------


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("Users need an email address.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)

    def police_of_area(self, area_id):
        """Active police officers, SPOCs and inspectors of one area: whom its cases may be
        assigned to."""
        police = Membership.objects.active().filter(role__in=Role.POLICE_ROLES, area_id=area_id)
        return self.filter(is_active=True, pk__in=police.values("user_id"))


class User(AbstractBaseUser, PermissionsMixin):
    """A member of staff or a volunteer. Victims never have accounts.

    One `name` field: first and last names do not fit every culture. What a person may do
    comes from their memberships, never from flags set by hand.
    """

    email = models.EmailField(_("email address"), unique=True)
    name = models.CharField(_("name"), max_length=150)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name or self.email

    def clean(self):
        super().clean()
        # Sign-in looks addresses up in lower case (SignInForm), as create_user stores them; an
        # address typed with capitals in the admin could otherwise never sign in.
        self.email = (self.email or "").strip().lower()

    def get_full_name(self):
        return self.name

    def get_short_name(self):
        return self.name

    @cached_property
    def active_memberships(self) -> list["Membership"]:
        return list(self.memberships.active().select_related("centre", "area"))

    @cached_property
    def roles(self) -> frozenset[str]:
        return frozenset(m.role for m in self.active_memberships)

    @property
    def is_staff(self) -> bool:
        """May use the Django admin: police roles and administrators."""
        return self.is_active and (self.is_superuser or bool(self.roles & Role.ADMIN_ROLES))

    @property
    def is_centre_worker(self) -> bool:
        return self.is_active and bool(self.roles & Role.CENTRE_ROLES)

    @property
    def is_analyst(self) -> bool:
        return self.is_active and (Role.ANALYST in self.roles or Role.ADMINISTRATOR in self.roles)

    @property
    def is_administrator(self) -> bool:
        return self.is_active and (self.is_superuser or Role.ADMINISTRATOR in self.roles)


class Role(models.TextChoices):
    VOLUNTEER = "volunteer", _("Volunteer or ambassador")
    COORDINATOR = "coordinator", _("Centre coordinator")
    SPOC = "spoc", _("Police single point of contact")
    OFFICER = "officer", _("Police officer")
    INSPECTOR = "inspector", _("Police inspector")
    ANALYST = "analyst", _("Partnership analyst")
    ADMINISTRATOR = "administrator", _("Administrator")


Role.CENTRE_ROLES = frozenset({Role.VOLUNTEER, Role.COORDINATOR})
Role.POLICE_ROLES = frozenset({Role.SPOC, Role.OFFICER, Role.INSPECTOR})
Role.ADMIN_ROLES = Role.POLICE_ROLES | {Role.ADMINISTRATOR}


class MembershipQuerySet(models.QuerySet):
    def active(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on), started_on__lte=on)

    def training_expiring(self, within_days=30, on=None):
        on = on or timezone.localdate()
        return self.active(on).filter(
            role__in=Role.CENTRE_ROLES,
            training_expires_on__lte=on + timezone.timedelta(days=within_days),
        )


class Membership(models.Model):
    """A person's role, scoped to a centre (volunteer, coordinator), an area (SPOC, officer,
    inspector) or nothing (analyst, administrator)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    centre = models.ForeignKey(
        "Centre", on_delete=models.CASCADE, null=True, blank=True, related_name="memberships"
    )
    area = models.ForeignKey(
        "Area", on_delete=models.CASCADE, null=True, blank=True, related_name="memberships"
    )
    started_on = models.DateField(_("started on"), default=timezone.localdate)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    accredited_on = models.DateField(_("accredited on"), null=True, blank=True)
    training_expires_on = models.DateField(_("training expires on"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        constraints = [
            models.CheckConstraint(
                name="membership_scope_matches_role",
                condition=(
                    Q(
                        role__in=["volunteer", "coordinator"],
                        centre__isnull=False,
                        area__isnull=True,
                    )
                    | Q(
                        role__in=["spoc", "officer", "inspector"],
                        area__isnull=False,
                        centre__isnull=True,
                    )
                    | Q(
                        role__in=["analyst", "administrator"],
                        area__isnull=True,
                        centre__isnull=True,
                    )
                ),
            ),
            models.CheckConstraint(
                name="membership_role_valid",
                condition=Q(role__in=[choice.value for choice in Role]),
            ),
            models.CheckConstraint(
                name="membership_ends_after_start",
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "centre", "area"],
                name="membership_unique_role_scope",
                nulls_distinct=False,
            ),
        ]
        indexes = [models.Index(fields=["role", "training_expires_on"])]

    def __str__(self):
        scope = self.centre or self.area
        return f"{self.user} — {self.get_role_display()}" + (f" ({scope})" if scope else "")


# --- Places ---------------------------------------------------------------------------------


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


class AreaPlace(models.Model):
    """A postcode district or town that falls in an area."""

    class Kind(models.TextChoices):
        POSTCODE_DISTRICT = "postcode", _("postcode district")
        TOWN = "town", _("town")

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="places")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    value = models.CharField(_("value"), max_length=80)

    class Meta:
        verbose_name = _("place in an area")
        constraints = [
            models.UniqueConstraint(fields=["kind", "value"], name="areaplace_unique_value"),
            models.CheckConstraint(
                name="areaplace_kind_valid", condition=Q(kind__in=["postcode", "town"])
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


class Strand(models.Model):
    """A strand of hostility: the five nationally monitored ones, and local markers an area
    may switch on (sex or gender, alternative subculture, age, other)."""

    class Kind(models.TextChoices):
        NATIONAL = "national", _("nationally monitored strand")
        LOCAL = "local", _("local marker")

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
                name="strand_kind_valid", condition=Q(kind__in=["national", "local"])
            )
        ]

    def __str__(self):
        return self.name


# --- Centres and support --------------------------------------------------------------------


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
    return code in settings.LANGUAGES_BIDI or code in RTL_COMMUNITY_LANGUAGES


class CentreQuerySet(models.QuerySet):
    def listed(self):
        return self.filter(is_listed=True)


class Centre(models.Model):
    """A Third Party Reporting Centre (TPRC) or Hate Incident Reporting Centre (HIRC)."""

    class Kind(models.TextChoices):
        TPRC = "tprc", _("Third party reporting centre")
        HIRC = "hirc", _("Hate incident reporting centre")

    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
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

    objects = CentreQuerySet.as_manager()

    class Meta:
        verbose_name = _("reporting centre")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(name="centre_kind_valid", condition=Q(kind__in=["tprc", "hirc"]))
        ]
        indexes = [models.Index(fields=["area", "is_listed"])]

    def __str__(self):
        return self.name

    @property
    def accessibility(self) -> list[tuple[str, str]]:
        """The accessibility features it has, as (field name, label)."""
        return [
            (name, str(self._meta.get_field(name).verbose_name))
            for name in ACCESSIBILITY_FEATURES
            if getattr(self, name)
        ]


ACCESSIBILITY_FEATURES = ("step_free", "hearing_loop", "bsl", "quiet_room", "private_room")


class AwarenessActivity(models.Model):
    """Something a centre did to raise awareness of hate crime and of reporting: a talk, a
    stall, a social media campaign. The Essex scheme asks each centre for two a year."""

    class Kind(models.TextChoices):
        TALK = "talk", _("Talk or workshop")
        STALL = "stall", _("Stall or event")
        LEAFLETS = "leaflets", _("Leaflets or posters")
        ONLINE = "online", _("Online or social media")
        TRAINING = "training", _("Training for staff or volunteers")
        OTHER = "other", _("Something else")

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

    # How many a centre is asked for each year (the Essex HIRC scheme).
    YEARLY_TARGET = 2

    class Meta:
        verbose_name = _("awareness activity")
        verbose_name_plural = _("awareness activities")
        ordering = ["-date", "-logged_at"]
        constraints = [
            models.CheckConstraint(
                name="awarenessactivity_kind_valid",
                condition=Q(kind__in=["talk", "stall", "leaflets", "online", "training", "other"]),
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


class SupportService(models.Model):
    """An organisation that supports victims: Victim Support, Tell MAMA, CST, Galop, …"""

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

    objects = SupportServiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("support service")
        ordering = ["name"]

    def __str__(self):
        return self.name


# --- The outbox and the access log ------------------------------------------------------------


class NotificationQuerySet(models.QuerySet):
    def due(self, now=None):
        now = now or timezone.now()
        return self.filter(status=Notification.Status.PENDING, next_attempt_at__lte=now)


class Notification(models.Model):
    """A message to deliver, written in the same transaction as the event that causes it.

    It names its recipient (a person, or a report's contact record) rather than copying an
    address, so nothing personal sits in the outbox and a purged contact cancels delivery.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("email")
        SMS = "sms", _("text message")
        CENTRE = "centre", _("via the reporting centre")

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        CANCELLED = "cancelled", _("cancelled")

    key = models.CharField(_("idempotency key"), max_length=200, unique=True)
    kind = models.CharField(_("message"), max_length=60)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    recipient_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    recipient_id = models.PositiveBigIntegerField()
    recipient = GenericForeignKey("recipient_type", "recipient_id")
    language = models.CharField(_("language"), max_length=10, default="en")
    context = models.JSONField(_("context"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        constraints = [
            models.CheckConstraint(
                name="notification_status_valid",
                condition=Q(status__in=["pending", "sent", "failed", "cancelled"]),
            ),
            models.CheckConstraint(
                name="notification_sent_has_time",
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
            ),
        ]
        indexes = [
            # The sweep: pending messages whose time has come.
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status="pending"),
                name="notification_due_idx",
            ),
            models.Index(fields=["recipient_type", "recipient_id"]),
        ]

    def __str__(self):
        return f"{self.kind} ({self.get_status_display()})"


class AccessLogQuerySet(models.QuerySet):
    def record(self, *, user, obj, action, detail="", reason=""):
        return self.create(
            user=user,
            action=action,
            object_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            object_label=str(obj)[:80],
            detail=detail[:200],
            reason=reason,
        )

    def about(self, obj):
        return self.filter(object_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class AccessLogEntry(models.Model):
    """Who consulted, altered or disclosed which report or case, when, and why where asked.

    Append-only: the database refuses updates and deletes (see the migration's triggers), as the
    Data Protection Act 2018 s.62 logging duty for law-enforcement processing expects.
    """

    class Action(models.TextChoices):
        VIEW = "view", _("consulted")
        CHANGE = "change", _("altered")
        CREATE = "create", _("created")
        DISCLOSE = "disclose", _("disclosed")
        EXPORT = "export", _("exported")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
        help_text=_("Empty when the reporter themself acted, through the tracking page."),
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    object_label = models.CharField(_("what"), max_length=80)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    reason = models.TextField(_("why"), blank=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-at"]
        constraints = [
            models.CheckConstraint(
                name="accesslog_action_valid",
                condition=Q(action__in=["view", "change", "create", "disclose", "export"]),
            )
        ]
        indexes = [models.Index(fields=["object_type", "object_id", "at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.user or '-'} {self.action} {self.object_label}"
