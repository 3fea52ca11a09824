"""Areas, reporting centres, support services, strands and the people who work with them.

This app is the bottom of the dependency arrow (casework -> reporting -> centres), so it also
holds what every other app shares: the strands of hostility, the notification outbox and the
access log. One module per concern; every name is importable from `centres.models`.
"""

from .access_log import AccessAction, AccessLogEntry, AccessLogQuerySet
from .bsl import BslPage, BslVideo, BslVideoQuerySet
from .directory import (
    ACCESSIBILITY_FEATURES,
    COMMUNITY_LANGUAGES,
    RTL_COMMUNITY_LANGUAGES,
    ActivityKind,
    AwarenessActivity,
    Centre,
    CentreKind,
    CentreQuerySet,
    ReferralChannel,
    SupportService,
    SupportServiceQuerySet,
    language_is_rtl,
    spoken_language_choices,
    text_direction,
)
from .notification import Notification, NotificationQuerySet, NotificationStatus
from .people import Approval, Membership, MembershipQuerySet, PendingGrant, Role, User, UserManager
from .places import POSTCODE_RE, Area, AreaPlace, AreaQuerySet, PlaceKind, postcode_district
from .strands import Strand, StrandKind

__all__ = [
    "ACCESSIBILITY_FEATURES",
    "COMMUNITY_LANGUAGES",
    "POSTCODE_RE",
    "RTL_COMMUNITY_LANGUAGES",
    "AccessAction",
    "AccessLogEntry",
    "AccessLogQuerySet",
    "ActivityKind",
    "Approval",
    "Area",
    "AreaPlace",
    "AreaQuerySet",
    "AwarenessActivity",
    "BslPage",
    "BslVideo",
    "BslVideoQuerySet",
    "Centre",
    "CentreKind",
    "CentreQuerySet",
    "Membership",
    "MembershipQuerySet",
    "Notification",
    "NotificationQuerySet",
    "NotificationStatus",
    "PendingGrant",
    "PlaceKind",
    "ReferralChannel",
    "Role",
    "Strand",
    "StrandKind",
    "SupportService",
    "SupportServiceQuerySet",
    "User",
    "UserManager",
    "language_is_rtl",
    "postcode_district",
    "spoken_language_choices",
    "text_direction",
]
