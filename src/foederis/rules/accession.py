"""Accession protocols to the North Atlantic Treaty, executed ally by ally.

- <protocol>/art_2: the protocol enters into force when each Party has notified the Government
  of the United States of its acceptance;
- <protocol>/art_1: on that entry into force the Secretary General invites the candidate, which
  becomes a Party on depositing its instrument of accession (nato/art_10).

What is known of each Ally's acceptance is an exact day, or only a day by which it had happened
(with, perhaps, a day before which it had not): the rules keep that uncertainty instead of
guessing, and an answer on a day inside the window says "unknown".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from foederis.record.alliance import AccessionStep
from foederis.record.models import Event

ACCESSION = "nato/art_10"
PROTOCOL_EVENTS = ("protocol_signature", "protocol_ratification", "protocol_approval")


def entry_into_force_provision(protocol: str) -> str:
    """The provision that sets when `protocol` enters into force (its Art. II)."""
    return f"{protocol}/art_2"


def invitation_provision(protocol: str) -> str:
    """The provision on the Secretary General's invitation and the candidate's deposit (Art. I)."""
    return f"{protocol}/art_1"


AcceptanceState = Literal["ratified", "not_ratified", "unknown"]


@dataclass
class Acceptance:
    """What the record knows of one Ally's acceptance of one protocol."""

    ally: str
    on: date | None = None  # the deposit or notification day, when a source gives it
    by: date | None = None  # a day by which the Ally had ratified (the exact day not found)
    not_before: date | None = None  # a day before which it had not
    events: list[Event] = field(default_factory=list)
    steps: list[AccessionStep] = field(default_factory=list)

    @property
    def upper(self) -> date | None:
        """The latest day by which the Ally had certainly accepted."""
        days = [d for d in (self.on, self.by) if d is not None]
        return min(days) if days else None

    def state_on(self, day: date) -> AcceptanceState:
        upper = self.upper
        if upper is not None and upper <= day:
            return "ratified"
        if self.on is not None and day < self.on:
            return "not_ratified"
        if self.not_before is not None and day < self.not_before:
            return "not_ratified"
        return "unknown"


def acceptances(events: Iterable[Event], steps: Iterable[AccessionStep]) -> dict[str, Acceptance]:
    """Each Ally's acceptance of one protocol, from the depositary events and the protocol steps."""
    out: dict[str, Acceptance] = {}
    for ev in events:
        if ev.action != "protocol_ratification":
            continue
        acc = out.setdefault(ev.state, Acceptance(ev.state))
        acc.on = min(acc.on, ev.date) if acc.on else ev.date
        acc.events.append(ev)
    for st in steps:
        if st.step != "acceptance":
            continue
        acc = out.setdefault(st.ally, Acceptance(st.ally))
        acc.steps.append(st)
        if st.date is None:
            continue
        if st.date_kind == "on":
            acc.on = min(acc.on, st.date) if acc.on else st.date
        else:
            acc.by = min(acc.by, st.date) if acc.by else st.date
        if st.not_before:
            acc.not_before = max(acc.not_before, st.not_before) if acc.not_before else st.not_before
    return out


@dataclass(frozen=True)
class EntryIntoForce:
    """The protocol's entry into force as the rule finds it: a day, exact or only an upper bound."""

    day: date | None
    exact: bool
    last: tuple[str, ...]  # the Allies whose acceptance completed the set on that day


def entry_into_force(
    candidate: str,
    signed: date,
    accepted: dict[str, Acceptance],
    parties_on: Callable[[date], set[str]],
) -> EntryIntoForce:
    """Art. II: the first day on which every Party of that day (the candidate aside) had accepted."""
    days = sorted({d for a in accepted.values() for d in (a.on, a.by) if d is not None and d >= signed})
    for day in days:
        required = parties_on(day) - {candidate}
        if all(r in accepted and (u := accepted[r].upper) is not None and u <= day for r in required):
            last = tuple(sorted(r for r in required if accepted[r].on == day))
            return EntryIntoForce(day, bool(last), last)
    return EntryIntoForce(None, False, ())
