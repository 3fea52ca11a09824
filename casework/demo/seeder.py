"""The order the demo is built in, the random choices it shares, and what it prints.

One fixed random seed drives every choice, so the same reports and references come out each
time. Dates are relative to now, so case histories shift a little with the hour the seed runs.
The second-factor secrets are the exception: they come from the operating system's random
source, so a demo left running somewhere cannot be signed into from the source code alone.
"""

import random
from collections import defaultdict
from datetime import datetime, timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken

from reporting.models import REFERENCE_ALPHABET, Consent

from ..insights.rollup import refresh as refresh_insights
from ..models import CaseStatus
from ..services.tension import raise_tension_alerts
from ..sweeps import open_missing_cases, sweep_casework
from . import (
    SEED,
    cases,
    data_protection,
    directory,
    feedback,
    load,
    matching,
    reports,
    retention,
    schools,
    tension,
)


def seed_demo(*, now: datetime | None = None) -> "Demo":
    """Build the whole demo in one transaction, then run the casework sweep once, as the
    beat schedule would have: it raises the escalations for whatever is late by now."""
    call_command("load_reference_data", verbosity=0)
    # Not for secrets: one fixed seed makes the same demo every time.
    demo = Demo(random.Random(SEED), now=now or timezone.now())  # noqa: S311
    with transaction.atomic():
        directory.create_places(demo)
        directory.create_centres(demo)
        directory.create_support_services(demo)
        directory.create_demo_accounts(demo)
        directory.create_background_staff(demo)
        directory.create_support_hubs(demo)
        directory.approve_memberships(demo)
        reports.create_reports(demo)
        reports.route_support_requests(demo)
        cases.create_cases(demo)
        feedback.create_feedback(demo)
        reports.create_referrals(demo)
        schools.create_school(demo)
        matching.create_examples(demo)
        data_protection.create_examples(demo)
        retention.create_examples(demo)
        tension.create_spike(demo)
    open_missing_cases(now=demo.now)
    demo.sweep = sweep_casework(now=demo.now)
    # The insights figures, as the beat's hourly refresh would have them, and the nightly
    # community-tension check.
    refresh_insights(now=demo.now)
    demo.tension_alerts = raise_tension_alerts(today=demo.today)
    return demo


class Demo:
    """What the demo is being built from and what has been built so far."""

    def __init__(self, rng: random.Random, *, now: datetime):
        self.rng = rng
        self.now = now
        self.today = timezone.localdate(now)
        self.languages = [code for code, _name in settings.LANGUAGES]
        self.references: set[str] = set()
        self.showcase: dict[str, dict] = {}  # reference -> the state its case is put in
        self.accounts: list[tuple[str, str, list[str]]] = []
        self.sweep = None
        self.tension_alerts = []

    # --- random choices -------------------------------------------------------------------

    def pick(self, weights: dict):
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def hours(self, low: float, high: float) -> timedelta:
        return timedelta(hours=self.rng.uniform(low, high))

    def days(self, low: float, high: float) -> timedelta:
        return timedelta(days=self.rng.uniform(low, high))

    def new_reference(self) -> str:
        while True:
            chars = "".join(self.rng.choice(REFERENCE_ALPHABET) for _ in range(8))
            reference = f"HR-{chars[:4]}-{chars[4:]}"
            if reference not in self.references:
                self.references.add(reference)
                return reference

    def translated(self, field: str, texts: dict) -> dict:
        return {f"{field}_{code}": texts.get(code, texts["en"]) for code in self.languages}

    # --- the summary ----------------------------------------------------------------------

    def sample_references(self) -> list[tuple[str, str]]:
        """A handful of reports worth looking up on the tracking page."""
        by_status = defaultdict(list)
        for case in self.cases:
            by_status[case.status].append(case)
        samples = []
        for status, about in [
            (CaseStatus.NEW, "just reported, not looked at yet"),
            (CaseStatus.INVESTIGATING, "being investigated"),
            (CaseStatus.AWAITING_DECISION, "waiting for a decision"),
            (CaseStatus.CLOSED, "finished: its reporter can answer the five feedback questions"),
        ]:
            if by_status[status]:
                samples.append((by_status[status][0].report.reference, about))
        unshared = next(r for r in self.reports if r.consent == Consent.DO_NOT_SHARE)
        samples.append((unshared.reference, "support only, not shared with the police"))
        taken = {reference for reference, _about in samples}
        urdu = next(
            (r for r in self.reports if r.language == "ur" and r.reference not in taken), None
        )
        if urdu is not None:
            samples.append((urdu.reference, "reported in Urdu"))
        # Same incident, same person (casework/demo/matching.py).
        samples += getattr(self, "matching_samples", [])
        return samples


def current_accounts() -> list[tuple[str, str, list[str]]]:
    """The demo accounts as they are now, with the backup codes not used yet."""
    people = load("people")
    accounts = []
    for account in people["accounts"] + load("schools")["accounts"]:
        email = f"{account['local']}@{people['domain']}"
        codes = StaticToken.objects.filter(
            device__user__email=email, device__name="Backup codes"
        ).values_list("token", flat=True)
        accounts.append((account["label"], email, list(codes)))
    return accounts
