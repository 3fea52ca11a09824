"""Writes about centres and their people that span models or leave the process."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from . import roles
from .models import Membership, User


def add_centre_member(
    *,
    centre,
    name: str,
    email: str,
    role: str,
    added_by,
    accredited_on=None,
    training_expires_on=None,
) -> Membership:
    """Give a person a role at a centre, creating their account if they have none. The role
    waits for a second person's approval (centres/roles.py); `added_by` may not add themself.

    A new person gets no password: an invitation email (sent once the transaction commits)
    lets them choose one, then they set up their second factor at first sign-in. Adding
    someone who never chose a password sends the invitation again. An ended membership of
    the same role is started again rather than duplicated.
    """
    with transaction.atomic():
        user = User.objects.filter(email=email.lower()).first()
        if user is not None and user.pk == added_by.pk:
            raise roles.refusal("self_grant", "email")
        if user is None:
            user = User(email=email.lower(), name=name)
            user.set_unusable_password()
            user.save()
        membership = roles.grant_role(
            by=added_by,
            user=user,
            role=role,
            centre=centre,
            accredited_on=accredited_on,
            training_expires_on=training_expires_on,
        )
        if not user.has_usable_password():
            transaction.on_commit(lambda: send_invitation(user, centre=centre, by=added_by))
    return membership


def end_membership(membership: Membership, *, ended_on, by) -> None:
    """End a volunteer's or coordinator's role; from `ended_on` they no longer have it."""
    roles.end_grant(membership, by=by, ended_on=ended_on)


def invitation_url(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("staff:invitation", args=[uid, token])


def send_invitation(user, *, centre, by) -> None:
    """The email that lets a new volunteer choose a password. It names the centre and who
    added them, and holds a one-use link that expires (PASSWORD_RESET_TIMEOUT)."""
    context = {
        "user": user,
        "centre": centre,
        "by": by,
        "url": invitation_url(user),
        "days": settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60),
        "product_name": settings.PRODUCT_NAME,
    }
    send_mail(
        subject=render_to_string("centres/invitation.subject", context).strip(),
        message=render_to_string("centres/invitation.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
