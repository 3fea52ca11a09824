"""`manage.py grant_app_role <role>`: make <role> the application's database role.

Run as the owner role (the one that runs migrate), after every migrate: docker-compose.yml's
`migrate` service does. Idempotent. See centres/database_roles.py and README, "Database roles".
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from centres.database_roles import RoleRefused, access_log_wipers, grant_app_role


class Command(BaseCommand):
    help = (
        "Grant the application's database role what it needs and nothing more: every table "
        "read and written, the access log only read and appended to, nothing owned."
    )

    def add_arguments(self, parser):
        parser.add_argument("role", help="the role web, worker and beat connect as")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, role, database, **options):
        connection = connections[database]
        try:
            with transaction.atomic(using=database), connection.cursor() as cursor:
                done = grant_app_role(cursor, role, connection.ops.quote_name)
                wipers = access_log_wipers(cursor, role)
                if wipers:  # cannot happen after the grants above; never say "done" if it does
                    raise RoleRefused(f"{role} still {', '.join(wipers)}.")
        except RoleRefused as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{role}: SELECT, INSERT, UPDATE, DELETE on {done['tables']} tables and views, "
            f"USAGE on {done['sequences']} sequences; the access log SELECT and INSERT only; "
            "owns nothing; the same for tables created by later migrations."
        )
        if done["can_create"]:
            self.stderr.write(
                f"Warning: {role} may still CREATE in this schema (granted to PUBLIC). As the "
                "owner: REVOKE CREATE ON SCHEMA public FROM PUBLIC;"
            )
