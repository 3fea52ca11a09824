"""`manage.py access_log_fingerprint`: did anyone search for this?

The access log keeps a search term only as a keyed fingerprint (centres/access_logging.py).
A data protection officer types the term (it is read from the terminal without echo, so it
stays out of the shell history and the process list); this prints its fingerprint and every
entry that records a search for it. Run it where the application's SECRET_KEY is set.
"""

import getpass
import sys

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError

from centres.access_logging import search_fingerprint
from centres.models import AccessLogEntry


class Command(BaseCommand):
    help = "Find the access-log entries of searches for a term (asked for, never an argument)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=200, help="at most this many entries")

    def handle(self, *args, limit, **options):
        if sys.stdin.isatty():
            term = getpass.getpass("Search term (not shown): ")
        else:
            term = sys.stdin.readline()
        if not term.strip():
            raise CommandError("Give the term searched for.")
        mark = f"search #{search_fingerprint(term)} "
        self.stdout.write(f"Fingerprint: {mark.strip()}")
        # Every search writes one entry about the list (its subject a model's content type),
        # whatever it found; those are the searches themselves. A scan of the log: rare work.
        entries = (
            AccessLogEntry.objects.filter(
                object_type=ContentType.objects.get_for_model(ContentType), detail__contains=mark
            )
            .select_related("user")
            .order_by("-at")[:limit]
        )
        found = 0
        for entry in entries:
            found += 1
            who = entry.user or "the reporter"
            self.stdout.write(f"{entry.at:%Y-%m-%d %H:%M:%S} {who}: {entry.detail}")
        if not found:
            self.stdout.write("No search for it is logged.")
        else:
            self.stdout.write(f"{found} {'search' if found == 1 else 'searches'} found.")
