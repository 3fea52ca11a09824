"""Two database roles, so that the running application cannot wipe the access log.

- The OWNER role runs `manage.py migrate` and owns every table. Only the migrate step (the
  compose `migrate` service, a deploy job) holds its password.
- The APP role is what web, worker and beat connect as. It owns nothing; it may SELECT,
  INSERT, UPDATE and DELETE in every table and use the sequences, but on the access log only
  SELECT and INSERT. So TRUNCATE, DROP, DELETE, UPDATE and ALTER TABLE ... DISABLE TRIGGER on
  the log are refused to it by PostgreSQL itself, whatever the code (or an attacker running
  SQL through it) tries; the append-only trigger is then a second wall, not the only one.

`grant_app_role` (the management command) applies this after every migrate, as the owner, and
ALTER DEFAULT PRIVILEGES covers the tables later migrations create. The demo's embedded
database keeps one role: it holds synthetic data only.
"""

import re

from django.core import checks
from django.db import connections

from .models import AccessLogEntry

ROLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")
APP_TABLE_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"
ACCESS_LOG_PRIVILEGES = "SELECT, INSERT"
# Read by `migrate --check` and `showmigrations`; written only by migrate, as the owner.
MIGRATIONS_TABLE = "django_migrations"
# What the access log must refuse to the app role (TRUNCATE is never granted; DROP and
# ALTER TABLE need ownership, which it never has).
WIPING_PRIVILEGES = ("UPDATE", "DELETE", "TRUNCATE", "TRIGGER", "REFERENCES")
APPEND_ONLY_TRIGGER = "centres_accesslog_no_update"


class RoleRefused(Exception):
    """The role cannot be made the application's role; the message says why and what to do."""


def _one(cursor, sql, params=()):
    cursor.execute(sql, params)
    return cursor.fetchone()


def check_app_role(cursor, role: str) -> None:
    """Raise RoleRefused unless `role` can safely be the application's role here."""
    if not ROLE_NAME.fullmatch(role):
        raise RoleRefused(f"{role!r} is not a plain role name (letters, digits, underscores).")
    found = _one(cursor, "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = %s", [role])
    if found is None:
        raise RoleRefused(
            f"There is no role {role!r}. Create it first (as a superuser, or a role with "
            f"CREATEROLE): CREATE ROLE {role} LOGIN PASSWORD '...';"
        )
    if found[0] or found[1]:
        raise RoleRefused(f"{role!r} is a superuser or bypasses row security: grants mean nothing.")
    if _one(cursor, "SELECT current_user = %s", [role])[0]:
        raise RoleRefused(
            "Run this as the owner role (the one that runs migrate), naming the app's role."
        )
    if _one(cursor, "SELECT pg_has_role(%s, current_user, 'MEMBER')", [role])[0]:
        raise RoleRefused(
            f"{role!r} is a member of the owner role {_current_user(cursor)!r}, so it has the "
            f"owner's rights: REVOKE {_current_user(cursor)} FROM {role};"
        )
    if _one(
        cursor,
        """
        SELECT pg_has_role(%s, n.nspowner, 'USAGE') OR pg_has_role(%s, d.datdba, 'USAGE')
        FROM pg_namespace n, pg_database d
        WHERE n.nspname = current_schema() AND d.datname = current_database()
        """,
        [role, role],
    )[0]:
        raise RoleRefused(
            f"{role!r} owns this database or its schema, and so could drop the schema with "
            f"every table in it. Make the owner role own both: ALTER DATABASE ... OWNER TO "
            f"{_current_user(cursor)}; ALTER SCHEMA ... OWNER TO {_current_user(cursor)};"
        )
    owned = _one(
        cursor,
        """
        SELECT count(*) FROM pg_class c
        JOIN pg_roles r ON r.oid = c.relowner
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE r.rolname = %s AND n.nspname = current_schema()
        """,
        [role],
    )[0]
    if owned:
        raise RoleRefused(
            f"{role!r} owns {owned} tables, sequences or indexes here, and an owner can do "
            f"anything to them. As the owner: REASSIGN OWNED BY {role} TO "
            f"{_current_user(cursor)};"
        )
    table = AccessLogEntry._meta.db_table
    trigger = _one(
        cursor,
        "SELECT tgenabled FROM pg_trigger WHERE tgname = %s AND tgrelid = %s::regclass",
        [APPEND_ONLY_TRIGGER, table],
    )
    if trigger is None or trigger[0] == "D":
        raise RoleRefused(
            f"The access log's append-only trigger {APPEND_ONLY_TRIGGER} is missing or "
            f"disabled: ALTER TABLE {table} ENABLE TRIGGER {APPEND_ONLY_TRIGGER};"
        )


def _current_user(cursor) -> str:
    return _one(cursor, "SELECT current_user")[0]


def grant_app_role(cursor, role: str, quote) -> dict:
    """Grant `role` what the application needs and nothing more, in the current schema.
    Idempotent: it first revokes everything the role holds on tables and sequences here.
    `quote` quotes an identifier (connection.ops.quote_name)."""
    check_app_role(cursor, role)
    schema = quote(_one(cursor, "SELECT current_schema()")[0])
    who = quote(role)
    log = quote(AccessLogEntry._meta.db_table)
    statements = [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {who}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {who}",
        f"REVOKE CREATE ON SCHEMA {schema} FROM {who}",
        f"GRANT USAGE ON SCHEMA {schema} TO {who}",
        f"GRANT {APP_TABLE_PRIVILEGES} ON ALL TABLES IN SCHEMA {schema} TO {who}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {who}",
        f"REVOKE ALL ON {log} FROM {who}",
        f"GRANT {ACCESS_LOG_PRIVILEGES} ON {log} TO {who}",
        f"REVOKE ALL ON {quote(MIGRATIONS_TABLE)} FROM {who}",
        f"GRANT SELECT ON {quote(MIGRATIONS_TABLE)} TO {who}",
        # Tables and sequences this role (the owner) creates from now on, in later migrations.
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} "
        f"GRANT {APP_TABLE_PRIVILEGES} ON TABLES TO {who}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO {who}",
    ]
    for statement in statements:
        cursor.execute(statement)
    counts = _one(
        cursor,
        """
        SELECT count(*) FILTER (WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')),
               count(*) FILTER (WHERE c.relkind = 'S')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema()
        """,
    )
    return {
        "tables": counts[0],
        "sequences": counts[1],
        "can_create": _one(
            cursor, "SELECT has_schema_privilege(%s, current_schema(), 'CREATE')", [role]
        )[0],
    }


def access_log_wipers(cursor, role: str | None = None) -> list[str]:
    """What `role` (the connected role by default) could do to wipe the access log."""
    role = role or _current_user(cursor)
    table = AccessLogEntry._meta.db_table
    found = []
    superuser, owner, schema_owner = _one(
        cursor,
        """
        SELECT r.rolsuper, pg_has_role(r.rolname, c.relowner, 'USAGE'),
               pg_has_role(r.rolname, n.nspowner, 'USAGE')
        FROM pg_roles r, pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE r.rolname = %s AND c.oid = %s::regclass
        """,
        [role, table],
    )
    if superuser:
        found.append("is a superuser")
    if owner:
        found.append("owns the table (TRUNCATE, DROP, DISABLE TRIGGER)")
    if schema_owner:
        found.append("owns its schema (DROP SCHEMA ... CASCADE)")
    for privilege in WIPING_PRIVILEGES:
        if _one(cursor, "SELECT has_table_privilege(%s, %s, %s)", [role, table, privilege])[0]:
            found.append(f"has {privilege}")
    return found


@checks.register(checks.Tags.database, deploy=True)
def check_access_log_cannot_be_wiped(app_configs=None, databases=None, **kwargs):
    """`manage.py check --deploy --database default`: warns when the application's own
    database role could wipe the access log (one role for everything)."""
    if not databases or "default" not in databases:
        return []
    with connections["default"].cursor() as cursor:
        wipers = access_log_wipers(cursor)
    if not wipers:
        return []
    return [
        checks.Warning(
            f"The database role the application runs as {', '.join(wipers)}: it can wipe "
            "the access log.",
            hint="Run migrate as an owner role and the application as a role that owns "
            "nothing, then `manage.py grant_app_role <role>` (README, 'Database roles').",
            id="centres.W001",
        )
    ]
