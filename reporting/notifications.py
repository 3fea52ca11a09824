"""The reporting app's kinds of message and links, registered with the outbox
(centres/notifications.py) in ReportingConfig.ready()."""

from django.urls import reverse

from centres.notifications import VICTIM, MessageKind, absolute, register, register_link


def _acknowledgement_details(notification, contact) -> dict:
    return {"reference": contact.report.reference}


def _workspace_link(context: dict) -> str:
    return absolute(reverse("workspace:home"))


def register_kinds() -> None:
    register(MessageKind("report_acknowledgement", VICTIM, details=_acknowledgement_details))
    # The centre workspace, where a centre's team reads what a message tells them of.
    register_link("workspace", _workspace_link)
