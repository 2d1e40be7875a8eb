"""Forward presence: for every Ally on a day, the allied forces it hosts, and its tier under a
documented rule (data/alliance/presence_tiers.json) that every answer names."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from foederis.engine.compile import Compiled
from foederis.questions.alliance import alliance_id
from foederis.questions.members import bound_states
from foederis.record.alliance import Force, forces
from foederis.record.loader import DATA_DIR


class ForceOut(BaseModel):
    force: str
    lead: str
    lead_name: str
    kind: str
    size_class: str
    start: date | None = Field(description="null: the start was not looked up")
    start_as_given: str | None = Field(
        description="the start at the source's precision: YYYY, YYYY-MM or a day"
    )
    end: date | None = Field(description="exclusive; null: going on at the newest source")
    presence: str = Field(
        description="present, or uncertain (start/end known only to month or year, or not looked up)"
    )
    source: str
    note: str
    ref: str


class AllyPresence(BaseModel):
    state: str
    name: str
    tier: int
    tier_name: str
    tier_if_uncertain_present: int = Field(description="the tier if every uncertain force were present")
    forces: list[ForceOut]
    uncertain: list[ForceOut]


class TierRuleOut(BaseModel):
    id: str
    title: str
    description: str
    tiers: list[dict[str, Any]]


class PresenceAnswer(BaseModel):
    date: date
    rule: TierRuleOut
    allies: list[AllyPresence]
    counts: dict[str, int] = Field(description="Allies per tier name")
    hosts: list[str] = Field(description="Allies hosting at least one allied force present that day")
    note: str


@cache
def tier_rule() -> dict[str, Any]:
    return json.loads((DATA_DIR / "alliance" / "presence_tiers.json").read_text(encoding="utf-8"))


def _tier(kinds: set[str]) -> tuple[int, str]:
    """The first tier whose kinds meet the forces' kinds; the catch-all last tier otherwise."""
    tiers = tier_rule()["tiers"]
    for t in tiers:
        if kinds & set(t["kinds"]):
            return t["tier"], t["name"]
    return tiers[-1]["tier"], tiers[-1]["name"]


def _force_out(c: Compiled, f: Force, presence: str) -> ForceOut:
    return ForceOut(
        force=f.force,
        lead=f.lead,
        lead_name=c.record.states.name(f.lead),
        kind=f.kind,
        size_class=f.size_class,
        start=f.start,
        start_as_given=f.start_as_given,
        end=f.end,
        presence=presence,
        source=f.source,
        note=f.note,
        ref=f.ref,
    )


def presence(c: Compiled, day: date, state: str | None = None) -> PresenceAnswer:
    """Every Ally on `day` (or one), with the forces it hosts and its tier."""
    allies = bound_states(c, alliance_id(), day)
    if state is not None:
        allies = [a for a in allies if a == state]
    out: list[AllyPresence] = []
    for ally in allies:
        here = [(f, f.presence_on(day)) for f in forces() if f.host == ally]
        present = [_force_out(c, f, p) for f, p in here if p == "present"]
        uncertain = [_force_out(c, f, p) for f, p in here if p == "uncertain"]
        tier, name = _tier({f.kind for f in present})
        upper, _ = _tier({f.kind for f in present + uncertain})
        out.append(
            AllyPresence(
                state=ally,
                name=c.record.states.name(ally),
                tier=tier,
                tier_name=name,
                tier_if_uncertain_present=upper,
                forces=present,
                uncertain=uncertain,
            )
        )
    rule = tier_rule()
    counts = {t["name"]: sum(1 for a in out if a.tier == t["tier"]) for t in rule["tiers"]}
    return PresenceAnswer(
        date=day,
        rule=TierRuleOut(
            id=rule["id"], title=rule["title"], description=rule["description"], tiers=rule["tiers"]
        ),
        allies=out,
        counts=counts,
        hosts=[a.state for a in out if a.forces],
        note=(
            "Allies are the Parties to the North Atlantic Treaty on that day. A force counts when its "
            "recorded start is on or before the day and its end after it; 'uncertain' forces are listed "
            "but do not set the tier."
        ),
    )
