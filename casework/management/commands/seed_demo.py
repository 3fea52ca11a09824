"""Build the demo (casework/demo/): areas, centres, support services, one person per role, and
about 300 synthetic reports over the last 18 months with the police casework that followed.

Only in the demo (HATEREPORT_MODE=demo): every demo account shares one published password.
The command refuses to run twice (the demo accounts already exist); `--if-empty` turns that
into a quiet skip, for `make demo`. To start again: `make clean`, then `make demo`.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from casework.demo import DEMO_PASSPHRASE, DEMO_PASSWORD, SUPERUSER_EMAIL
from casework.demo.seeder import current_accounts, seed_demo
from casework.models import (
    Authorisation,
    Case,
    CaseUpdate,
    Clock,
    Escalation,
    Outcome,
    TensionAlert,
)
from centres.models import Area, Centre, SupportService, User
from reporting.models import Referral, Report


class Command(BaseCommand):
    help = "Fill an empty development database with demo data (the demo only)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="If the demo data is already there, say so and stop, instead of failing.",
        )

    def handle(self, *args, if_empty=False, **options):
        if not settings.DEMO:
            raise CommandError(
                "seed_demo only runs in the demo (HATEREPORT_MODE=demo): the demo accounts "
                "share a published password. `make demo` sets it."
            )
        if User.objects.filter(email=SUPERUSER_EMAIL).exists():
            if if_empty:
                self.stdout.write("Demo data is already loaded; nothing changed.")
                self.write_accounts(current_accounts())
                return
            raise CommandError(
                "Demo data is already loaded. To start again, `make clean` (or drop the "
                "database), then `make demo`. Use --if-empty to skip quietly."
            )
        started = time.monotonic()
        demo = seed_demo()
        self.stdout.write(f"Demo data loaded in {time.monotonic() - started:.1f} s.")
        self.write_counts()
        self.write_accounts(demo.accounts)
        self.write_references(demo.sample_references())

    def write_counts(self):
        cases = Case.objects.all()
        rows = [
            ("areas", Area.objects.count()),
            ("reporting centres", Centre.objects.count()),
            ("support services", SupportService.objects.count()),
            ("people", User.objects.count()),
            ("reports", Report.objects.count()),
            ("  shared with police", Report.objects.shared_with_police().count()),
            ("cases", cases.count()),
            ("  open", cases.open().count()),
            ("  overdue", cases.overdue().count()),
            ("case updates", CaseUpdate.objects.count()),
            (
                "clocks running / overdue",
                f"{Clock.objects.running().count()} / {Clock.objects.overdue().count()}",
            ),
            ("open escalations", Escalation.objects.filter(resolved_at__isnull=True).count()),
            ("outcomes", Outcome.objects.count()),
            ("authorisations", Authorisation.objects.count()),
            ("referrals", Referral.objects.count()),
            ("community tension alerts", TensionAlert.objects.count()),
        ]
        for label, count in rows:
            self.stdout.write(f"  {label:<28} {count}")

    def write_accounts(self, accounts):
        self.stdout.write("")
        self.stdout.write(
            f"Sign in at /staff/sign-in/. Every demo account's password: {DEMO_PASSWORD}"
        )
        self.stdout.write("Second factor: one of the user's backup codes (each works once), or")
        self.stdout.write("`manage.py demo_code EMAIL` for the user's current authenticator code.")
        self.stdout.write("")
        width = max(len(email) for _label, email, _codes in accounts)
        self.stdout.write(f"  {'role':<26} {'email':<{width}}  backup codes")
        for label, email, codes in accounts:
            self.stdout.write(f"  {label:<26} {email:<{width}}  {' '.join(codes)}")

    def write_references(self, samples):
        self.stdout.write("")
        self.stdout.write(
            f"Every demo report's passphrase is: {DEMO_PASSPHRASE}. Try these on /en/track/:"
        )
        for reference, about in samples:
            self.stdout.write(f"  {reference}  {about}")
