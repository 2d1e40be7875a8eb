#!/usr/bin/env bash
# Run the whole test suite on a fresh Debian machine or any machine with Python 3.11+: install the
# system packages the tests need when missing (Chromium for the browser tests, PostgreSQL for the
# database tests), create or reuse .venv with the pinned test tools, start a throwaway PostgreSQL
# cluster that is stopped and removed on exit, then run ruff and pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

bash scripts/setup.sh dev
PY=.venv/bin/python

SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/foederis-test.XXXXXX")"
chmod 0711 "$SCRATCH"  # the database server (user postgres, when run as root) must reach its own folder
PGDIR="$SCRATCH/pg"
cleanup() {
  [ -d "$PGDIR" ] && bash scripts/pg.sh stop "$PGDIR" || true
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
trap "exit 130" INT TERM

if [ -z "${FOEDERIS_TEST_PG_URL:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  FOEDERIS_TEST_PG_URL="$(bash scripts/pg.sh start "$PGDIR")"
  export FOEDERIS_TEST_PG_URL
fi

export FOEDERIS_CACHE_DIR="${FOEDERIS_CACHE_DIR:-$SCRATCH/cache}"
"$PY" -m ruff check src tests benchmarks
"$PY" -m pytest "$@"
