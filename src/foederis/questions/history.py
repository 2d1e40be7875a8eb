"""Article 4 and Article 5 in practice: every recorded consultation request and invocation, and
what Article 5 obliges each Party to do, quoted from the text."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, Field

from foederis.engine.compile import Compiled
from foederis.questions.common import event_out, reason_out
from foederis.questions.models import EventOut, ReasonOut
from foederis.record.loader import DATA_DIR
from foederis.rules.base import Reason

ARTICLE_ACTIONS = {
    4: ("art4_consultation_request",),
    5: ("art5_invocation", "art5_confirmation"),
}


class OccasionOut(BaseModel):
    """One occasion: the requests or decisions of one day under one article."""

    article: Literal[4, 5]
    date: date
    states: list[str] = Field(description="the requesting Allies (Art. 4) or the attacked Ally (Art. 5)")
    kind: str
    events: list[EventOut]


class Article5Obligation(BaseModel):
    provision: str
    text: str
    duty: str
    means: str
    each_party_decides_its_own_action: bool = True
    armed_force_required_of_every_party: bool = False
    reading: str
    reason: ReasonOut


class HistoryAnswer(BaseModel):
    instrument: str
    articles: list[int]
    occasions: list[OccasionOut]
    counts: dict[str, int] = Field(
        description="occasions and requesting/attacked states per article (a confirmation is not counted)"
    )
    obligation: Article5Obligation | None = None
    consultation: ReasonOut | None = None
    note: str


@cache
def _reading() -> dict[str, Any]:
    return json.loads((DATA_DIR / "alliance" / "article5_reading.json").read_text(encoding="utf-8"))


def _phrase(text: str, phrase: str, pid: str) -> str:
    """A phrase quoted from a provision; fails loudly if the text does not contain it."""
    if phrase not in text:
        raise ValueError(f"{pid} does not contain the quoted phrase {phrase!r}")
    return phrase


def article5_obligation(c: Compiled) -> Article5Obligation:
    """What Article 5 obliges: assistance, by the action each Party itself deems necessary."""
    reading = _reading()
    pid = reading["provision"]
    prov = c.record.provision(pid)
    if prov is None or not prov.text:
        raise ValueError(f"{pid} has no text in the record")
    phrases = reading["phrases"]
    return Article5Obligation(
        provision=pid,
        text=prov.text,
        duty=_phrase(prov.text, phrases["duty"], pid),
        means=_phrase(prov.text, phrases["means"], pid),
        reading=reading["reading"],
        reason=reason_out(c, Reason(pid, reading["reading"], ())),
    )


def every_ally_must_go_to_war(c: Compiled) -> tuple[bool, Article5Obligation]:
    """For the claim checker: does Art. 5 oblige every Ally to use armed force? No, with the text."""
    ob = article5_obligation(c)
    return ob.armed_force_required_of_every_party, ob


def history(c: Compiled, instrument: str, article: int | None = None) -> HistoryAnswer:
    """Every recorded Art. 4 request and Art. 5 invocation of `instrument`, oldest first."""
    articles = [article] if article else sorted(ARTICLE_ACTIONS)
    occasions: list[OccasionOut] = []
    for art in articles:
        groups: dict[tuple[date, str], list[Any]] = {}
        for ev in c.record.events_for(instrument):
            if ev.action in ARTICLE_ACTIONS[art]:
                groups.setdefault((ev.date, ev.action), []).append(ev)
        for (day, action), evs in sorted(groups.items()):
            occasions.append(
                OccasionOut(
                    article=art,  # type: ignore[arg-type]
                    date=day,
                    states=sorted({e.state for e in evs}),
                    kind=action,
                    events=[event_out(e) for e in evs],
                )
            )
    occasions.sort(key=lambda o: (o.date, o.article))
    counts: dict[str, int] = {}
    for art in articles:
        mine = [o for o in occasions if o.article == art and o.kind != "art5_confirmation"]
        counts[f"art{art}_occasions"] = len(mine)
        counts[f"art{art}_state_requests"] = sum(len(o.states) for o in mine)
    has_art5 = instrument == _reading()["provision"].split("/")[0]
    consultation = None
    if has_art5 and 4 in articles:
        r = _reading()
        prov = c.record.provision(r["consultation_provision"])
        if prov and prov.text:
            _phrase(prov.text, r["consultation_phrase"], prov.id)
            consultation = reason_out(
                c,
                Reason(
                    prov.id, "Any Party may ask for consultations; the Treaty sets no other condition.", ()
                ),
            )
    return HistoryAnswer(
        instrument=instrument,
        articles=articles,
        occasions=occasions,
        counts=counts,
        obligation=article5_obligation(c) if has_art5 and 5 in articles else None,
        consultation=consultation,
        note=(
            "An Art. 5 'invocation' of 12 Sep 2001 was conditional and was confirmed on 2 Oct 2001: "
            "one invocation, two rows. Art. 4 requests made together on one day count as one occasion."
            if has_art5
            else f"{instrument} has no Article 4/5 machinery in the record."
        ),
    )
