"""Compile the record with the rules into per-(state, instrument) intervals `[start, end)`.

Intervals are also laid out in flat NumPy arrays, so that any number of (state, instrument, day)
lookups is one vectorised search (see `lookup.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np

from foederis.record.loader import Record
from foederis.rules.base import Check, Reason, RuleContext, Status, Transition, link_reason
from foederis.rules.options import DEFAULT_OPTIONS, Options
from foederis.rules.registry import REGISTRY, Registry

#: Day numbers are days since this date; 2**20 days later is the year 4670, far beyond any day a
#: question or scenario may name (the boundary allows 1945-2100) plus any treaty period after it.
BASE_DAY = date(1800, 1, 1).toordinal()
DAY_BITS = 20
DAY_LIMIT = 1 << DAY_BITS


class DayOutOfRange(ValueError):
    """A day the packed (key, day) layout cannot hold: the boundary should have refused it."""


def day_number(day: date) -> int:
    return day.toordinal() - BASE_DAY


def from_day_number(n: int) -> date:
    return date.fromordinal(int(n) + BASE_DAY)


@dataclass(frozen=True, slots=True)
class Interval:
    """One status of one state under one instrument, for [start, end) (end None: open)."""

    state: str
    instrument: str
    start: date
    end: date | None
    status: Status
    bound: bool
    reasons: tuple[Reason, ...]


@dataclass
class Compiled:
    """The compiled record: intervals, treaty-level facts, checks, and lookup arrays."""

    record: Record
    options: Options
    intervals: list[Interval]
    treaty: dict[str, dict[str, tuple[date | None, Reason]]]
    checks: list[Check]
    notes: list[str]
    states: list[str]
    instruments: list[str]
    spans: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    # flat lookup arrays, one entry per interval, sorted by (key, start)
    key_start: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    status_code: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))
    bound_flag: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    interval_key: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    #: the instrument descriptions this was compiled with (not pickled: a cache holds the built-ins)
    registry: Registry = REGISTRY

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state.pop("registry", None)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self.registry = REGISTRY

    @cached_property
    def state_index(self) -> dict[str, int]:
        return {s: i for i, s in enumerate(self.states)}

    @cached_property
    def instrument_index(self) -> dict[str, int]:
        return {s: i for i, s in enumerate(self.instruments)}

    def key(self, state_idx: int, instrument_idx: int) -> int:
        return state_idx * len(self.instruments) + instrument_idx

    def intervals_of(self, state: str, instrument: str) -> list[Interval]:
        lo, hi = self.spans.get((state, instrument), (0, 0))
        return self.intervals[lo:hi]

    def interval_on(self, state: str, instrument: str, day: date) -> Interval | None:
        """The interval holding on `day`, or None (status `none`: nothing in the record yet)."""
        for iv in self.intervals_of(state, instrument):
            if iv.start <= day and (iv.end is None or day < iv.end):
                return iv
        return None

    def instruments_of(self, state: str) -> list[str]:
        return [i for i in self.instruments if (state, i) in self.spans]


def _intervals(state: str, instrument: str, transitions: list[Transition]) -> list[Interval]:
    """Turn transitions into contiguous intervals; on one day the last transition added wins."""
    by_day: dict[date, Transition] = {}
    for t in transitions:  # stable: insertion order decides within a day
        by_day[t.day] = t
    days = sorted(by_day)
    out: list[Interval] = []
    for i, day in enumerate(days):
        t = by_day[day]
        end = days[i + 1] if i + 1 < len(days) else None
        if out and out[-1].status == t.status and out[-1].bound == t.bound and out[-1].reasons == t.reasons:
            prev = out.pop()
            out.append(Interval(state, instrument, prev.start, end, t.status, t.bound, t.reasons))
            continue
        out.append(Interval(state, instrument, day, end, t.status, t.bound, t.reasons))
    return out


def compile_record(
    record: Record,
    options: Options = DEFAULT_OPTIONS,
    instruments: list[str] | None = None,
    registry: Registry = REGISTRY,
) -> Compiled:
    """Run every instrument's rules in `registry` (or only `instruments`) over the record, laid out
    for lookup."""
    intervals: list[Interval] = []
    treaty: dict[str, dict[str, tuple[date | None, Reason]]] = {}
    checks: list[Check] = []
    notes: list[str] = []
    spans: dict[tuple[str, str], tuple[int, int]] = {}
    instruments = list(instruments or registry)
    states = sorted(record.states.states)
    for inst in instruments:
        result = registry[inst].compile(RuleContext(record, options, inst))
        _cease_predecessors(record, result.transitions)
        treaty[inst] = result.treaty
        checks.extend(result.checks)
        notes.extend(f"{inst}: {n}" for n in result.notes)
        for state in sorted(result.transitions):
            ivs = _intervals(state, inst, result.transitions[state])
            if ivs:
                spans[(state, inst)] = (len(intervals), len(intervals) + len(ivs))
                intervals.extend(ivs)
    compiled = Compiled(
        record, options, intervals, treaty, checks, notes, states, instruments, spans, registry=registry
    )
    _lay_out(compiled)
    return compiled


def _cease_predecessors(record: Record, transitions: dict[str, list[Transition]]) -> None:
    """A state that ceased to exist (the USSR, Czechoslovakia) has no status after that day."""
    for link in record.successions:
        ts = transitions.get(link.predecessor)
        if (
            ts
            and link.kind in ("continuation", "succession")
            and not any(t.day >= link.date and t.status == Status.none for t in ts)
        ):
            ts.append(Transition(link.date, Status.none, False, (link_reason(link),)))


def _lay_out(c: Compiled) -> None:
    """Fill the flat arrays: composite (key << DAY_BITS | start day), status, bound."""
    s_idx, i_idx = c.state_index, c.instrument_index
    n = len(c.intervals)
    key_start = np.empty(n, np.int64)
    keys = np.empty(n, np.int64)
    status = np.empty(n, np.int8)
    bound = np.empty(n, bool)
    for j, iv in enumerate(c.intervals):
        k = c.key(s_idx[iv.state], i_idx[iv.instrument])
        keys[j] = k
        n_day = day_number(iv.start)
        if not 0 <= n_day < DAY_LIMIT:
            # packing it would spill into the key bits and give contradictory timelines
            raise DayOutOfRange(f"{iv.state} {iv.instrument}: interval starts {iv.start}, outside the engine")
        key_start[j] = (k << DAY_BITS) | n_day
        status[j] = int(iv.status)
        bound[j] = iv.bound
    order = np.argsort(key_start, kind="stable")
    if not np.array_equal(order, np.arange(n)):
        # intervals are appended per instrument; re-sort them by (key, start) for the search
        c.intervals = [c.intervals[j] for j in order]
        key_start, keys, status, bound = key_start[order], keys[order], status[order], bound[order]
        spans: dict[tuple[str, str], tuple[int, int]] = {}
        for j, iv in enumerate(c.intervals):
            lo, _ = spans.get((iv.state, iv.instrument), (j, j))
            spans[(iv.state, iv.instrument)] = (lo, j + 1)
        c.spans = spans
    c.key_start, c.interval_key, c.status_code, c.bound_flag = key_start, keys, status, bound
