"""Role grants and the superuser: the one place a role is given, approved, refused, changed,
ended or removed, and where use of the superuser account is announced.

Every path that writes a membership (the admin's forms, inlines and actions, a coordinator's
team pages) calls these functions, and each checks, under a lock, the rules below; the forms
call the same checks first only to show the error beside the field.

- Nobody grants, changes, ends or removes a role of their own (a superuser included).
- Administrators (and the superuser) grant any role; a coordinator grants the centre roles of
  their own centre.
- A role in `Role.NEEDS_APPROVAL` gives nothing until a second person approves it: another
  administrator; for a police role an inspector of the area; for a centre role a coordinator
  of the centre. The approver is neither the grantee nor the granter. A change that widens a
  role (another role, scope or person, an earlier start, a later end) waits again.
  An administrator's role granted by a superuser takes effect at once: someone has to make
  the first administrators, the superuser can do everything already, and its every use is
  announced to the administrators.
- Every grant, approval, refusal, change, ending and removal is written to the access log:
  who (the entry's user), whom and what (the entry's label, "name — role (scope)", and its
  detail), when (its time).

The database keeps the two-person rule too (Membership's check constraints), and
`Membership.objects.active()` reads only approved rows, so reporting/access.py never sees a
grant that is waiting.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import AccessLogEntry, Approval, Membership, Role, User
from .outbox import queue_notification

Action = AccessLogEntry.Action

# The fields whose change alters what a membership gives, and those that only describe it.
_SCOPE = ("user_id", "role", "centre_id", "area_id")
_DATES = ("started_on", "ended_on", "accredited_on", "training_expires_on")

MESSAGES = {
    "self_grant": _("You cannot give yourself a role or change your own. Ask someone else to."),
    "not_allowed": _("You cannot give or change this role."),
    "self_approval": _(
        "You cannot approve a role you gave or one given to you. Someone else must approve it."
    ),
    "not_approver": _("You cannot approve or refuse this role."),
    "not_pending": _("This role is not waiting for approval."),
    "school_only": _("A designated safeguarding lead works at a school. Choose a school."),
}


def refusal(code: str, field: str | None = None) -> ValidationError:
    error = ValidationError(MESSAGES[code], code=code)
    return ValidationError({field: error}) if field else error


def _signed_in(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def _coordinated_centre_ids(user) -> set[int]:
    return {m.centre_id for m in user.active_memberships if m.role == Role.COORDINATOR}


def _inspected_area_ids(user) -> set[int]:
    return {m.area_id for m in user.active_memberships if m.role == Role.INSPECTOR}


# --- Who may do what --------------------------------------------------------------------------


def may_grant(user, role: str, *, centre_id=None) -> bool:
    """Whether `user` may give (or change, end, remove) `role` at all, to someone else."""
    if not _signed_in(user):
        return False
    if user.is_administrator:
        return True
    return role in Role.CENTRE_ROLES and centre_id in _coordinated_centre_ids(user)


def may_decide(user, membership: Membership) -> bool:
    """Whether `user` may approve or refuse this grant, leaving aside who made it."""
    if not _signed_in(user) or membership.user_id == user.pk:
        return False
    if user.is_administrator:
        return True
    if membership.role in Role.POLICE_ROLES:
        return membership.area_id in _inspected_area_ids(user)
    if membership.role in Role.CENTRE_ROLES:
        return membership.centre_id in _coordinated_centre_ids(user)
    return False


def grants_awaiting(user) -> QuerySet:
    """The grants waiting for `user` to approve: scoped to what they may approve, never their
    own and never one they made."""
    if not _signed_in(user):
        return Membership.objects.none()
    waiting = Membership.objects.pending().exclude(user=user).exclude(granted_by=user)
    if user.is_administrator:
        return waiting
    scope = Q(pk__in=[])
    if areas := _inspected_area_ids(user):
        scope |= Q(role__in=Role.POLICE_ROLES, area_id__in=areas)
    if centres := _coordinated_centre_ids(user):
        scope |= Q(role__in=Role.CENTRE_ROLES, centre_id__in=centres)
    return waiting.filter(scope)


def check_grant(membership: Membership, *, by, before: Membership | None = None) -> None:
    """Refuse (ValidationError) a grant or change `by` may not make. `before` is the row as
    saved, when `membership` changes one."""
    people = {membership.user_id, before.user_id if before else None}
    if _signed_in(by) and by.pk in people:
        raise refusal("self_grant")
    for row in (before, membership):
        if row is not None and not may_grant(by, row.role, centre_id=row.centre_id):
            raise refusal("not_allowed")
    if membership.role == Role.SAFEGUARDING_LEAD and not (
        membership.centre_id and membership.centre.is_school
    ):
        raise refusal("school_only")


def check_decision(membership: Membership, *, by, approving: bool) -> None:
    """Refuse (ValidationError) an approval or refusal `by` may not make."""
    if membership.approval != Approval.PENDING:
        raise refusal("not_pending")
    if _signed_in(by) and by.pk == membership.user_id:
        raise refusal("self_approval")
    if approving and by.pk == membership.granted_by_id:
        raise refusal("self_approval")
    if not may_decide(by, membership):
        raise refusal("not_approver")


# --- The writes -------------------------------------------------------------------------------


def grant_role(*, by, user: User, role: str, centre=None, area=None, **dates) -> Membership:
    """Give `user` a role (a grant waiting for approval where the role needs it). A role the
    person had before (ended or refused) is the same row, granted again."""
    membership = Membership.objects.filter(user=user, role=role, centre=centre, area=area).first()
    if membership is None:
        membership = Membership(user=user, role=role, centre=centre, area=area)
    for name, value in dates.items():
        setattr(membership, name, value)
    if membership.pk is not None and "started_on" not in dates and not _is_current(membership):
        membership.started_on = timezone.localdate()
    if membership.pk is not None and "ended_on" not in dates:
        membership.ended_on = None
    return save_grant(membership, by=by)


def _is_current(membership: Membership) -> bool:
    today = timezone.localdate()
    ended = membership.ended_on is not None and membership.ended_on <= today
    return membership.approval == Approval.APPROVED and not ended


def save_grant(membership: Membership, *, by) -> Membership:
    """Save a membership as `by` wrote it: a new grant, or a change to one. A change that gives
    more than was approved waits for approval again; an ending takes effect as set."""
    with transaction.atomic():
        before = None
        if membership.pk is not None:
            before = Membership.objects.select_for_update().filter(pk=membership.pk).first()
        check_grant(membership, by=by, before=before)
        now = timezone.now()
        widened = (
            before is None or before.approval == Approval.REFUSED or _widens(before, membership)
        )
        if not widened:
            # Where the grant stands is the database's, never what a caller's copy says.
            for name in ("approval", "granted_by_id", "granted_at", "decided_by_id", "decided_at"):
                setattr(membership, name, getattr(before, name))
        else:
            membership.granted_by, membership.granted_at = by, now
            membership.decided_by = None
            if _needs_second_person(membership, by):
                membership.approval, membership.decided_at = Approval.PENDING, None
            else:
                membership.approval, membership.decided_at = Approval.APPROVED, now
        membership.save()
        if before is None:
            _log(by, membership, Action.CREATE, "role granted")
        else:
            changes = _changes(before, membership)
            if changes or widened:
                verb = "role ended" if _only_ends(before, membership) else "role changed"
                _log(by, membership, Action.CHANGE, f"{verb} ({changes})")
    return membership


def end_grant(membership: Membership, *, by, ended_on) -> Membership:
    """End a role: from `ended_on` the person no longer has it."""
    membership.ended_on = ended_on
    return save_grant(membership, by=by)


def remove_grant(membership: Membership, *, by) -> None:
    """Delete a membership outright (the admin's delete), logged first."""
    with transaction.atomic():
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        check_grant(locked, by=by)
        _log(by, locked, Action.CHANGE, "role removed")
        locked.delete()


def approve_grant(membership: Membership, *, by) -> Membership:
    """A second person approves a grant: from now on it gives its role."""
    return _decide(membership, by=by, approval=Approval.APPROVED)


def refuse_grant(membership: Membership, *, by) -> Membership:
    """A grant is refused (or withdrawn by whoever made it): it never gives its role."""
    return _decide(membership, by=by, approval=Approval.REFUSED)


def _decide(membership: Membership, *, by, approval: str) -> Membership:
    with transaction.atomic():
        locked = (
            Membership.objects.select_for_update(of=("self",))
            .select_related("user", "centre", "area")
            .get(pk=membership.pk)
        )
        check_decision(locked, by=by, approving=approval == Approval.APPROVED)
        locked.approval, locked.decided_by, locked.decided_at = approval, by, timezone.now()
        locked.save(update_fields=["approval", "decided_by", "decided_at"])
        _log(by, locked, Action.CHANGE, f"role {approval}")
    return locked


def _needs_second_person(membership: Membership, by) -> bool:
    if membership.role not in Role.NEEDS_APPROVAL:
        return False
    # The first administrators are made by the superuser (see the module's docstring).
    return not (membership.role == Role.ADMINISTRATOR and by.is_superuser)


def _widens(before: Membership, after: Membership) -> bool:
    """Whether `after` gives anything `before` did not: another person, role or scope, or
    more days."""
    if any(getattr(before, f) != getattr(after, f) for f in _SCOPE):
        return True
    if after.started_on < before.started_on:
        return True
    return before.ended_on is not None and (
        after.ended_on is None or after.ended_on > before.ended_on
    )


def _only_ends(before: Membership, after: Membership) -> bool:
    return (
        after.ended_on is not None
        and (before.ended_on is None or after.ended_on < before.ended_on)
        and not _widens(before, after)
        and all(getattr(before, f) == getattr(after, f) for f in _DATES if f != "ended_on")
    )


def _changes(before: Membership, after: Membership) -> str:
    return ", ".join(
        f"{f.removesuffix('_id')} {getattr(before, f)} -> {getattr(after, f)}"
        for f in (*_SCOPE, *_DATES)
        if getattr(before, f) != getattr(after, f)
    )


def _log(by, membership: Membership, action: str, what: str) -> AccessLogEntry:
    """One entry: `by` is who; the label names whom and the role; the detail says what
    happened, to which person id, and where the grant stands."""
    scope = (
        f"centre {membership.centre_id}"
        if membership.centre_id
        else f"area {membership.area_id}"
        if membership.area_id
        else "no scope"
    )
    detail = (
        f"{what}: {membership.role}, {scope}, person {membership.user_id}; {membership.approval}"
    )
    return AccessLogEntry.objects.record(
        user=by if _signed_in(by) else None, obj=membership, action=action, detail=detail
    )


# --- The superuser ----------------------------------------------------------------------------

STAFF_LANGUAGE = "en"


def announce_superuser_sign_in(*, user: User) -> int:
    """The superuser account was signed into: log it, and tell every other active
    administrator when (nothing else). Returns the number of messages queued."""
    with transaction.atomic():
        entry = AccessLogEntry.objects.record(
            user=user, obj=user, action=Action.VIEW, detail="superuser signed in"
        )
        administrators = User.objects.filter(
            is_active=True,
            pk__in=Membership.objects.active().filter(role=Role.ADMINISTRATOR).values("user_id"),
        ).exclude(pk=user.pk)
        count = 0
        for administrator in administrators:
            queue_notification(
                key=f"superuser-used:{entry.pk}:{administrator.pk}",
                kind="superuser_used",
                channel="email",
                recipient=administrator,
                language=STAFF_LANGUAGE,
                context={"at": entry.at.isoformat()},
            )
            count += 1
    return count


def on_user_logged_in(sender, request, user, **kwargs) -> None:
    """Receiver of django.contrib.auth's user_logged_in (connected in CentresConfig.ready)."""
    if user.is_superuser:
        announce_superuser_sign_in(user=user)
