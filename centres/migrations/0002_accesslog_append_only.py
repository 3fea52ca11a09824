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


class Migration(migrations.Migration):
    # Written for PostgreSQL only (there is no other database: the SQLite branch this once had
    # is gone, with the same effect on PostgreSQL as before).
    dependencies = [("centres", "0001_initial")]
    operations = [migrations.RunSQL(POSTGRES_FORWARD, POSTGRES_BACKWARD, elidable=False)]
