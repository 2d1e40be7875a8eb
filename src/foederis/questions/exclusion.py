"""Can a Party be expelled or suspended? Answered from the texts: the instrument's own clauses
(leaving, compliance) and the Vienna Convention's routes with their procedure (Arts. 65-68)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from foederis.engine.compile import Compiled
from foederis.questions.common import reason_out
from foederis.questions.inputs import InputError
from foederis.questions.models import ReasonOut
from foederis.record.loader import DATA_DIR
from foederis.rules.base import Reason
from foederis.rules.registry import INSTRUMENTS


class RouteOut(BaseModel):
    id: str
    label: str
    who_must_agree: str
    effect: str
    provisions: list[ReasonOut]
    conditions: list[ReasonOut]


class ExclusionAnswer(BaseModel):
    instrument: str
    title: str
    expulsion_clause: bool | None = Field(description="false: the whole text is in the record and has none")
    suspension_clause: bool | None
    text_complete: bool
    finding: str
    leaving: list[ReasonOut] = Field(description="the instrument's own clauses for leaving by choice")
    compliance: list[ReasonOut] = Field(description="the instrument's compliance and dispute clauses")
    vclt_routes: list[RouteOut]
    procedure: list[ReasonOut]
    caveats: list[str]


@cache
def _table() -> dict[str, Any]:
    return json.loads((DATA_DIR / "project" / "exclusion.json").read_text(encoding="utf-8"))


def _quote(c: Compiled, pid: str, summary: str) -> ReasonOut:
    return reason_out(c, Reason(pid, summary, ()))


def exclusion(c: Compiled, instrument: str) -> ExclusionAnswer:
    """The answer for one instrument of the registry."""
    table = _table()
    spec = INSTRUMENTS[instrument]
    row = table["instruments"].get(instrument)
    if row is None:
        raise InputError("instrument", f"no exclusion entry for {instrument!r} in project/exclusion.json")
    short = spec.short
    if row["text_complete"] and row["expulsion_clause"] is False:
        finding = (
            f"The {short} has no clause for expelling or suspending a Party (its whole text is in the "
            "record). A Party leaves only by its own choice under " + ", ".join(row["leaving"]) + "."
        )
    else:
        finding = (
            f"The record does not hold the whole text of the {short}; no clause for expelling or "
            "suspending a Party is recorded, and none can be ruled out from the text. Leaving by choice: "
            + ", ".join(row["leaving"])
            + "."
        )
    if row["compliance"]:
        finding += (
            " For compliance the treaty has its own articles instead: "
            + ", ".join(sorted({p.rsplit("__", 1)[0] for p in row["compliance"]}))
            + "."
        )
    finding += (
        " Outside the treaty, the Vienna Convention on the Law of Treaties offers only routes that need "
        "the agreement of all the other Parties (Art. 60(2)(a)) or of all the Parties (Arts. 54(b), "
        "57(b)), or that work only between the Parties that agree (Art. 58), each under the "
        "procedure of Arts. 65-68."
    )
    routes = [
        RouteOut(
            id=r["id"],
            label=r["label"],
            who_must_agree=r["who_must_agree"],
            effect=r["effect"],
            provisions=[_quote(c, p, r["label"]) for p in r["provisions"]],
            conditions=[_quote(c, p, "condition") for p in r["conditions"]],
        )
        for r in table["vclt_routes"]
    ]
    return ExclusionAnswer(
        instrument=instrument,
        title=spec.title,
        expulsion_clause=row["expulsion_clause"],
        suspension_clause=row["suspension_clause"],
        text_complete=row["text_complete"],
        finding=finding,
        leaving=[_quote(c, p, "leaving by the Party's own choice") for p in row["leaving"]],
        compliance=[_quote(c, p, "compliance and disputes") for p in row["compliance"]],
        vclt_routes=routes,
        procedure=[_quote(c, p, "procedure for any of these routes") for p in table["procedure"]],
        caveats=[
            "The Vienna Convention binds its own parties; the record does not hold which states are "
            "parties to it, nor whether a rule applies to others as customary law.",
            table["note"],
        ],
    )
