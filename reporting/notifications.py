"""The reporting app's kinds of message and links, registered with the outbox
(centres/notifications.py) in ReportingConfig.ready(), and the counts of reports the weekly
centre summary sends (centres/digests.py)."""

from django.db.models import Count, Q
from django.urls import reverse

from centres import digests
from centres.models import Centre
from centres.notifications import (
    SERVICE,
    STAFF,
    VICTIM,
    Cancelled,
    MessageKind,
    absolute,
    register,
    register_link,
)

from .models import SHARED_WITH_POLICE, Channels, Referral


def _acknowledgement_details(notification, contact) -> dict:
    return {"reference": contact.report.reference}


def _referral_details(notification, service) -> dict:
    """What a service needs to contact the person it is referred, as the rows are now: the
    ways and times the person said are safe, their language and needs, and the support they
    asked for. Never what happened."""
    referral = (
        Referral.objects.select_related("report", "report__contact")
        .filter(pk=notification.context.get("referral"), service=service)
        .first()
    )
    if referral is None:
        raise Cancelled("the referral no longer exists")
    report = referral.report
    contact = getattr(report, "contact", None)
    if contact is None:
        raise Cancelled("the reporter's contact details were removed")
    ways = [
        {"label": Channels(channel).label, "value": value}
        for channel, value in (
            (Channels.PHONE, contact.phone),
            (Channels.SMS, contact.phone),
            (Channels.EMAIL, contact.email),
            (Channels.BSL_VIDEO, contact.bsl_video_details()),
        )
        if contact.allows(channel)
    ]
    if not ways:
        raise Cancelled("the reporter's plan allows no contact the service can use")
    return {
        "reference": report.reference,
        "name": contact.name or "",
        "ways": ways,
        "contact": contact,
        "language_name": report.get_language_display(),
        "preferred_language": contact.get_preferred_language_display(),
        "support_needs": report.support_needs,
    }


def _workspace_link(context: dict) -> str:
    return absolute(reverse("workspace:home"))


def weekly_centre_counts(centre_ids, since, until) -> dict[int, dict[str, int]]:
    """For the weekly centre summary (centres/digests.py): the reports each centre logged in
    the week, and how many of them were shared with the police. Counts only."""
    window = Q(reports__submitted_at__gte=since, reports__submitted_at__lt=until)
    centres = Centre.objects.filter(pk__in=centre_ids).annotate(
        reports_logged=Count("reports", filter=window),
        reports_shared=Count("reports", filter=window & Q(reports__consent__in=SHARED_WITH_POLICE)),
    )
    return {
        centre.pk: {
            "reports_logged": centre.reports_logged,
            "reports_shared": centre.reports_shared,
        }
        for centre in centres
    }


def register_kinds() -> None:
    register(MessageKind("report_acknowledgement", VICTIM, details=_acknowledgement_details))
    # After a change of consent to share (reporting/consent.py): only that there is news.
    register(MessageKind("consent_changed", VICTIM))
    # A referral the reporter agreed to, to the support service (reporting/referrals.py).
    register(MessageKind("support_referral", SERVICE, details=_referral_details))
    # Schools (issue 19): a pupil's report told to the school with their consent, and news
    # from the police on a pupil's report; read in the workspace, nothing personal in the mail.
    register(MessageKind("school_told", STAFF, link="workspace"))
    register(MessageKind("school_news", STAFF, link="workspace"))
    # The centre workspace, where a centre's team reads what a message tells them of.
    register_link("workspace", _workspace_link)
    digests.register_weekly_counts(weekly_centre_counts)
