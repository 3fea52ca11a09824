"""Victim feedback: when a case first closes, the reporter is invited (through a channel their
safe-contact plan allows, at a time it allows, in their language) to answer five questions on
the tracking page, once, or to skip them. The answers are counted on insights, never shown one
by one (casework/insights/feedback.py)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centres.models import AccessLogEntry
from centres.outbox import queue_notification
from reporting import access

from ..models import FEEDBACK_QUESTIONS, Case, VictimFeedback
from .victim import victim_message_channel

REPORTER = "reporter"


def invite_to_feedback(*, case: Case, at=None) -> VictimFeedback:
    """Write the invitation once per case (a reopened case closing again is not asked again)
    and tell the reporter through their plan. Called by `Case.transition` in its transaction;
    with no channel allowed, the tracking page still offers the questions."""
    try:
        with transaction.atomic():
            feedback = VictimFeedback.objects.create(case=case, invited_at=at or timezone.now())
    except IntegrityError:
        return VictimFeedback.objects.get(case=case)
    report = case.report
    channel = victim_message_channel(report)
    if channel is not None:
        contact = report.contact
        queue_notification(
            key=f"feedback-invitation:{case.pk}",
            kind="feedback_invitation",
            channel=channel,
            recipient=contact,
            language=contact.preferred_language or report.language,
            context={"case": case.pk},  # an id only: the message never says what happened
        )
    return feedback


def open_feedback_for(report) -> VictimFeedback | None:
    """The invitation the reporter may still answer or skip, if there is one."""
    return (
        VictimFeedback.objects.filter(
            case__report=report, answered_at__isnull=True, skipped_at__isnull=True
        )
        .select_related("case")
        .first()
    )


def answer_feedback(*, report, answers: dict) -> VictimFeedback:
    """Record the answers, once: the row is locked, and one already answered or skipped is
    refused. `answers` maps question keys to 1-5 or None ("I'd rather not say")."""
    with transaction.atomic():
        feedback = _lock_open(report)
        for field in FEEDBACK_QUESTIONS:
            setattr(feedback, field, answers.get(field))
        feedback.answered_at = timezone.now()
        feedback.save(update_fields=[*FEEDBACK_QUESTIONS, "answered_at"])
        access.record(
            None, report, AccessLogEntry.Action.CREATE, detail=REPORTER, reason="feedback given"
        )
    return feedback


def skip_feedback(*, report) -> VictimFeedback:
    with transaction.atomic():
        feedback = _lock_open(report)
        feedback.skipped_at = timezone.now()
        feedback.save(update_fields=["skipped_at"])
        access.record(
            None, report, AccessLogEntry.Action.CHANGE, detail=REPORTER, reason="feedback skipped"
        )
    return feedback


def _lock_open(report) -> VictimFeedback:
    feedback = (
        VictimFeedback.objects.select_for_update()
        .filter(case__report=report, answered_at__isnull=True, skipped_at__isnull=True)
        .first()
    )
    if feedback is None:
        raise ValidationError(_("You have already answered these questions."), code="answered")
    return feedback
