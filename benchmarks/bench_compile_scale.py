"""Compile time of a synthetic record 10x, 100x and 300x the real one: is compile linear?

The synthetic record (`foederis.record.replicate`) copies every state (its events, conflict
periods and succession links) under renamed ids (`LTU` -> `LTU.7`); treaty-wide events are kept
once. Each size is compiled in a fresh state of the process (median of `--runs`), and the growth
ratios are printed next to the ratio of sizes: a linear compile grows 30x from 10x to 300x.
"""

from __future__ import annotations

import argparse
import gc
import os
import time

from _common import save, table, verdict

from foederis.engine.compile import compile_record
from foederis.record.loader import Record, load_record
from foederis.record.replicate import replicate


def compile_seconds(record: Record, times: int, runs: int) -> tuple[float, float, int]:
    """Median wall and CPU time of compiling the record replicated `times` times, and its number of
    intervals. CPU time is given too: on a shared machine the wall time also counts other jobs."""
    wall, cpu = [], []
    n = 0
    for _ in range(runs):
        big = replicate(record, times)  # a new Record each run: its indexes are built inside the timing
        gc.collect()
        t, c0 = time.perf_counter(), time.process_time()
        c = compile_record(big)
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c0)
        n = len(c.intervals)
        del c, big
    wall.sort()
    cpu.sort()
    return wall[len(wall) // 2], cpu[len(cpu) // 2], n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1,10,100,300", help="replication factors, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="compilations per size (median)")
    parser.add_argument("--no-save", action="store_true", help="do not write results.json")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    record = load_record()
    print(
        f"load average {os.getloadavg()[0]:.2f}; real record: {len(record.events)} events, "
        f"{len(record.conflicts)} conflict periods, {len(record.successions)} succession links"
    )
    figures: dict[str, float] = {}
    rows = []
    for times in sizes:
        seconds, cpu, n = compile_seconds(record, times, args.runs if times < 300 else 1)
        figures[f"x{times}_s"] = round(seconds, 4)
        figures[f"x{times}_cpu_s"] = round(cpu, 4)
        target = "<= 1 s" if times == 100 else ""
        ok = seconds <= 1.0 if times == 100 else None
        figure = f"{seconds:.3f} s (CPU {cpu:.3f} s)"
        rows.append((f"compile x{times} ({n:,} intervals)", figure, target, verdict(ok)))
    if 10 in sizes and 300 in sizes:
        growth = figures["x300_s"] / figures["x10_s"]
        figures["growth_10_to_300"] = round(growth, 2)
        figures["growth_10_to_300_cpu"] = round(figures["x300_cpu_s"] / figures["x10_cpu_s"], 2)
        # linear: 30x the work takes about 30x the time; allow 50% for caches and allocator effects
        figure = f"{growth:.1f}x (CPU {figures['growth_10_to_300_cpu']:.1f}x)"
        rows.append(("growth x10 -> x300 (linear: 30)", figure, "<= 45x", verdict(growth <= 45)))
    figures["load_average"] = round(os.getloadavg()[0], 2)
    table("compile at scale (synthetic record, replicated states)", rows)
    if not args.no_save:
        save("bench_compile_scale", figures)


if __name__ == "__main__":
    main()
