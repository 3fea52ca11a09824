"""The access log cannot be wiped by the role the application runs as, on real PostgreSQL.

Each test makes a fresh login role in the test database's cluster, runs `grant_app_role` as
the owner (the test connection's role owns every table, as the migrate step's does), then
connects as that role and tries everything that would wipe or rewrite the log.
"""

import os
import re
import secrets
import shutil
import subprocess
import sys
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

import psycopg2
import pytest
import yaml
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.urls import reverse

from casework.models import Case
from centres.database_roles import access_log_wipers
from centres.models import AccessLogEntry, Notification, Role
from reporting.models import Report
from tests.conftest import member, sign_in
from tests.reporting.journey_steps import contact_answers, submit, walk

REPO = Path(__file__).resolve().parent.parent

# Every test that touches the database asks for `transactional_db` (or `app_role`, which
# does): the app role connects separately and sees only what was committed.

LOG = "centres_accesslogentry"  # AccessLogEntry._meta.db_table; the first test says so
INSUFFICIENT_PRIVILEGE = "42501"
WIPES = {
    "truncate": "TRUNCATE centres_accesslogentry",
    "drop table": "DROP TABLE centres_accesslogentry",
    "delete": "DELETE FROM centres_accesslogentry",
    "update": "UPDATE centres_accesslogentry SET detail = 'rewritten'",
    "disable trigger": (
        "ALTER TABLE centres_accesslogentry DISABLE TRIGGER centres_accesslog_no_update"
    ),
    "disable all triggers": "ALTER TABLE centres_accesslogentry DISABLE TRIGGER ALL",
    "drop trigger": "DROP TRIGGER centres_accesslog_no_update ON centres_accesslogentry",
    "replace trigger function": (
        "CREATE OR REPLACE FUNCTION centres_accesslog_refuse_change() RETURNS trigger AS "
        "$$ BEGIN RETURN OLD; END; $$ LANGUAGE plpgsql"
    ),
    "drop schema": "DROP SCHEMA public CASCADE",
    "rename table": "ALTER TABLE centres_accesslogentry RENAME TO old_log",
}


def execute(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


@contextmanager
def new_role(*options):
    name = f"hr_test_app_{secrets.token_hex(4)}"
    execute(f'CREATE ROLE "{name}" LOGIN {" ".join(options)}')
    try:
        yield name
    finally:
        # Also revokes its grants and default privileges here, so the role can go.
        execute(f'DROP OWNED BY "{name}"')
        execute(f'DROP ROLE "{name}"')


@pytest.fixture
def app_role(transactional_db):
    with new_role() as role:
        call_command("grant_app_role", role, stdout=StringIO(), stderr=StringIO())
        yield role


def connect_as(role):
    settings = connection.settings_dict
    return psycopg2.connect(
        dbname=settings["NAME"],
        user=role,
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
    )


@pytest.fixture
def as_app(app_role):
    """A connection to the test database as the app role, in autocommit."""
    app = connect_as(app_role)
    app.autocommit = True
    yield app.cursor()
    app.close()


@contextmanager
def django_connected_as(role):
    """Django's own connection as `role`, for a whole request cycle; the owner's again after."""
    owner = connection.settings_dict["USER"]
    connection.close()
    connection.settings_dict["USER"] = role
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["USER"] = owner


@pytest.fixture
def logged_entry(report_mix, spoc_a):
    return AccessLogEntry.objects.record(
        user=spoc_a, obj=report_mix.a_details, action="view", detail="before"
    )


def log_rows():
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, detail FROM centres_accesslogentry ORDER BY id")
        return cursor.fetchall()


# --- Refused to the app role ---------------------------------------------------------------


def test_the_table_tried_is_the_access_log():
    assert AccessLogEntry._meta.db_table == LOG


@pytest.mark.parametrize("attempt", sorted(WIPES))
def test_app_role_cannot_wipe_or_rewrite_the_access_log(as_app, logged_entry, attempt):
    before = log_rows()

    with pytest.raises(psycopg2.Error) as refused:
        as_app.execute(WIPES[attempt])

    assert refused.value.pgcode == INSUFFICIENT_PRIVILEGE, refused.value.pgerror
    assert log_rows() == before
    assert [str(logged_entry.pk)] == [str(row[0]) for row in before]


@pytest.mark.parametrize("attempt", sorted(WIPES))
def test_the_owner_could_do_each_of_them(transactional_db, attempt):
    # So each statement above is refused for want of privilege, not for being wrong; and
    # this is why the application never connects as the owner. Rolled back.
    with transaction.atomic():
        execute(WIPES[attempt])
        transaction.set_rollback(True)

    assert AccessLogEntry._meta.db_table in connection.introspection.table_names()


def test_app_role_has_nothing_that_could_wipe_the_log(app_role):
    with connection.cursor() as cursor:
        assert access_log_wipers(cursor, app_role) == []
        # The owner, by contrast, could: that is why the application never runs as it.
        assert access_log_wipers(cursor)


# --- Allowed to the app role --------------------------------------------------------------


def test_app_role_appends_to_and_reads_the_access_log(as_app, logged_entry):
    as_app.execute(
        "INSERT INTO centres_accesslogentry (id, at, action, object_type_id, object_id, "
        "object_label, detail, reason) SELECT gen_random_uuid(), now(), 'view', "
        "object_type_id, object_id, object_label, 'appended', '' FROM centres_accesslogentry "
        "WHERE id = %s",
        [str(logged_entry.pk)],
    )
    as_app.execute("SELECT detail FROM centres_accesslogentry ORDER BY detail")

    assert as_app.fetchall() == [("appended",), ("before",)]


def test_app_role_writes_ordinary_tables(as_app):
    as_app.execute(
        "INSERT INTO django_session (session_key, session_data, expire_date) "
        "VALUES ('probe', 'e30', now())"
    )
    as_app.execute("UPDATE django_session SET session_data = 'e31' WHERE session_key = 'probe'")
    as_app.execute("DELETE FROM django_session WHERE session_key = 'probe' RETURNING 1")

    assert as_app.fetchall() == [(1,)]


def test_app_role_reads_but_never_writes_the_migration_record(as_app):
    as_app.execute("SELECT count(*) FROM django_migrations")
    assert as_app.fetchone()[0] > 0

    with pytest.raises(psycopg2.Error) as refused:
        as_app.execute("DELETE FROM django_migrations")
    assert refused.value.pgcode == INSUFFICIENT_PRIVILEGE


def test_tables_created_after_the_grant_are_writable_by_the_app_role(as_app):
    # A later migration, run by the owner: covered by the default privileges.
    execute("CREATE TABLE hr_test_later_migration (id bigint GENERATED BY DEFAULT AS IDENTITY)")
    try:
        as_app.execute("INSERT INTO hr_test_later_migration DEFAULT VALUES RETURNING id")
        assert as_app.fetchone() == (1,)
    finally:
        execute("DROP TABLE hr_test_later_migration")


def current_user():
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        return cursor.fetchone()[0]


def test_a_whole_request_cycle_works_as_the_app_role(client, sparkbrook, app_role):
    spoc = member(Role.SPOC, area=sparkbrook, name="SPOC of Sparkbrook")

    with django_connected_as(app_role):
        assert current_user() == app_role
        walk(client, "en", contact_answers())
        sent = submit(client, "en")
        report = Report.objects.get()
        sign_in(client, spoc)
        case_list = client.get(reverse("admin:casework_case_changelist"))

    assert current_user() != app_role
    assert report.reference in sent.content.decode()
    assert report.contact.email == "amina@example.org"
    assert Case.objects.get(report=report).area == sparkbrook
    assert Notification.objects.filter(kind="report_acknowledgement").exists()
    assert report.reference in case_list.content.decode()
    # The SPOC's list view was logged, by the app role, through INSERT alone.
    assert AccessLogEntry.objects.about(report.case).filter(user=spoc).exists()


# --- The command ------------------------------------------------------------------------------


def grants_of(role):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, privilege_type FROM information_schema.role_table_grants "
            "WHERE grantee = %s ORDER BY 1, 2",
            [role],
        )
        return cursor.fetchall()


def test_grant_app_role_is_idempotent_and_exact_on_the_log(app_role):
    before = grants_of(app_role)

    out = StringIO()
    call_command("grant_app_role", app_role, stdout=out, stderr=StringIO())

    assert grants_of(app_role) == before
    assert {p for table, p in before if table == LOG} == {"SELECT", "INSERT"}
    assert {p for table, p in before if table == "reporting_report"} == {
        "SELECT",
        "INSERT",
        "UPDATE",
        "DELETE",
    }
    assert "the access log SELECT and INSERT only" in out.getvalue()


def test_grant_app_role_takes_back_what_was_granted_by_hand(app_role):
    execute(f'GRANT ALL ON {LOG} TO "{app_role}"')

    call_command("grant_app_role", app_role, stdout=StringIO(), stderr=StringIO())

    assert {p for table, p in grants_of(app_role) if table == LOG} == {"SELECT", "INSERT"}


def test_grant_app_role_refuses_a_role_that_does_not_exist(transactional_db):
    with pytest.raises(CommandError, match="There is no role"):
        call_command("grant_app_role", "hr_test_nobody_at_all")


def test_grant_app_role_refuses_a_superuser(transactional_db):
    with new_role("SUPERUSER") as role, pytest.raises(CommandError, match="superuser"):
        call_command("grant_app_role", role)


def test_grant_app_role_refuses_a_role_that_owns_a_table(transactional_db):
    with new_role() as role:
        execute("CREATE TABLE hr_test_owned (id int)")
        execute(f'ALTER TABLE hr_test_owned OWNER TO "{role}"')
        try:
            with pytest.raises(CommandError, match="owns 1 tables"):
                call_command("grant_app_role", role)
        finally:
            execute("DROP TABLE hr_test_owned")


def test_grant_app_role_refuses_a_role_that_inherits_the_owners_rights(transactional_db):
    with new_role() as role:
        owner = connection.settings_dict["USER"]
        execute(f'GRANT "{owner}" TO "{role}"')
        with pytest.raises(CommandError, match="member of the owner role"):
            call_command("grant_app_role", role)


def test_grant_app_role_refuses_while_the_append_only_trigger_is_off(transactional_db):
    with new_role() as role:
        execute(f"ALTER TABLE {LOG} DISABLE TRIGGER centres_accesslog_no_update")
        try:
            with pytest.raises(CommandError, match="missing or disabled"):
                call_command("grant_app_role", role)
        finally:
            execute(f"ALTER TABLE {LOG} ENABLE TRIGGER centres_accesslog_no_update")


def test_deploy_check_warns_when_the_app_runs_as_the_owner(transactional_db):
    from centres.database_roles import check_access_log_cannot_be_wiped

    [warning] = check_access_log_cannot_be_wiped(databases=["default"])

    assert warning.id == "centres.W001"
    assert "can wipe the access log" in warning.msg


def test_deploy_check_is_quiet_for_the_app_role(app_role):
    from centres.database_roles import check_access_log_cannot_be_wiped

    with django_connected_as(app_role):
        assert check_access_log_cannot_be_wiped(databases=["default"]) == []


# --- The role script the postgres container runs, and the password file ---------------------


def run_app_role_script(role, password_file):
    settings = connection.settings_dict
    return subprocess.run(  # noqa: S603 - our own script, with psql
        ["/bin/sh", str(REPO / "deploy" / "postgres" / "app-role.sh")],
        env={
            **os.environ,
            "PGHOST": settings["HOST"] or "",
            "PGPORT": str(settings["PORT"] or ""),
            "POSTGRES_USER": settings["USER"],
            "POSTGRES_DB": settings["NAME"],
            "APP_ROLE": role,
            "APP_ROLE_PASSWORD_FILE": str(password_file),
        },
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_app_role_script_makes_a_plain_login_and_runs_again(transactional_db, tmp_path):
    if not shutil.which("psql"):
        pytest.skip("needs psql: apt-get install postgresql-client")
    password = tmp_path / "db_app_password"
    password.write_text("0123456789abcdef\n")
    role = f"hr_test_app_{secrets.token_hex(4)}"
    try:
        for _twice in range(2):
            result = run_app_role_script(role, password)
            assert result.returncode == 0, result.stderr
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rolcanlogin, rolsuper, rolcreaterole, rolcreatedb, rolpassword IS NOT NULL"
                " FROM pg_authid WHERE rolname = %s",
                [role],
            )
            assert cursor.fetchone() == (True, False, False, False, True)
        call_command("grant_app_role", role, stdout=StringIO(), stderr=StringIO())
        with connection.cursor() as cursor:
            assert access_log_wipers(cursor, role) == []
    finally:
        execute(f'DROP OWNED BY "{role}"')
        execute(f'DROP ROLE IF EXISTS "{role}"')


READ_PASSWORD = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.DATABASES['default']['USER'], settings.DATABASES['default']['PASSWORD'])"
)


def settings_with(**env):
    return subprocess.run(  # noqa: S603 - our own interpreter and settings
        [sys.executable, "-c", READ_PASSWORD],
        cwd=REPO,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "hatereport.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_database_password_file_gives_the_password(tmp_path):
    secret = tmp_path / "db_app_password"
    secret.write_text("from-the-file\n")

    result = settings_with(
        DATABASE_URL="postgres://hatereport_app@db:5432/hatereport",
        DATABASE_PASSWORD_FILE=str(secret),
    )

    assert result.stdout.split() == ["hatereport_app", "from-the-file"], result.stderr


def test_database_password_file_missing_is_said_plainly(tmp_path):
    result = settings_with(DATABASE_PASSWORD_FILE=str(tmp_path / "nowhere"))

    assert result.returncode != 0
    assert "DATABASE_PASSWORD_FILE: cannot read" in result.stderr


# --- The compose stack runs migrate as the owner and the app as the app role ----------------

APP_SERVICES = ("web", "worker", "beat")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


def test_compose_migrates_as_the_owner_then_grants_the_app_role(compose):
    migrate = compose["services"]["migrate"]
    command = " ".join(migrate["command"].split())

    assert migrate["environment"]["DATABASE_URL"] == "postgres://hatereport@db:5432/hatereport"
    assert migrate["environment"]["DATABASE_PASSWORD_FILE"] == "/run/secrets/db_owner_password"
    assert migrate["secrets"] == ["db_owner_password"]
    assert command.index("manage.py migrate") < command.index("grant_app_role hatereport_app")
    assert compose["services"]["db"]["environment"]["POSTGRES_USER"] == "hatereport"


@pytest.mark.parametrize("name", APP_SERVICES)
def test_compose_runs_the_app_as_the_app_role_without_the_owners_password(compose, name):
    service = compose["services"][name]

    assert service["environment"]["DATABASE_URL"].startswith("postgres://hatereport_app@db:")
    assert service["environment"]["DATABASE_PASSWORD_FILE"] == "/run/secrets/db_app_password"
    assert service["secrets"] == ["db_app_password"]
    assert service["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_compose_database_makes_the_app_role_and_keeps_passwords_out_of_env_files(compose):
    db = compose["services"]["db"]
    env_example = (REPO / ".env.example").read_text()

    assert (
        "./deploy/postgres/app-role.sh:/docker-entrypoint-initdb.d/10-app-role.sh:ro"
        in (db["volumes"])
    )
    assert db["environment"]["APP_ROLE"] == "hatereport_app"
    assert set(db["secrets"]) == {"db_owner_password", "db_app_password"}
    assert compose["secrets"]["db_owner_password"]["file"].startswith("./var/secrets/")
    # `env_file: .env` reaches every service: no database password may be in it.
    assert not re.search(r"^\s*(DB_\w*|POSTGRES_|DATABASE_)PASSWORD", env_example, re.MULTILINE)
    assert "var/" in (REPO / ".gitignore").read_text().split()
    assert "var/" in (REPO / ".dockerignore").read_text().split()
