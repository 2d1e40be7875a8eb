"""Tables for researchers: the state × instrument × day (or year) panel, the status intervals with
their reasons as ids, and the sourced events — as Arrow record batches that any writer can stream.

Every state row carries ISO 3166 alpha-3, Correlates of War and Gleditsch–Ward numbers
(`record/codes.py`); days on which the record says a state did not exist read `not_a_state`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import numpy as np
import pyarrow as pa

from foederis.engine.compile import Compiled, day_number
from foederis.record.codes import existence, is_state, state_codes
from foederis.rules.base import Status

Unit = Literal["day", "year"]
KINDS = ("panel", "intervals", "events")
UNITS = ("day", "year")
NOT_A_STATE = "not_a_state"
#: Status labels by engine code, with one more code for days on which the state did not exist.
STATUS_LABELS = [s.name for s in sorted(Status, key=int)] + [NOT_A_STATE]
_EPOCH = date(1970, 1, 1).toordinal()


@dataclass(frozen=True)
class PanelSpec:
    """What a panel covers: instruments, states, a closed date range, and the time unit.

    With unit `year`, each year is observed on `reference` (month, day), e.g. (12, 31)."""

    instruments: tuple[str, ...]
    states: tuple[str, ...]
    start: date
    end: date
    unit: Unit = "day"
    reference: tuple[int, int] = (12, 31)

    def days(self) -> list[date]:
        if self.unit == "day":
            return [self.start + timedelta(n) for n in range((self.end - self.start).days + 1)]
        out = []
        for year in range(self.start.year, self.end.year + 1):
            month, day = self.reference
            if month == 2 and day == 29 and not _leap(year):
                day = 28  # a 29 February reference falls on the 28th in common years
            d = date(year, month, day)
            if self.start <= d <= self.end:
                out.append(d)
        return out


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _exists_matrix(c: Compiled, states: tuple[str, ...], days: np.ndarray) -> np.ndarray:
    """bool [state, day]: False where the record's succession links say the state did not exist."""
    known = existence(c.record.successions)
    out = np.ones((len(states), len(days)), bool)
    for row, s in enumerate(states):
        ex = known.get(s)
        if ex is None:
            continue
        if ex.since is not None:
            out[row] &= days >= day_number(ex.since)
        if ex.until is not None:
            out[row] &= days < day_number(ex.until)
    return out


def listed_states(c: Compiled) -> tuple[str, ...]:
    """The states of the compiled record, without territories (Antarctica, Bouvet Island)."""
    return tuple(s for s in c.states if is_state(s))


def panel_rows(spec: PanelSpec) -> int:
    return len(spec.states) * len(spec.instruments) * len(spec.days())


def _interval_runs(c: Compiled, state: str, instrument: str, days: np.ndarray) -> np.ndarray:
    """Interval index per day (-1: no status yet) for one (state, instrument), by run expansion:
    a key's intervals are contiguous, so each covers the days from its start to the next one's."""
    lo, hi = c.spans.get((state, instrument), (0, 0))
    if lo == hi:
        return np.full(len(days), -1, np.int32)
    starts = np.array([day_number(iv.start) for iv in c.intervals[lo:hi]], np.int64)
    bounds = np.searchsorted(days, starts, side="left")
    counts = np.diff(np.concatenate(([0], bounds, [len(days)])))
    ids = np.concatenate(([-1], np.arange(lo, hi))).astype(np.int32)
    return np.repeat(ids, counts)


def panel_batches(c: Compiled, spec: PanelSpec, chunk_states: int = 16) -> Iterator[pa.RecordBatch]:
    """The panel in batches of `chunk_states` states (rows ordered state, instrument, date)."""
    days = np.array([day_number(d) for d in spec.days()], np.int64)
    dates32 = np.array([d.toordinal() - _EPOCH for d in spec.days()], np.int32)
    codes = state_codes()
    cow = np.array([getattr(codes.get(s), "cow", None) or -1 for s in spec.states], np.int16)
    gw = np.array([getattr(codes.get(s), "gw", None) or -1 for s in spec.states], np.int16)
    state_dict = pa.array(spec.states)
    inst_dict = pa.array(list(spec.instruments))
    status_dict = pa.array(STATUS_LABELS)
    status_of = np.append(c.status_code, 0).astype(np.int32)  # index -1 (no interval) reads `none`
    bound_of = np.append(c.bound_flag, False)
    n_inst, n_days = len(spec.instruments), len(days)
    not_a_state = len(STATUS_LABELS) - 1
    for lo in range(0, len(spec.states), chunk_states):
        chunk = spec.states[lo : lo + chunk_states]
        if not n_inst * n_days:
            break
        exists = np.repeat(_exists_matrix(c, chunk, days), n_inst, axis=0).ravel()
        interval = np.concatenate(
            [_interval_runs(c, s, i, days) for s in chunk for i in spec.instruments]
        )
        status = np.where(exists, status_of[interval], not_a_state)
        interval = np.where(exists, interval, -1)
        state_pos = np.repeat(np.arange(lo, lo + len(chunk), dtype=np.int32), n_inst * n_days)
        yield pa.RecordBatch.from_arrays(
            [
                pa.DictionaryArray.from_arrays(state_pos, state_dict),
                pa.array(cow[state_pos], mask=cow[state_pos] < 0),
                pa.array(gw[state_pos], mask=gw[state_pos] < 0),
                pa.DictionaryArray.from_arrays(
                    np.tile(np.repeat(np.arange(n_inst, dtype=np.int32), n_days), len(chunk)), inst_dict
                ),
                pa.array(np.tile(dates32, len(chunk) * n_inst), pa.date32()),
                pa.DictionaryArray.from_arrays(status.astype(np.int32), status_dict),
                pa.array(bound_of[interval] & exists),
                pa.array(interval, mask=interval < 0),
                pa.array(exists),
            ],
            schema=PANEL_SCHEMA,
        )


PANEL_SCHEMA = pa.schema(
    [
        pa.field("iso3", pa.dictionary(pa.int32(), pa.string())),
        pa.field("cow", pa.int16()),
        pa.field("gw", pa.int16()),
        pa.field("instrument", pa.dictionary(pa.int32(), pa.string())),
        pa.field("date", pa.date32()),
        pa.field("status", pa.dictionary(pa.int32(), pa.string())),
        pa.field("bound", pa.bool_()),
        pa.field("interval_id", pa.int32()),
        pa.field("state_exists", pa.bool_()),
    ]
)

INTERVAL_SCHEMA = pa.schema(
    [
        ("interval_id", pa.int32()),
        ("iso3", pa.string()),
        ("cow", pa.int16()),
        ("gw", pa.int16()),
        ("instrument", pa.string()),
        ("start", pa.date32()),
        ("end", pa.date32()),
        ("status", pa.string()),
        ("bound", pa.bool_()),
        ("provisions", pa.string()),
        ("events", pa.string()),
        ("options", pa.string()),
    ]
)

EVENT_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("instrument", pa.string()),
        ("iso3", pa.string()),
        ("cow", pa.int16()),
        ("gw", pa.int16()),
        ("state_name", pa.string()),
        ("action", pa.string()),
        ("date", pa.date32()),
        ("status", pa.string()),
        ("source", pa.string()),
        ("source_kind", pa.string()),
        ("known_from", pa.date32()),
        ("note", pa.string()),
    ]
)


def _code(iso3: str, attr: str) -> int | None:
    entry = state_codes().get(iso3)
    return getattr(entry, attr) if entry else None


def intervals_batch(c: Compiled, instruments: tuple[str, ...], states: tuple[str, ...]) -> pa.RecordBatch:
    """One row per status interval; reasons as provision ids and event ids (`file:row`), `;`-joined.
    `interval_id` is the panel's `interval_id` (stable for one record and one set of options)."""
    wanted_i, wanted_s = set(instruments), set(states)
    rows = [(j, iv) for j, iv in enumerate(c.intervals) if iv.instrument in wanted_i and iv.state in wanted_s]
    cols: dict[str, list[object]] = {name: [] for name in INTERVAL_SCHEMA.names}
    for j, iv in rows:
        cols["interval_id"].append(j)
        cols["iso3"].append(iv.state)
        cols["cow"].append(_code(iv.state, "cow"))
        cols["gw"].append(_code(iv.state, "gw"))
        cols["instrument"].append(iv.instrument)
        cols["start"].append(iv.start)
        cols["end"].append(iv.end)
        cols["status"].append(iv.status.name)
        cols["bound"].append(iv.bound)
        cols["provisions"].append(";".join(dict.fromkeys(r.provision for r in iv.reasons if r.provision)))
        cols["events"].append(";".join(dict.fromkeys(e.ref for r in iv.reasons for e in r.events)))
        cols["options"].append(";".join(dict.fromkeys(o for r in iv.reasons for o in r.options)))
    return pa.RecordBatch.from_pydict(cols, schema=INTERVAL_SCHEMA)


def events_batch(c: Compiled, instruments: tuple[str, ...], states: tuple[str, ...]) -> pa.RecordBatch:
    """The sourced record: every event of the chosen instruments about the chosen states (treaty-wide
    events, state `*`, included), with the source kind and `known_from` where the record has them."""
    wanted_i, wanted_s = set(instruments), set(states)
    cols: dict[str, list[object]] = {name: [] for name in EVENT_SCHEMA.names}
    for ev in sorted(c.record.events, key=lambda e: (e.instrument, e.date, e.file, e.row)):
        if ev.instrument not in wanted_i or (ev.state not in wanted_s and ev.state not in ("*", "")):
            continue
        cols["event_id"].append(ev.ref)
        cols["instrument"].append(ev.instrument)
        cols["iso3"].append(ev.state)
        cols["cow"].append(_code(ev.state, "cow"))
        cols["gw"].append(_code(ev.state, "gw"))
        cols["state_name"].append(ev.state_name)
        cols["action"].append(ev.action)
        cols["date"].append(ev.date)
        cols["status"].append(ev.status)
        cols["source"].append(ev.source)
        cols["source_kind"].append(getattr(ev, "source_kind", None))
        cols["known_from"].append(getattr(ev, "known_from", None))
        cols["note"].append(ev.note)
    return pa.RecordBatch.from_pydict(cols, schema=EVENT_SCHEMA)


def state_rows(states: tuple[str, ...], c: Compiled) -> pa.RecordBatch:
    """The state list with names, kinds and codes (a lookup table for the SQLite export)."""
    table = state_codes()
    return pa.RecordBatch.from_pydict(
        {
            "iso3": list(states),
            "name": [c.record.states.name(s) for s in states],
            "kind": [getattr(table.get(s), "kind", None) for s in states],
            "un_member_since": [getattr(table.get(s), "un_member_since", None) for s in states],
            "cow": [getattr(table.get(s), "cow", None) for s in states],
            "gw": [getattr(table.get(s), "gw", None) for s in states],
        }
    )
