"""Referrals the reporter agreed to: recorded, and delivered to the service through the outbox.

One write for every place a referral is made: the SPOC's case page
(casework.services.refer_to_service, for a report shared with the police with details) and a
support queue's team in the centre workspace (reporting/workspace/support.py). Each referral
queues one message of the kind "support_referral" to the service, by the channel the service
takes referrals by (`SupportService.referral_channel`; secure email now), in the same
transaction; the Notification row records its delivery (sent, delivered, failed), which the
case page, the workspace and the reporter's tracking page read.

The message carries what the service needs to contact the person safely (the details and the
plan the reporter gave for contact, their language and needs, what support they asked for),
rendered at send time from the rows (reporting/notifications.py), so details changed or
purged since are honoured; its subject says nothing personal. Never the incident itself.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from centres.models import Notification
from centres.outbox import queue_notification

from .models import Referral, Report
from .support import is_reachable

KIND = "support_referral"


def refer(*, report: Report, service, by, consent_given: bool) -> Referral:
    """Refer the reporter to `service` with their agreement, once per service, and queue its
    delivery. Raises ValidationError (field errors, in the staff's words) when it cannot."""
    if not consent_given:
        raise ValidationError(
            {"consent_given": _("Refer only when the person has agreed to it.")}, code="consent"
        )
    if not service.is_active:
        raise ValidationError({"service": _("This service no longer takes referrals.")})
    if not service.takes_referrals:
        raise ValidationError(
            {
                "service": _(
                    "This service does not take referrals through Hate Report. Give the person "
                    "its phone number or website instead."
                )
            },
            code="no_channel",
        )
    if not is_reachable(getattr(report, "contact", None)):
        raise ValidationError(
            _(
                "The person left no way to contact them, so a service cannot contact them "
                "either. Give them the service's phone number or website instead."
            ),
            code="unreachable",
        )
    with transaction.atomic():
        try:
            with transaction.atomic():
                referral = Referral.objects.create(
                    report=report, service=service, consent_given=True, made_by=by
                )
        except IntegrityError as exc:
            raise ValidationError(
                {"service": _("The person has already been referred to this service.")},
                code="duplicate",
            ) from exc
        referral.notification = queue_notification(
            key=f"{KIND}:{referral.pk}",
            kind=KIND,
            channel=Notification.Channel.EMAIL,
            recipient=service,
            language=settings.LANGUAGE_CODE,
            context={"referral": referral.pk},
        )
        referral.save(update_fields=["notification"])
    return referral
