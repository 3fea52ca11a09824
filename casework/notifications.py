"""The casework app's kinds of message, registered with the outbox (centres/notifications.py)
in CaseworkConfig.ready(): the victim's updates, and staff alerts that link to the case admin.

Every message to the police about cases is checked again when it is sent: a case whose
reporter has stopped sharing it with the police since the message was queued is left out, and
a message left about nothing is cancelled (NOT_SHARED) rather than sent. The victim's own
messages are not touched: withdrawing from the police does not stop the reporter hearing the
news they asked for.
"""

import datetime as dt

from centres.notifications import STAFF, VICTIM, Cancelled, MessageKind, admin_link, register
from reporting import access
from reporting.models import ReporterContact

from .models import Case, CaseUpdate, Escalation
from .read_marks import OPEN_STATUSES, unread_additions

# The reason a cancelled message shows in the outbox: short, and nothing personal.
NOT_SHARED = "no longer shared with the police"


def _case_link(context: dict) -> str:
    return admin_link("casework_case_change", context["case"]) if context.get("case") else ""


def _cases_link(context: dict) -> str:
    """One case: its page. Several: the case list, where the overdue filter finds them."""
    return _case_link(context) if context.get("case") else admin_link("casework_case_changelist")


def _daily_review_link(context: dict) -> str:
    return admin_link("casework_case_daily_review") + f"?area={context.get('area', '')}"


def _shared_now(case_ids) -> set[int]:
    """Those of the cases whose report is shared with the police now: one query."""
    ids = {int(pk) for pk in case_ids}
    if not ids:
        return set()
    return set(
        access.cases_shared_with_police(Case.objects.filter(pk__in=ids)).values_list(
            "pk", flat=True
        )
    )


def _only_shared_cases(context: dict, case_ids) -> set[int]:
    """The message's cases still shared with the police; Cancelled if there are none."""
    ids = {int(pk) for pk in case_ids}
    if context.get("case"):
        ids.add(int(context["case"]))
    shared = _shared_now(ids)
    if ids and not shared:
        raise Cancelled(NOT_SHARED)
    return shared


def _one_case_details(notification, user) -> dict:
    """A message about one case (opened, assigned, status, authorisation)."""
    _only_shared_cases(notification.context, [])
    return {}


def _victim_update_details(notification, contact) -> dict:
    """Say what the news is only when the victim's plan (as it is now) allows it, and then only
    in the standard, translated wording: an officer's free text might name someone."""
    if not contact.message_may_say_what:
        return {}
    update = CaseUpdate.objects.filter(pk=notification.context.get("update")).first()
    return {"what": update.standard_message if update else ""}


def _bsl_call_details(notification, user) -> dict:
    """The relay service to call through, read from the plan as it is now; a plan that no
    longer asks for a video call cancels the task. Nothing about the person."""
    _only_shared_cases(notification.context, [])
    contact = ReporterContact.objects.filter(report_id=notification.context.get("report")).first()
    instruction = contact.bsl_video_instruction() if contact else ""
    if not instruction:
        raise Cancelled("the plan no longer asks for a BSL video call")
    return {"instruction": instruction}


def _escalation_details(notification, user) -> dict:
    """Counts by kind and level in words, e.g. "Victim update overdue (Inspector): 3", of the
    cases still shared with the police. (A message that names one case links to it; that
    case withdrawn, the message is cancelled, so no link ever leads to a withdrawn case.)"""
    counts = notification.context.get("counts", {})
    by_kind = notification.context.get("cases")
    shared = _only_shared_cases(
        notification.context, [pk for ids in (by_kind or {}).values() for pk in ids]
    )
    if by_kind is not None:
        counts = {
            what: len(shared.intersection(ids))
            for what, ids in by_kind.items()
            if shared.intersection(ids)
        }
    kinds = dict(Escalation.Kind.choices)
    levels = dict(Escalation.Level.choices)
    lines = []
    for what, count in sorted(counts.items()):
        kind, _sep, level = what.partition(":")
        lines.append((f"{kinds.get(kind, kind)} ({levels.get(level, level)})", count))
    return {"escalations": lines}


def _due_soon_details(notification, user) -> dict:
    """How many of the message's clocks are on cases still shared with the police."""
    cases = notification.context.get("cases")
    shared = _only_shared_cases(notification.context, cases or [])
    if cases is None:
        return {}
    return {"total": len(shared)}


def _daily_review_details(notification, user) -> dict:
    """The counts again, as they are now, over the window the digest was queued for, so a case
    withdrawn since is not counted."""
    from .sweeps import daily_review_counts

    context = notification.context
    if not (context.get("since") and context.get("until") and context.get("area")):
        return {}
    area = int(context["area"])
    counts = daily_review_counts(
        [area],
        since=dt.datetime.fromisoformat(context["since"]),
        until=dt.datetime.fromisoformat(context["until"]),
    )
    return {**counts[area], "unread": unread_additions_for(user, area)}


def unread_additions_for(user, area_id: int) -> int:
    """What reporters added to the area's open cases that this SPOC has not read (on the case
    page), counted when the digest is sent: cases shared with the police now, one query."""
    cases = access.cases_shared_with_police(
        Case.objects.filter(area_id=area_id, status__in=OPEN_STATUSES)
    )
    return unread_additions(user, reports=cases.values("report_id")).count()


def _tension_link(context: dict) -> str:
    from django.urls import reverse

    from centres.notifications import absolute

    return absolute(reverse("casework:insights")) + "#tension"


def _tension_details(notification, user) -> dict:
    """Counts only: the area, the strand, the week, how many reports, how many expected."""
    from .models import TensionAlert

    alert = (
        TensionAlert.objects.filter(pk=notification.context.get("alert"))
        .select_related("area", "strand")
        .first()
    )
    if alert is None:
        raise Cancelled("alert no longer exists")
    return {
        "area": alert.area.name,
        "strand": alert.strand.name,
        "week": alert.week_start,
        "observed": alert.observed,
        "expected": round(alert.expected, 1),
        "upper": round(alert.upper_bound, 1),
    }


def register_kinds() -> None:
    register(MessageKind("victim_update", VICTIM, details=_victim_update_details))
    # The case is closed: five questions on the tracking page (casework/services/feedback.py).
    register(MessageKind("feedback_invitation", VICTIM))
    for name in (
        "case_opened",
        "case_assigned",
        "case_status_changed",
        "authorisation_requested",
        "authorisation_decided",
    ):
        register(MessageKind(name, STAFF, link=_case_link, details=_one_case_details))
    # The victim's plan asks for a BSL video call: a person makes it (services/victim.py).
    register(
        MessageKind("bsl_video_call_needed", STAFF, link=_case_link, details=_bsl_call_details)
    )
    register(MessageKind("clock_due_soon", STAFF, link=_cases_link, details=_due_soon_details))
    register(MessageKind("escalation", STAFF, link=_cases_link, details=_escalation_details))
    # A reporter asked for a report the police hold to be erased (casework/data_protection/).
    register(MessageKind("erasure_requested", STAFF, link=_case_link))
    register(
        MessageKind(
            "daily_review_digest", STAFF, link=_daily_review_link, details=_daily_review_details
        )
    )
    # The centre hears there is news for a report it logged; it reads it in its workspace.
    # Centres see their reports whatever the consent, so this is not checked against it.
    register(MessageKind("centre_victim_update", STAFF, link="workspace"))
    # Community tension (casework/services/tension.py): counts only, to the force's hate
    # crime leads and the area's SPOCs; the link opens insights at the alerts.
    register(MessageKind("tension_alert", STAFF, link=_tension_link, details=_tension_details))
