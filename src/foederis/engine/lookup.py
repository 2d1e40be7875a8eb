"""Vectorised batch lookup: many (state, instrument, day) triples in one NumPy search.

The CLI, the HTTP API and the questions all go through `lookup`, so there is one batch path.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from foederis.engine.compile import DAY_BITS, Compiled


@dataclass(frozen=True)
class LookupResult:
    """Per query: the status code, whether bound, and the interval index (-1: status none)."""

    status: np.ndarray  # int8 codes of foederis.rules.base.Status
    bound: np.ndarray  # bool
    interval: np.ndarray  # int64 index into Compiled.intervals, -1 where none


def lookup(c: Compiled, state_idx: np.ndarray, instrument_idx: np.ndarray, days: np.ndarray) -> LookupResult:
    """Status of each (state index, instrument index, day number) triple; arrays broadcast."""
    state_idx, instrument_idx, days = np.broadcast_arrays(
        np.asarray(state_idx, np.int64), np.asarray(instrument_idx, np.int64), np.asarray(days, np.int64)
    )
    keys = state_idx * len(c.instruments) + instrument_idx
    query = (keys << DAY_BITS) | days
    pos = np.searchsorted(c.key_start, query, side="right") - 1
    if not len(c.key_start):  # nothing compiled (a record as known before any act): status none
        none = np.zeros(keys.shape, bool)
        return LookupResult(np.zeros(keys.shape, np.int8), none, np.full(keys.shape, -1, np.int64))
    safe = np.clip(pos, 0, len(c.key_start) - 1)
    hit = (pos >= 0) & (c.interval_key[safe] == keys)
    status = np.where(hit, c.status_code[safe], 0).astype(np.int8)
    bound = np.where(hit, c.bound_flag[safe], False)
    return LookupResult(status, bound, np.where(hit, pos, -1))


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
