"""Political commitments and proposals beside the legal obligations: never `bound`.

A political commitment (the NATO-Russia Founding Act, the Bucharest declaration) is answered as
"politically committed"; a proposal never accepted (Russia's drafts of December 2021) as such.
The deployments question shows which Allies' current forces a proposal would have restricted.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, Field

from foederis.engine.compile import Compiled
from foederis.questions.alliance import alliance_id
from foederis.questions.common import reason_out
from foederis.questions.inputs import InputError
from foederis.questions.members import bound_states
from foederis.questions.models import ReasonOut
from foederis.questions.presence import ForceOut, _force_out
from foederis.record.alliance import forces
from foederis.record.loader import DATA_DIR
from foederis.rules.base import Reason

STANDING = {
    ("political", "adopted"): "politically committed (a political commitment, not a legal obligation)",
    ("proposal", "not_accepted"): "a proposal never accepted and never in force: no commitment of any kind",
}


class CommitmentOut(BaseModel):
    id: str
    title: str
    kind: Literal["political", "proposal"]
    status: str
    date: date
    participants: str
    bound: Literal[False] = Field(False, description="always false: bound is only ever legal")
    standing: str
    clauses: list[ReasonOut]
    source: str
    note: str


class RestrictedHost(BaseModel):
    state: str
    name: str
    joined: date | None
    forces: list[ForceOut]
    uncertain: list[ForceOut]


class CommitmentsAnswer(BaseModel):
    date: date
    commitments: list[CommitmentOut]
    options: dict[str, Any] = {}


class DeploymentsAnswer(BaseModel):
    commitment: str
    date: date
    cutoff: date
    rule: str
    hosts: list[RestrictedHost]
    restricted: list[str] = Field(description="Allies whose present allied forces the text would reach")
    open_door: ReasonOut | None = None
    caveats: list[str]


@cache
def _rows() -> list[dict[str, str]]:
    with (DATA_DIR / "alliance" / "political.csv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@cache
def _clauses() -> dict[str, Any]:
    return json.loads((DATA_DIR / "alliance" / "political_clauses.json").read_text(encoding="utf-8"))


def _one(c: Compiled, row: dict[str, str]) -> CommitmentOut:
    standing = STANDING[(row["kind"], row["status"])]
    clauses = [
        reason_out(c, Reason(pid, f"{row['title']}: {standing}.", ()))
        for pid in _clauses()["clauses"].get(row["id"], [])
    ]
    return CommitmentOut(
        id=row["id"],
        title=row["title"],
        kind=row["kind"],  # type: ignore[arg-type]
        status=row["status"],
        date=date.fromisoformat(row["date"]),
        participants=row["participants"],
        standing=standing,
        clauses=clauses,
        source=row["source"],
        note=row["note"],
    )


def commitments(c: Compiled, day: date) -> CommitmentsAnswer:
    """Every recorded commitment and proposal made on or before `day`, none of them `bound`."""
    return CommitmentsAnswer(
        date=day, commitments=[_one(c, r) for r in _rows() if date.fromisoformat(r["date"]) <= day]
    )


def deployments(c: Compiled, commitment: str, day: date) -> DeploymentsAnswer:
    """The Allies that were not Allies on the cut-off day and host allied forces stationed after it:
    the deployments the text (Russia's 2021 draft; the Founding Act's clause) speaks of."""
    table = _clauses()
    if commitment not in table["deployment_cutoff"]:
        choices = sorted(table["deployment_cutoff"])
        raise InputError(
            "commitment",
            f"{commitment!r} has no deployment clause; choose one of: {', '.join(choices)}",
            choices,
        )
    cutoff = date.fromisoformat(table["deployment_cutoff"][commitment])
    before = set(bound_states(c, alliance_id(), cutoff))
    hosts: list[RestrictedHost] = []
    for ally in bound_states(c, alliance_id(), day):
        if ally in before:
            continue
        here = [(f, f.presence_on(day)) for f in forces() if f.host == ally and f.lead != ally]
        present = [_force_out(c, f, p) for f, p in here if p == "present" and f.start and f.start > cutoff]
        uncertain = [_force_out(c, f, p) for f, p in here if p == "uncertain"]
        if present or uncertain:
            joined = next(
                (
                    e.date
                    for e in c.record.events_for(alliance_id())
                    if e.state == ally and e.action == "accession"
                ),
                None,
            )
            hosts.append(
                RestrictedHost(
                    state=ally,
                    name=c.record.states.name(ally),
                    joined=joined,
                    forces=present,
                    uncertain=uncertain,
                )
            )
    prov = c.record.provision(table["open_door_provision"])
    rule = (
        f"An Ally that was not a Party on {cutoff} and hosts, on {day}, forces of another state that "
        f"arrived after {cutoff}."
    )
    caveats = [
        "The text was never accepted: it restricts nothing; this shows what it would have reached."
        if commitment.startswith("ru_draft")
        else "The Founding Act is a political commitment and 'substantial combat forces' was never jointly "
        "defined: this lists the forces, it does not judge whether they are 'substantial' or 'permanent'.",
        "Forces whose start or end is known only to the year or month, or not looked up, are listed as "
        "uncertain; a missing row is not proof that none are stationed.",
        "A battlegroup led by its host (Hungary) has no foreign lead in the record and is not listed.",
    ]
    return DeploymentsAnswer(
        commitment=commitment,
        date=day,
        cutoff=cutoff,
        rule=rule,
        hosts=hosts,
        restricted=[h.state for h in hosts if h.forces],
        open_door=reason_out(
            c,
            Reason(
                prov.id,
                "The Treaty lets the Parties, by unanimous agreement, invite a European State; a pledge "
                "never to enlarge would take that choice away by agreement, not by the Treaty.",
                (),
            ),
        )
        if prov
        else None,
        caveats=caveats,
    )
