"""Lay a scenario's events over the real record, compile both, and read off what changes.

Changes come from interval boundaries in the compiled arrays (no day × state loop): an interval
starting inside the window whose status or bound differs from the one before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import numpy as np

from foederis.engine.compile import DAY_BITS, Compiled, Interval, compile_record, day_number
from foederis.engine.lookup import lookup
from foederis.questions.common import event_out, reason_out
from foederis.questions.matrix import matrix
from foederis.questions.members import bound_states
from foederis.questions.obligations import may, verdict
from foederis.record.loader import Record
from foederis.record.models import ConflictPeriod, Event
from foederis.rules.base import Status
from foederis.rules.options import Options, describe_options
from foederis.rules.registry import REGISTRY, Registry
from foederis.scenarios.result import (
    Change,
    ConflictOut,
    DiffEntry,
    EarliestUse,
    FrozenWithdrawal,
    KeyDateMatrix,
    ScenarioResult,
    Segment,
    StateTimeline,
)
from foederis.scenarios.schema import (
    Accession,
    ArmedAttack,
    Art4Consultations,
    Art5Invocation,
    ConflictEnd,
    ConflictStart,
    Ratification,
    Scenario,
    WithdrawalNotice,
)

MAX_KEY_DATES = 8


def alliance_of(registry: Registry) -> str:
    """The alliance a scenario is played in: the registry's first (the record has one)."""
    return registry.alliances()[0]


def ban_instruments(registry: Registry) -> list[str]:
    """Every instrument that bans a weapon, each once, in registry order."""
    return list(dict.fromkeys(i for ids in registry.weapons().values() for i in ids))


@dataclass
class _OpenConflict:
    """A conflict a scenario has started; `end` is set by a later conflict_end event."""

    state: str
    start: date
    basis: str
    opponent: str
    source: str
    note: str
    line: int
    end: date | None = None


def source_of(scenario: Scenario, line: int) -> str:
    """The marker every scenario fact carries instead of a source: the file and the line."""
    return f"scenario:{scenario.name}:line {line}"


def scenario_facts(
    scenario: Scenario, record: Record, registry: Registry = REGISTRY
) -> tuple[list[Event], list[ConflictPeriod]]:
    """The scenario as record rows: events (status 'assumed') and conflict periods."""
    events: list[Event] = []
    opened: list[_OpenConflict] = []
    file = f"scenario:{scenario.name}"
    alliance = alliance_of(registry)

    def ev(
        instrument: str, state: str, action: str, day: date, line: int, note: str, **typed: object
    ) -> Event:
        return Event(
            instrument,
            state,
            record.states.name(state),
            action,
            day,
            source_of(scenario, line),
            note,
            "assumed",
            file,
            line,
            **typed,  # type: ignore[arg-type]
        )

    for e in scenario.events:
        src = source_of(scenario, e.line)
        if isinstance(e, ArmedAttack):
            where = f" at {e.place}" if e.place else ""
            basis = f"armed attack on {e.state}{where} (scenario)"
            opened.append(_OpenConflict(e.state, e.date, basis, e.by, src, e.note, e.line))
        elif isinstance(e, ConflictStart):
            basis = e.basis or "armed conflict (scenario)"
            opened.append(_OpenConflict(e.state, e.date, basis, e.opponent, src, e.note, e.line))
        elif isinstance(e, ConflictEnd):
            for period in reversed(opened):
                if period.state == e.state and period.end is None:
                    period.end = e.date
                    period.note = f"{period.note} ended by {src}".strip()
                    break
        elif isinstance(e, Art4Consultations):
            for s in e.states:
                events.append(ev(alliance, s, "art4_consultation_request", e.date, e.line, e.note))
        elif isinstance(e, Art5Invocation):
            events.append(
                ev(
                    alliance,
                    e.state,
                    "art5_invocation",
                    e.date,
                    e.line,
                    e.note,
                    participants=tuple(e.participants),
                )
            )
        elif isinstance(e, WithdrawalNotice):
            clause = registry[e.instrument].withdrawal if e.instrument in registry else None
            action = clause.notice_action if clause else "withdrawal_notice"
            events.append(ev(e.instrument, e.state, action, e.date, e.line, e.note))
        elif isinstance(e, Accession | Ratification):
            events.append(ev(e.instrument, e.state, e.type, e.date, e.line, e.note))
    conflicts = [
        ConflictPeriod(p.state, p.start, p.end, p.basis, p.opponent, p.source, p.note, "day", file, p.line)
        for p in opened
    ]
    return events, conflicts


def run_scenario(
    scenario: Scenario, options: Options | None = None, record: Record | None = None
) -> ScenarioResult:
    """Compile the real record with and without the scenario (same options) and compare them."""
    options = options or scenario.options
    if record is None:
        from foederis.engine.cache import load_compiled

        base = load_compiled(options)
    else:
        base = compile_record(record, options)
    events, conflicts = scenario_facts(scenario, base.record, base.registry)
    world = compile_record(base.record.overlay(events, conflicts), options, registry=base.registry)
    allies = bound_states(world, alliance_of(world.registry), scenario.start)
    touched = scenario.states()
    frozen = frozen_withdrawals(world, scenario, options)
    changes = change_log(world, base, scenario.start, scenario.end)
    have = {(ch.date, ch.state, ch.instrument) for ch in changes}
    for f in frozen:
        if scenario.start <= f.expiry <= scenario.end and (f.expiry, f.state, f.instrument) not in have:
            changes.append(
                Change(
                    date=f.expiry,
                    state=f.state,
                    state_name=f.state_name,
                    instrument=f.instrument,
                    before="withdrawal_pending",
                    after="withdrawal_pending",
                    bound_before=True,
                    bound_after=True,
                    kind="grounds",
                    origin="scenario",
                    reasons=f.reasons,
                )
            )
    changes.sort(key=lambda ch: (ch.date, ch.state, ch.instrument))
    return ScenarioResult(
        scenario=scenario,
        events=[event_out(e) for e in events],
        conflicts=[_conflict_out(c) for c in conflicts],
        record_conflicts=[
            _conflict_out(c)
            for c in base.record.conflicts
            if (c.state in allies or c.state in touched)
            and c.start <= scenario.end
            and (c.end is None or c.end > scenario.start)
        ],
        allies=allies,
        changes=changes,
        frozen=frozen,
        timelines=timelines(world, scenario, allies, touched),
        earliest_use=earliest_use(world, allies, scenario.start, scenario.end),
        diff=diff(base, world),
        matrices=key_date_matrices(world, scenario, allies),
        options=describe_options(options),
    )


def _conflict_out(c: ConflictPeriod) -> ConflictOut:
    return ConflictOut(
        state=c.state, start=c.start, end=c.end, basis=c.basis, opponent=c.opponent, source=c.source
    )


def change_log(c: Compiled, base: Compiled, start: date, end: date) -> list[Change]:
    """Every (day, state, instrument) in [start, end] where status or bound changes, with reasons."""
    if not len(c.key_start):
        return []
    starts = c.key_start & ((1 << DAY_BITS) - 1)
    idx = np.flatnonzero((starts >= day_number(start)) & (starts <= day_number(end)))
    prev = idx - 1
    same = (prev >= 0) & (c.interval_key[np.maximum(prev, 0)] == c.interval_key[idx])
    safe = np.maximum(prev, 0)
    before_status = np.where(same, c.status_code[safe], 0)
    before_bound = np.where(same, c.bound_flag[safe], False)
    changed = (before_status != c.status_code[idx]) | (before_bound != c.bound_flag[idx])
    # same status and bound but new grounds (e.g. a notice period expires, frozen by Art. 20(3))
    regrounded = same & ~changed
    keep = changed | regrounded
    idx, before_status, before_bound = idx[keep], before_status[keep], before_bound[keep]
    changed = changed[keep]
    n_inst = len(c.instruments)
    keys = c.interval_key[idx]
    days = starts[idx]
    # the same change in the real record compiled alone? (same lists of states and instruments)
    b_now = lookup(base, keys // n_inst, keys % n_inst, days)
    b_before = lookup(base, keys // n_inst, keys % n_inst, days - 1)
    in_record = (
        (b_now.status == c.status_code[idx])
        & (b_now.bound == c.bound_flag[idx])
        & (b_before.status == before_status)
        & (b_before.bound == before_bound)
    )
    out: list[Change] = []
    for j, k in enumerate(idx):
        iv = c.intervals[int(k)]
        out.append(
            Change(
                date=iv.start,
                state=iv.state,
                state_name=c.record.states.name(iv.state),
                instrument=iv.instrument,
                before=Status(int(before_status[j])).name,
                after=iv.status.name,
                bound_before=bool(before_bound[j]),
                bound_after=iv.bound,
                kind="position" if changed[j] else "grounds",
                origin="record" if in_record[j] and changed[j] else _origin(base, iv),
                reasons=[reason_out(c, r) for r in iv.reasons],
            )
        )
    return sorted(out, key=lambda ch: (ch.date, ch.state, ch.instrument))


def frozen_withdrawals(c: Compiled, scenario: Scenario, options: Options) -> list[FrozenWithdrawal]:
    """The scenario's withdrawals still pending when their notice period expires (the instruments
    whose withdrawal an armed conflict can hold back)."""
    out = []
    freezing = c.registry.freezing()
    for e in scenario.events:
        if not isinstance(e, WithdrawalNotice) or e.instrument not in freezing:
            continue
        clause = c.registry[e.instrument].withdrawal
        assert clause is not None  # `freezing` lists only instruments with a clause
        expiry = clause.expiry(e.date, options)
        iv = c.interval_on(e.state, e.instrument, expiry)
        if iv is None or iv.status != Status.withdrawal_pending:
            continue
        after = next(
            (
                x
                for x in c.intervals_of(e.state, e.instrument)
                if x.start >= expiry and x.status == Status.withdrawn
            ),
            None,
        )
        reasons = after.reasons if after else iv.reasons
        out.append(
            FrozenWithdrawal(
                state=e.state,
                state_name=c.record.states.name(e.state),
                instrument=e.instrument,
                notice=e.date,
                expiry=expiry,
                effective=after.start if after else None,
                provision=clause.effect,
                reasons=[reason_out(c, r) for r in reasons],
            )
        )
    return out


def _origin(base: Compiled, iv: Interval) -> Literal["scenario", "record"]:
    """Whether the real record alone has an interval starting that day with the same status."""
    for other in base.intervals_of(iv.state, iv.instrument):
        if other.start == iv.start and other.status == iv.status and other.bound == iv.bound:
            return "record"
    return "scenario"


def segments(c: Compiled, state: str, instrument: str, start: date, end: date) -> list[Segment]:
    """The state's statuses under the instrument over [start, end], gaps filled with 'none'.

    Segment ends are exclusive, so the last one ends the day after `end`.
    """
    stop = end + timedelta(days=1)
    out: list[Segment] = []
    cursor = start
    for iv in c.intervals_of(state, instrument):
        iv_end = iv.end or date.max
        if iv_end <= start or iv.start >= stop:
            continue
        s, e = max(iv.start, start), min(iv_end, stop)
        if s > cursor:
            out.append(Segment(instrument=instrument, start=cursor, end=s, status="none", bound=False))
        out.append(Segment(instrument=instrument, start=s, end=e, status=iv.status.name, bound=iv.bound))
        cursor = e
    if cursor < stop:
        out.append(Segment(instrument=instrument, start=cursor, end=stop, status="none", bound=False))
    return out


def timelines(c: Compiled, scenario: Scenario, allies: list[str], touched: list[str]) -> list[StateTimeline]:
    """For every ally and every state the scenario names: the alliance, the weapons bans and any
    instrument the scenario names."""
    named = {getattr(e, "instrument", None) for e in scenario.events} - {None}
    ordered = (alliance_of(c.registry), *ban_instruments(c.registry))
    instruments = [i for i in ordered if i in c.instruments]
    instruments += sorted(i for i in named if i not in instruments)  # type: ignore[misc]
    out = []
    for state in [*allies, *(s for s in touched if s not in allies)]:
        segs = [seg for inst in instruments for seg in segments(c, state, inst, scenario.start, scenario.end)]
        out.append(
            StateTimeline(
                state=state,
                state_name=c.record.states.name(state),
                ally=state in allies,
                touched=state in touched,
                segments=segs,
            )
        )
    return out


def earliest_use(c: Compiled, allies: list[str], start: date, end: date) -> list[EarliestUse]:
    """For each ally and weapon, the first day in the window `may` lets it use the weapon.

    Status is constant inside an interval, so only the window start and interval starts are asked.
    """
    out = []
    for weapon, banning in c.registry.weapons().items():
        if not any(
            (o := c.registry[i].obligations) is not None
            and "use" in o.activities
            and o.activities["use"].exception is None
            for i in banning
        ):
            continue  # no instrument prohibits its use outright (the ATT regulates transfers only;
            # CCW Protocol III and Amended Protocol II restrict use, so it is lawful from the start)
        instrument = banning[0]
        for state in allies:
            starts = {iv.start for i in banning for iv in c.intervals_of(state, i) if start < iv.start <= end}
            days = [start, *sorted(starts)]
            found = next((d for d in days if verdict(c, state, "use", weapon, d)[0] != "prohibited"), None)
            ans = may(c, state, "use", weapon, found or end)
            out.append(
                EarliestUse(
                    state=state,
                    state_name=ans.state_name,
                    weapon=weapon,
                    instrument=instrument,
                    date=found,
                    verdict=ans.verdict,
                    reasons=ans.reasons,
                )
            )
    return out


@dataclass(frozen=True)
class _Span:
    """A run of days with one (status, bound) for one state and instrument: what `diff` compares."""

    start: date
    end: date | None
    status: str
    bound: bool

    def holds(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


def _shape(c: Compiled, state: str, instrument: str) -> list[_Span]:
    """Intervals reduced to (start, end, status, bound), neighbours with the same pair merged."""
    out: list[_Span] = []
    for iv in c.intervals_of(state, instrument):
        last = out[-1] if out else None
        if last and (last.status, last.bound, last.end) == (iv.status.name, iv.bound, iv.start):
            out[-1] = _Span(last.start, iv.end, last.status, last.bound)
        else:
            out.append(_Span(iv.start, iv.end, iv.status.name, iv.bound))
    return out


def _at(shape: list[_Span], day: date) -> tuple[str, bool]:
    span = next((x for x in shape if x.holds(day)), None)
    return (span.status, span.bound) if span else ("none", False)


def _first_difference(a: list[_Span], b: list[_Span]) -> date:
    """The first day on which the two shapes give a different (status, bound)."""
    days = sorted({d for x in (*a, *b) for d in (x.start, x.end) if d is not None})
    return next(d for d in days if _at(a, d) != _at(b, d))


def _segments(instrument: str, shape: list[_Span]) -> list[Segment]:
    return [
        Segment(instrument=instrument, start=x.start, end=x.end, status=x.status, bound=x.bound)
        for x in shape
    ]


def diff(base: Compiled, world: Compiled) -> list[DiffEntry]:
    """Every (state, instrument) whose status/bound intervals differ from the real record's."""
    out = []
    for state, instrument in sorted(set(base.spans) | set(world.spans)):
        a, b = _shape(base, state, instrument), _shape(world, state, instrument)
        if a == b:
            continue
        first = _first_difference(a, b)
        out.append(
            DiffEntry(
                state=state,
                state_name=world.record.states.name(state),
                instrument=instrument,
                first_difference=first,
                baseline=_segments(instrument, a),
                scenario=_segments(instrument, b),
            )
        )
    return out


def key_dates(c: Compiled, scenario: Scenario, allies: list[str]) -> list[tuple[date, str]]:
    """The window's start and end and the days on which an ally's weapons-ban position changes."""
    found: dict[date, list[str]] = {scenario.start: ["window start"]}
    for state in allies:
        for instrument in ban_instruments(c.registry):
            for iv in c.intervals_of(state, instrument):
                if scenario.start < iv.start <= scenario.end:
                    found.setdefault(iv.start, []).append(f"{state} {instrument} → {iv.status.name}")
    days = sorted(found)
    if len(days) > MAX_KEY_DATES:
        days = days[: MAX_KEY_DATES - 1]
    if scenario.end not in days:
        days.append(scenario.end)
        found.setdefault(scenario.end, []).append("window end")
    return [(d, "; ".join(found[d])) for d in days]


def key_date_matrices(c: Compiled, scenario: Scenario, allies: list[str]) -> list[KeyDateMatrix]:
    """The alliance weapons matrix (questions.matrix) on each key date, verdicts only."""
    out = []
    for day, why in key_dates(c, scenario, allies):
        cells = {}
        for weapon in c.registry.weapons():
            ans = matrix(c, alliance_of(c.registry), weapon, day)
            cells[weapon] = {row.state: dict(row.activities) for row in ans.rows}
        out.append(KeyDateMatrix(date=day, why=why, cells=cells))
    return out
