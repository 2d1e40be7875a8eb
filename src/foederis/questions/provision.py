"""A provision and who cites it: the rules modules that name its id, and the compiled answers
(status intervals and treaty-level facts) whose reasons quote it."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from pydantic import BaseModel

from foederis.engine.compile import Compiled

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"


class RuleCite(BaseModel):
    module: str
    lines: list[int]


class AnswerCite(BaseModel):
    state: str
    state_name: str
    instrument: str
    start: date | None
    end: date | None
    status: str
    summary: str


class ProvisionAnswer(BaseModel):
    id: str
    instrument: str
    heading: str
    text: str | None
    text_in_record: bool
    source: str
    note: str
    rules: list[RuleCite]
    cited_by: list[AnswerCite]
    cited_by_total: int


@cache
def _rule_sources() -> dict[str, list[str]]:
    return {p.stem: p.read_text(encoding="utf-8").splitlines() for p in sorted(RULES_DIR.glob("*.py"))}


def rules_citing(pid: str) -> list[RuleCite]:
    """Rules modules whose source names the provision id (as a quoted string)."""
    out = []
    for module, lines in _rule_sources().items():
        hits = [i + 1 for i, line in enumerate(lines) if f'"{pid}"' in line or f"'{pid}'" in line]
        if hits:
            out.append(RuleCite(module=f"foederis.rules.{module}", lines=hits))
    return out


_index: dict[int, dict[str, list[AnswerCite]]] = {}


def _citations(c: Compiled) -> dict[str, list[AnswerCite]]:
    key = id(c)
    if key not in _index:
        idx: dict[str, list[AnswerCite]] = {}
        for iv in c.intervals:
            for r in iv.reasons:
                if r.provision:
                    idx.setdefault(r.provision, []).append(
                        AnswerCite(
                            state=iv.state,
                            state_name=c.record.states.name(iv.state),
                            instrument=iv.instrument,
                            start=iv.start,
                            end=iv.end,
                            status=iv.status.name,
                            summary=r.summary,
                        )
                    )
        for inst, facts in c.treaty.items():
            for what, (day, r) in facts.items():
                if r.provision:
                    idx.setdefault(r.provision, []).append(
                        AnswerCite(
                            state="*",
                            state_name=f"treaty: {what}",
                            instrument=inst,
                            start=day,
                            end=None,
                            status=what,
                            summary=r.summary,
                        )
                    )
        _index[key] = idx
    return _index[key]


def provision_answer(c: Compiled, pid: str, limit: int = 200) -> ProvisionAnswer | None:
    prov = c.record.provision(pid)
    if prov is None:
        return None
    cites = _citations(c).get(pid, [])
    return ProvisionAnswer(
        id=prov.id,
        instrument=prov.instrument,
        heading=prov.heading,
        text=prov.text,
        text_in_record=prov.text is not None,
        source=prov.source,
        note=prov.note,
        rules=rules_citing(pid),
        cited_by=cites[:limit],
        cited_by_total=len(cites),
    )
