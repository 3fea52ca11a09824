"""Reports: what a victim, witness or volunteer submits. Always kept, even if never shared.

Contact details and the safe-contact plan live apart from the report, encrypted at rest, so
they can be protected and purged on their own schedule while the anonymised report still
counts in statistics.
"""

import json
import secrets
import uuid

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import (
    EncryptedCharField,
    EncryptedEmailField,
    EncryptedFieldMixin,
    EncryptedTextField,
)

from centres.models import Area, Centre, Strand, SupportService

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
    # Retention: set when personal content has been removed by the purge.
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

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
        ]
        indexes = [
            models.Index(fields=["area", "submitted_at"]),
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

    def set_passphrase(self, passphrase: str) -> None:
        # Argon2 (settings.PASSWORD_HASHERS): slow on purpose, like a password. Hashed in
        # its normal form, so capitals, spaces or dashes typed back still match.
        from .passphrase import normalise_passphrase

        self.passphrase_hash = make_password(normalise_passphrase(passphrase))

    def check_passphrase(self, passphrase: str) -> bool:
        from .passphrase import normalise_passphrase

        return bool(self.passphrase_hash) and check_password(
            normalise_passphrase(passphrase), self.passphrase_hash
        )


class Channels(models.TextChoices):
    PHONE = "phone", _("Phone call")
    SMS = "sms", _("Text message")
    EMAIL = "email", _("Email")
    CENTRE = "centre", _("Through the reporting centre")


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
    safe_times = EncryptedCharField(_("safe times"), max_length=200, null=True, blank=True)
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
    easy_read = models.BooleanField(_("Easy Read"), default=False)
    large_print = models.BooleanField(_("large print"), default=False)
    other_needs = EncryptedTextField(_("other access needs"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("contact details and safe-contact plan")
        verbose_name_plural = _("contact details and safe-contact plans")

    def __str__(self):
        return str(_("Contact for %(reference)s") % {"reference": self.report.reference})

    def allows(self, channel: str) -> bool:
        if channel == Channels.EMAIL:
            return channel in self.channels and bool(self.email)
        if channel in (Channels.SMS, Channels.PHONE):
            return channel in self.channels and bool(self.phone)
        return channel in self.channels


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


def evidence_path(instance, filename):
    # Random names: the original file name can itself identify someone.
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


def evidence_storage():
    from django.core.files.storage import storages

    return storages["evidence"]


class EvidenceFile(models.Model):
    """A photo, screenshot, document, audio or video file attached to a report."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to=evidence_path, storage=evidence_storage)
    content_type = models.CharField(_("type"), max_length=80)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("evidence file")
        constraints = [
            models.CheckConstraint(name="evidence_size_positive", condition=Q(size__gt=0)),
        ]

    def __str__(self):
        return f"{self.report.reference} / {self.pk}"


class ConsentChange(models.Model):
    """The history of a report's consent to share: withdrawal is honoured from then on."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="consent_changes")
    previous = models.CharField(_("before"), max_length=16, choices=Consent.choices, blank=True)
    current = models.CharField(_("after"), max_length=16, choices=Consent.choices)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the reporter changed it themself."),
    )

    class Meta:
        verbose_name = _("consent change")
        ordering = ["changed_at"]

    def __str__(self):
        return f"{self.previous or '-'} → {self.current}"


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

    class Meta:
        verbose_name = _("referral")
        constraints = [
            models.CheckConstraint(name="referral_needs_consent", condition=Q(consent_given=True)),
            models.UniqueConstraint(fields=["report", "service"], name="referral_unique"),
        ]

    def __str__(self):
        return f"{self.report.reference} → {self.service}"


class EncryptedJSONDocumentField(EncryptedFieldMixin, models.TextField):
    """A JSON document encrypted at rest as one piece.

    encrypted_fields' own EncryptedJSONField encrypts each value separately and turns every
    number, true/false and null into a string; drafts need their types back as they were.
    """

    def get_prep_value(self, value):
        if value is None:
            return None
        document = json.dumps(value, cls=DjangoJSONEncoder)
        return self.f.encrypt(document.encode("utf-8")).decode("utf-8")

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return json.loads(self.f.decrypt(value.encode("utf-8")))

    def to_python(self, value):
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                return value
        return value


class ReportDraft(models.Model):
    """Answers typed so far, kept server-side for a day so nothing is lost to a timeout.

    Drafts hold contact details before a report exists, so they are encrypted like them.
    """

    key = models.CharField(max_length=64, unique=True)
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)
    answers = EncryptedJSONDocumentField(default=dict)
    # The area the location answered so far falls in: found in the same UPDATE that saves
    # the answer (reporting/journey.py), so the question page costs no extra query.
    area = models.ForeignKey(
        "centres.Area", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("draft report")

    def __str__(self):
        return f"draft {self.pk}"


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
