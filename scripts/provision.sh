#!/usr/bin/env bash
# What `pnpm test` needs besides node_modules, checked before every run (it is
# quick when everything is there) and called by .ci/run:
#   - Debian's Chromium at /usr/bin/chromium (end-to-end tests, the HTML-export XSS test)
#   - redis-server on the PATH (the multi-server tests start private ones)
#   - psql, and Postgres on 127.0.0.1:5432 where the role `root` may log in
#     without a password and create databases, with a database `test`
#   - root, for the disk-fault test's tmpfs mount (said here, checked by the test)
# As root on Debian it installs and starts what is missing. Anywhere else it
# stops at once and prints the exact commands to run.
#
# The test suite reaches Postgres as HINDSIGHT_TEST_PG_USER (default root) on
# HINDSIGHT_TEST_PG_HOST:HINDSIGHT_TEST_PG_PORT (default 127.0.0.1:5432).
set -euo pipefail

PG_HOST="${HINDSIGHT_TEST_PG_HOST:-127.0.0.1}"
PG_PORT="${HINDSIGHT_TEST_PG_PORT:-5432}"
PG_USER="${HINDSIGHT_TEST_PG_USER:-root}"
CHROMIUM=/usr/bin/chromium

say() { printf 'provision: %s\n' "$*" >&2; }

is_root() { [ "$(id -u)" -eq 0 ]; }
on_debian() { command -v apt-get >/dev/null 2>&1 && [ -f /etc/debian_version ]; }

pg_query() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -Atqc "$1" 2>/dev/null; }
pg_ok() { [ "$(pg_query 'select 1')" = 1 ]; }
# The role logs in, may create databases, and the database test exists.
pg_ready() {
  [ "$(pg_query "select (select rolsuper or rolcreatedb from pg_roles where rolname = current_user)
    and exists (select 1 from pg_database where datname = 'test')")" = t ]
}

# The disk-fault test (tests/faults/storage.test.ts) mounts a tmpfs: without root it fails with
# this same advice. Everything else runs as any user, so this is said, not enforced.
if ! is_root; then
  say "*** not root: tests/faults/storage.test.ts will fail (it mounts a tmpfs)."
  say "*** run it as root: sudo pnpm vitest run tests/faults/storage.test.ts"
fi

missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v psql >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -eq 0 ] && pg_ready; then
  exit 0
fi

# The commands a person runs by hand (as root) to get the same result.
manual() {
  cat >&2 <<EOF

*** pnpm test needs: ${missing[*]:+${missing[*]}, }Postgres on $PG_HOST:$PG_PORT (role $PG_USER, database test)
*** Run as root (Debian), then pnpm test again:

  apt-get update && apt-get install -y chromium redis-server postgresql
  pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql | sort -V | tail -1) main start
  runuser -u postgres -- psql -c "CREATE ROLE $PG_USER LOGIN SUPERUSER"   # skip if it exists
  runuser -u postgres -- createdb -O $PG_USER test                        # skip if it exists
  # let $PG_USER connect over TCP without a password (a test-only machine):
  sed -i '1i host all $PG_USER 127.0.0.1/32 trust' /etc/postgresql/*/main/pg_hba.conf
  pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql | sort -V | tail -1) main reload

*** Or run: sudo bash scripts/provision.sh

EOF
}

if ! is_root || ! on_debian; then
  say "missing or not ready: ${missing[*]:+${missing[*]}, }Postgres on $PG_HOST:$PG_PORT as role $PG_USER with database test"
  manual
  exit 1
fi

# psql alone may be a client: a server needs a cluster under /etc/postgresql.
newest_cluster() { ls /etc/postgresql 2>/dev/null | sort -V | tail -1; }
if [ -z "$(newest_cluster)" ] && [[ " ${missing[*]:-} " != *" postgresql "* ]]; then missing+=(postgresql); fi
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} with apt-get"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Postgres: the newest installed cluster, started if it is not running.
pg_version="$(newest_cluster)"
if [ -z "$pg_version" ]; then
  say "no Postgres cluster under /etc/postgresql after installing postgresql"
  exit 1
fi
if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
  say "starting Postgres $pg_version"
  pg_ctlcluster --skip-systemctl-redirect "$pg_version" main start
  for _ in $(seq 1 60); do pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break; sleep 0.5; done
  pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || {
    say "Postgres $pg_version did not accept connections on $PG_HOST:$PG_PORT; its log:"
    tail -n 20 "/var/log/postgresql/postgresql-$pg_version-main.log" >&2 || true
    exit 1
  }
fi

as_postgres() { runuser -u postgres -- "$@"; }
if [ "$(as_postgres psql -Atqc "select 1 from pg_roles where rolname = '$PG_USER'")" != 1 ]; then
  say "creating the Postgres role $PG_USER"
  as_postgres psql -qc "CREATE ROLE \"$PG_USER\" LOGIN SUPERUSER"
fi
if ! pg_ok; then
  # Debian's default pg_hba.conf asks for a password over TCP.
  hba="/etc/postgresql/$pg_version/main/pg_hba.conf"
  say "letting $PG_USER connect from 127.0.0.1 without a password ($hba)"
  sed -i "1i host all $PG_USER 127.0.0.1/32 trust # added by hindsight scripts/provision.sh" "$hba"
  pg_ctlcluster --skip-systemctl-redirect "$pg_version" main reload
  for _ in $(seq 1 20); do pg_ok && break; sleep 0.5; done
fi
if [ "$(as_postgres psql -Atqc "select 1 from pg_database where datname = 'test'")" != 1 ]; then
  say "creating the database test"
  as_postgres createdb -O "$PG_USER" test
fi

if ! pg_ready; then
  say "Postgres on $PG_HOST:$PG_PORT still refuses role $PG_USER or lacks the database test"
  manual
  exit 1
fi
say "ready: chromium, redis-server, Postgres $pg_version ($PG_USER, database test)"
