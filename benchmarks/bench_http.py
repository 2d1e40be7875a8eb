"""HTTP speed: requests per second and p99 latency of /v1/status and /v1/matrix under wrk, and the
time to serve the NATO matrix web page, against a real `foederis serve` on localhost.

Run: python benchmarks/bench_http.py [--workers 2] [--duration 10] [--connections 64].
Needs Debian's wrk (apt-get install -y wrk). Prints a table and writes results.json ("http").
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from _common import save, table, timed, verdict

STATUS_TARGET = 3000.0  # requests per second on 2 cores
PAGE_TARGET = 1.0  # seconds for the NATO matrix page
URLS = {
    "status": "/v1/status?state=LTU&instrument=ccm&on=2025-03-06",
    "matrix": "/v1/matrix?alliance=nato&weapon=cluster_munitions&on=2025-03-06",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(workers: int, db: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    cmd = [sys.executable, "-m", "foederis.interfaces.cli.main", "serve", "--port", str(port)]
    cmd += ["--workers", str(workers), "--log-level", "warning", "--db", db]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(url + "/v1/instruments", timeout=1).status_code == 200:
                # every worker warm: a few requests reach each of them
                for _ in range(8 * workers):
                    httpx.get(url + URLS["matrix"], timeout=10)
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


# Each request asks for a different day (of ~33 years), so the per-process matrix cache mostly misses.
UNCACHED_LUA = """
local n = 0
request = function()
  n = n + 1
  local day = os.date("!%Y-%m-%d", 946684800 + ((n * 7919 + math.random(0, 12000)) % 12000) * 86400)
  return wrk.format("GET", "/v1/matrix?alliance=nato&weapon=cluster_munitions&on=" .. day)
end
"""


def wrk(
    url: str, threads: int, connections: int, duration: int, script: str | None = None
) -> dict[str, float]:
    extra: list[str] = []
    if script:
        lua = Path(tempfile.mkstemp(suffix=".lua")[1])
        lua.write_text(script)
        extra = ["-s", str(lua)]
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", *extra, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])  # type: ignore[index]
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    scale = {"us": 1e-3, "ms": 1.0, "s": 1e3}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "req_per_s": rps,
        "p99_ms": float(p99[1]) * scale[p99[2]] if p99 else float("nan"),
        "non_2xx": int(errors[1]) if errors else 0,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    with tempfile.TemporaryDirectory() as tmp:
        proc, url = start(args.workers, f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        try:
            figures: dict[str, object] = {
                "workers": args.workers,
                "connections": args.connections,
                "duration_s": args.duration,
                "load_average": os.getloadavg()[0],
            }
            for name, path in URLS.items():
                figures[name] = wrk(url + path, args.threads, args.connections, args.duration)
            figures["matrix_uncached"] = wrk(url, args.threads, args.connections, args.duration, UNCACHED_LUA)
            page = [
                timed(lambda: httpx.get(url + "/matrix?alliance=nato&on=2025-03-06", timeout=10))[0]
                for _ in range(20)
            ]
            figures["matrix_page_s"] = statistics.median(page)
        finally:
            proc.terminate()
            proc.wait(10)
    st, mx, mu = figures["status"], figures["matrix"], figures["matrix_uncached"]
    bad = sum(f["non_2xx"] for f in (st, mx, mu))  # type: ignore[index]
    rows = [
        (
            "/v1/status req/s",
            f"{st['req_per_s']:,.0f}",
            f">= {STATUS_TARGET:,.0f}",  # type: ignore[index]
            verdict(st["req_per_s"] >= STATUS_TARGET),
        ),  # type: ignore[index]
        ("/v1/status p99", f"{st['p99_ms']:.1f} ms", "", ""),  # type: ignore[index]
        ("/v1/matrix req/s (same day: cached)", f"{mx['req_per_s']:,.0f}", "", ""),  # type: ignore[index]
        ("/v1/matrix p99 (same day: cached)", f"{mx['p99_ms']:.1f} ms", "", ""),  # type: ignore[index]
        ("/v1/matrix req/s (random days)", f"{mu['req_per_s']:,.0f}", "", ""),  # type: ignore[index]
        ("/v1/matrix p99 (random days)", f"{mu['p99_ms']:.1f} ms", "", ""),  # type: ignore[index]
        (
            "/matrix page (NATO), median of 20",
            f"{figures['matrix_page_s']:.3f} s",
            f"< {PAGE_TARGET} s",
            verdict(figures["matrix_page_s"] < PAGE_TARGET),
        ),  # type: ignore[operator]
        ("non-2xx answers", str(bad), "0", verdict(bad == 0)),
    ]
    table(
        f"HTTP ({args.workers} workers, wrk -t{args.threads} -c{args.connections} -d{args.duration}s, "
        f"load average {figures['load_average']:.1f})",
        rows,
    )
    save("http", figures)


if __name__ == "__main__":
    main()
