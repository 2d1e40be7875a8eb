#!/usr/bin/env bash
# Run the whole test suite on a fresh Debian machine: install what the tests need (Chromium for the
# browser tests, PostgreSQL for the database tests, the project with its dev extras), start a
# throwaway PostgreSQL cluster, then run pytest. Safe to run again: every step is idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

python3 -m pip install -q --disable-pip-version-check -e '.[dev]'

if [ -z "${FOEDERIS_TEST_PG_URL:-}" ] && [ -f .ci/pg_start.sh ]; then
  FOEDERIS_TEST_PG_URL="$(bash .ci/pg_start.sh | tail -n 1)"
  export FOEDERIS_TEST_PG_URL
fi

export FOEDERIS_CACHE_DIR="${FOEDERIS_CACHE_DIR:-$(mktemp -d)}"
python3 -m ruff check src tests benchmarks
python3 -m pytest "$@"
