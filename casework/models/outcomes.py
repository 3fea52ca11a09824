"""Outcomes: Home Office outcome types, areas' local codes, the outcome of a case, and an
inspector's authorisation to close with no further action."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import Area


class OutcomeType(models.Model):
    """A Home Office outcome type (1–22): the canonical outcome.

    `is_positive` is the West Midlands Police definition the seeds give: outcomes 1 to 10 (charge
    or summons through "formal action not in the public interest"), and 22 (diversion). "No
    further action" is 11 to 18 and 21: the case ends without any action against an offender.
    9 and 10 are decisions that formal action is not in the public interest, not NFA: they close
    without an inspector. `suspect_identified` marks the types that say a suspect was identified
    (11, 12, 15, 16), so an outcome of that type always has an identifiable offender."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=250)
    is_positive = models.BooleanField(_("counts as a positive outcome"), default=False)
    is_no_further_action = models.BooleanField(_("no further action"), default=False)
    suspect_identified = models.BooleanField(_("means a suspect was identified"), default=False)

    class Meta:
        verbose_name = _("Home Office outcome type")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                name="outcometype_number_range", condition=Q(number__gte=1, number__lte=22)
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"


class LocalOutcomeCode(models.Model):
    """An area's own outcome code (e.g. OC1) mapped onto a Home Office outcome type."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="outcome_codes")
    code = models.CharField(_("code"), max_length=20)
    label = models.CharField(_("label"), max_length=200)
    outcome_type = models.ForeignKey(OutcomeType, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("local outcome code")
        ordering = ["area", "code"]
        constraints = [models.UniqueConstraint(fields=["area", "code"], name="localoutcome_unique")]

    def __str__(self):
        return f"{self.code} ({self.outcome_type.number})"


class OutcomeQuerySet(models.QuerySet):
    def positive(self):
        """Outcomes that count as positive (OC1-OC10 and 22, `OutcomeType.is_positive`)."""
        return self.filter(outcome_type__is_positive=True)


class Outcome(models.Model):
    """The outcome recorded for a case."""

    case = models.OneToOneField("Case", on_delete=models.CASCADE, related_name="outcome")
    outcome_type = models.ForeignKey(OutcomeType, on_delete=models.PROTECT, related_name="+")
    local_code = models.ForeignKey(
        LocalOutcomeCode, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    offender_identifiable = models.BooleanField(_("offender named or identifiable"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    notes = models.TextField(_("notes"), blank=True)

    objects = OutcomeQuerySet.as_manager()

    class Meta:
        verbose_name = _("outcome")
        indexes = [
            # The insights page's positive outcomes by month.
            models.Index(fields=["recorded_at"], name="outcome_recorded_idx"),
        ]

    def __str__(self):
        return str(self.outcome_type)

    @property
    def is_positive(self) -> bool:
        return self.outcome_type.is_positive

    @property
    def is_no_further_action_with_offender(self) -> bool:
        """No further action, where the offender is named or identifiable (said so, or the
        outcome type itself says a suspect was identified)."""
        return self.outcome_type.is_no_further_action and (
            self.offender_identifiable or self.outcome_type.suspect_identified
        )

    def needs_authorisation(self, area: Area) -> bool:
        """The area rule: no further action with a named or identifiable offender needs an
        inspector's authorisation before the case closes, where the area asks for it.
        Outcomes 9 and 10 (formal action not in the public interest) are not NFA."""
        return area.nfa_needs_authorisation and self.is_no_further_action_with_offender


class AuthorisationDecision(models.TextChoices):
    """An inspector's decision on closing with no further action."""

    PENDING = "pending", _("Waiting")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class Authorisation(models.Model):
    """An inspector's authorisation to close with no further action where the offender is
    named or identifiable (an area rule)."""

    Decision = AuthorisationDecision

    case = models.ForeignKey("Case", on_delete=models.CASCADE, related_name="authorisations")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    request_reason = models.TextField(_("why no further action"))
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)

    class Meta:
        verbose_name = _("authorisation")
        ordering = ["-requested_at"]
        constraints = [
            models.CheckConstraint(
                name="authorisation_decision_valid",
                condition=Q(decision__in=AuthorisationDecision.values),
            ),
            models.CheckConstraint(
                name="authorisation_decided_has_who_when",
                condition=Q(decision=AuthorisationDecision.PENDING)
                | Q(decided_by__isnull=False, decided_at__isnull=False),
            ),
            models.CheckConstraint(
                name="authorisation_refusal_has_reason",
                condition=~Q(decision=AuthorisationDecision.REFUSED) | ~Q(decision_reason=""),
            ),
            models.CheckConstraint(
                name="authorisation_not_self_approved",
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=models.F("requested_by")),
            ),
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(decision=AuthorisationDecision.PENDING),
                name="authorisation_one_pending",
            ),
        ]
        indexes = [
            models.Index(
                fields=["requested_at"],
                condition=Q(decision=AuthorisationDecision.PENDING),
                name="authorisation_pending_idx",
            ),
        ]

    def __str__(self):
        return f"{self.case} {self.get_decision_display()}"
