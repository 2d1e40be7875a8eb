"""Vectorised batch lookup: many (state, instrument, day) triples in one NumPy search.

The CLI, the HTTP API and the questions all go through `lookup`, so there is one batch path. It
picks one of two kernels, which give the same answer for every query (a property test checks
them row for row against `lookup_reference`, the original search):

- a grid (days consecutive along the last axis, state and instrument constant along it) is filled
  key by key with runs: each interval is written once per row, as long as it lasts (`np.repeat`);
- any other batch is answered in cache-sized chunks by counting, per query, the key's intervals
  that start on or before its day (`Compiled.start_columns`: a key has at most a handful), which
  streams where a binary search over all keys would jump (about ten times faster, see
  benchmarks/bench_peers.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from foederis.engine.compile import DAY_BITS, DAY_LIMIT, Compiled

#: Queries per chunk of the search: small enough that the chunk's temporaries stay in cache.
CHUNK = 1 << 15
#: A grid row shorter than this is searched: below it, building the runs costs more than it saves.
MIN_RUN_DAYS = 8


@dataclass(frozen=True)
class LookupResult:
    """Per query: the status code, whether bound, and the interval index (-1: status none)."""

    status: np.ndarray  # int8 codes of foederis.rules.base.Status
    bound: np.ndarray  # bool
    interval: np.ndarray  # int32 index into Compiled.intervals, -1 where none


def lookup(c: Compiled, state_idx: np.ndarray, instrument_idx: np.ndarray, days: np.ndarray) -> LookupResult:
    """Status of each (state index, instrument index, day number) triple; arrays broadcast."""
    state_idx, instrument_idx, days = (np.asarray(a, np.int64) for a in (state_idx, instrument_idx, days))
    shape = np.broadcast_shapes(state_idx.shape, instrument_idx.shape, days.shape)
    grid = _grid_days(state_idx, instrument_idx, days, shape)
    if grid is not None:
        return _lookup_grid(c, state_idx, instrument_idx, grid, shape)
    return _lookup_search(c, state_idx, instrument_idx, days, shape)


def _grid_days(s: np.ndarray, i: np.ndarray, d: np.ndarray, shape: tuple[int, ...]) -> tuple[int, int] | None:
    """(first day, number of days) when the batch is a grid of consecutive days along its last
    axis, with state and instrument constant along that axis; otherwise None."""
    if not shape or shape[-1] < MIN_RUN_DAYS or d.ndim == 0 or d.shape[-1] != shape[-1]:
        return None
    if any(n != 1 for n in d.shape[:-1]) or (s.ndim and s.shape[-1] != 1) or (i.ndim and i.shape[-1] != 1):
        return None
    row = d.reshape(-1)
    first, n = int(row[0]), row.shape[0]
    if first < 0 or first + n > DAY_LIMIT or int(row[-1]) != first + n - 1:
        return None
    if not np.array_equal(np.diff(row), np.ones(n - 1, row.dtype)):
        return None
    return first, n


def _keys(c: Compiled, s: np.ndarray, i: np.ndarray) -> np.ndarray:
    return np.asarray(s, np.int64) * len(c.instruments) + np.asarray(i, np.int64)


def _in_range(c: Compiled, keys: np.ndarray) -> bool:
    n_keys = len(c.key_lo) - 1
    return not keys.size or (int(keys.min()) >= 0 and int(keys.max()) < n_keys)


def _lookup_grid(
    c: Compiled, s: np.ndarray, i: np.ndarray, grid: tuple[int, int], shape: tuple[int, ...]
) -> LookupResult:
    """Fill each row (one key, consecutive days) with runs: interval j from its start to the next."""
    first, n = grid
    keys = _keys(c, s, i)  # constant along the last axis: one key per row
    keys = np.broadcast_to(keys.reshape(keys.shape[:-1]) if keys.ndim else keys, shape[:-1]).reshape(-1)
    if not len(c.intervals) or not _in_range(c, keys):
        return _lookup_search(c, s, i, first + np.arange(n, dtype=np.int64), shape)
    rows = keys.shape[0]
    lo = c.key_lo[keys]
    count = c.key_lo[keys + 1] - lo
    # segments of each row: "none" from day 0, then each interval of the key from its start
    per_row = count + 1
    seg_row = np.repeat(np.arange(rows, dtype=np.int64), per_row)
    seg_first = np.cumsum(per_row) - per_row
    within = np.arange(seg_row.shape[0], dtype=np.int64) - seg_first[seg_row]
    iv = lo[seg_row] + within - 1
    starts = np.where(within == 0, 0, np.clip(c.start_day[np.maximum(iv, 0)] - first, 0, n))
    at = seg_row * n + starts
    lengths = np.diff(at, append=rows * n)
    iv = np.where(within == 0, -1, iv)
    interval = np.repeat(iv.astype(np.int32), lengths).reshape(shape)
    status = np.repeat(np.where(iv >= 0, c.status_code[np.maximum(iv, 0)], 0).astype(np.int8), lengths)
    bound = np.repeat(np.where(iv >= 0, c.bound_flag[np.maximum(iv, 0)], False), lengths)
    return LookupResult(status.reshape(shape), bound.reshape(shape), interval)


def _lookup_search(
    c: Compiled, s: np.ndarray, i: np.ndarray, d: np.ndarray, shape: tuple[int, ...]
) -> LookupResult:
    """Chunk by chunk, count for each query the key's intervals that start on or before its day
    (one gather and compare per column of `start_columns`, a key has few intervals); the count
    indexes the shifted answer arrays. No binary search: every pass is a streaming one."""
    s, i, d = (np.broadcast_to(a, shape).reshape(-1) for a in (s, i, d))
    total = s.shape[0]
    status = np.empty(total, np.int8)
    bound = np.empty(total, bool)
    interval = np.empty(total, np.int32)
    n_keys = len(c.key_lo) - 1
    n_inst = len(c.instruments)
    columns = c.start_columns
    status_x, bound_x, interval_x = c.shifted_answers
    size = min(total, CHUNK)
    key = np.empty(size, np.intp)
    day = np.empty(size, np.int32)
    start = np.empty(size, np.int32)
    hit = np.empty(size, bool)
    count = np.empty(size, np.intp)
    for lo in range(0, total, CHUNK):
        hi = min(lo + CHUNK, total)
        n = hi - lo
        k, dd = key[:n], day[:n]
        np.multiply(s[lo:hi], n_inst, out=k, casting="unsafe")
        k += i[lo:hi]
        raw = d[lo:hi]
        kmin, kmax = (int(k.min()), int(k.max())) if n else (0, 0)
        dmin, dmax = (int(raw.min()), int(raw.max())) if n else (0, 0)
        if kmin < 0 or kmax >= n_keys or dmin < 0 or dmax >= DAY_LIMIT:
            # outside the packed layout: the original search decides, as it always did
            ref = lookup_reference(c, s[lo:hi], i[lo:hi], raw)
            status[lo:hi], bound[lo:hi], interval[lo:hi] = ref.status, ref.bound, ref.interval
            continue
        np.copyto(dd, raw, casting="unsafe")
        j = count[:n]
        j[:] = 0
        for column in columns:
            np.take(column, k, out=start[:n])
            np.less_equal(start[:n], dd, out=hit[:n])
            j += hit[:n]
        # position in the shifted arrays: the key's first interval + count (0 where none starts)
        np.multiply(np.take(c.key_lo, k) + j, j > 0, out=j, casting="unsafe")
        np.take(status_x, j, out=status[lo:hi])
        np.take(bound_x, j, out=bound[lo:hi])
        np.take(interval_x, j, out=interval[lo:hi])
    return LookupResult(status.reshape(shape), bound.reshape(shape), interval.reshape(shape))


def lookup_reference(
    c: Compiled, state_idx: np.ndarray, instrument_idx: np.ndarray, days: np.ndarray
) -> LookupResult:
    """The original search, kept as the reference the kernels are tested against (and for queries
    outside the packed layout, which the boundary refuses anyway)."""
    state_idx, instrument_idx, days = np.broadcast_arrays(
        np.asarray(state_idx, np.int64), np.asarray(instrument_idx, np.int64), np.asarray(days, np.int64)
    )
    keys = state_idx * len(c.instruments) + instrument_idx
    query = (keys << DAY_BITS) | days
    pos = np.searchsorted(c.key_start, query, side="right") - 1
    if not len(c.key_start):  # nothing compiled (a record as known before any act): status none
        none = np.zeros(keys.shape, bool)
        return LookupResult(np.zeros(keys.shape, np.int8), none, np.full(keys.shape, -1, np.int32))
    safe = np.clip(pos, 0, len(c.key_start) - 1)
    hit = (pos >= 0) & (c.interval_key[safe] == keys)
    status = np.where(hit, c.status_code[safe], 0).astype(np.int8)
    bound = np.where(hit, c.bound_flag[safe], False)
    return LookupResult(status, bound, np.where(hit, pos, -1).astype(np.int32))


class DenseTable:
    """A day-by-day table of interval indices for the keys that have intervals.

    Faster than the search for large sweeps over a fixed date range; built on first use.
    """

    def __init__(self, c: Compiled, first_day: int, last_day: int) -> None:
        self.c = c
        self.first_day = first_day
        self.n_days = last_day - first_day + 1
        n_keys = len(c.states) * len(c.instruments)
        self.row_of_key = np.full(n_keys, -1, np.int32)
        present = np.unique(c.interval_key)
        self.row_of_key[present] = np.arange(len(present), dtype=np.int32)
        table = np.full((len(present) + 1, self.n_days), -1, np.int32)  # last row: keys with none
        starts = (c.key_start & ((1 << DAY_BITS) - 1)) - first_day
        for j in range(len(c.intervals)):
            row = self.row_of_key[c.interval_key[j]]
            lo = max(int(starts[j]), 0)
            if lo < self.n_days:
                table[row, lo:] = j  # later intervals of the key overwrite from their start
        self.table = table

    def lookup(self, state_idx: np.ndarray, instrument_idx: np.ndarray, days: np.ndarray) -> np.ndarray:
        """Interval indices (-1: none) for days within the table's range."""
        keys = np.asarray(state_idx, np.int64) * len(self.c.instruments) + np.asarray(
            instrument_idx, np.int64
        )
        rows = self.row_of_key[keys]
        return self.table[rows, np.asarray(days, np.int64) - self.first_day]
