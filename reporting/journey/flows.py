"""A flow: one way through the journey's steps, served by the one set of views in views.py.

The public journey (public.py) and the assisted journey a volunteer runs at a centre
(reporting/workspace/assisted.py) are two flows of the same steps, views and templates. What
differs is said by the flow: its URLs, where its draft's key lives, the language its questions
are read in, who may use it and how often (its evidence uploads too), and how its report is
sent.
"""

from dataclasses import dataclass
from functools import wraps

from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ..evidence.bounds import Uploader, client_uploader
from .drafts import CookieKey, SessionKey
from .steps import QUESTION


@dataclass(frozen=True)
class Flow:
    # The URL namespace of the flow's pages, and their names' prefix: {prefix}_step (a
    # question, by slug), {prefix}_evidence and {prefix}_check.
    namespace: str
    prefix: str
    # Where "Back" leads from the first question.
    before_first: str
    draft_key: CookieKey | SessionKey
    # The template the flow's pages extend, and its own templates where a page differs.
    layout: str
    check_template: str = "reporting/journey/check.html"

    def url(self, page: str, *args) -> str:
        return reverse(f"{self.namespace}:{self.prefix}_{page}", args=args)

    def url_for(self, step, *, change=False) -> str:
        """The page that shows `step` in this flow; with ?change=1 when changing an answer."""
        url = self.url(step.page, step.slug) if step.page == QUESTION else self.url(step.page)
        return f"{url}?change=1" if change else url

    def before_first_url(self) -> str:
        return reverse(f"{self.namespace}:{self.before_first}")

    def page(self, view, *, sends=False):
        """`view` (request, flow, …) as one of this flow's pages: never cached (a shared
        device's back button must not show someone's answers), GET and POST only, behind
        the flow's guard."""

        @wraps(view)
        def flow_view(request, *args, **kwargs):
            return view(request, self, *args, **kwargs)

        return never_cache(require_http_methods(["GET", "POST"])(self.guard(flow_view, sends)))

    # --- What each flow decides for itself (the public journey's answers here) ---------------

    def guard(self, view, sends: bool):
        """Who may use the flow's pages, and how often; `sends`: the page that sends."""
        return view

    def uploader(self, request) -> Uploader:
        """Whose evidence uploads count together against the bounds before a report exists:
        the client's address."""
        return client_uploader(request)

    def state(self, request) -> dict | None:
        """What the flow needs before its questions; None sends the person to start_url."""
        return {}

    def start_url(self) -> str:
        return self.before_first_url()

    def given(self, request) -> dict:
        """What the flow knows without asking, which the steps' conditions read beside the
        answers (as answers["given"]; never kept in the draft): nothing, publicly."""
        return {}

    def questions_language(self, state: dict) -> str:
        """The language the questions are read in: the page's own."""
        return get_language()

    def context(self, request, state: dict) -> dict:
        """What the flow's layout shows around every page."""
        return {}

    def check_forms(self, request, known) -> dict:
        """The check page's forms: "form" and "choice" (the passphrase choice), which may be
        one form. `known`: what the reporter told us about themself."""
        raise NotImplementedError

    def channel(self, journey) -> str:
        """The report's channel, recorded automatically."""
        raise NotImplementedError

    def send(self, request, journey, state, forms):
        """Submit the report from valid check forms, and answer with the confirmation."""
        raise NotImplementedError

    def confirm(self, request, journey, state, report, *, passphrase, chosen):
        """The confirmation of a report sent: its reference and `passphrase` (shown once, when
        we made it; never when `chosen`), with the draft gone."""
        raise NotImplementedError
