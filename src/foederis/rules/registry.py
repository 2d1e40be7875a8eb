"""The instrument registry: one entry per treaty, naming its rules and the names it goes by.

Adding a treaty: data rows and texts under `data/`, one rules module, one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from foederis.record.states import normalise
from foederis.rules import apmbt, ccm, cfe, ctbt, inf, nato, new_start, open_skies
from foederis.rules.base import Compilation, RuleContext


@dataclass(frozen=True)
class InstrumentSpec:
    """One instrument: id, titles, kind, and the rules that compile it."""

    id: str
    title: str
    short: str
    kind: Literal["alliance", "arms_control", "weapons_ban"]
    compile: Callable[[RuleContext], Compilation]
    aliases: tuple[str, ...] = ()
    depositary: str = ""


INSTRUMENTS: dict[str, InstrumentSpec] = {
    spec.id: spec
    for spec in (
        InstrumentSpec(
            "nato",
            "North Atlantic Treaty (Washington, 4 April 1949)",
            "North Atlantic Treaty",
            "alliance",
            nato.compile,
            (
                "NATO",
                "North Atlantic Treaty",
                "Washington Treaty",
                "North Atlantic Treaty Organization",
                "Atlantic Alliance",
                "the Alliance",
            ),
            "Government of the United States of America",
        ),
        InstrumentSpec(
            "ccm",
            "Convention on Cluster Munitions (Dublin, 30 May 2008)",
            "Convention on Cluster Munitions",
            "weapons_ban",
            ccm.RULES.compile,
            (
                "CCM",
                "CMC",
                "Cluster Munitions Convention",
                "Convention on Cluster Munitions",
                "Oslo Convention on Cluster Munitions",
                "cluster munitions treaty",
                "cluster bomb treaty",
                "cluster munition ban",
                "Dublin Convention",
            ),
            "Secretary-General of the United Nations",
        ),
        InstrumentSpec(
            "apmbt",
            "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of "
            "Anti-Personnel Mines and on their Destruction (Oslo, 18 September 1997)",
            "Anti-Personnel Mine Ban Convention",
            "weapons_ban",
            apmbt.RULES.compile,
            (
                "APMBT",
                "APMBC",
                "Ottawa",
                "Ottawa Treaty",
                "Ottawa Convention",
                "Mine Ban Treaty",
                "Mine Ban Convention",
                "Anti-Personnel Mine Ban Convention",
                "landmine treaty",
                "anti-personnel mine ban treaty",
            ),
            "Secretary-General of the United Nations",
        ),
        InstrumentSpec(
            "cfe",
            "Treaty on Conventional Armed Forces in Europe (Paris, 19 November 1990)",
            "CFE Treaty",
            "arms_control",
            cfe.RULES.compile,
            ("CFE", "CFE Treaty", "Conventional Armed Forces in Europe"),
            "Government of the Kingdom of the Netherlands",
        ),
        InstrumentSpec(
            "inf",
            "Intermediate-Range Nuclear Forces Treaty (Washington, 8 December 1987)",
            "INF Treaty",
            "arms_control",
            inf.RULES.compile,
            ("INF", "INF Treaty", "Intermediate-Range Nuclear Forces Treaty"),
        ),
        InstrumentSpec(
            "open_skies",
            "Treaty on Open Skies (Helsinki, 24 March 1992)",
            "Open Skies Treaty",
            "arms_control",
            open_skies.RULES.compile,
            ("Open Skies", "Open Skies Treaty", "Treaty on Open Skies", "open-skies"),
            "Governments of Canada and Hungary",
        ),
        InstrumentSpec(
            "new_start",
            "Treaty on Measures for the Further Reduction and Limitation of Strategic "
            "Offensive Arms (New START, Prague, 8 April 2010)",
            "New START",
            "arms_control",
            new_start.RULES.compile,
            ("New START", "newstart", "START III", "Prague Treaty"),
        ),
        InstrumentSpec(
            "ctbt",
            "Comprehensive Nuclear-Test-Ban Treaty (1996)",
            "CTBT",
            "arms_control",
            ctbt.RULES.compile,
            ("CTBT", "Comprehensive Nuclear-Test-Ban Treaty", "test ban treaty"),
            "Secretary-General of the United Nations",
        ),
    )
}

_INDEX = {
    normalise(label): spec.id
    for spec in INSTRUMENTS.values()
    for label in (spec.id, spec.short, spec.title, *spec.aliases)
}


class UnknownInstrument(LookupError):
    """An instrument name that resolves to nothing; names the valid choices."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.choices = sorted(INSTRUMENTS)
        super().__init__(f"unknown instrument {name!r}; choose one of: {', '.join(self.choices)}")


def resolve_instrument(name: str) -> str:
    """The instrument id for an id, title or common name ("Ottawa", "CCM", "NATO")."""
    key = normalise(name)
    if key in _INDEX:
        return _INDEX[key]
    raise UnknownInstrument(name)


def instrument_labels() -> dict[str, str]:
    """Every accepted (normalised) instrument label and its id: used by fuzzy matchers."""
    return dict(_INDEX)
