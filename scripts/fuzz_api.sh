#!/usr/bin/env bash
# Schemathesis over the whole API of a real `foederis serve`, with every check, on a fresh or a
# pre-filled database (60 saved scenarios from examples/, 5 revisions each).
# Usage: bash scripts/fuzz_api.sh [fresh|filled] [examples per operation, default 250]
# (20 operations x 250 = 5,000 cases in the fuzzing phase, plus the coverage and stateful phases).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MODE="${1:-fresh}"
N="${2:-250}"
PY="${PYTHON:-python}"
HOME_DIR="$(mktemp -d)"
PORT="$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
URL="http://127.0.0.1:$PORT"
DB="sqlite:///$HOME_DIR/fuzz.sqlite3"
[ -n "${FOEDERIS_TEST_PG_URL:-}" ] && DB="$FOEDERIS_TEST_PG_URL"
export HOME="$HOME_DIR" XDG_DATA_HOME="$HOME_DIR/data"
TOKEN="$("$PY" -m foederis.interfaces.cli.main token create --name fuzz --admin --db "$DB")"
"$PY" -m foederis.interfaces.cli.main serve --port "$PORT" --db "$DB" --log-level warning \
  >"$HOME_DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 300); do curl -sf "$URL/v1/instruments" >/dev/null && break; sleep 0.2; done
if [ "$MODE" = filled ]; then
  "$PY" - "$URL" "$TOKEN" "$ROOT/examples" <<'PYEOF'
import pathlib, sys, httpx
url, token, examples = sys.argv[1], sys.argv[2], sys.argv[3]
texts = [p.read_text() for p in sorted(pathlib.Path(examples).glob("*.yaml"))]
with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as http:
    for i in range(60):
        for r in range(5):
            res = http.put(f"/v1/scenarios/filled-{i}", json={"text": texts[i % len(texts)], "message": f"r{r}"})
            res.raise_for_status()
print("pre-filled 60 scenarios x 5 revisions", file=sys.stderr)
PYEOF
fi
set +e
cd "$HOME_DIR"  # schemathesis keeps its run cache in the working directory
"$PY" -m schemathesis.cli run "$URL/openapi.json" --checks all --max-examples "$N" --seed 16 \
  --continue-on-failure --request-timeout 30 -H "Authorization: Bearer $TOKEN"
RC=$?
echo "server errors in the log: $(grep -c 'unhandled error' "$HOME_DIR/server.log" || true)"
exit $RC
