"""What every casework service does: lock the case, record the change in the access log, tell
staff through the outbox."""

from django.conf import settings

from centres.models import AccessLogEntry, User
from centres.outbox import queue_notification
from reporting import access

from ..models import Case

STAFF_LANGUAGE = settings.LANGUAGE_CODE


def lock_case(case: Case) -> Case:
    return Case.objects.select_for_update().select_related("report", "area").get(pk=case.pk)


def log_change(
    by, case: Case, detail: str, *, reason: str = "", action=AccessLogEntry.Action.CHANGE
):
    access.record(by, case, action, detail=detail, reason=reason)


def notify_staff(*, key: str, kind: str, user: User, context: dict) -> None:
    queue_notification(
        key=key,
        kind=kind,
        channel="email",
        recipient=user,
        language=STAFF_LANGUAGE,
        context=context,
    )
