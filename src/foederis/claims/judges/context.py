"""What every claim judge shares: the compiled record as of one day, and helpers that read it.

No fact lives here: status, events and provisions all come from the engine or the texts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from foederis.claims.extract import DateSpec, Draft
from foederis.engine.compile import Compiled
from foederis.record.models import Event
from foederis.rules.base import Status

#: Statuses in which a state has signed (or more) and not left.
ACTIVE = {Status.signatory, Status.consented, Status.party, Status.withdrawal_pending, Status.suspended}

Truth = Callable[[date], bool]


@dataclass
class Verdict:
    """A judge's answer: the verdict word, the reasons in prose, and the evidence they rest on."""

    verdict: str
    reasons: list[str]
    evidence: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


def withdrawal_provisions() -> dict[str, str]:
    """Each instrument's withdrawal-effect provision, from the registry."""
    from foederis.rules.registry import REGISTRY

    return {i: s.withdrawal.effect for i, s in REGISTRY.items() if s.withdrawal is not None}


def event_evidence(e: Event) -> dict[str, Any]:
    """One recorded event as evidence."""
    return {
        "type": "event",
        "instrument": e.instrument,
        "state": e.state,
        "action": e.action,
        "date": e.date.isoformat(),
        "source": e.source,
        "ref": e.ref,
    }


def within(day: date, spec: DateSpec) -> bool:
    """Whether the day falls in the date the claim gives."""
    return spec.lo <= day <= spec.hi


def subject(d: Draft) -> tuple[str, str]:
    """The draft's first state and its instrument ("" where missing)."""
    return d.subjects[0].iso3 or "", d.instrument or ""


class JudgeContext:
    """The record as of one day (and today, to say when the answer has changed since)."""

    def __init__(self, c: Compiled, as_of: date, today: date | None = None) -> None:
        self.c, self.as_of, self.today = c, as_of, today or date.today()
        self.names = c.record.states
        #: (instrument, basis) -> change days and the count on each: an article repeats its counts
        self.counts: dict[tuple[str, str], tuple[list[date], np.ndarray]] = {}

    # ---- engine facts -------------------------------------------------------------------
    def iv(self, state: str, inst: str, day: date):
        """The state's status interval under the instrument on the day (None if it has none)."""
        return self.c.interval_on(state, inst, day)

    def status_ev(self, state: str, inst: str, day: date) -> dict[str, Any]:
        """The state's status on the day as evidence, with the provisions and events behind it."""
        iv = self.iv(state, inst, day)
        ev: dict[str, Any] = {
            "type": "status",
            "state": state,
            "instrument": inst,
            "date": day.isoformat(),
            "status": iv.status.name if iv else "none",
            "bound": bool(iv and iv.bound),
            "since": iv.start.isoformat() if iv else None,
            "until": iv.end.isoformat() if iv and iv.end else None,
        }
        if iv:
            ev["provisions"] = [r.provision for r in iv.reasons if r.provision]
            ev["events"] = [event_evidence(e) for r in iv.reasons for e in r.events][:4]
        return ev

    def events(self, state: str, inst: str, actions: set[str] | None = None) -> list[Event]:
        """The state's recorded events under the instrument; `actions` may end in '*' (a prefix)."""
        return [
            e
            for e in self.c.record.events_for(inst)
            if e.state == state
            and (
                actions is None
                or e.action in actions
                or any(a.endswith("*") and e.action.startswith(a[:-1]) for a in actions)
            )
        ]

    def signed_by(self, state: str, inst: str) -> Truth:
        """Whether the state had signed the instrument by a day."""
        return lambda day: any(e.date <= day for e in self.events(state, inst, {"signature"}))

    def bound_fn(self, state: str, inst: str) -> Truth:
        """Whether the state is bound by the instrument on a day."""
        return lambda day: bool((iv := self.iv(state, inst, day)) and iv.bound)

    def name(self, state: str) -> str:
        """'Norway (NOR)'."""
        return f"{self.names.name(state)} ({state})"

    def prov(self, pid: str) -> dict[str, Any]:
        """A stored provision as evidence."""
        p = self.c.record.provision(pid)
        return {
            "type": "provision",
            "id": pid,
            "heading": p.heading if p else None,
            "text": p.text if p else None,
        }

    # ---- prose ---------------------------------------------------------------------------
    def describe(self, state: str, inst: str, day: date) -> str:
        """The state's status in one sentence, with the provisions behind it."""
        iv = self.iv(state, inst, day)
        name = self.name(state)
        if iv is None:
            return f"{name} has no status under {inst} on {day}"
        since = f" since {iv.start}" + (f" until {iv.end}" if iv.end else "")
        prov = ", ".join(dict.fromkeys(r.provision for r in iv.reasons if r.provision))
        return f"{name} is {iv.status.name}{' (bound)' if iv.bound else ''} under {inst} on {day}{since}" + (
            f" [{prov}]" if prov else ""
        )

    def flip(self, truth: Truth, state: str, inst: str) -> str | None:
        """'true on D; false since E' when the answer on the as-of day differs today."""
        a, b = min(self.as_of, self.today), max(self.as_of, self.today)
        ta, tb = truth(a), truth(b)
        if ta == tb:
            return None
        days = sorted({iv.start for iv in self.c.intervals_of(state, inst) if a < iv.start <= b})
        flip = next((d for d in days if truth(d) != ta), b)
        return f"{'true' if ta else 'false'} on {a}; {'true' if tb else 'false'} since {flip}"

    def truth_claim(self, d: Draft, truth: Truth, what: str) -> Verdict:
        """Judge a yes/no claim about the draft's first state on the as-of day, noting a change since."""
        state, inst = d.subjects[0].iso3, d.instrument
        assert state and inst
        day = self.as_of
        ok = truth(day)
        reasons = [
            self.describe(state, inst, day),
            f"claim ({what}) is {'true' if ok else 'false'} on {day}",
        ]
        flip = self.flip(truth, state, inst)
        if flip:
            reasons.append(f"the answer differs today: {flip}")
        return Verdict("supported" if ok else "contradicted", reasons, [self.status_ev(state, inst, day)])
