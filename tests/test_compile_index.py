"""The compile's indexes and layout change its speed, never its answers.

Rules read conflict periods, succession links and treaty-wide events through indexes built once
per record (`Record.conflicts_by_state`, `links_by_successor`, `RuleContext._treaty_by_action`), and
the engine lays intervals out in key order as it builds them. Here every lookup is answered by a
scan of the whole record instead, intervals are merged by a plain reading of the rule, and the
result must equal the compiled record row for row: on the real record under every option that
reaches the rules, and on a synthetic record three and ten times its size.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from foederis.engine.compile import Compiled, Interval, compile_record
from foederis.record.loader import Record
from foederis.record.models import ConflictPeriod, Event, SuccessionLink
from foederis.record.replicate import replicate
from foederis.rules.base import RuleContext, Status, Transition, link_reason
from foederis.rules.options import DEFAULT_OPTIONS, Options
from foederis.rules.registry import REGISTRY

#: options that change what the rules compute (the others only change how questions read it)
VARIANTS = [
    DEFAULT_OPTIONS,
    Options(month_overflow="next_day"),
    Options(engaged="primary_party"),
    Options(engaged="article5_participant"),
    Options(freeze_scope="on_expiry"),
    Options(claimed_suspension="releases"),
]


class ScanContext(RuleContext):
    """A rule context that answers every lookup by scanning the whole record (no index)."""

    def conflicts(self, iso3: str) -> list[ConflictPeriod]:
        return [c for c in self.record.conflicts if c.state == iso3]

    def links_into(self, iso3: str) -> list[SuccessionLink]:
        return [link for link in self.record.successions if link.successor == iso3]

    def treaty_events(self, action: str) -> list[Event]:
        return [e for e in self.events if e.state == "*" and e.action == action]

    @property
    def event_states(self) -> frozenset[str]:  # type: ignore[override]
        return frozenset(e.state for e in self.events)


def plain_intervals(state: str, instrument: str, transitions: list[Transition]) -> list[Interval]:
    """The intervals rule read directly: on each day the last transition added holds; neighbouring
    days with the same status, bound and reasons are one interval, which ends where the next starts."""
    days = sorted({t.day for t in transitions})
    last = {day: [t for t in transitions if t.day == day][-1] for day in days}
    runs = [
        list(group)
        for _, group in itertools.groupby(
            days, key=lambda d: (last[d].status, last[d].bound, last[d].reasons)
        )
    ]
    starts: list[date] = [run[0] for run in runs]
    ends: list[date | None] = [*starts[1:], None]
    return [
        Interval(
            state, instrument, run[0], end, last[run[-1]].status, last[run[-1]].bound, last[run[-1]].reasons
        )
        for run, end in zip(runs, ends, strict=True)
    ]


def plain_compile(record: Record, options: Options) -> list[Interval]:
    """Every instrument's intervals by scans and the plain merge, sorted by (state, instrument, start)
    in the order of the compiled record's keys."""
    rows: list[Interval] = []
    for inst in REGISTRY:
        result = REGISTRY[inst].compile(ScanContext(record, options, inst))
        transitions = result.transitions
        for link in record.successions:  # a state that ceased to exist has no status after that day
            ts = transitions.get(link.predecessor)
            if (
                ts
                and link.kind in ("continuation", "succession")
                and not [t for t in ts if t.day >= link.date and t.status == Status.none]
            ):
                ts.append(Transition(link.date, Status.none, False, (link_reason(link),)))
        for state, ts in transitions.items():
            rows += plain_intervals(state, inst, ts)
    state_at = {s: i for i, s in enumerate(sorted(record.states.states))}
    inst_at = {s: i for i, s in enumerate(REGISTRY)}
    return sorted(rows, key=lambda iv: (state_at[iv.state], inst_at[iv.instrument], iv.start))


def assert_same(c: Compiled, rows: list[Interval]) -> None:
    assert len(c.intervals) == len(rows)
    for got, want in zip(c.intervals, rows, strict=True):
        assert got == want, (got.state, got.instrument, got.start)
    for (state, inst), (lo, hi) in c.spans.items():
        assert {(iv.state, iv.instrument) for iv in c.intervals[lo:hi]} == {(state, inst)}
    assert sum(hi - lo for lo, hi in c.spans.values()) == len(c.intervals)


@pytest.fixture(scope="module")
def scaled(record: Record) -> dict[int, Record]:
    return {k: replicate(record, k) for k in (3, 10)}


def test_indexes_answer_as_scans(record: Record, scaled: dict[int, Record]) -> None:
    for rec in (record, *scaled.values()):
        states = set(rec.states.states) | {c.state for c in rec.conflicts}
        for inst in ("ccm", "nato", "cwc"):
            fast, scan = RuleContext(rec, DEFAULT_OPTIONS, inst), ScanContext(rec, DEFAULT_OPTIONS, inst)
            assert fast.event_states == scan.event_states
            for action in {e.action for e in fast.events}:
                assert fast.treaty_events(action) == scan.treaty_events(action)
        fast, scan = RuleContext(rec, DEFAULT_OPTIONS, "ccm"), ScanContext(rec, DEFAULT_OPTIONS, "ccm")
        for state in states:
            assert fast.conflicts(state) == scan.conflicts(state)
            assert fast.links_into(state) == scan.links_into(state)


@pytest.mark.parametrize(
    "options", VARIANTS, ids=lambda o: str(o.model_dump(exclude_defaults=True)) or "defaults"
)
def test_real_record_compiles_as_by_scans(record: Record, options: Options) -> None:
    assert_same(compile_record(record, options), plain_compile(record, options))


@pytest.mark.parametrize("times", [3, 10])
def test_scaled_record_compiles_as_by_scans(scaled: dict[int, Record], times: int) -> None:
    rec = scaled[times]
    c = compile_record(rec)
    assert_same(c, plain_compile(rec, DEFAULT_OPTIONS))
    # the copies are compiled too: each real state's copies have intervals where it has
    copies = {(s.split(".")[0], i) for s, i in c.spans if "." in s}
    assert copies == {(s, i) for s, i in c.spans if "." not in s}


def test_compile_leaves_the_collector_as_it_found_it(record: Record) -> None:
    import gc

    gc.disable()
    try:
        compile_record(record)
        assert not gc.isenabled()
    finally:
        gc.enable()
    compile_record(record)
    assert gc.isenabled()
