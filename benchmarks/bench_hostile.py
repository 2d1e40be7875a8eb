"""Hostile requests against a real `foederis serve`: how fast an alias bomb and a scenario with a
100,000-character state name get their 4xx, and the latency a second client sees on /v1/status
while hostile clients keep sending them.

Run: python benchmarks/bench_hostile.py [--workers 1] [--duration 10] [--attackers 4].
Prints a table and writes results.json ("hostile").
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from _common import save, table, verdict
from bench_http import start

HOSTILE_TARGET = 1.0  # seconds to a 4xx
STATUS_P99_TARGET = 0.050  # seconds, second client, while under attack
STATUS = "/v1/status?state=LTU&instrument=ccm&on=2025-03-06"
HEAD = "start: 2025-01-01\nend: 2025-12-31\n"


def alias_bomb(levels: int = 7, width: int = 10) -> str:
    lines = ['a0: &a0 "lol"']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return HEAD + "\n".join(lines) + "\n"


GIANT_STATE = HEAD + "events:\n- {type: armed_attack, date: 2025-02-01, state: " + "x" * 100_000 + "}\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--duration", type=float, default=10.0)
    ap.add_argument("--attackers", type=int, default=4)
    args = ap.parse_args()
    db = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}"
    proc, url = start(args.workers, db)
    try:
        hostile: dict[str, list[float]] = {"alias bomb": [], "100,000-character state": []}
        codes: dict[int, int] = {}
        stop = threading.Event()

        def attack(i: int) -> None:
            bodies = [("alias bomb", alias_bomb()), ("100,000-character state", GIANT_STATE)]
            with httpx.Client(base_url=url, timeout=60) as http:
                n = i
                while not stop.is_set():
                    what, text = bodies[n % 2]
                    t = time.perf_counter()
                    res = http.post("/v1/scenarios/run", json={"text": text})
                    hostile[what].append(time.perf_counter() - t)
                    codes[res.status_code] = codes.get(res.status_code, 0) + 1
                    n += 1

        with httpx.Client(base_url=url, timeout=60) as http:
            for _ in range(50):
                http.get(STATUS)
            quiet = []
            for _ in range(500):
                t = time.perf_counter()
                http.get(STATUS)
                quiet.append(time.perf_counter() - t)
            threads = [threading.Thread(target=attack, args=(i,)) for i in range(args.attackers)]
            for th in threads:
                th.start()
            loaded = []
            end = time.monotonic() + args.duration
            while time.monotonic() < end:
                t = time.perf_counter()
                assert http.get(STATUS).status_code == 200
                loaded.append(time.perf_counter() - t)
            stop.set()
            for th in threads:
                th.join()
    finally:
        proc.terminate()
        proc.wait(10)

    def p(xs: list[float], q: float) -> float:
        return statistics.quantiles(xs, n=100)[int(q) - 1] if len(xs) >= 2 else (xs[0] if xs else 0.0)

    worst = {k: max(v) for k, v in hostile.items() if v}
    p99 = p(loaded, 99)
    rows = [
        (
            f"{k}: slowest 4xx of {len(hostile[k])}",
            f"{worst[k] * 1000:.0f} ms",
            "< 1 s",
            verdict(worst[k] < HOSTILE_TARGET),
        )
        for k in worst
    ]
    rows += [
        (
            "hostile answers by status",
            ", ".join(f"{c}: {n}" for c, n in sorted(codes.items())),
            "all 4xx",
            verdict(all(400 <= c < 500 for c in codes)),
        ),
        ("/v1/status p99, quiet", f"{p(quiet, 99) * 1000:.1f} ms", "", ""),
        (
            f"/v1/status p99 under {args.attackers} attackers ({len(loaded)} requests)",
            f"{p99 * 1000:.1f} ms",
            "< 50 ms",
            verdict(p99 < STATUS_P99_TARGET),
        ),
        ("/v1/status p50 under attack", f"{p(loaded, 50) * 1000:.1f} ms", "", ""),
    ]
    table(f"hostile requests ({args.workers} worker(s), {args.duration:g} s)", rows)
    save(
        "hostile",
        {
            "workers": args.workers,
            "attackers": args.attackers,
            "duration_s": args.duration,
            "hostile_requests": {k: len(v) for k, v in hostile.items()},
            "hostile_slowest_s": worst,
            "hostile_status_codes": {str(c): n for c, n in codes.items()},
            "status_p99_quiet_s": p(quiet, 99),
            "status_p99_under_attack_s": p99,
            "status_p50_under_attack_s": p(loaded, 50),
            "status_requests_under_attack": len(loaded),
        },
    )
    sys.exit(0)


if __name__ == "__main__":
    main()
