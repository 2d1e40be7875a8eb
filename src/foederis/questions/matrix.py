"""The alliance weapons matrix: every ally on a day × every activity, with reasons."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np
from pydantic import BaseModel

from foederis.engine.compile import Compiled, day_number
from foederis.engine.lookup import lookup
from foederis.questions.common import reason_out
from foederis.questions.inputs import InputError
from foederis.questions.members import bound_states
from foederis.questions.models import ReasonOut
from foederis.questions.obligations import (
    ALL_ACTIVITIES,
    ISSUES,
    DeclaredViewOut,
    declared_out,
    stated_after,
    verdict,
)
from foederis.record.declared_views import declared_views
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


def matrix(c: Compiled, alliance: str, weapon: str, day: date, shown: date | None = None) -> MatrixAnswer:
    """Members are the parties bound by the alliance treaty on that day (the record decides). The
    answer names `shown` as its day (default `day`): everything else is read on `day`."""
    shown = shown or day
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
            v, reasons = verdict(c, state, activity, weapon, day, shown=shown)
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
        date=shown,
        rows=rows,
        free=free,
        prohibited=prohibited,
        limited=limited,
        options=describe_options(c.options),
        contested=contested,
    )


MatrixKey = tuple[bytes, bytes, tuple[bool, ...]]


def matrix_key(c: Compiled, alliance: str, weapon: str, day: date) -> MatrixKey:
    """All that `matrix` reads on `day` besides the day itself: the members, each member's interval
    under each instrument that bans the weapon, and which declared views were stated after the day.
    Two days with equal keys get answers that differ only where they name the day."""
    bans = [c.instrument_index[i] for i in c.registry.weapons()[weapon] if i in c.instrument_index]
    read = np.asarray([c.instrument_index[alliance], *bans], np.int64)
    # one search: every state under the alliance (column 0) and under each ban
    found = lookup(c, np.arange(len(c.states))[:, None], read[None, :], day_number(day))
    members = np.flatnonzero(found.bound[:, 0])
    intervals = found.interval[members, 1:]
    return members.tobytes(), intervals.tobytes(), tuple(stated_after(s, day) for s in stated_days())


@lru_cache(maxsize=1)
def stated_days() -> tuple[str, ...]:
    """The distinct days on which declared views were stated (a declared-view reason turns on them)."""
    return tuple(sorted({v.stated for v in declared_views() if v.stated}))
