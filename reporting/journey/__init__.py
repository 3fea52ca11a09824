"""The reporting journey: the steps and their conditions in one list (steps.py), the draft
that keeps every answer server-side until the report is sent (drafts.py, engine.py), what
the answers become (answers.py), and one set of views (views.py) serving each flow through
the questions (flows.py): the public journey (/<lang>/report/…) and the assisted journey a
volunteer runs at a centre (/centre/report/…, reporting/workspace/assisted.py).
"""

# The draft's cookie, for the pages outside the journey that read or clear it (the error
# pages, retention).
from .drafts import DRAFT_COOKIE, DRAFT_COOKIE_SALT, DRAFT_LIFETIME

__all__ = ["DRAFT_COOKIE", "DRAFT_COOKIE_SALT", "DRAFT_LIFETIME"]
