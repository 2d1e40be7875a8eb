"""Compile the record with the rules into per-(state, instrument) intervals `[start, end)`.

Intervals are also laid out in flat NumPy arrays, so that any number of (state, instrument, day)
lookups is one vectorised search (see `lookup.py`).
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from foederis.engine.packed import Packed, as_list, pack, unpack
from foederis.record.loader import Record
from foederis.record.pickling import quick_unpickle
from foederis.rules.base import Check, Reason, RuleContext, Status, Transition, link_reason
from foederis.rules.frozen import fast_init
from foederis.rules.options import DEFAULT_OPTIONS, Options
from foederis.rules.registry import REGISTRY, Registry

if TYPE_CHECKING:
    import numpy as np

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


def _filled(n: int, value: int | bool, dtype: str) -> np.ndarray:
    """An array of `n` times `value` (NumPy imported only when one is built)."""
    import numpy as np

    return np.full(n, value, dtype)


@quick_unpickle
@fast_init
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


#: The lookup arrays of `Compiled`, pickled packed (`packed.py`) and rebuilt on first use.
ARRAY_FIELDS = (
    "key_start",
    "status_code",
    "bound_flag",
    "interval_key",
    "ext_key_start",
    "ext_interval",
    "ext_status",
    "ext_bound",
    "key_lo",
    "start_day",
)


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
    key_start: np.ndarray = field(default_factory=lambda: _filled(0, 0, "int64"))
    status_code: np.ndarray = field(default_factory=lambda: _filled(0, 0, "int8"))
    bound_flag: np.ndarray = field(default_factory=lambda: _filled(0, False, "bool"))
    interval_key: np.ndarray = field(default_factory=lambda: _filled(0, 0, "int64"))
    # the same search with one sentinel per key (day 0, no interval) and one before every key, so
    # that `searchsorted` lands inside the query's own key and no hit test is needed (lookup.py)
    ext_key_start: np.ndarray = field(default_factory=lambda: _filled(1, -(2**63), "int64"))
    ext_interval: np.ndarray = field(default_factory=lambda: _filled(1, -1, "int32"))
    ext_status: np.ndarray = field(default_factory=lambda: _filled(1, 0, "int8"))
    ext_bound: np.ndarray = field(default_factory=lambda: _filled(1, False, "bool"))
    #: intervals of key k are key_lo[k]:key_lo[k + 1]; start_day is each interval's start day number
    key_lo: np.ndarray = field(default_factory=lambda: _filled(1, 0, "int64"))
    start_day: np.ndarray = field(default_factory=lambda: _filled(0, 0, "int32"))
    #: the instrument descriptions this was compiled with (not pickled: a cache holds the built-ins)
    registry: Registry = REGISTRY

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        for derived in ("registry", "_single", "start_columns", "shifted_answers"):  # rebuilt on use
            state.pop(derived, None)
        # the arrays as plain bytes: loading the record then needs no NumPy (see `packed.py`)
        packed: dict[str, Packed] = dict(state.pop("_packed", {}))  # type: ignore[call-overload]
        for name in ARRAY_FIELDS:
            if name in state:
                packed[name] = pack(state.pop(name))
        state["_packed"] = packed
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self.registry = REGISTRY

    def __getattr__(self, name: str) -> Any:
        """An array still packed since loading, rebuilt (with NumPy) on its first use."""
        packed = self.__dict__.get("_packed")
        if packed is None or name not in packed:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        value = unpack(packed.pop(name))
        setattr(self, name, value)
        return value

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

    @cached_property
    def _single(self) -> tuple[list[int], list[int]]:
        """`key_lo` and `start_day` as Python lists: the batch lookup's arrays, read one element at
        a time without NumPy's per-element cost (read from the packed bytes while still packed)."""
        packed = self.__dict__.get("_packed", {})
        key_lo, start_day = (
            as_list(packed[n]) if n in packed else getattr(self, n).tolist() for n in ("key_lo", "start_day")
        )
        return key_lo, start_day

    @cached_property
    def start_columns(self) -> tuple[np.ndarray, ...]:
        """Column t holds, for every key, the start day of its t-th interval (int32; a key with
        fewer intervals holds the int32 maximum there). Counting the columns whose start is on or
        before a day gives the interval holding on it: what the batch search reads (lookup.py)."""
        import numpy as np

        count = np.diff(self.key_lo)
        width = int(count.max()) if count.size else 0
        columns = np.full((width, len(count)), np.iinfo(np.int32).max, np.int32)
        for t in range(width):
            has = np.flatnonzero(count > t)
            columns[t, has] = self.start_day[self.key_lo[has] + t]
        return tuple(columns)

    @cached_property
    def shifted_answers(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Status, bound and interval index with a leading "no interval" entry, so that position
        `interval + 1` answers a query and position 0 means status none."""
        import numpy as np

        return (
            np.concatenate([[0], self.status_code]).astype(np.int8),
            np.concatenate([[False], self.bound_flag]).astype(bool),
            np.arange(-1, len(self.intervals), dtype=np.int32),
        )

    def interval_on(self, state: str, instrument: str, day: date) -> Interval | None:
        """The interval holding on `day`, or None (status `none`: nothing in the record yet).

        The single-question path, on the same arrays as the batch `lookup`: the key's intervals
        are `key_lo[k]:key_lo[k + 1]`, sorted by start day and never overlapping, so the last one
        starting on or before `day` is the only candidate (a property test checks the two agree).
        """
        s, i = self.state_index.get(state), self.instrument_index.get(instrument)
        if s is None or i is None:
            return None
        key_lo, start_day = self._single
        k = s * len(self.instruments) + i
        lo, hi = key_lo[k], key_lo[k + 1]
        j = bisect_right(start_day, day.toordinal() - BASE_DAY, lo, hi) - 1
        if j < lo:
            return None
        iv = self.intervals[j]
        return iv if iv.end is None or day < iv.end else None

    def instruments_of(self, state: str) -> list[str]:
        return [i for i in self.instruments if (state, i) in self.spans]


def _intervals(state: str, instrument: str, transitions: list[Transition]) -> list[Interval]:
    """Turn transitions into contiguous intervals; on one day the last transition added wins."""
    by_day = {t.day: t for t in transitions}  # a later transition of the same day replaces the earlier
    out: list[Interval] = []
    start: date | None = None
    last: Transition | None = None
    # runs of equal (status, bound, reasons) merge into one interval from the run's first day
    for day in sorted(by_day):
        t = by_day[day]
        if last is not None:
            if last.status == t.status and last.bound == t.bound and last.reasons == t.reasons:
                last = t
                continue
            out.append(Interval(state, instrument, start, day, last.status, last.bound, last.reasons))  # type: ignore[arg-type]
        start, last = day, t
    if last is not None:
        out.append(Interval(state, instrument, start, None, last.status, last.bound, last.reasons))  # type: ignore[arg-type]
    return out


def compile_record(
    record: Record,
    options: Options = DEFAULT_OPTIONS,
    instruments: list[str] | None = None,
    registry: Registry = REGISTRY,
) -> Compiled:
    """Run every instrument's rules in `registry` (or only `instruments`) over the record, laid out
    for lookup.

    The cyclic garbage collector is paused meanwhile: compiling allocates many small objects and
    no cycles, and the collector's passes over them made compile time grow faster than the record.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _compile(record, options, instruments, registry)
    finally:
        if was_enabled:
            gc.enable()


def _compile(record: Record, options: Options, instruments: list[str] | None, registry: Registry) -> Compiled:
    treaty: dict[str, dict[str, tuple[date | None, Reason]]] = {}
    checks: list[Check] = []
    notes: list[str] = []
    instruments = list(instruments or registry)
    states = sorted(record.states.states)
    # each state's transitions under each instrument, instruments in order
    by_state: dict[str, list[tuple[str, list[Transition]]]] = defaultdict(list)
    for inst in instruments:
        result = registry[inst].compile(RuleContext(record, options, inst))
        _cease_predecessors(record, result.transitions)
        treaty[inst] = result.treaty
        checks.extend(result.checks)
        notes.extend(f"{inst}: {n}" for n in result.notes)
        for state, ts in result.transitions.items():
            if ts:
                by_state[state].append((inst, ts))
    # intervals are laid down in the lookup arrays' key order (state, then instrument), so that
    # `_lay_out` need not sort them again
    intervals: list[Interval] = []
    spans: dict[tuple[str, str], tuple[int, int]] = {}
    for state in sorted(by_state):
        for inst, ts in by_state[state]:
            ivs = _intervals(state, inst, ts)
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
    import numpy as np

    s_idx, i_idx = c.state_index, c.instrument_index
    n_inst = len(c.instruments)
    ivs = c.intervals
    n = len(ivs)
    # each span is one key's intervals, in the order of `ivs`: one key per span, repeated
    span_key = np.fromiter((s_idx[s] * n_inst + i_idx[i] for s, i in c.spans), np.int64, len(c.spans))
    span_len = np.fromiter((hi - lo for lo, hi in c.spans.values()), np.int64, len(c.spans))
    keys = np.repeat(span_key, span_len)
    days = np.fromiter(map(date.toordinal, map(attrgetter("start"), ivs)), np.int64, n) - BASE_DAY
    status = np.fromiter(map(attrgetter("status"), ivs), np.int8, n)
    bound = np.fromiter(map(attrgetter("bound"), ivs), bool, n)
    outside = np.flatnonzero((days < 0) | (days >= DAY_LIMIT))
    if outside.size:
        # packing it would spill into the key bits and give contradictory timelines
        iv = ivs[int(outside[0])]
        raise DayOutOfRange(f"{iv.state} {iv.instrument}: interval starts {iv.start}, outside the engine")
    key_start = (keys << DAY_BITS) | days
    order = np.argsort(key_start, kind="stable")
    if not np.array_equal(order, np.arange(n)):
        # `_compile` lays intervals down in (key, start) order, so this is a guard: the search needs
        # that order, whoever built the list
        c.intervals = [ivs[j] for j in order.tolist()]
        key_start, keys, status, bound = key_start[order], keys[order], status[order], bound[order]
        firsts = np.flatnonzero(np.diff(keys, prepend=-1)).tolist()
        ends = [*firsts[1:], n]
        c.spans = {
            (c.states[k // n_inst], c.instruments[k % n_inst]): (lo, hi)
            for k, lo, hi in zip(keys[firsts].tolist(), firsts, ends, strict=True)
        }
    c.key_start, c.interval_key, c.status_code, c.bound_flag = key_start, keys, status, bound
    n_keys = len(c.states) * len(c.instruments)
    c.key_lo = np.searchsorted(keys, np.arange(n_keys + 1, dtype=np.int64)).astype(np.int64)
    c.start_day = (key_start & (DAY_LIMIT - 1)).astype(np.int32)
    # sentinels: one below every query, then (key, day 0) for every key, each meaning "no interval";
    # a stable sort keeps a sentinel before an interval of its key that starts on day 0
    sentinels = np.arange(n_keys, dtype=np.int64) << DAY_BITS
    ext = np.concatenate([[np.iinfo(np.int64).min], sentinels, key_start])
    order = np.argsort(ext, kind="stable")
    ivx = np.concatenate([np.full(n_keys + 1, -1, np.int32), np.arange(n, dtype=np.int32)])[order]
    c.ext_key_start, c.ext_interval = ext[order], ivx
    c.ext_status = np.where(ivx >= 0, status[np.maximum(ivx, 0)] if n else 0, 0).astype(np.int8)
    c.ext_bound = np.where(ivx >= 0, bound[np.maximum(ivx, 0)] if n else False, False)
