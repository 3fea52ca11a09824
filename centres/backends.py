"""Model permissions come from a person's roles, in code, not from groups edited by hand.

Which rows a person sees is decided in reporting/access.py; this table only says which admin
pages and actions each role has at all.
"""

from django.contrib.auth.backends import ModelBackend

from .models import Role

_CASEWORK = [
    "casework.view_case",
    "casework.change_case",
    "casework.view_caseupdate",
    "casework.add_caseupdate",
    "casework.view_thriveassessment",
    "casework.add_thriveassessment",
    "casework.view_clock",
    "casework.view_escalation",
    "casework.view_outcome",
    "casework.add_outcome",
    "casework.view_authorisation",
    "casework.add_authorisation",
    "casework.view_outcometype",
    "casework.view_localoutcomecode",
    "reporting.view_report",
    "reporting.view_evidencefile",
    "reporting.view_referral",
    "reporting.add_referral",
    "centres.view_supportservice",
]

_REFERENCE_DATA = [
    f"{app}.{verb}_{model}"
    for app, model in [
        ("centres", "area"),
        ("centres", "areaplace"),
        ("centres", "strand"),
        ("centres", "centre"),
        ("centres", "awarenessactivity"),
        ("centres", "supportservice"),
        ("centres", "bslvideo"),
        ("centres", "user"),
        ("centres", "membership"),
        ("reporting", "incidenttype"),
        ("reporting", "placetype"),
        ("casework", "outcometype"),
        ("casework", "localoutcomecode"),
    ]
    for verb in ("view", "add", "change", "delete")
]

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.SPOC: frozenset(_CASEWORK),
    Role.OFFICER: frozenset(_CASEWORK),
    Role.INSPECTOR: frozenset([*_CASEWORK, "casework.change_authorisation"]),
    Role.ADMINISTRATOR: frozenset(
        [
            *_REFERENCE_DATA,
            "centres.view_accesslogentry",
            "centres.view_notification",
            "centres.change_notification",
        ]
    ),
    Role.VOLUNTEER: frozenset(),
    Role.COORDINATOR: frozenset(),
    Role.SAFEGUARDING_LEAD: frozenset(),
    Role.ANALYST: frozenset(),
    # Their pages are casework/data_protection's own, not the admin's.
    Role.DATA_PROTECTION_OFFICER: frozenset(),
}


class RoleBackend(ModelBackend):
    """Email and password sign-in; permissions from active memberships."""

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        # Only roles grant permissions: per-person and group permissions are never set (the
        # admin offers no way to), so asking the database for them would only cost two
        # queries on every admin request. Active superusers pass has_perm() before this.
        perms = set(super().get_all_permissions(user_obj, obj)) if user_obj.is_superuser else set()
        for role in user_obj.roles:
            perms |= ROLE_PERMISSIONS.get(role, frozenset())
        return perms
