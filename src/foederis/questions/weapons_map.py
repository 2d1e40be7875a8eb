"""The alliance's whole weapons-ban map: every ally on a day × every weapon the registry's
instruments ban, each cell the strictest verdict over the weapon's activities, with its reasons.

One column per weapon in `Registry.weapons()`, so a new weapons treaty adds its column with no
change here; a weapon banned by several instruments combines them as `may` does.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel

from foederis.engine.compile import Compiled
from foederis.questions.common import reason_out
from foederis.questions.members import bound_states
from foederis.questions.models import ReasonOut
from foederis.questions.obligations import ACTIVITIES, STRICTNESS, Verdict, verdict
from foederis.rules.options import describe_options


class WeaponCell(BaseModel):
    """One ally and one weapon: the strictest verdict over the weapon's activities."""

    verdict: Verdict
    activity: str  # the first activity (in the text's order) that has that verdict
    bound_by: list[str]  # the instruments banning the weapon that bind the ally on the day
    reasons: list[ReasonOut]


class WeaponsMapRow(BaseModel):
    state: str
    state_name: str
    cells: dict[str, WeaponCell]


class WeaponsMapAnswer(BaseModel):
    alliance: str
    date: date
    weapons: list[str]
    banned_by: dict[str, list[str]]  # weapon -> the instruments that ban it
    rows: list[WeaponsMapRow]
    counts: dict[str, dict[str, int]]  # weapon -> verdict -> allies
    options: dict[str, Any]


def _cell(c: Compiled, state: str, weapon: str, instruments: tuple[str, ...], day: date) -> WeaponCell:
    verdicts = [(activity, *verdict(c, state, activity, weapon, day)) for activity in ACTIVITIES]
    activity, strictest, reasons = max(verdicts, key=lambda v: STRICTNESS[v[1]])  # first of the strictest
    bound = [i for i in instruments if (iv := c.interval_on(state, i, day)) is not None and iv.bound]
    return WeaponCell(
        verdict=strictest,
        activity=activity,
        bound_by=bound,
        reasons=[reason_out(c, r) for r in reasons[:3]],
    )


def weapons_map(c: Compiled, alliance: str, day: date) -> WeaponsMapAnswer:
    """Members are the parties bound by the alliance treaty on that day (the record decides)."""
    banned_by = c.registry.weapons()
    rows = [
        WeaponsMapRow(
            state=state,
            state_name=c.record.states.name(state),
            cells={w: _cell(c, state, w, banned_by[w], day) for w in banned_by},
        )
        for state in bound_states(c, alliance, day)
    ]
    counts = {w: {v: sum(r.cells[w].verdict == v for r in rows) for v in STRICTNESS} for w in banned_by}
    return WeaponsMapAnswer(
        alliance=alliance,
        date=day,
        weapons=list(banned_by),
        banned_by={w: list(ids) for w, ids in banned_by.items()},
        rows=rows,
        counts=counts,
        options=describe_options(c.options),
    )
