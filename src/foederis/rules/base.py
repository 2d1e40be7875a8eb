"""What a rule produces: dated status transitions with the reasons that produced them.

A rules module is a pure function from the record (events, conflict periods, succession links)
and the interpretation options to legal effects. It never reads a date the record states as a
result: such dates become `Check`s that compare the record with the rule.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum
from functools import cached_property

from foederis.record.loader import Record
from foederis.record.models import ConflictPeriod, Event, SuccessionLink
from foederis.record.pickling import quick_unpickle
from foederis.rules.calendar import text
from foederis.rules.frozen import fast_init
from foederis.rules.options import Options


class Status(IntEnum):
    """A state's position under one instrument on one day. The int is the engine's array code."""

    none = 0
    signatory = 1
    consented = 2
    party = 3
    withdrawal_pending = 4
    withdrawn = 5
    suspended = 6
    terminated = 7


@quick_unpickle
@fast_init
@dataclass(frozen=True, slots=True)
class Reason:
    """Why a status holds: the provision executed, what it found, and the events it used."""

    provision: str | None  # Akoma Ntoso-style id; None for a record fact (e.g. a succession link)
    summary: str
    events: tuple[Event, ...] = ()
    options: tuple[str, ...] = ()  # names of the interpretation options this reason depends on


@quick_unpickle
@fast_init
@dataclass(frozen=True, slots=True)
class Transition:
    """From `day` on, the state has `status` (until the next transition)."""

    day: date
    status: Status
    bound: bool
    reasons: tuple[Reason, ...]


@quick_unpickle
@dataclass(frozen=True, slots=True)
class Check:
    """A date the record states as a result, compared with the date the rule computes."""

    instrument: str
    state: str
    what: str
    recorded: date
    computed: date | None
    event: Event
    provision: str
    note: str = ""

    @property
    def agrees(self) -> bool:
        return self.recorded == self.computed


@dataclass
class Compilation:
    """What one instrument's rules produce: per-state transitions, treaty facts, checks."""

    transitions: dict[str, list[Transition]] = field(default_factory=lambda: defaultdict(list))
    treaty: dict[str, tuple[date | None, Reason]] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, state: str, day: date, status: Status, bound: bool, *reasons: Reason) -> None:
        self.transitions[state].append(Transition(day, status, bound, reasons))  # *reasons: a tuple

    def signed(self, state: str, ev: Event, provision: str) -> None:
        """A signature: the state becomes a signatory, not bound."""
        why = Reason(provision, f"Signed on {text(ev.date)}.", (ev,))
        self.transitions[state].append(Transition(ev.date, Status.signatory, False, (why,)))

    def check(self, ev: Event, what: str, computed: date | None, provision: str, note: str = "") -> None:
        self.checks.append(Check(ev.instrument, ev.state, what, ev.date, computed, ev, provision, note))


@dataclass(frozen=True)
class RuleContext:
    """Everything a rule may read: the record (possibly with a scenario laid over it) and options."""

    record: Record
    options: Options
    instrument: str

    @property
    def events(self) -> tuple[Event, ...]:
        return self.record.events_for(self.instrument)

    @cached_property
    def _treaty_by_action(self) -> dict[str, list[Event]]:
        """Treaty-wide events ("*") by action, built once per context: rules ask for them per state."""
        out: dict[str, list[Event]] = defaultdict(list)
        for e in self.events:
            if e.state == "*":
                out[e.action].append(e)
        return out

    def treaty_events(self, action: str) -> list[Event]:
        return list(self._treaty_by_action.get(action, ()))

    @cached_property
    def event_states(self) -> frozenset[str]:
        """The states with at least one event under this instrument (a set, so no rule scans)."""
        return frozenset(e.state for e in self.events)

    def by_state(self) -> dict[str, list[Event]]:
        """Each state's events in date order, predecessors' events passed to continuing states."""
        out: dict[str, list[Event]] = defaultdict(list)
        for ev in self.events:
            if ev.state not in ("*", ""):
                out[ev.state].append(ev)
        for link in self.record.successions:
            if link.kind == "continuation" and link.predecessor in out:
                inherited = [e for e in out[link.predecessor] if e.date < link.date]
                out[link.successor] = sorted(
                    [*inherited, *out.get(link.successor, [])], key=lambda e: (e.date, e.row)
                )
        return out

    def conflicts(self, iso3: str) -> list[ConflictPeriod]:
        """The state's conflict periods in record order, from the record's index (no scan)."""
        return list(self.record.conflicts_by_state.get(iso3, ()))

    def links_into(self, iso3: str) -> list[SuccessionLink]:
        return list(self.record.links_by_successor.get(iso3, ()))


def link_event(link: SuccessionLink) -> Event:
    """A succession link as an event, so that answers cite it with its source like any fact."""
    return Event(
        instrument="*",
        state=link.successor,
        state_name=link.successor,
        action=link.kind,
        date=link.date,
        source=link.source,
        note=f"{link.predecessor} -> {link.successor}: {link.note}",
        status=link.status,
        file="project/successions.csv",
        row=link.row,
    )


def link_reason(link: SuccessionLink) -> Reason:
    """The reason a successor state's status follows its predecessor's."""
    verb = {
        "continuation": "continues the treaty status of",
        "succession": "succeeded to the treaty status of",
        "unification": "absorbed, by unification,",
    }[link.kind]
    return Reason(
        None,
        f"{link.successor} {verb} {link.predecessor} from {link.date.isoformat()} "
        f"({link.kind}; record link, not a treaty provision).",
        (link_event(link),),
    )
