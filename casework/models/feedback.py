"""What the reporter thought of how their case was handled: five questions asked once the case
is closed, as police victim-satisfaction surveys ask them. Reported only in aggregate."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .case import Case

# The five questions, in the order asked, each on a five-point scale (5 best). The keys are
# the model's field names and the insights table's rows.
FEEDBACK_QUESTIONS = ("contact", "actions", "informed", "treatment", "overall")
SCALE = range(1, 6)


class VictimFeedback(models.Model):
    """The invitation (written when the case first closes) and, once, the answers or the
    decision to skip. Each answer is optional ("I'd rather not say" is stored as no answer).
    No free text: only counts ever leave this table."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="feedback")
    invited_at = models.DateTimeField(_("invited at"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    skipped_at = models.DateTimeField(_("skipped at"), null=True, blank=True)
    contact = models.PositiveSmallIntegerField(_("contact"), null=True, blank=True)
    actions = models.PositiveSmallIntegerField(_("actions taken"), null=True, blank=True)
    informed = models.PositiveSmallIntegerField(_("kept informed"), null=True, blank=True)
    treatment = models.PositiveSmallIntegerField(_("treatment"), null=True, blank=True)
    overall = models.PositiveSmallIntegerField(_("whole experience"), null=True, blank=True)

    class Meta:
        verbose_name = _("victim feedback")
        verbose_name_plural = _("victim feedback")
        constraints = [
            models.CheckConstraint(
                name="victimfeedback_answered_or_skipped_once",
                condition=Q(answered_at__isnull=True) | Q(skipped_at__isnull=True),
            ),
            *(
                models.CheckConstraint(
                    name=f"victimfeedback_{field}_on_scale",
                    condition=Q(**{f"{field}__isnull": True})
                    | Q(**{f"{field}__gte": 1, f"{field}__lte": 5}),
                )
                for field in FEEDBACK_QUESTIONS
            ),
        ]
        indexes = [models.Index(fields=["answered_at"], name="victimfeedback_answered_idx")]

    def __str__(self):
        return f"feedback {self.pk}"

    @property
    def is_open(self) -> bool:
        """The reporter may still answer or skip."""
        return self.answered_at is None and self.skipped_at is None
