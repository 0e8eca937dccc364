#!/usr/bin/env bash
# Start a local PostgreSQL for the library tests and print `export ANALYZER_TEST_PG_URL=...`.
# Usage: eval "$(.ci/start-postgres.sh)". Progress goes to stderr; stdout is only the export.
# As root: installs Debian `postgresql` if missing and starts its cluster (pg_ctlcluster).
# Otherwise: initdb into a temp dir and start it there (on a Unix socket and port 54329).
set -euo pipefail
ROLE=${PG_TEST_ROLE:-analyzer}
PASS=${PG_TEST_PASSWORD:-analyzer}
DB=${PG_TEST_DB:-analyzer_test}
log() { echo "start-postgres: $*" >&2; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [ -z "$(pg_bin)" ]; then
  if [ "$(id -u)" -ne 0 ]; then log "PostgreSQL is not installed and we are not root"; exit 1; fi
  log "installing postgresql from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
BIN=$(pg_bin)
VER=$(basename "$(dirname "$BIN")")

if [ "$(id -u)" -eq 0 ] && command -v pg_ctlcluster >/dev/null; then
  if ! pg_lsclusters -h | awk -v v="$VER" '$1==v && $2=="main"' | grep -q .; then
    log "creating cluster $VER main"
    pg_createcluster "$VER" main >&2
  fi
  PORT=$(pg_lsclusters -h | awk -v v="$VER" '$1==v && $2=="main" {print $3}')
  if ! pg_lsclusters -h | awk -v v="$VER" '$1==v && $2=="main" {print $4}' | grep -q online; then
    log "starting cluster $VER main on port $PORT"
    pg_ctlcluster "$VER" main start >&2
  fi
  PSQL=(runuser -u postgres -- "$BIN/psql" -p "$PORT" -v ON_ERROR_STOP=1 -qtA)
  HOST=localhost
else
  DATA=${PG_TEST_DATA:-${TMPDIR:-/tmp}/analyzer-pg-$(id -u)}
  PORT=${PG_TEST_PORT:-54329}
  if [ ! -f "$DATA/PG_VERSION" ]; then
    log "initdb into $DATA"
    "$BIN/initdb" -D "$DATA" -A trust -U "$(id -un)" >/dev/null
  fi
  if ! "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    log "starting PostgreSQL in $DATA on port $PORT"
    "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
      -o "-p $PORT -k $DATA -c listen_addresses=localhost" start >&2
  fi
  PSQL=("$BIN/psql" -h "$DATA" -p "$PORT" -d postgres -v ON_ERROR_STOP=1 -qtA)
  HOST=localhost
fi

for _ in $(seq 1 30); do "$BIN/pg_isready" -q -h "$HOST" -p "$PORT" && break; sleep 1; done
"$BIN/pg_isready" -h "$HOST" -p "$PORT" >&2

if [ "$("${PSQL[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname='$ROLE'")" != 1 ]; then
  log "creating role $ROLE"
  "${PSQL[@]}" -c "CREATE ROLE $ROLE LOGIN PASSWORD '$PASS' CREATEDB"
fi
if [ "$("${PSQL[@]}" -c "SELECT 1 FROM pg_database WHERE datname='$DB'")" != 1 ]; then
  log "creating database $DB"
  "${PSQL[@]}" -c "CREATE DATABASE $DB OWNER $ROLE"
fi
URL="postgresql+psycopg://$ROLE:$PASS@$HOST:$PORT/$DB"
log "ready: $URL"
echo "export ANALYZER_TEST_PG_URL='$URL'"
