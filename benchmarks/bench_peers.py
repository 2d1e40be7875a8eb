"""foederis beside its peers on the same questions, in one process: DuckDB and SQLite answer from
the same interval table the engine compiled, and every answer is checked against foederis's.

Run: python benchmarks/bench_peers.py [--n 1000000] [--runs 5] [--singles 100000]
(needs the bench extra: pip install -e '.[bench]'). Prints a table with ratios and writes
benchmarks/results.json ("peers").

- Batch: N random (state, instrument, day) questions, days 1949-2030, half of them drawn from keys
  that have intervals: `engine.lookup.lookup` against a DuckDB range join and an SQLite indexed
  join (the queries already loaded into each database; loading is reported apart).
- Single: one question per call: `Compiled.interval_on` against a prepared SQLite SELECT on the
  (key, start) index.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from datetime import date

import numpy as np
from _common import median_time, save, table, timed, verdict

BATCH_RATIO_TARGET = 5.0  # foederis at least 5x DuckDB on the same batch
SINGLE_TARGET_S = 2e-6  # one status question in process
FIRST, LAST = date(1949, 1, 1), date(2030, 12, 31)
OPEN_END = 1 << 40  # "no end" in the peers' tables


def interval_table(c) -> dict[str, np.ndarray]:  # type: ignore[no-untyped-def]
    """The compiled intervals as columns: key, start and end day numbers, interval index."""
    from foederis.engine.compile import day_number

    n = len(c.intervals)
    return {
        "key": c.interval_key.astype(np.int64),
        "start": np.fromiter((day_number(iv.start) for iv in c.intervals), np.int64, n),
        "stop": np.fromiter(
            (OPEN_END if iv.end is None else day_number(iv.end) for iv in c.intervals), np.int64, n
        ),
        "j": np.arange(n, dtype=np.int64),
    }


def questions(c, n: int, seed: int = 5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # type: ignore[no-untyped-def]
    """N random (state index, instrument index, day number), half from keys with intervals."""
    from foederis.engine.compile import day_number

    rng = np.random.default_rng(seed)
    s = rng.integers(0, len(c.states), n)
    i = rng.integers(0, len(c.instruments), n)
    keyed = np.unique(c.interval_key)
    pick = keyed[rng.integers(0, len(keyed), n // 2)]
    s[: n // 2], i[: n // 2] = pick // len(c.instruments), pick % len(c.instruments)
    d = rng.integers(day_number(FIRST), day_number(LAST) + 1, n)
    return s.astype(np.int64), i.astype(np.int64), d.astype(np.int64)


def answers(n: int, rows: list[tuple[int, int]] | tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Interval index per question number (-1: none) from a peer's (n, j) rows."""
    out = np.full(n, -1, np.int64)
    if isinstance(rows, tuple):
        qn, j = rows
    else:
        qn = np.fromiter((r[0] for r in rows), np.int64, len(rows))
        j = np.fromiter((-1 if r[1] is None else r[1] for r in rows), np.int64, len(rows))
    keep = j >= 0
    out[qn[keep]] = j[keep]
    return out


def bench_duckdb(cols: dict[str, np.ndarray], q: dict[str, np.ndarray], runs: int) -> dict:
    import duckdb
    import pyarrow as pa

    con = duckdb.connect()
    load_s, _ = timed(
        lambda: (
            con.register("iv", pa.table(cols)),
            con.register("q", pa.table(q)),
            con.execute("CREATE TABLE ivt AS SELECT * FROM iv; CREATE TABLE qt AS SELECT * FROM q"),
        )
    )
    sql = (
        "SELECT qt.n, ivt.j FROM qt LEFT JOIN ivt ON qt.key = ivt.key "
        "AND qt.day >= ivt.start AND qt.day < ivt.stop"
    )

    def run() -> tuple[np.ndarray, np.ndarray]:
        got = con.execute(sql).fetchnumpy()
        j = got["j"]
        j = np.where(np.ma.getmaskarray(j), -1, np.ma.filled(j, -1)) if np.ma.isMaskedArray(j) else j
        return np.asarray(got["n"], np.int64), np.asarray(j, np.int64)

    med, times = median_time(run, runs)
    return {"load_s": load_s, "median_s": med, "runs_s": times, "answers": answers(len(q["n"]), run())}


def sqlite_db(cols: dict[str, np.ndarray]) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE iv (key INTEGER, start INTEGER, stop INTEGER, j INTEGER)")
    db.executemany("INSERT INTO iv VALUES (?, ?, ?, ?)", zip(*(cols[k].tolist() for k in cols), strict=True))
    db.execute("CREATE INDEX iv_key_start ON iv (key, start)")
    return db


def bench_sqlite(db: sqlite3.Connection, q: dict[str, np.ndarray], runs: int) -> dict:
    def load() -> None:
        db.execute("CREATE TABLE q (n INTEGER PRIMARY KEY, key INTEGER, day INTEGER)")
        db.executemany("INSERT INTO q VALUES (?, ?, ?)", zip(*(q[k].tolist() for k in q), strict=True))

    load_s, _ = timed(load)
    sql = "SELECT q.n, iv.j FROM q LEFT JOIN iv ON iv.key = q.key AND iv.start <= q.day AND q.day < iv.stop"
    med, times = median_time(lambda: db.execute(sql).fetchall(), runs)
    return {
        "load_s": load_s,
        "median_s": med,
        "runs_s": times,
        "answers": answers(len(q["n"]), db.execute(sql).fetchall()),
    }


def bench_singles(c, db: sqlite3.Connection, s, i, d, n: int) -> dict:  # type: ignore[no-untyped-def]
    """Per-call time of one question: interval_on, and a prepared SQLite SELECT on the index."""
    from foederis.engine.compile import from_day_number

    names = [
        (c.states[a], c.instruments[b], from_day_number(x))
        for a, b, x in zip(s[:n], i[:n], d[:n], strict=True)
    ]
    keys = (s[:n] * len(c.instruments) + i[:n]).tolist()
    days = d[:n].tolist()
    on = c.interval_on
    c.interval_on(*names[0])  # builds the single-question lists once
    t = time.perf_counter()
    ours = [on(st, ins, day) for st, ins, day in names]
    ours_s = (time.perf_counter() - t) / n
    sql = "SELECT j, stop FROM iv WHERE key = ? AND start <= ? ORDER BY start DESC LIMIT 1"
    cur = db.cursor()
    t = time.perf_counter()
    theirs = [cur.execute(sql, (k, x)).fetchone() for k, x in zip(keys, days, strict=True)]
    sqlite_s = (time.perf_counter() - t) / n
    index = {id(iv): j for j, iv in enumerate(c.intervals)}
    agree = all(
        (index[id(a)] if a is not None else -1) == (b[0] if b is not None and x < b[1] else -1)
        for a, b, x in zip(ours, theirs, days, strict=True)
    )
    return {"interval_on_s": ours_s, "sqlite_select_s": sqlite_s, "agree": agree}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="questions in the batch")
    ap.add_argument("--runs", type=int, default=5, help="timed runs of each batch (median)")
    ap.add_argument("--singles", type=int, default=100_000, help="one-question calls timed")
    args = ap.parse_args()

    from foederis.engine.cache import load_compiled
    from foederis.engine.lookup import lookup

    c = load_compiled()
    cols = interval_table(c)
    s, i, d = questions(c, args.n)
    q = {"n": np.arange(args.n, dtype=np.int64), "key": s * len(c.instruments) + i, "day": d}

    ours_s, times = median_time(lambda: lookup(c, s, i, d), args.runs)
    ours = lookup(c, s, i, d).interval.astype(np.int64)
    duck = bench_duckdb(cols, q, args.runs)
    db = sqlite_db(cols)
    lite = bench_sqlite(db, q, max(1, args.runs // 2))
    single = bench_singles(c, db, s, i, d, min(args.singles, args.n))

    duck_ratio, lite_ratio = duck["median_s"] / ours_s, lite["median_s"] / ours_s
    single_ratio = single["sqlite_select_s"] / single["interval_on_s"]
    agree = bool(np.array_equal(ours, duck["answers"]) and np.array_equal(ours, lite["answers"]))
    rows = [
        (f"foederis lookup, {args.n:,} random questions", f"{ours_s * 1e3:.1f} ms", "", ""),
        (
            "DuckDB range join, same questions",
            f"{duck['median_s'] * 1e3:.1f} ms ({duck_ratio:.1f}x foederis)",
            f">= {BATCH_RATIO_TARGET:.0f}x",
            verdict(duck_ratio >= BATCH_RATIO_TARGET),
        ),
        (
            "SQLite indexed join, same questions",
            f"{lite['median_s'] * 1e3:.0f} ms ({lite_ratio:.1f}x)",
            "",
            "",
        ),
        ("all three find the same interval", str(agree), "True", verdict(agree)),
        (
            "one question: Compiled.interval_on",
            f"{single['interval_on_s'] * 1e6:.2f} us",
            f"<= {SINGLE_TARGET_S * 1e6:.0f} us",
            verdict(single["interval_on_s"] <= SINGLE_TARGET_S),
        ),
        (
            "one question: prepared SQLite SELECT",
            f"{single['sqlite_select_s'] * 1e6:.2f} us ({single_ratio:.1f}x)",
            "",
            "",
        ),
        ("single answers agree", str(single["agree"]), "True", verdict(single["agree"])),
    ]
    table(f"foederis and its peers ({len(c.intervals):,} intervals)", rows)
    print(
        f"(loading the questions: DuckDB {duck['load_s'] * 1e3:.0f} ms, SQLite {lite['load_s'] * 1e3:.0f} ms;"
        " not in the figures above)"
    )
    save(
        "peers",
        {
            "n": args.n,
            "intervals": len(c.intervals),
            "foederis_lookup_median_s": ours_s,
            "foederis_lookup_runs_s": times,
            "duckdb_median_s": duck["median_s"],
            "duckdb_ratio": duck_ratio,
            "sqlite_median_s": lite["median_s"],
            "sqlite_ratio": lite_ratio,
            "batch_answers_agree": agree,
            "interval_on_s": single["interval_on_s"],
            "sqlite_select_s": single["sqlite_select_s"],
            "single_ratio": single_ratio,
            "single_answers_agree": single["agree"],
            "spread_s": statistics.pstdev(times),
        },
    )


if __name__ == "__main__":
    main()
