"""What-if: if a state gives notice of withdrawal on day N, when does it take effect, and why?

The notice and any assumed conflict periods are laid over the real record (with the record's own
conflicts), the instrument is compiled again by the same rules, and the answer reads the result.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field

from foederis.engine.compile import Compiled, compile_record
from foederis.questions.common import event_out, reason_out
from foederis.questions.inputs import InputError, parse_date
from foederis.questions.models import EventOut, ReasonOut
from foederis.record.models import ConflictPeriod, Event
from foederis.rules.base import Reason, Status
from foederis.rules.options import describe_options
from foederis.rules.registry import Registry
from foederis.rules.spec import Withdrawal

Outcome = Literal["effective", "pending", "not_permitted"]


class WithdrawalAnswer(BaseModel):
    state: str
    instrument: str
    notice: date
    outcome: Outcome
    effective: date | None
    pending_until: str | None = None
    conflicts: list[dict[str, Any]]
    superseded: list[EventOut] = Field(
        default=[], description="recorded notices on or after the hypothetical one, which it replaces"
    )
    reasons: list[ReasonOut]
    options: dict[str, Any]
    known_on: date | None = Field(
        None,
        description="set when answered as the record stood on that day (--known-on): later facts left out",
    )


def parse_conflict(text: str, field: str = "conflict") -> tuple[date, date | None]:
    """'START..END' or 'START..' (ongoing) into dates; END is the day the conflict has ended."""
    if ".." not in text:
        raise InputError(field, f"{text!r}: write START..END or START.. (ongoing), e.g. 2027-05-01..")
    start_text, end_text = text.split("..", 1)
    start = parse_date(start_text, field)
    end = parse_date(end_text, field) if end_text.strip() else None
    if end is not None and end <= start:
        raise InputError(field, f"{text!r}: the end {end} is not after the start {start}")
    return start, end


def withdrawal_clause(registry: Registry, instrument: str) -> Withdrawal:
    """The instrument's withdrawal clause, or an input error naming those that have one."""
    spec = registry.get(instrument)
    if spec is None or spec.withdrawal is None:
        raise InputError(
            "instrument",
            f"no withdrawal rule with a period in the record for {instrument!r}",
            sorted(registry.withdrawable()),
        )
    return spec.withdrawal


def _without_later_notices(
    c: Compiled, state: str, instrument: str, notice: date
) -> tuple[Compiled, list[Event]]:
    """The instrument compiled without the state's recorded notices on or after `notice`: the
    hypothetical notice replaces them (a what-if asks what this notice would do, not the record's)."""
    action = withdrawal_clause(c.registry, instrument).notice_action
    dropped = [
        ev
        for ev in c.record.events_for(instrument)
        if ev.state == state and ev.action == action and ev.date >= notice
    ]
    if not dropped:
        return c, []
    refs = {ev.ref for ev in dropped}
    h = hashlib.sha256(c.record.digest.encode())
    h.update(repr(sorted(refs)).encode())
    record = dataclasses.replace(
        c.record, events=tuple(e for e in c.record.events if e.ref not in refs), digest=h.hexdigest()[:16]
    )
    return compile_record(record, c.options, [instrument], c.registry), dropped


def _not_permitted(
    c: Compiled,
    state: str,
    instrument: str,
    notice: date,
    why: str,
    provision: str | None,
    conflicts: list[dict[str, Any]],
    events: tuple[Event, ...] = (),
) -> WithdrawalAnswer:
    return WithdrawalAnswer(
        state=state,
        instrument=instrument,
        notice=notice,
        outcome="not_permitted",
        effective=None,
        conflicts=conflicts,
        reasons=[reason_out(c, Reason(provision, why, events))],
        options=describe_options(c.options),
        known_on=c.record.known_on,
    )


def _superseding(c: Compiled, superseded: list[Event]) -> list[ReasonOut]:
    """A reason saying which recorded notices the hypothetical one replaced (none: no reason)."""
    if not superseded:
        return []
    days = ", ".join(str(e.date) for e in superseded)
    summary = (
        f"The hypothetical notice replaces the recorded notice of {days}: the record's notices on or "
        "after the hypothetical date are set aside for this answer, earlier ones are kept."
    )
    return [reason_out(c, Reason(None, summary, tuple(superseded)))]


def _assumed(state: str, conflicts: list[tuple[date, date | None]]) -> list[ConflictPeriod]:
    """The what-if's assumed conflict periods, marked as assumed input."""
    return [
        ConflictPeriod(
            state,
            s,
            e,
            "assumed armed conflict (what-if input)",
            "",
            "what-if input",
            "",
            "day",
            "what-if",
            0,
        )
        for s, e in conflicts
    ]


def _refusal(
    c: Compiled, base: Compiled, state: str, instrument: str, notice: date, shown: list[dict[str, Any]]
) -> WithdrawalAnswer | None:
    """Why a notice on `notice` can have no effect (not a party, already pending, too early under a
    minimum time in force), or None when it can."""
    clause = withdrawal_clause(c.registry, instrument)
    current = base.interval_on(state, instrument, notice)
    status = current.status if current else Status.none
    if status not in (Status.party, Status.suspended):
        why = (
            f"On {notice} {state} is not a party to the {c.registry[instrument].short} (status "
            f"'{status.name}'): there is nothing to withdraw from."
        )
        earlier: tuple[Event, ...] = ()
        if status == Status.withdrawal_pending and current is not None:
            notices = [e for r in current.reasons for e in r.events if e.action == clause.notice_action]
            earlier = tuple(notices[-1:])
            named = f": the notice of {earlier[0].date} ({earlier[0].source})" if earlier else ""
            why = f"On {notice} a withdrawal of {state} is already pending{named}."
        return _not_permitted(c, state, instrument, notice, why, clause.effect, shown, earlier)
    if clause.earliest_notice_fact:
        earliest, reason = c.treaty[instrument][clause.earliest_notice_fact]
        if earliest is None or notice < earliest:
            why = reason.summary + f"; a notice on {notice} has no effect."
            return _not_permitted(c, state, instrument, notice, why, clause.effect, shown)
    return None


def _notice_event(c: Compiled, state: str, instrument: str, notice: date) -> Event:
    """The hypothetical notice as a record event, sourced as what-if input."""
    return Event(
        instrument,
        state,
        c.record.states.name(state),
        withdrawal_clause(c.registry, instrument).notice_action,
        notice,
        "what-if input: assumed notice",
        "assumed notice (what-if)",
        "assumed",
        "what-if",
        0,
    )


def withdrawal_whatif(
    c: Compiled, state: str, instrument: str, notice: date, conflicts: list[tuple[date, date | None]]
) -> WithdrawalAnswer:
    """When would a withdrawal notified on `notice` take effect, given assumed conflicts too."""
    assumed = _assumed(state, conflicts)
    shown = [
        {"start": p.start, "end": p.end, "basis": p.basis, "source": p.source, "status": "assumed"}
        for p in assumed
    ]
    base, superseded = _without_later_notices(c, state, instrument, notice)
    refused = _refusal(c, base, state, instrument, notice, shown)
    if refused is not None:
        return refused
    overlay = base.record.overlay([_notice_event(c, state, instrument, notice)], assumed)
    world = compile_record(overlay, c.options, [instrument], c.registry)
    after = [iv for iv in world.intervals_of(state, instrument) if iv.start >= notice]
    withdrawn = next((iv for iv in after if iv.status == Status.withdrawn), None)
    last = after[-1] if after else None
    settled = withdrawn or (last if last is not None and last.status == Status.withdrawal_pending else None)
    if settled is None:
        why = "The rules give no effect to this notice (see the instrument's notes)."
        return _not_permitted(
            c, state, instrument, notice, why, withdrawal_clause(c.registry, instrument).effect, shown
        )
    pending = settled is not withdrawn
    return WithdrawalAnswer(
        state=state,
        instrument=instrument,
        notice=notice,
        outcome="pending" if pending else "effective",
        effective=None if pending else settled.start,
        pending_until="the end of the armed conflict (ongoing in the facts given)" if pending else None,
        conflicts=shown,
        superseded=[event_out(e) for e in superseded],
        reasons=_superseding(world, superseded) + [reason_out(world, r) for r in settled.reasons],
        options=describe_options(c.options),
        known_on=c.record.known_on,
    )
