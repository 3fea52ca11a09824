"""The access log is append-only: the database refuses UPDATE and DELETE on it, so neither the
application nor a stray admin action can rewrite who saw what (DPA 2018 s.62). TRUNCATE
is left to the database owner: the application never issues it, and test databases are
emptied with it."""

from django.db import migrations

POSTGRES_FORWARD = """
CREATE OR REPLACE FUNCTION centres_accesslog_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the access log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER centres_accesslog_no_update BEFORE UPDATE OR DELETE ON centres_accesslogentry
    FOR EACH ROW EXECUTE FUNCTION centres_accesslog_refuse_change();
"""
POSTGRES_BACKWARD = """
DROP TRIGGER IF EXISTS centres_accesslog_no_update ON centres_accesslogentry;
DROP FUNCTION IF EXISTS centres_accesslog_refuse_change();
"""
SQLITE_FORWARD = [
    """CREATE TRIGGER centres_accesslog_no_update BEFORE UPDATE ON centres_accesslogentry
       BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;""",
    """CREATE TRIGGER centres_accesslog_no_delete BEFORE DELETE ON centres_accesslogentry
       BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS centres_accesslog_no_update;",
    "DROP TRIGGER IF EXISTS centres_accesslog_no_delete;",
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD)
    elif vendor == "sqlite":
        for statement in SQLITE_FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_BACKWARD)
    elif vendor == "sqlite":
        for statement in SQLITE_BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("centres", "0001_initial")]
    operations = [migrations.RunPython(forward, backward, elidable=False)]
