#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, reachable only through a private socket directory.
#   bash scripts/pg.sh start DIR   initialise and start a cluster in DIR (new), print its URL on stdout
#   bash scripts/pg.sh stop DIR    stop it and remove DIR
# The socket directory is DIR/socket with mode 0700 and no TCP listener, so only the cluster's owner
# (and root) can connect; the port is a free one, so concurrent runs never share a cluster.
set -euo pipefail
CMD="${1:?usage: pg.sh start|stop DIR}"
DIR="${2:?usage: pg.sh start|stop DIR}"
DB=foederis_test

log() { echo "pg: $*" >&2; }
bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
BIN="$(bindir)"
[ -n "$BIN" ] || { log "PostgreSQL is not installed (Debian: postgresql)"; exit 1; }

# The server refuses to run as root: as root, run it as the 'postgres' user the package creates.
# runuser lives in /usr/sbin, which a minimal PATH (env -i PATH=/usr/bin:/bin) lacks.
if [ "$(id -u)" = 0 ]; then
  AS=("$(command -v runuser || echo /usr/sbin/runuser)" -u postgres --)
  OWNER=postgres
else
  AS=()
  OWNER="$(id -un)"
fi

case "$CMD" in
start)
  [ ! -e "$DIR" ] || { log "$DIR exists: give a new directory"; exit 1; }
  mkdir -p "$DIR/data" "$DIR/socket"
  chmod 0700 "$DIR" "$DIR/data" "$DIR/socket"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$DIR"
  PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  echo "$PORT" >"$DIR/port"
  "${AS[@]}" "$BIN/initdb" -D "$DIR/data" -U "$OWNER" -A trust -E UTF8 --no-locale >/dev/null
  "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-p $PORT -k $DIR/socket -c listen_addresses='' -c fsync=on" start >/dev/null
  "${AS[@]}" "$BIN/createdb" -h "$DIR/socket" -p "$PORT" -U "$OWNER" "$DB"
  log "started on $DIR/socket (port $PORT)"
  echo "postgresql://$OWNER@/$DB?host=$DIR/socket&port=$PORT"
  ;;
stop)
  if [ -f "$DIR/data/postmaster.pid" ]; then
    "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$DIR"
  log "stopped and removed $DIR"
  ;;
*)
  log "unknown command '$CMD': choose start or stop"
  exit 2
  ;;
esac
