"""People: accounts, their roles and their memberships of centres and areas. What a person may
do comes from their memberships, never from flags set by hand."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


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

    def of_area(self, area_id, role):
        """Active people holding `role` (a SPOC, an inspector) in one area today: whom its
        cases' alerts go to."""
        members = Membership.objects.active().filter(role=role, area_id=area_id)
        return self.filter(is_active=True, pk__in=members.values("user_id"))

    def centre_team(self, centre_id):
        """A centre's active volunteers and coordinators: who passes news on to a victim."""
        members = Membership.objects.active().filter(
            centre_id=centre_id, role__in=Role.CENTRE_ROLES
        )
        return self.filter(is_active=True, pk__in=members.values("user_id"))


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

    @property
    def is_data_protection_officer(self) -> bool:
        """Subject access, erasure requests and the access log review (casework/data_protection)."""
        return self.is_active and (self.is_superuser or Role.DATA_PROTECTION_OFFICER in self.roles)


class Role(models.TextChoices):
    VOLUNTEER = "volunteer", _("Volunteer or ambassador")
    COORDINATOR = "coordinator", _("Centre coordinator")
    # A school's designated safeguarding lead: a centre role at a school (centres/roles.py).
    SAFEGUARDING_LEAD = "safeguarding_lead", _("Designated safeguarding lead (school)")
    SPOC = "spoc", _("Police single point of contact")
    OFFICER = "officer", _("Police officer")
    INSPECTOR = "inspector", _("Police inspector")
    ANALYST = "analyst", _("Partnership analyst")
    ADMINISTRATOR = "administrator", _("Administrator")
    DATA_PROTECTION_OFFICER = "dpo", _("Data protection officer")


Role.CENTRE_ROLES = frozenset({Role.VOLUNTEER, Role.COORDINATOR, Role.SAFEGUARDING_LEAD})
Role.POLICE_ROLES = frozenset({Role.SPOC, Role.OFFICER, Role.INSPECTOR})
Role.ADMIN_ROLES = Role.POLICE_ROLES | {Role.ADMINISTRATOR}
# Roles that take effect only once a second person approves them (centres/roles.py): every
# role that sees reports, and the administrator's, which may approve the others.
Role.NEEDS_APPROVAL = Role.CENTRE_ROLES | Role.POLICE_ROLES | {Role.ADMINISTRATOR}
# The data protection officer finds any report by its reference or a person's keyed email or
# phone hash (subject access, erasure) and reads the access log: a second person approves it.
Role.NEEDS_APPROVAL |= {Role.DATA_PROTECTION_OFFICER}


class Approval(models.TextChoices):
    """Where a role grant stands: only an approved membership gives its role."""

    PENDING = "pending", _("waiting for approval")
    APPROVED = "approved", _("approved")
    REFUSED = "refused", _("refused")


class MembershipQuerySet(models.QuerySet):
    def active(self, on=None):
        """Memberships that give their role on a day: approved, started and not ended. A grant
        waiting for approval (or refused) gives nothing, wherever roles are read."""
        on = on or timezone.localdate()
        return self.filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=on),
            started_on__lte=on,
            approval=Approval.APPROVED,
        )

    def pending(self, on=None):
        """Grants waiting for approval, for a time not over yet."""
        on = on or timezone.localdate()
        return self.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on), approval=Approval.PENDING)

    def training_expiring(self, within_days=30, on=None):
        on = on or timezone.localdate()
        return self.active(on).filter(
            role__in=Role.CENTRE_ROLES,
            training_expires_on__lte=on + timezone.timedelta(days=within_days),
        )


class Membership(models.Model):
    """A person's role, scoped to a centre (volunteer, coordinator), an area (SPOC, officer,
    inspector) or nothing (analyst, administrator).

    A role is granted by one person and, when it sees reports (Role.NEEDS_APPROVAL), takes
    effect only once a second person approves it. Nobody grants, approves or changes a role
    of their own. Every write goes through centres/roles.py, which logs it.
    """

    Approval = Approval

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
    granted_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    granted_at = models.DateTimeField(_("granted at"), null=True, blank=True, default=timezone.now)
    # Pending by default: a row written without centres/roles.py gives no role.
    approval = models.CharField(
        _("approval"), max_length=10, choices=Approval.choices, default=Approval.PENDING
    )
    decided_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved or refused by"),
    )
    decided_at = models.DateTimeField(_("approved or refused at"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        constraints = [
            models.CheckConstraint(
                name="membership_scope_matches_role",
                condition=(
                    Q(
                        role__in=["volunteer", "coordinator", "safeguarding_lead"],
                        centre__isnull=False,
                        area__isnull=True,
                    )
                    | Q(
                        role__in=["spoc", "officer", "inspector"],
                        area__isnull=False,
                        centre__isnull=True,
                    )
                    | Q(
                        role__in=["analyst", "administrator", "dpo"],
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
            models.CheckConstraint(
                name="membership_approval_valid",
                condition=Q(approval__in=[choice.value for choice in Approval]),
            ),
            # The two-person rule, kept by the database too: nobody grants themself a role,
            # decides on a grant to themself, or approves a grant they made.
            models.CheckConstraint(
                name="membership_not_granted_to_self",
                condition=Q(granted_by__isnull=True) | ~Q(granted_by=models.F("user")),
            ),
            models.CheckConstraint(
                name="membership_not_decided_by_grantee",
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=models.F("user")),
            ),
            models.CheckConstraint(
                name="membership_not_approved_by_granter",
                condition=~Q(approval="approved")
                | Q(decided_by__isnull=True)
                | Q(granted_by__isnull=True)
                | ~Q(decided_by=models.F("granted_by")),
            ),
            models.CheckConstraint(
                name="membership_pending_undecided",
                condition=~Q(approval="pending")
                | Q(decided_by__isnull=True, decided_at__isnull=True),
            ),
        ]
        indexes = [
            models.Index(fields=["role", "training_expires_on"]),
            # The approvers' list reads only the few grants waiting.
            models.Index(
                fields=["granted_at"],
                condition=Q(approval="pending"),
                name="membership_pending_idx",
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.describe_role()}"

    def describe_role(self) -> str:
        """The role and its scope, e.g. "Police officer (Birmingham East)"."""
        scope = self.centre or self.area
        return str(self.get_role_display()) + (f" ({scope})" if scope else "")

    @property
    def needs_approval(self) -> bool:
        return self.role in Role.NEEDS_APPROVAL

    @property
    def is_pending(self) -> bool:
        return self.approval == Approval.PENDING


class PendingGrant(Membership):
    """The same rows, as the admin's list of role grants waiting for a second person."""

    class Meta:
        proxy = True
        verbose_name = _("role grant waiting for approval")
        verbose_name_plural = _("role grants waiting for approval")
