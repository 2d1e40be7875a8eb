#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the tests and print its URL on stdout (nothing else).
# Idempotent: installs Debian's postgresql if missing, reuses a cluster already running on the port.
# Usage: export FOEDERIS_TEST_PG_URL="$(bash .ci/pg_start.sh)"
set -euo pipefail
PORT="${FOEDERIS_PG_PORT:-54329}"
DIR="${FOEDERIS_PG_DIR:-/tmp/foederis-pg-$PORT}"
DB=foederis_test
URL="postgresql://postgres@127.0.0.1:$PORT/$DB"

log() { echo "pg_start: $*" >&2; }

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ -z "$(bindir)" ]; then
  log "installing postgresql"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi
BIN="$(bindir)"

# The server refuses to run as root: run it as the 'postgres' user (created by the package).
if [ "$(id -u)" = 0 ]; then AS=(runuser -u postgres --); else AS=(); fi

if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  log "already running on port $PORT"
else
  if [ ! -f "$DIR/PG_VERSION" ]; then
    rm -rf "$DIR"
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
    "${AS[@]}" "$BIN/initdb" -D "$DIR" -U postgres -A trust -E UTF8 --no-locale >&2
  fi
  "${AS[@]}" "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=on" start >&2
fi
if ! "${AS[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
  "${AS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB" >&2
fi
echo "$URL"
