"""Engine speed: compiling the record, batch lookups over every state, instrument and day, cold CLI.

Run: python benchmarks/bench_engine.py [--quick] [--cli-only]. Prints a table and writes
benchmarks/results.json ("engine"). --quick runs fewer repetitions (for a smoke run; the README's
figures use the default); --cli-only times only the cold CLI (and prints its import profile).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np
from _common import median_time, save, table, timed, verdict

COMPILE_TARGET = 0.3  # seconds
LOOKUP_TARGET, LOOKUP_AIM = 10e6, 50e6  # lookups per second
CLI_TARGET = 0.15  # seconds, wall, for a cold `foederis status` (issue 17)
FIRST, LAST = date(1949, 1, 1), date(2030, 12, 31)
CLI_ARGS = ["status", "LTU", "ccm", "--on", "2025-03-06"]


def bench_compile(runs: int) -> dict:
    """load_record() + compile_record(), median of `runs`; then load_compiled() from the disk cache."""
    from foederis.engine import cache
    from foederis.engine.compile import compile_record
    from foederis.record.loader import load_record

    med, times = median_time(lambda: compile_record(load_record()), runs)
    load_s, _ = median_time(load_record, runs)
    cache.load_compiled()  # fills the disk cache (FOEDERIS_CACHE_DIR is a fresh directory)
    disk = []
    for _ in range(runs):
        cache._memo.clear()  # force the disk path: the memo would answer from memory otherwise
        disk.append(timed(cache.load_compiled)[0])
    return {
        "compile_median_s": med,
        "compile_runs_s": times,
        "load_record_median_s": load_s,
        "load_compiled_disk_median_s": statistics.median(disk),
        "load_compiled_disk_runs_s": disk,
    }


def _chunks(n_states: int, n_instruments: int, n_days: int, max_queries: int) -> list[slice]:
    per = max(1, max_queries // (n_instruments * n_days))
    return [slice(lo, min(lo + per, n_states)) for lo in range(0, n_states, per)]


def bench_lookups(runs: int, max_queries: int) -> dict:
    """Every state x instrument x day FIRST..LAST, through `lookup` (searchsorted) and `DenseTable`."""
    from foederis.engine.compile import compile_record, day_number
    from foederis.engine.lookup import DenseTable, lookup
    from foederis.record.loader import load_record

    c = compile_record(load_record())
    days = np.arange(day_number(FIRST), day_number(LAST) + 1, dtype=np.int64)
    states = np.arange(len(c.states), dtype=np.int64)
    insts = np.arange(len(c.instruments), dtype=np.int64)
    total = len(states) * len(insts) * len(days)
    chunks = _chunks(len(states), len(insts), len(days), max_queries)

    def search_pass() -> int:
        n_bound = 0
        for sl in chunks:
            r = lookup(c, states[sl, None, None], insts[None, :, None], days[None, None, :])
            n_bound += int(np.count_nonzero(r.bound))
        return n_bound

    build_s, dense = timed(lambda: DenseTable(c, int(days[0]), int(days[-1])))

    def dense_pass() -> int:
        n_bound = 0
        for sl in chunks:
            idx = dense.lookup(states[sl, None, None], insts[None, :, None], days[None, None, :])
            bound = np.where(idx >= 0, c.bound_flag[idx], False)  # the same answer `lookup` gives
            n_bound += int(np.count_nonzero(bound))
        return n_bound

    search_times = [timed(search_pass) for _ in range(runs)]
    dense_times = [timed(dense_pass) for _ in range(runs)]
    # untimed check that both paths find the same interval for every query
    same = all(
        np.array_equal(
            lookup(c, states[sl, None, None], insts[None, :, None], days[None, None, :]).interval,
            dense.lookup(states[sl, None, None], insts[None, :, None], days[None, None, :]),
        )
        for sl in chunks
    )
    # scattered queries: random (state, instrument, day) triples, no locality for either path
    rng = np.random.default_rng(20250306)
    n_rand = min(total, 10_000_000)
    rs = rng.integers(0, len(states), n_rand)
    ri = rng.integers(0, len(insts), n_rand)
    rd = rng.integers(days[0], days[-1] + 1, n_rand)
    step = max_queries
    parts = [slice(i, i + step) for i in range(0, n_rand, step)]
    rand_search = statistics.median(
        timed(lambda: [lookup(c, rs[p], ri[p], rd[p]) for p in parts])[0] for _ in range(runs)
    )
    rand_dense = statistics.median(
        timed(lambda: [dense.lookup(rs[p], ri[p], rd[p]) for p in parts])[0] for _ in range(runs)
    )
    s_med = statistics.median(t for t, _ in search_times)
    d_med = statistics.median(t for t, _ in dense_times)
    return {
        "grid": {
            "states": len(states),
            "instruments": len(insts),
            "days": len(days),
            "first": FIRST.isoformat(),
            "last": LAST.isoformat(),
            "queries": total,
            "chunk_queries": len(insts) * len(days) * (chunks[0].stop - chunks[0].start),
            "intervals": len(c.intervals),
        },
        "search_pass_median_s": s_med,
        "search_lookups_per_s": total / s_med,
        "dense_build_s": build_s,
        "dense_table_mb": dense.table.nbytes / 2**20,
        "dense_pass_median_s": d_med,
        "dense_lookups_per_s": total / d_med,
        "bound_answers": search_times[0][1],
        "random_queries": n_rand,
        "random_search_lookups_per_s": n_rand / rand_search,
        "random_dense_lookups_per_s": n_rand / rand_dense,
        "search_and_dense_agree": bool(same and search_times[0][1] == dense_times[0][1]),
    }


def _cli() -> list[str]:
    exe = shutil.which("foederis")
    return [exe] if exe else [sys.executable, "-m", "foederis.interfaces.cli.main"]


def _run(cmd: list[str], env: dict[str, str]) -> float:
    t, proc = timed(lambda: subprocess.run(cmd, env=env, capture_output=True, text=True))
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    return t


def bench_cli(runs: int, env: dict[str, str]) -> dict:
    """`foederis status LTU ccm --on 2025-03-06` (and --json) in fresh processes, disk cache warm."""
    cmd = _cli() + CLI_ARGS
    _run(cmd, env)  # warm-up: fills the disk cache
    text = [_run(cmd, env) for _ in range(runs)]
    js = [_run([*cmd, "--json"], env) for _ in range(runs)]
    bare = [_run([sys.executable, "-c", "pass"], env) for _ in range(runs)]
    return {
        "command": " ".join(["foederis", *CLI_ARGS]),
        "cold_median_s": statistics.median(text),
        "cold_best_s": min(text),
        "cold_runs_s": text,
        "cold_json_median_s": statistics.median(js),
        "cold_json_best_s": min(js),
        "cold_json_runs_s": js,
        "python_startup_median_s": statistics.median(bare),
    }


def import_profile(env: dict[str, str], top: int = 12) -> dict:
    """`python -X importtime` of the CLI command: self time summed by top-level package."""
    cmd = [sys.executable, "-X", "importtime", "-m", "foederis.interfaces.cli.main", *CLI_ARGS, "--json"]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    by_package: dict[str, int] = defaultdict(int)
    cumulative: dict[str, int] = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if not m:
            continue
        self_us, cum_us, indent, name = int(m[1]), int(m[2]), len(m[3]), m[4]
        by_package[name.split(".")[0]] += self_us
        if name.startswith("foederis") and indent <= 5:
            cumulative[name] = max(cumulative.get(name, 0), cum_us)
    ranked = sorted(by_package.items(), key=lambda kv: -kv[1])[:top]
    return {
        "self_ms_by_package": {k: round(v / 1000, 1) for k, v in ranked},
        "total_import_ms": round(sum(by_package.values()) / 1000, 1),
        "foederis_modules_cumulative_ms": {
            k: round(v / 1000, 1) for k, v in sorted(cumulative.items(), key=lambda kv: -kv[1])[:top]
        },
    }


def _cli_rows(cli: dict) -> list[tuple[str, str, str, str]]:
    """The cold CLI's rows of the table: median and best of the runs, with and without --json."""
    return [
        (
            f"cold CLI: {cli['command']} (median; best)",
            f"{cli['cold_median_s']:.3f} s; {cli['cold_best_s']:.3f} s",
            f"< {CLI_TARGET} s",
            verdict(cli["cold_median_s"] < CLI_TARGET),
        ),
        (
            "cold CLI with --json (median; best)",
            f"{cli['cold_json_median_s']:.3f} s; {cli['cold_json_best_s']:.3f} s",
            f"< {CLI_TARGET} s",
            verdict(cli["cold_json_median_s"] < CLI_TARGET),
        ),
        ("  python -c pass (median, for scale)", f"{cli['python_startup_median_s']:.3f} s", "", ""),
    ]


def _print_profile(profile: dict, where: str) -> None:
    """The import profile of the cold CLI: self time by package, then foederis modules cumulative."""
    print(
        f"\ncold CLI{where}: python -X importtime, self time by package "
        f"(total {profile['total_import_ms']} ms)"
    )
    for k, v in profile["self_ms_by_package"].items():
        print(f"  {k:<24} {v:>7.1f} ms")
    print("foederis modules, cumulative:")
    for k, v in profile["foederis_modules_cumulative_ms"].items():
        print(f"  {k:<40} {v:>7.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="fewer repetitions, for a smoke run")
    ap.add_argument("--profile", action="store_true", help="print the import profile even under target")
    ap.add_argument("--chunk", type=int, default=2_000_000, help="max queries per lookup chunk")
    ap.add_argument("--cli-only", action="store_true", help="time only the cold CLI")
    args = ap.parse_args()
    compile_runs, lookup_runs, cli_runs = (3, 1, 3) if args.quick else (10, 3, 7)
    if args.cli_only:
        with tempfile.TemporaryDirectory(prefix="foederis-bench-cache-") as cache_dir:
            env = {**os.environ, "FOEDERIS_CACHE_DIR": cache_dir, "COLUMNS": "100"}
            cli, profile = bench_cli(cli_runs, env), import_profile(env)
        table("foederis cold CLI", _cli_rows(cli))
        _print_profile(profile, "")
        save("engine_cli", {"cli": cli, "import_profile": profile, "script": Path(__file__).name})
        return

    with tempfile.TemporaryDirectory(prefix="foederis-bench-cache-") as cache_dir:
        os.environ["FOEDERIS_CACHE_DIR"] = cache_dir
        env = {**os.environ, "FOEDERIS_CACHE_DIR": cache_dir, "COLUMNS": "100"}
        comp = bench_compile(compile_runs)
        look = bench_lookups(lookup_runs, args.chunk)
        cli = bench_cli(cli_runs, env)
        profile = import_profile(env)
    slow = max(cli["cold_median_s"], cli["cold_json_median_s"]) > CLI_TARGET

    g = look["grid"]
    rows = [
        (
            "compile: load_record + compile_record (median)",
            f"{comp['compile_median_s']:.3f} s",
            f"< {COMPILE_TARGET} s",
            verdict(comp["compile_median_s"] < COMPILE_TARGET),
        ),
        ("  of which load_record (median)", f"{comp['load_record_median_s']:.3f} s", "", ""),
        (
            "load_compiled from the disk cache (median)",
            f"{comp['load_compiled_disk_median_s']:.3f} s",
            "",
            "",
        ),
        (
            f"lookup (searchsorted), {g['queries']:,} queries",
            f"{look['search_lookups_per_s'] / 1e6:.1f} M/s",
            f">= {LOOKUP_TARGET / 1e6:.0f} M/s (aim {LOOKUP_AIM / 1e6:.0f})",
            verdict(look["search_lookups_per_s"] >= LOOKUP_TARGET),
        ),
        (
            f"lookup (searchsorted), {look['random_queries']:,} random triples",
            f"{look['random_search_lookups_per_s'] / 1e6:.1f} M/s",
            "",
            "",
        ),
        ("DenseTable build", f"{look['dense_build_s']:.3f} s ({look['dense_table_mb']:.0f} MB)", "", ""),
        (
            f"DenseTable lookup, {g['queries']:,} queries",
            f"{look['dense_lookups_per_s'] / 1e6:.1f} M/s",
            f">= {LOOKUP_TARGET / 1e6:.0f} M/s (aim {LOOKUP_AIM / 1e6:.0f})",
            verdict(look["dense_lookups_per_s"] >= LOOKUP_TARGET),
        ),
        (
            f"DenseTable lookup, {look['random_queries']:,} random triples",
            f"{look['random_dense_lookups_per_s'] / 1e6:.1f} M/s",
            "",
            "",
        ),
        (
            "search and dense give the same intervals",
            str(look["search_and_dense_agree"]),
            "True",
            verdict(look["search_and_dense_agree"]),
        ),
        *_cli_rows(cli),
    ]
    table(
        f"foederis engine ({g['states']} states x {g['instruments']} instruments x {g['days']} days, "
        f"{g['intervals']} intervals)",
        rows,
    )
    if slow or args.profile:
        _print_profile(profile, f" {'above' if slow else 'under'} {CLI_TARGET} s")
    save(
        "engine",
        {
            "compile": comp,
            "lookups": look,
            "cli": cli,
            "import_profile": profile,
            "quick": args.quick,
            "script": Path(__file__).name,
        },
    )


if __name__ == "__main__":
    main()
