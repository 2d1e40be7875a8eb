"""The answer shape of a scenario run (pydantic): change log, timelines, earliest lawful use,
the diff against the real record, and the weapons matrix on key dates."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field

from foederis.questions.models import EventOut, ReasonOut
from foederis.scenarios.schema import Scenario


class ConflictOut(BaseModel):
    """A conflict period the scenario adds: [start, end), end None = beyond the window."""

    state: str
    start: date
    end: date | None
    basis: str
    opponent: str = ""
    source: str


class Change(BaseModel):
    """A day on which a state's position under an instrument changes (status or bound), or on
    which it stays the same for a new reason."""

    date: date
    state: str
    state_name: str
    instrument: str
    before: str
    after: str
    bound_before: bool
    bound_after: bool
    kind: Literal["position", "grounds"] = Field(
        description="position: status or bound changes; grounds: same status and bound, new reasons "
        "(e.g. the notice period expires but Art. 20(3) freezes the withdrawal)"
    )
    origin: Literal["scenario", "record"] = Field(
        description="scenario: the change is not in the real record compiled alone; record: it is"
    )
    reasons: list[ReasonOut]


class FrozenWithdrawal(BaseModel):
    """A scenario withdrawal whose notice period expired while the state was engaged in an armed
    conflict: still bound (withdrawal_pending) from `expiry` until `effective` (None: open)."""

    state: str
    state_name: str
    instrument: str
    notice: date
    expiry: date
    effective: date | None
    provision: str
    reasons: list[ReasonOut]


class Segment(BaseModel):
    """One status of one state under one instrument, [start, end) (end None: open)."""

    instrument: str
    start: date
    end: date | None
    status: str
    bound: bool


class StateTimeline(BaseModel):
    state: str
    state_name: str
    ally: bool
    touched: bool = Field(description="the scenario names this state")
    segments: list[Segment] = Field(description="clipped to the window; 'none' fills the gaps")


class EarliestUse(BaseModel):
    """The first day in the window on which the ally may lawfully use the weapon (None: never)."""

    state: str
    state_name: str
    weapon: str
    instrument: str
    date: date | None
    verdict: str = Field(description="the verdict of `may` on that day (or on the last day if never)")
    reasons: list[ReasonOut]


class DiffEntry(BaseModel):
    """A (state, instrument) whose status intervals differ from the real record's."""

    state: str
    state_name: str
    instrument: str
    first_difference: date
    baseline: list[Segment]
    scenario: list[Segment]


class KeyDateMatrix(BaseModel):
    """Allies × activities for each weapon on a key date: 'prohibited' | 'permitted' | ...limits."""

    date: date
    why: str
    cells: dict[str, dict[str, dict[str, str]]] = Field(description="weapon → state → activity → verdict")


class ScenarioResult(BaseModel):
    scenario: Scenario
    events: list[EventOut] = Field(description="the scenario's events as laid over the record")
    conflicts: list[ConflictOut]
    record_conflicts: list[ConflictOut] = Field(
        default_factory=list,
        description="the record's own conflict periods overlapping the window, for the states shown",
    )
    allies: list[str] = Field(description="NATO members bound on the start date")
    changes: list[Change]
    frozen: list[FrozenWithdrawal]
    timelines: list[StateTimeline]
    earliest_use: list[EarliestUse]
    diff: list[DiffEntry]
    matrices: list[KeyDateMatrix]
    options: dict[str, Any]
