"""Print the current authenticator code of a demo account, so nobody needs a phone to try
the demo. The demo only, and demo accounts only."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

DEMO_DOMAIN = "demo.hatereport.test"


class Command(BaseCommand):
    help = "Print the current six-digit sign-in code of a demo account (the demo only)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("email", help=f"A demo account, such as spoc@{DEMO_DOMAIN}.")

    def handle(self, *args, email, **options):
        if not settings.DEMO:
            raise CommandError(
                "demo_code only runs in the demo (HATEREPORT_MODE=demo): it reads a second "
                "factor's secret. `make demo` sets it."
            )
        email = email.strip().lower()
        if not email.endswith(f"@{DEMO_DOMAIN}"):
            raise CommandError(f"Only demo accounts (…@{DEMO_DOMAIN}) have their codes printed.")
        device = TOTPDevice.objects.filter(user__email=email, confirmed=True).first()
        if device is None:
            raise CommandError(f"{email} has no authenticator. Has seed_demo been run?")
        code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
        seconds_left = device.step - int(time.time() - device.t0) % device.step
        self.stdout.write(f"{code:0{device.digits}d}")
        if options["verbosity"] >= 1:
            self.stderr.write(
                f"Valid for {seconds_left} more seconds. Each code signs in once: to sign in "
                "again, wait for the next one."
            )
