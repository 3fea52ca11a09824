"""The casework app's kinds of message, registered with the outbox (centres/notifications.py)
in CaseworkConfig.ready(): the victim's updates, and staff alerts that link to the case admin.
"""

from centres.notifications import STAFF, VICTIM, MessageKind, admin_link, register

from .models import CaseUpdate, Escalation


def _case_link(context: dict) -> str:
    return admin_link("casework_case_change", context["case"]) if context.get("case") else ""


def _cases_link(context: dict) -> str:
    """One case: its page. Several: the case list, where the overdue filter finds them."""
    return _case_link(context) if context.get("case") else admin_link("casework_case_changelist")


def _daily_review_link(context: dict) -> str:
    return admin_link("casework_case_daily_review") + f"?area={context.get('area', '')}"


def _victim_update_details(notification, contact) -> dict:
    """Say what the news is only when the victim's plan (as it is now) allows it, and then only
    in the standard, translated wording: an officer's free text might name someone."""
    if not contact.message_may_say_what:
        return {}
    update = CaseUpdate.objects.filter(pk=notification.context.get("update")).first()
    return {"what": update.standard_message if update else ""}


def _escalation_details(notification, user) -> dict:
    """Counts by kind and level in words, e.g. "Victim update overdue (Inspector): 3"."""
    kinds = dict(Escalation.Kind.choices)
    levels = dict(Escalation.Level.choices)
    lines = []
    for what, count in sorted(notification.context.get("counts", {}).items()):
        kind, _sep, level = what.partition(":")
        lines.append((f"{kinds.get(kind, kind)} ({levels.get(level, level)})", count))
    return {"escalations": lines}


def register_kinds() -> None:
    register(MessageKind("victim_update", VICTIM, details=_victim_update_details))
    for name in (
        "case_opened",
        "case_assigned",
        "case_status_changed",
        "authorisation_requested",
        "authorisation_decided",
    ):
        register(MessageKind(name, STAFF, link=_case_link))
    register(MessageKind("clock_due_soon", STAFF, link=_cases_link))
    register(MessageKind("escalation", STAFF, link=_cases_link, details=_escalation_details))
    register(MessageKind("daily_review_digest", STAFF, link=_daily_review_link))
    # The centre hears there is news for a report it logged; it reads it in its workspace.
    register(MessageKind("centre_victim_update", STAFF, link="workspace"))
