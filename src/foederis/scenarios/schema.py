"""The scenario format as pydantic models: a window, interpretation options and typed events.

States and instruments are resolved while validating (through `questions.inputs`), so a scenario
that validates holds ISO 3166 alpha-3 codes and instrument ids only. See docs/scenarios.md.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator

from foederis.questions.inputs import check_day, parse_date, parse_instrument, parse_state
from foederis.rules.options import Options
from foederis.scenarios.limits import MAX_FIELD_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS


def _state(value: Any, info: ValidationInfo) -> str:
    registry = (info.context or {}).get("registry")
    if not isinstance(value, str) or not value.strip():
        raise ValueError("a state name or ISO code is required")
    if len(value) > MAX_NAME_CHARS:
        raise ValueError(f"a state name has at most {MAX_NAME_CHARS} characters (this one has {len(value)})")
    if registry is None:
        return value.strip().upper()
    return parse_state(registry, value, info.field_name or "state")


def _day(value: Any, info: ValidationInfo) -> date:
    """A calendar day as YAML writes it (2025-03-06) inside the engine's range; no times, no numbers."""
    field = info.field_name or "date"
    if isinstance(value, date) and not isinstance(value, datetime):
        return check_day(value, field)
    if isinstance(value, str):
        return parse_date(value, field, default=None) if value.strip() else _no_day(value)
    return _no_day(value)


def _no_day(value: Any) -> date:
    kind = "a date and time" if isinstance(value, datetime) else type(value).__name__
    raise ValueError(f"a day is written YYYY-MM-DD, e.g. 2025-03-06 (got {kind})")


#: A day (YYYY-MM-DD) in the range the engine answers (see `questions.inputs.check_day`).
Day = Annotated[date, BeforeValidator(_day)]
#: Free text of bounded length (NUL, controls and lone surrogates are refused by the loader).
Text = Annotated[str, Field(max_length=MAX_FIELD_CHARS)]


#: A state name or code, resolved to ISO 3166 alpha-3 (errors keep the item's index in lists).
StateCode = Annotated[str, BeforeValidator(_state)]


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class _Event(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    date: Day
    note: Text = Field("", description="Free text shown with the event (why the scenario assumes it).")
    line: int = Field(0, description="Line of the event in the scenario file (set by the loader).")


class _StateEvent(_Event):
    state: str

    @field_validator("state", mode="before")
    @classmethod
    def _resolve_state(cls, value: Any, info: ValidationInfo) -> str:
        return _state(value, info)


class ArmedAttack(_StateEvent):
    """An armed attack on `state` at `place`: the attacked state is engaged in an armed conflict
    from that day until a `conflict_end` for it (or beyond the window if none)."""

    type: Literal["armed_attack"]
    place: Text = ""
    by: Text = Field("", description="The attacker, as free text (it gets no conflict period itself).")


class ConflictStart(_StateEvent):
    """`state` becomes engaged in an armed conflict (e.g. an ally taking part in the defence)."""

    type: Literal["conflict_start"]
    opponent: Text = ""
    basis: Text = ""


class ConflictEnd(_StateEvent):
    """The conflict the scenario started for `state` ends on this day (exclusive end)."""

    type: Literal["conflict_end"]


class Art4Consultations(_Event):
    """Consultations requested under Article 4 of the North Atlantic Treaty by these allies."""

    type: Literal["art4_consultations"]
    states: Annotated[list[StateCode], BeforeValidator(_as_list)] = Field(min_length=1)


class Art5Invocation(_StateEvent):
    """Article 5 invoked for an armed attack on `state`; `participants` take part in its defence."""

    type: Literal["art5_invocation"]
    participants: Annotated[list[StateCode], BeforeValidator(_as_list)] = Field(default_factory=list)


class _InstrumentEvent(_StateEvent):
    instrument: str

    @field_validator("instrument", mode="before")
    @classmethod
    def _resolve_instrument(cls, value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError("an instrument name or id is required")
        return parse_instrument(value)


class WithdrawalNotice(_InstrumentEvent):
    """`state` gives notice of withdrawal from (or denunciation of) `instrument` on this day."""

    type: Literal["withdrawal_notice"]


class Accession(_InstrumentEvent):
    """`state` deposits an instrument of accession to `instrument`."""

    type: Literal["accession"]


class Ratification(_InstrumentEvent):
    """`state` deposits an instrument of ratification of `instrument`."""

    type: Literal["ratification"]


ScenarioEvent = Annotated[
    ArmedAttack
    | ConflictStart
    | ConflictEnd
    | Art4Consultations
    | Art5Invocation
    | WithdrawalNotice
    | Accession
    | Ratification,
    Field(discriminator="type"),
]

EVENT_TYPES: dict[str, type[_Event]] = {
    "armed_attack": ArmedAttack,
    "art4_consultations": Art4Consultations,
    "art5_invocation": Art5Invocation,
    "conflict_start": ConflictStart,
    "conflict_end": ConflictEnd,
    "withdrawal_notice": WithdrawalNotice,
    "accession": Accession,
    "ratification": Ratification,
}


class ScenarioHead(BaseModel):
    """The top of a scenario file; events are validated one by one so that all errors show."""

    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(max_length=MAX_NAME_CHARS)] = ""
    title: Text = ""
    description: Annotated[str, Field(max_length=MAX_TEXT_CHARS)] = ""
    start: Day
    end: Day
    options: Options = Field(default_factory=Options)
    events: list[Any] = Field(default_factory=list)


class Scenario(BaseModel):
    """A validated scenario: window, options, and events with resolved states and instruments."""

    model_config = ConfigDict(frozen=True)

    name: str
    title: str = ""
    description: str = ""
    start: date
    end: date
    options: Options = Field(default_factory=Options)
    events: list[ScenarioEvent] = Field(default_factory=list)

    def states(self) -> list[str]:
        """Every state the scenario names, in first-mention order."""
        seen: dict[str, None] = {}
        for ev in self.events:
            for s in (
                getattr(ev, "state", None),
                *getattr(ev, "states", ()),
                *getattr(ev, "participants", ()),
            ):
                if s:
                    seen.setdefault(s, None)
        return list(seen)


class ScenarioIssue(BaseModel):
    """One problem in a scenario file: where (line, field), what, and the valid choices."""

    line: int
    field: str
    message: str
    choices: list[str] = []


class ScenarioError(ValueError):
    """A malformed scenario: every problem found, not only the first."""

    def __init__(self, name: str, errors: list[ScenarioIssue]) -> None:
        self.name = name
        self.errors = sorted(errors, key=lambda e: (e.line, e.field))
        super().__init__("\n".join(f"{name}:{e.line}: {e.field}: {e.message}" for e in self.errors))
