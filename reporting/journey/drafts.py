"""Where a draft's key lives between requests, per flow.

Nothing typed is lost. Each page's raw answers are saved to the draft (ReportDraft,
encrypted: it can hold contact details) on every POST, valid or not, so they come back after
a validation error, the back button, a change of language or a timeout. The draft lasts a
day from the last answer.

The public journey keeps the key in a signed cookie of its own, not in the session: a
reporter's question pages then read no session row, so each costs at most three queries (the
draft, the page's choices, the saved answer; the location page finds its area in that same
UPDATE). The assisted journey keeps it in the volunteer's session, under a key of its own, so
a report logged for someone never mixes with one typed on the public site in that browser.
"""

import datetime
from dataclasses import dataclass
from functools import wraps

from django.conf import settings

DRAFT_COOKIE = "report_draft"
DRAFT_COOKIE_SALT = "reporting.journey.draft"
DRAFT_LIFETIME = datetime.timedelta(days=1)


class CookieKey:
    """The public journey's: read from the signed cookie; written by @keeps_draft."""

    def get(self, request) -> str | None:
        return request.get_signed_cookie(DRAFT_COOKIE, default=None, salt=DRAFT_COOKIE_SALT)

    def put(self, request, key: str) -> None:
        request._report_draft_key = key

    def forget(self, request) -> None:
        request._report_draft_key = ""


@dataclass(frozen=True)
class SessionKey:
    """The assisted journey's: a key in the signed-in volunteer's session."""

    name: str

    def get(self, request) -> str | None:
        return request.session.get(self.name)

    def put(self, request, key: str) -> None:
        request.session[self.name] = key

    def forget(self, request) -> None:
        request.session.pop(self.name, None)


def keeps_draft(view):
    """For the public journey's views: after the view, set (or delete) the cookie that holds
    the draft's key. Signed, HTTP only, and as secure as the session cookie."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        key = getattr(request, "_report_draft_key", None)
        if key:
            response.set_signed_cookie(
                DRAFT_COOKIE,
                key,
                salt=DRAFT_COOKIE_SALT,
                max_age=int(DRAFT_LIFETIME.total_seconds()),
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        elif key == "":
            response.delete_cookie(DRAFT_COOKIE, samesite="Lax")
        return response

    return wrapped
