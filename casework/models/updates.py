"""THRIVE assessments, Victims' Code key events, the standard messages for the victim, and
case updates (internal notes, contact attempts, updates the victim sees)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reporting.languages import text_direction
from reporting.models import Channels

# The channels as migrated (casework 0001). A BSL video call attempt (Channels.BSL_VIDEO) is
# stored as "bsl_video" too; its label joins these choices with the next casework migration
# (the database checks no list of channels, so nothing waits for it).
# A contact attempt by any channel a safe-contact plan can allow, a BSL video call included.
CONTACT_ATTEMPT_CHANNELS = Channels.choices


class Priority(models.TextChoices):
    """The grade of response from the latest THRIVE assessment."""

    IMMEDIATE = "immediate", _("Immediate")
    PRIORITY = "priority", _("Priority")
    SCHEDULED = "scheduled", _("Scheduled")
    NO_DEPLOYMENT = "no_deployment", _("Resolved without deployment")


class ThriveLevel(models.TextChoices):
    """A THRIVE level of threat, harm or risk."""

    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class ThriveAssessment(models.Model):
    """A THRIVE grading. Re-assessments add rows; the history is never rewritten."""

    Level = ThriveLevel

    case = models.ForeignKey("Case", on_delete=models.CASCADE, related_name="assessments")
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assessed_at = models.DateTimeField(_("assessed at"), default=timezone.now)
    threat = models.CharField(_("threat"), max_length=6, choices=Level.choices)
    harm = models.CharField(_("harm"), max_length=6, choices=Level.choices)
    risk = models.CharField(_("risk"), max_length=6, choices=Level.choices)
    investigation = models.TextField(_("investigation"), blank=True)
    vulnerability = models.TextField(_("vulnerability"), blank=True)
    engagement = models.TextField(_("engagement"), blank=True)
    grade = models.CharField(_("grade of response"), max_length=16, choices=Priority.choices)
    reason = models.TextField(_("why re-assessed"), blank=True)

    class Meta:
        verbose_name = _("THRIVE assessment")
        ordering = ["-assessed_at"]
        get_latest_by = "assessed_at"
        constraints = [
            models.CheckConstraint(
                name="thrive_levels_valid",
                condition=Q(threat__in=ThriveLevel.values)
                & Q(harm__in=ThriveLevel.values)
                & Q(risk__in=ThriveLevel.values),
            ),
            models.CheckConstraint(
                name="thrive_grade_valid", condition=Q(grade__in=[p.value for p in Priority])
            ),
        ]

    def __str__(self):
        return f"{self.get_grade_display()} ({self.assessed_at:%Y-%m-%d})"


class KeyEvent(models.TextChoices):
    """Victims' Code events the victim must be told of within a deadline."""

    ARRESTED = "arrested", _("Suspect arrested")
    INTERVIEWED = "interviewed", _("Suspect interviewed")
    RELEASED = "released", _("Suspect released")
    BAIL_CHANGED = "bail_changed", _("Bail or release under investigation changed")
    NOT_INVESTIGATED = "not_investigated", _("Decision not to investigate")
    CHARGED = "charged", _("Suspect charged")
    OUT_OF_COURT = "out_of_court", _("Out-of-court disposal")
    NOT_PROSECUTED = "not_prosecuted", _("Decision not to prosecute")


# Standard messages for the victim, by code: plain words, no police jargon, translated. The
# victim reads them in the report's language (CaseUpdate.text_for_victim).
VICTIM_MESSAGES = {
    "received": _(
        "An officer has read your report and will look into what happened. We will keep you "
        "updated in the way you asked."
    ),
    "still_working": _(
        "We are still working on your report. We will contact you again when there is news, or "
        "by the date we agreed with you."
    ),
    KeyEvent.ARRESTED.value: _("Someone has been arrested in connection with your report."),
    KeyEvent.INTERVIEWED.value: _("The person we believe was involved has been interviewed."),
    KeyEvent.RELEASED.value: _(
        "The person who was arrested has been released while we carry on looking into what "
        "happened. Please tell us straight away if they contact you."
    ),
    KeyEvent.BAIL_CHANGED.value: _(
        "The conditions the person must follow while we look into what happened have changed. "
        "Please tell us if you are worried about your safety."
    ),
    KeyEvent.NOT_INVESTIGATED.value: _(
        "We cannot take your report further at the moment. We have kept it, and it helps us "
        "understand what is happening in your area. You can ask us to look at this decision "
        "again."
    ),
    KeyEvent.CHARGED.value: _(
        "The person has been charged with a crime and will go to court. We will tell you the date."
    ),
    KeyEvent.OUT_OF_COURT.value: _(
        "The person has been dealt with without going to court. We can explain what this means "
        "for you."
    ),
    KeyEvent.NOT_PROSECUTED.value: _(
        "It has been decided not to take the case to court. We can explain why, and you can "
        "ask for the decision to be looked at again."
    ),
    "closed": _(
        "We have finished working on your report. Thank you for telling us. You can still "
        "contact us or a support service at any time."
    ),
}


# The line over an officer's own words on the victim's pages, in the page's language: one
# sentence per language of the words, so each translation can put the language's name in the
# form its grammar needs (Welsh mutates it after "yn", Polish declines it).
WRITTEN_BY_OFFICER = {
    "en": _("Written by the police officer, in English:"),
    "cy": _("Written by the police officer, in Welsh:"),
    "ur": _("Written by the police officer, in Urdu:"),
    "pa": _("Written by the police officer, in Panjabi:"),
    "bn": _("Written by the police officer, in Bengali:"),
    "ar": _("Written by the police officer, in Arabic:"),
    "ro": _("Written by the police officer, in Romanian:"),
    "pl": _("Written by the police officer, in Polish:"),
    "so": _("Written by the police officer, in Somali:"),
    "ps": _("Written by the police officer, in Pashto:"),
}


def written_by_officer(language: str) -> str:
    """ "Written by the police officer, in <language>:" in the active language."""
    sentence = WRITTEN_BY_OFFICER.get(language)
    if sentence is not None:
        return str(sentence)
    # A language added to LANGUAGES before its sentence: Django's name for it (settings add
    # the languages Django does not know to LANG_INFO), else its own name.
    try:
        name = translation.get_language_info(language)["name_translated"]
    except KeyError:
        name = dict(settings.LANGUAGES).get(language, language)
    return gettext("Written by the police officer, in %(language)s:") % {"language": name}


class UpdateVisibility(models.TextChoices):
    """Who sees a case update: the police only, or the victim too."""

    INTERNAL = "internal", _("Internal note")
    VICTIM = "victim", _("Update for the victim")


class CaseUpdate(models.Model):
    """An internal note, or an update the victim sees on the tracking page and is told of."""

    Visibility = UpdateVisibility

    class ContactOutcome(models.TextChoices):
        REACHED = "reached", _("Spoke to them")
        NOT_REACHED = "not_reached", _("Could not reach them")
        MESSAGE_LEFT = "message_left", _("Left a message")

    case = models.ForeignKey("Case", on_delete=models.CASCADE, related_name="updates")
    visibility = models.CharField(_("who sees it"), max_length=8, choices=Visibility.choices)
    key_event = models.CharField(
        _("key event"), max_length=20, choices=KeyEvent.choices, blank=True
    )
    # A standard, translated message for the victim, by code; free text may follow it.
    message_code = models.CharField(_("standard message"), max_length=40, blank=True)
    body = models.TextField(_("text"), blank=True)
    # The officer's own words are never translated: the victim's pages mark their language
    # (lang, dir) and say who wrote them.
    body_language = models.CharField(
        _("language of the text"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    is_contact_attempt = models.BooleanField(_("records a contact attempt"), default=False)
    contact_channel = models.CharField(
        _("contacted by"), max_length=10, choices=CONTACT_ATTEMPT_CHANNELS, blank=True
    )
    contact_outcome = models.CharField(
        _("result"), max_length=12, choices=ContactOutcome.choices, blank=True
    )

    class Meta:
        verbose_name = _("case update")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                name="caseupdate_visibility_valid",
                condition=Q(visibility__in=UpdateVisibility.values),
            ),
            models.CheckConstraint(
                name="caseupdate_contact_attempt_complete",
                condition=Q(is_contact_attempt=False, contact_channel="", contact_outcome="")
                | Q(is_contact_attempt=True) & ~Q(contact_channel="") & ~Q(contact_outcome=""),
            ),
            models.CheckConstraint(
                name="caseupdate_not_empty", condition=~Q(body="") | ~Q(message_code="")
            ),
        ]
        indexes = [models.Index(fields=["case", "visibility", "created_at"])]

    def __str__(self):
        return f"{self.get_visibility_display()} {self.created_at:%Y-%m-%d}"

    @property
    def standard_message(self) -> str:
        """The standard message for its code, or for its key event, in the active language."""
        message = VICTIM_MESSAGES.get(self.message_code or self.key_event)
        return str(message) if message else ""

    def officer_words(self) -> dict | None:
        """The officer's own words as written, with their language, its direction and the
        line saying who wrote them (in the active language); None without any."""
        if not self.body:
            return None
        return {
            "text": self.body,
            "language": self.body_language,
            "dir": text_direction(self.body_language),
            "written_by": written_by_officer(self.body_language),
        }

    def victim_parts(self) -> dict:
        """The one wording of an update for the victim, in the active language: the standard
        message, then any words the officer wrote, marked as theirs. The tracking page and
        the centre workspace both show this (templates/reporting/_victim_update_text.html),
        so the victim and the volunteer read the same words."""
        return {"standard": self.standard_message, "officer_words": self.officer_words()}

    def victim_parts_for_victim(self) -> dict:
        """victim_parts() in the report's language, whatever the page around it is in."""
        with translation.override(self.case.report.language):
            return self.victim_parts()

    def victim_text(self) -> str:
        """victim_parts() as plain text: the standard message, then the officer's words."""
        return "\n\n".join(part for part in (self.standard_message, self.body) if part)

    def text_for_victim(self) -> str:
        """victim_text() in the report's language, whatever the page around it is in."""
        with translation.override(self.case.report.language):
            return self.victim_text()
