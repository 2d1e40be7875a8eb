"""Loading the compiled record with the full UCDP/PRIO conflict dataset: target under 0.3 s.

Run: python benchmarks/bench_record_load.py [--runs N]. Measures, in fresh processes, the time
`load_compiled()` takes to load the compiled record from the disk cache (the path every CLI call
and server start takes; the target applies to it), the import time before it, and once the cold
compile that fills the cache. Writes results.json ("record_load").
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

from _common import save, table, verdict

TARGET = 0.3  # seconds
PROBE = """
import json, time
t = time.perf_counter()
from foederis.engine.cache import load_compiled
t1 = time.perf_counter()
c = load_compiled()
s = time.perf_counter() - t1
print(json.dumps({"s": s, "import_s": t1 - t, "conflicts": len(c.record.conflicts),
                  "ucdp": sum(1 for p in c.record.conflicts if p.conflict_id)}))
"""


def _probe(env: dict[str, str]) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "FOEDERIS_CACHE_DIR": cache}
        cold = _probe(env)  # compiles and writes the cache
        warm = [_probe(env) for _ in range(args.runs)]
    med = statistics.median(w["s"] for w in warm)
    imp = statistics.median(w["import_s"] for w in warm)
    rows = [
        ("cold compile (cache miss), one run", f"{cold['s']:.3f} s", "", verdict(None)),
        (
            f"load compiled record from disk, median of {args.runs}",
            f"{med:.3f} s",
            f"< {TARGET} s",
            verdict(med <= TARGET),
        ),
        ("importing the engine first (Python, NumPy, pydantic), median", f"{imp:.3f} s", "", ""),
        ("conflict periods (of which UCDP v25.1)", f"{warm[0]['conflicts']} ({warm[0]['ucdp']})", "", ""),
    ]
    table("compiled record with the full conflict dataset", rows)
    save(
        "record_load",
        {
            "cold_compile_s": cold["s"],
            "load_compiled_disk_median_s": med,
            "load_compiled_disk_runs_s": [w["s"] for w in warm],
            "import_median_s": imp,
            "conflict_periods": warm[0]["conflicts"],
            "ucdp_periods": warm[0]["ucdp"],
            "target_s": TARGET,
        },
    )


if __name__ == "__main__":
    main()
