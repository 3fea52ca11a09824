#!/bin/sh
# The application's database role (README, "Database roles"; centres/database_roles.py).
#
# Run by the postgres image on a fresh data volume (/docker-entrypoint-initdb.d/), as the
# owner, with APP_ROLE and APP_ROLE_PASSWORD_FILE from docker-compose.yml. Safe to run again,
# for example on a volume created before the app had a role of its own:
#   docker compose exec db sh /docker-entrypoint-initdb.d/10-app-role.sh
# It only creates the role and sets its password; what the role may do is granted by
# `manage.py grant_app_role`, which the `migrate` service runs after every migration.
set -eu
: "${APP_ROLE:?}" "${APP_ROLE_PASSWORD_FILE:?}"
password=$(cat "$APP_ROLE_PASSWORD_FILE")
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-hatereport}" \
  --dbname "${POSTGRES_DB:-hatereport}" \
  --set app="$APP_ROLE" --set password="$password" <<'SQL'
SELECT format('CREATE ROLE %I', :'app')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app') \gexec
-- A login and nothing else: no superuser, no creating roles or databases, no replication, no
-- bypassing row security, and a member of no role (so it inherits no owner's rights).
SELECT format(
  'ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS '
  'PASSWORD %L', :'app', :'password') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), :'app') \gexec
-- Nobody but the owner creates tables (the default since PostgreSQL 15; said for older ones).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
