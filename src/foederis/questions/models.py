"""Answer shapes. Each interface renders these; none defines its own."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

#: The models a cold `foederis status` never fills build their validators on first use, not on
#: import (pydantic's `defer_build`; the answers are the same).
_DEFERRED = ConfigDict(defer_build=True)


class EventOut(BaseModel):
    """A recorded fact an answer rests on, with its source."""

    instrument: str
    state: str
    action: str
    date: date
    source: str
    status: str = Field(description="sourced, derived or unverified")
    note: str = ""
    ref: str = Field("", description="file:row in the record")
    source_kind: str = Field(
        "other", description="depositary, government, ... other (data/sources/kinds.csv)"
    )
    known_from: date | None = Field(None, description="the day the fact became public")
    derived_from: str = Field("", description="for a derived fact: what it was derived from")
    legal_basis: str = Field("", description="the provision the state invokes for the act, if any")
    participants: list[str] = Field(
        default=[], description="ISO3 codes an alliance act names (Art. 5 collective defence)"
    )


class ReasonOut(BaseModel):
    """A provision executed, its text, what it found, and the events it used."""

    provision: str | None
    heading: str | None = None
    text: str | None = None
    text_in_record: bool = True
    summary: str
    events: list[EventOut] = []
    options: list[str] = []


class StatusAnswer(BaseModel):
    state: str
    state_name: str
    instrument: str
    date: date
    status: str
    bound: bool
    since: date | None
    until: date | None = Field(description="first day this status no longer holds; null: open")
    reasons: list[ReasonOut]
    options: dict[str, Any]
    known_on: date | None = Field(
        None,
        description="set when answered as the record stood on that day (--known-on): later facts left out",
    )


class CoverageOut(BaseModel):
    """How much of the depositary's record the answer's count rests on."""

    model_config = _DEFERRED

    extent: str = Field(description="complete or partial")
    published_parties: int | None = Field(
        None, description="the depositary's published party count; null: no figure seen in a source"
    )
    as_of: date | None = Field(None, description="the day that figure is as of; null: undated")
    source: str = ""
    statement: str | None = Field(None, description="what a partial count must say; null if complete")


class MembersAnswer(BaseModel):
    model_config = _DEFERRED

    instrument: str
    date: date
    parties: list[str]
    count: int
    names: dict[str, str]
    options: dict[str, Any]
    coverage: CoverageOut | None = None
    known_on: date | None = Field(
        None,
        description="set when answered as the record stood on that day (--known-on): later facts left out",
    )


class IntervalOut(BaseModel):
    model_config = _DEFERRED

    instrument: str
    start: date
    end: date | None
    status: str
    bound: bool
    reasons: list[ReasonOut]


class TimelineAnswer(BaseModel):
    model_config = _DEFERRED

    state: str
    state_name: str
    instruments: list[str]
    intervals: list[IntervalOut]
    options: dict[str, Any]
    known_on: date | None = Field(
        None,
        description="set when answered as the record stood on that day (--known-on): later facts left out",
    )


class ExplainAnswer(BaseModel):
    model_config = _DEFERRED

    state: str
    instrument: str
    date: date
    status: str
    bound: bool
    prose: list[str]
    answer: StatusAnswer


class CheckOut(BaseModel):
    model_config = _DEFERRED

    instrument: str
    state: str
    what: str
    recorded: date
    computed: date | None
    agrees: bool
    provision: str
    source: str
    ref: str
    kind: str = Field(
        "result", description="result: a date a source states; rule: a compiler's own computation"
    )


class DependentCheckOut(CheckOut):
    """A comparison that proves nothing: the recorded date and the rule's input are one fact."""

    why: str


class WeakFactOut(BaseModel):
    """A fact resting only on `other` sources, or on a single source that is not primary."""

    model_config = _DEFERRED

    ref: str
    what: str
    kinds: list[str]
    source: str


class DataCheckReport(BaseModel):
    model_config = _DEFERRED

    ok: bool
    digest: str
    counts: dict[str, dict[str, int]]
    parties_today: dict[str, int]
    derived: list[EventOut]
    unverified: list[EventOut]
    checks: int
    disagreements: list[CheckOut]
    independent: int = Field(0, description="recorded dates from a different fact than the rule's input")
    dependent: list[DependentCheckOut] = Field(
        default_factory=list, description="checks reported as `not independent`, each with why"
    )
    source_kinds: dict[str, int] = Field(
        default_factory=dict, description="event rows and curated conflict rows per source kind"
    )
    weak: list[WeakFactOut] = Field(default_factory=list)
    conflict_sources: dict[str, int] = Field(
        default_factory=dict, description="conflict periods per origin (UCDP/PRIO v25.1, curated rows)"
    )
    missing_texts: list[str]
    notes: list[str]
    errors: list[str]
