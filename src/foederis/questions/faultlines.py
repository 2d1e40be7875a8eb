"""Interoperability fault lines: on each issue, which allies have declared opposite views.

An alliance's members bound by the weapons ban on a day are grouped by their declared view
(record/declared_views.py). An issue is a fault line when some allies declared it prohibited and
others permitted; allies with no recorded view are listed too, never silently dropped.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel

from foederis.engine.compile import Compiled
from foederis.questions.inputs import InputError
from foederis.questions.members import bound_states
from foederis.questions.obligations import ISSUES, DeclaredViewOut, declared_out
from foederis.rules.options import describe_options


class FaultLine(BaseModel):
    """One issue: the bound allies by declared view, and whether their views conflict."""

    issue: str
    conflict: bool
    prohibited: list[str]
    permitted: list[str]
    no_view: list[str]  # declared that they hold no view (with a source)
    not_recorded: list[str]  # no declaration in the record
    declared: list[DeclaredViewOut]


class FaultLinesAnswer(BaseModel):
    alliance: str
    weapon: str
    instrument: str
    date: date
    allies_bound: list[str]
    allies_not_bound: list[str]
    issues: list[FaultLine]
    options: dict[str, Any]


def parse_issue(text: str, field: str = "issue") -> str:
    key = text.strip().lower().replace("-", "_")
    if key in ISSUES:
        return key
    raise InputError(field, f"unknown issue {text!r}; valid choices: {', '.join(ISSUES)}", list(ISSUES))


def fault_lines(
    c: Compiled, alliance: str, weapon: str, day: date, issue: str | None = None
) -> FaultLinesAnswer:
    """Members of `alliance` on `day`, those bound by the ban on `weapon`, grouped per issue."""
    banning = c.registry.weapons()[weapon]
    members = bound_states(c, alliance, day)
    bound = [
        s for s in members if any((iv := c.interval_on(s, i, day)) is not None and iv.bound for i in banning)
    ]
    lines: list[FaultLine] = []
    for one in (issue,) if issue else ISSUES:
        groups: dict[str, list[str]] = {"prohibited": [], "permitted": [], "no view": [], "": []}
        declared: list[DeclaredViewOut] = []
        for state in bound:
            view = declared_out(state, weapon, one, c.registry)
            groups[view.view if view else ""].append(state)
            if view:
                declared.append(view)
        lines.append(
            FaultLine(
                issue=one,
                conflict=bool(groups["prohibited"] and groups["permitted"]),
                prohibited=groups["prohibited"],
                permitted=groups["permitted"],
                no_view=groups["no view"],
                not_recorded=groups[""],
                declared=declared,
            )
        )
    return FaultLinesAnswer(
        alliance=alliance,
        weapon=weapon,
        instrument=banning[0],
        date=day,
        allies_bound=bound,
        allies_not_bound=[s for s in members if s not in bound],
        issues=lines,
        options=describe_options(c.options),
    )
