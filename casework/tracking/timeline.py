"""What has happened to a report, in plain words, for the tracking page."""

from django.utils.translation import gettext_lazy as _

from centres.models import NotificationStatus
from reporting.models import SHARED_WITH_POLICE, Consent, Report

from ..models import Case, CaseStatus, CaseUpdate
from ..services.matching import handling_case


def timeline(report: Report, case: Case | None) -> list[dict]:
    """What has happened to the report, oldest first, in plain words (the page's language).

    Only victim-visible updates are read. Each entry: at (a datetime or None for what is
    still to come), title, and text; an update's entry has its words as `update`
    (CaseUpdate.victim_parts).
    """
    entries = [{"at": report.submitted_at, "title": _("We received your report"), "text": ""}]
    withdrawn = [
        change
        for change in report.consent_changes.all()
        if change.current == Consent.DO_NOT_SHARE and change.previous in SHARED_WITH_POLICE
    ]
    if case is not None:
        entries.append(
            {"at": case.opened_at, "title": _("We passed your report to the police"), "text": ""}
        )
        if case.triaged_at:
            entries.append(
                {
                    "at": case.triaged_at,
                    "title": _("The police are looking at your report"),
                    "text": "",
                }
            )
        for update in case.updates.filter(visibility=CaseUpdate.Visibility.VICTIM):
            # The standard message and the officer's own words, marked with their language.
            entries.append(
                {
                    "at": update.created_at,
                    "title": _("Update"),
                    "text": "",
                    "update": update.victim_parts(),
                }
            )
        if case.status == CaseStatus.CLOSED and case.closed_at:
            entries.append(
                {
                    "at": case.closed_at,
                    "title": _("The police have finished working on your report"),
                    "text": "",
                }
            )
    # Linked by the police to another case as the same incident: that case's updates reach
    # this reporter too (casework/services/matching.py).
    handling = handling_case(report)
    if handling is not None and handling != case:
        for update in handling.updates.filter(visibility=CaseUpdate.Visibility.VICTIM):
            entries.append(
                {
                    "at": update.created_at,
                    "title": _("Update"),
                    "text": "",
                    "update": update.victim_parts(),
                }
            )
    for change in report.consent_changes.all():
        title = _consent_change_title(change)
        if title:
            entries.append({"at": change.changed_at, "title": title, "text": ""})
    for addition in report.additions.all():
        entries.append({"at": addition.added_at, "title": _("You added information"), "text": ""})
    # Referrals the reporter agreed to: to whom, and when the outbox passed them on.
    passing = []
    for referral in report.referrals.select_related("service", "notification"):
        sent = referral.notification and referral.notification.sent_at
        if sent:
            title = _("We passed your details to %(service)s") % {"service": referral.service}
            entries.append({"at": sent, "title": title, "text": _REFERRAL_NEXT})
        elif referral.notification and referral.notification.status == NotificationStatus.PENDING:
            title = _("We are passing your details to %(service)s") % {"service": referral.service}
            passing.append({"at": None, "title": title, "text": _REFERRAL_NEXT})
    entries.sort(key=lambda entry: entry["at"])
    entries += passing
    if report.consent in SHARED_WITH_POLICE and case is None:
        entries.append(
            {"at": None, "title": _("We will pass your report to the police"), "text": ""}
        )
    elif report.consent == Consent.DO_NOT_SHARE and not withdrawn:
        entries.append(
            {
                "at": None,
                "title": _("You asked us not to pass your report to the police"),
                "text": _(
                    "We keep your report safely. It helps us understand what is happening in "
                    "your area, and you can still get support."
                ),
            }
        )
    return entries


_REFERRAL_NEXT = _(
    "You agreed to this. They will contact you, only in the ways and at the times you told us "
    "are safe."
)


def _consent_change_title(change):
    """The reporter's own words for a change of consent (whoever made it with them)."""
    if change.current == Consent.DO_NOT_SHARE and change.previous in SHARED_WITH_POLICE:
        return _("You asked us to stop sharing your report with the police")
    if change.previous == Consent.SHARE_ANONYMOUSLY and change.current in SHARED_WITH_POLICE:
        return _("You gave the police your contact details")
    if change.current in SHARED_WITH_POLICE:
        return _("You asked us to share your report with the police")
    return None
