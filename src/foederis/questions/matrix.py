"""The alliance weapons matrix: every ally on a day × every activity, with reasons."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel

from foederis.engine.compile import Compiled
from foederis.questions.common import reason_out
from foederis.questions.inputs import InputError
from foederis.questions.members import bound_states
from foederis.questions.models import ReasonOut
from foederis.questions.obligations import (
    ALL_ACTIVITIES,
    ISSUES,
    DeclaredViewOut,
    declared_out,
    verdict,
)
from foederis.rules.options import describe_options
from foederis.rules.registry import REGISTRY, UnknownInstrument

ALLIANCES = REGISTRY.alliances()


class MatrixRow(BaseModel):
    state: str
    state_name: str
    activities: dict[str, str]
    reasons: dict[str, list[ReasonOut]]
    declared: dict[str, DeclaredViewOut | None] = {}  # interoperability column -> declared view


class MatrixAnswer(BaseModel):
    alliance: str
    weapon: str
    date: date
    rows: list[MatrixRow]
    free: dict[str, list[str]]
    prohibited: dict[str, list[str]]
    limited: dict[str, list[str]]
    options: dict[str, Any]
    contested: dict[str, list[str]] = {}  # interoperability column -> states where it is contested


def parse_alliance(text: str, field: str = "alliance") -> str:
    try:
        inst = REGISTRY.resolve(text)
    except UnknownInstrument:
        inst = ""
    if inst in ALLIANCES:
        return inst
    raise InputError(
        field, f"unknown alliance {text!r}; valid choices: {', '.join(ALLIANCES)}", list(ALLIANCES)
    )


def matrix(c: Compiled, alliance: str, weapon: str, day: date) -> MatrixAnswer:
    """Members are the parties bound by the alliance treaty on that day (the record decides)."""
    members = bound_states(c, alliance, day)
    rows: list[MatrixRow] = []
    free: dict[str, list[str]] = {a: [] for a in ALL_ACTIVITIES}
    prohibited: dict[str, list[str]] = {a: [] for a in ALL_ACTIVITIES}
    limited: dict[str, list[str]] = {a: [] for a in ALL_ACTIVITIES}
    contested: dict[str, list[str]] = {a: [] for a in ISSUES}
    by_verdict = {
        "permitted": free,
        "prohibited": prohibited,
        "permitted_with_limits": limited,
        "contested": contested,
    }
    for state in members:
        acts: dict[str, str] = {}
        why: dict[str, list[ReasonOut]] = {}
        for activity in ALL_ACTIVITIES:
            v, reasons = verdict(c, state, activity, weapon, day)
            acts[activity] = v
            # an interoperability cell leads with the declared view (or its absence) and the reading
            keep = 3 if activity in ISSUES else 2
            why[activity] = [reason_out(c, r) for r in reasons[:keep]]
            by_verdict[v][activity].append(state)
        rows.append(
            MatrixRow(
                state=state,
                state_name=c.record.states.name(state),
                activities=acts,
                reasons=why,
                declared={a: declared_out(state, weapon, a, c.registry) for a in ISSUES},
            )
        )
    return MatrixAnswer(
        alliance=alliance,
        weapon=weapon,
        date=day,
        rows=rows,
        free=free,
        prohibited=prohibited,
        limited=limited,
        options=describe_options(c.options),
        contested=contested,
    )
