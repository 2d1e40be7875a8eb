#!/usr/bin/env bash
# Create (or reuse) the project's virtual environment in .venv and install foederis into it, so
# nothing is installed into the system Python (PEP 668) or whichever interpreter is first on PATH.
# Usage: bash scripts/setup.sh [EXTRAS]   e.g. `bash scripts/setup.sh dev` for the test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRAS="${1:-}"
VENV="${FOEDERIS_VENV:-.venv}"

log() { echo "setup: $*" >&2; }

# The newest Python 3.11+ on PATH (python3 first, then the versioned names).
pick_python() {
  local py
  for py in python3 python3.14 python3.13 python3.12 python3.11; do
    if command -v "$py" >/dev/null 2>&1 &&
      "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$py"
      return 0
    fi
  done
  return 1
}

venv_ok() { [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -m pip --version >/dev/null 2>&1; }

if ! venv_ok; then
  PY="$(pick_python)" || { log "foederis needs Python 3.11 or newer; none found on PATH"; exit 1; }
  rm -rf "$VENV"
  if ! "$PY" -m venv "$VENV" >/dev/null 2>&1; then
    # Debian and Ubuntu ship venv's pip bootstrap separately (python3-venv).
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      log "installing python3-venv"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
      rm -rf "$VENV"
      "$PY" -m venv "$VENV"
    else
      log "'$PY -m venv' failed: install your distribution's venv package (Debian: python3-venv)"
      exit 1
    fi
  fi
  log "created $VENV with $("$VENV/bin/python" --version)"
fi

# Reinstall only when the project's declared dependencies changed since the last install.
SPEC="."
[ -n "$EXTRAS" ] && SPEC=".[$EXTRAS]"
STAMP="$VENV/.foederis-install"
WANT="$SPEC $(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
  log "installing foederis${EXTRAS:+ with [$EXTRAS]} into $VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$SPEC"
  echo "$WANT" >"$STAMP"
fi
