"""Enlargement lists laid out as lines: a year on its own line, then a line of nothing but states
("1952" / "Greece and Turkey"), or a labelled founders line ("Founding members, 1949" / "Belgium, …").

Explainers list an alliance's members this way; each pair claims that the states joined in that
year (or were among the founders). Two or more pairs make a block; a labelled founders line counts
alone. The instrument is the one the sentence names, else the alliance named before.
"""

from __future__ import annotations

import re
from datetime import date

from foederis.claims.extract import DateSpec
from foederis.claims.frames import Frame, SentenceContext
from foederis.claims.matching import alliance_ids

_PAIR = re.compile(
    r"(?m)^[ \t]*(?P<label>(?:Founding|Original)\s+(?:members?|allies|states)\s*,?\s*|Founders\s*,?\s*)?"
    r"(?P<y>(?:19|20)\d\d)[ \t]*:?[ \t]*\n[ \t]*(?P<names>[^\n]+?)[ \t.]*$"
)
#: What may stand between the states of a names line.
_GLUE = re.compile(r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s*&\s*)?(?:the\s+)?", re.I)


def year_list_frames(ctx: SentenceContext) -> list[Frame]:
    """One 'joined in YEAR' (or founder) frame per year line followed by a line of states."""
    pairs = []
    for mt in _PAIR.finditer(ctx.sent):
        states = [m for m in ctx.states if mt.start("names") <= m.start and m.end <= mt.end()]
        if states and _only_states(ctx.sent, mt.start("names"), mt.end(), states):
            pairs.append((mt, states))
    if len(pairs) < 2 and not any(mt.group("label") for mt, _ in pairs):
        return []
    inst = _instrument(ctx)
    if inst is None:
        return []
    out = []
    for mt, states in pairs:
        y = int(mt.group("y"))
        spec = DateSpec(mt.group("y"), date(y, 1, 1), date(y, 12, 31), "year")
        founders = bool(mt.group("label"))
        out.append(
            Frame(
                "year_list",
                "founder" if founders else "joined",
                mt.start(),
                mt.end("names"),
                states,
                inst[0],
                inst[1],
                date=spec,
                verb="joined",
            )
        )
    return out


def _only_states(sent: str, s: int, e: int, states: list) -> bool:
    """True when the line holds nothing but the state names and list glue."""
    pos = s
    for m in states:
        if not _GLUE.fullmatch(sent[pos : m.start]):
            return False
        pos = m.end
    return not sent[pos:e].strip(" .")


def _instrument(ctx: SentenceContext) -> tuple[str, str] | None:
    named = [m for m in ctx.insts if m.inst]
    if named:
        return named[-1].inst or "", named[-1].how
    if ctx.context_alliance:
        return ctx.context_alliance, f"the alliance named before ({ctx.context_alliance})"
    if ctx.context_inst and ctx.context_inst in alliance_ids():
        return ctx.context_inst, f"the instrument named before ({ctx.context_inst})"
    return None
