#!/bin/sh
# Makes the two database passwords docker-compose.yml reads as secrets, once, before the
# first `docker compose up` (README, "Database roles"): var/secrets/db_owner_password (the
# owner, used by `db` and `migrate` only) and var/secrets/db_app_password (web, worker, beat).
# An existing file is kept: the database already holds that password.
#
# var/secrets/ is yours alone (0700); the files in it are readable (0644) because the
# containers read them as their own users (postgres, and the app's uid 1000).
set -eu
cd "$(dirname "$0")/.."
mkdir -p var/secrets
chmod 700 var/secrets
for name in db_owner_password db_app_password; do
  file="var/secrets/$name"
  if [ ! -s "$file" ]; then
    # Hex only: nothing a connection string or a shell would need to escape.
    od -An -tx1 -N24 /dev/urandom | tr -d ' \n' > "$file"
    echo "made $file"
  else
    echo "kept $file"
  fi
  chmod 644 "$file"
done
