"""The person behind a report: contact details and safe-contact plan, equality answers,
referrals to support, and what they added later."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField, EncryptedEmailField, EncryptedTextField

from centres.models import SupportService

from .. import contact_hashes
from ..contact_plan import Plan, allowed_now, in_words, instant_in_words, next_allowed
from .report import Report


class Channels(models.TextChoices):
    PHONE = "phone", _("Phone call")
    SMS = "sms", _("Text message")
    EMAIL = "email", _("Email")
    CENTRE = "centre", _("Through the reporting centre")
    # A call in British Sign Language through a video relay service: made by a person, never
    # by the outbox (no text message or email stands in for it).
    BSL_VIDEO = "bsl_video", _("BSL video call")


class BslRelay(models.TextChoices):
    """Video relay services a Deaf person may be called through (an interpreter joins the
    call and signs what the officer says)."""

    SIGNVIDEO = "signvideo", "SignVideo"
    SIGNLIVE = "signlive", "SignLive"
    INTERPRETERNOW = "interpreternow", "InterpreterNow"
    OTHER = "other", _("another video relay service")


UNREADABLE_TIMES = _("the safe times cannot be read: do not contact them until they are fixed")


class ReporterContact(models.Model):
    """How, and how not, to contact the reporter: contact details and the safe-contact plan.

    Every person and every reminder that contacts the victim must respect this plan. The
    details are encrypted at rest and the whole row is purged on its own schedule.
    """

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="contact")
    name = EncryptedCharField(_("name"), max_length=150, null=True, blank=True)
    phone = EncryptedCharField(_("phone"), max_length=40, null=True, blank=True)
    email = EncryptedEmailField(_("email"), null=True, blank=True)
    address = EncryptedTextField(_("address"), null=True, blank=True)
    # The safe-contact plan.
    channels = models.JSONField(
        _("ways we may contact them"), default=list, blank=True, help_text=_("Channel codes.")
    )
    # When: days and times in UK time (reporting/contact_plan.py); none means any time.
    safe_windows = models.JSONField(
        _("safe days and times"),
        default=list,
        blank=True,
        help_text=_(
            'Empty: any time. Each: {"days": [0-6, 0 is Monday], "from": "10:00", '
            '"until": "14:00"}, UK time.'
        ),
    )
    not_on_bank_holidays = models.BooleanField(_("not on bank holidays"), default=False)
    # The reporter's own words about times, kept as a note beside the structured plan.
    safe_times = EncryptedCharField(
        _("note about safe times"), max_length=200, null=True, blank=True
    )
    no_voicemail = models.BooleanField(_("do not leave voicemail"), default=True)
    never_visit_home = models.BooleanField(_("never visit home"), default=True)
    family_does_not_know = models.BooleanField(_("family does not know"), default=False)
    message_may_say_what = models.BooleanField(
        _("messages may say what the news is"), default=False
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, blank=True
    )
    interpreter_needed = models.BooleanField(_("needs an interpreter"), default=False)
    interpreter_language = models.CharField(_("interpreter language"), max_length=60, blank=True)
    bsl = models.BooleanField(_("British Sign Language"), default=False)
    # How to reach them by BSL video call (Channels.BSL_VIDEO): the relay service and their
    # number or address on it (reporting/forms/person.py validates it).
    bsl_relay = models.CharField(
        _("video relay service"), max_length=20, choices=BslRelay.choices, blank=True
    )
    bsl_video_address = EncryptedCharField(
        _("number or address on the video relay service"), max_length=254, null=True, blank=True
    )
    easy_read = models.BooleanField(_("Easy Read"), default=False)
    large_print = models.BooleanField(_("large print"), default=False)
    other_needs = EncryptedTextField(_("other access needs"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Keyed hashes of the email and phone (reporting/contact_hashes.py), kept in step on every
    # save: the data protection officer finds a person's reports by these, never by decrypting.
    email_hash = models.CharField(max_length=64, blank=True, default="", editable=False)
    phone_hash = models.CharField(max_length=64, blank=True, default="", editable=False)

    class Meta:
        verbose_name = _("contact details and safe-contact plan")
        verbose_name_plural = _("contact details and safe-contact plans")
        indexes = [
            # Partial: most reports give no email or phone, and only a hash is ever looked up.
            models.Index(
                fields=["email_hash"], name="contact_email_hash", condition=~Q(email_hash="")
            ),
            models.Index(
                fields=["phone_hash"], name="contact_phone_hash", condition=~Q(phone_hash="")
            ),
        ]

    def __str__(self):
        return str(_("Contact for %(reference)s") % {"reference": self.report.reference})

    def save(self, *args, **kwargs):
        # A derived column, not a rule: the hashes can never disagree with what is stored.
        self.refresh_hashes()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"email", "phone"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "email_hash", "phone_hash"}
        super().save(*args, **kwargs)

    def refresh_hashes(self) -> None:
        self.email_hash = contact_hashes.email_hash(self.email)
        self.phone_hash = contact_hashes.phone_hash(self.phone)

    def allows(self, channel: str) -> bool:
        if self.bsl_video_only and channel in (Channels.EMAIL, Channels.SMS):
            return False  # the plan says BSL video call only: never a text or an email
        if channel == Channels.BSL_VIDEO:
            return channel in self.channels and bool(self.bsl_video_address)
        if channel == Channels.EMAIL:
            return channel in self.channels and bool(self.email)
        if channel in (Channels.SMS, Channels.PHONE):
            return channel in self.channels and bool(self.phone)
        return channel in self.channels

    @property
    def bsl_video_only(self) -> bool:
        """The plan allows a BSL video call and nothing else."""
        return Channels.BSL_VIDEO in self.channels and not (
            set(self.channels) - {Channels.BSL_VIDEO}
        )

    def bsl_video_instruction(self) -> str:
        """What every staff screen and task about this reporter says when the plan asks for a
        BSL video call: "Contact by BSL video call through SignVideo", or ""."""
        if Channels.BSL_VIDEO not in self.channels:
            return ""
        relay = self.get_bsl_relay_display() or str(BslRelay.OTHER.label)
        if self.bsl_video_only:
            return str(_("Contact only by BSL video call through %(relay)s") % {"relay": relay})
        return str(_("Contact by BSL video call through %(relay)s") % {"relay": relay})

    def bsl_video_details(self) -> str:
        """The relay service and the number or address on it: "SignVideo: 07700 900 123"."""
        relay = self.get_bsl_relay_display() or str(BslRelay.OTHER.label)
        return f"{relay}: {self.bsl_video_address or ''}"

    # --- When: every message and every person contacting the reporter asks these.

    @property
    def contact_plan(self) -> Plan:
        """The structured times of the plan (ValueError if they cannot be read)."""
        return Plan.from_json(self.safe_windows, self.not_on_bank_holidays)

    def safe_to_contact(self, at=None) -> bool:
        return allowed_now(self.contact_plan, at or timezone.now())

    def next_safe_time(self, at=None):
        """The first instant at or after `at` (now) at which the plan allows contact."""
        return next_allowed(self.contact_plan, at or timezone.now())

    def safe_times_in_words(self) -> str:
        try:
            return in_words(self.contact_plan)
        except ValueError:
            return str(UNREADABLE_TIMES)

    def next_safe_time_in_words(self) -> str:
        now = timezone.now()
        try:
            when = self.next_safe_time(now)
        except ValueError:
            return str(UNREADABLE_TIMES)
        if when <= now:
            return str(_("now"))
        return instant_in_words(when)


class EqualityAnswers(models.Model):
    """Optional equality monitoring answers. Every question has "prefer not to say"."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="equality")
    age_band = models.CharField(_("age"), max_length=20, blank=True)
    sex = models.CharField(_("sex"), max_length=20, blank=True)
    gender_identity_same_as_birth = models.CharField(
        _("gender identity the same as sex registered at birth"), max_length=20, blank=True
    )
    sexual_orientation = models.CharField(_("sexual orientation"), max_length=30, blank=True)
    ethnic_group = models.CharField(_("ethnic group"), max_length=40, blank=True)
    religion = models.CharField(_("religion"), max_length=40, blank=True)
    disability = models.CharField(_("disability"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("equality answers")
        verbose_name_plural = _("equality answers")

    def __str__(self):
        return str(_("Equality answers"))


class Referral(models.Model):
    """A referral of the reporter to a support service, made only with their consent."""

    class Status(models.TextChoices):
        MADE = "made", _("made")
        ACCEPTED = "accepted", _("accepted by the service")
        DECLINED = "declined", _("declined")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="referrals")
    service = models.ForeignKey(SupportService, on_delete=models.PROTECT, related_name="referrals")
    consent_given = models.BooleanField(_("the reporter agreed to this referral"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.MADE
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    made_at = models.DateTimeField(_("made at"), default=timezone.now)
    # Its delivery to the service through the outbox (reporting/referrals.py): sent and
    # delivered are read from this row.
    notification = models.OneToOneField(
        "centres.Notification",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("message to the service"),
    )

    class Meta:
        verbose_name = _("referral")
        constraints = [
            models.CheckConstraint(name="referral_needs_consent", condition=Q(consent_given=True)),
            models.UniqueConstraint(fields=["report", "service"], name="referral_unique"),
        ]

    def __str__(self):
        return f"{self.report.reference} → {self.service}"


class ReportAddition(models.Model):
    """More information the reporter added later, on the tracking page. Seen by whoever may
    see the report; the report itself is never edited after it is submitted."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="additions")
    text = models.TextField(_("what they added"))
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        verbose_name = _("information added later")
        verbose_name_plural = _("information added later")
        ordering = ["added_at"]
        constraints = [
            models.CheckConstraint(name="reportaddition_not_empty", condition=~Q(text="")),
        ]

    def __str__(self):
        return f"{self.report.reference} +{self.added_at:%Y-%m-%d}"
