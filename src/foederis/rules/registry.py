"""The instrument registry: one `InstrumentSpec` per treaty, naming its rules, its typed parts
and the names it goes by. Every question loops over a registry; none names an instrument.

Adding a treaty: data rows and texts under `data/`, one rules module built from the shared
shapes, one entry in `BUILT_IN` (see the README's "Adding a treaty").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from foederis.record.states import normalise
from foederis.rules import (
    apmbt,
    att,
    ccm,
    ccw,
    ccw_art1_amended,
    ccw_p1,
    ccw_p2,
    ccw_p2_amended,
    ccw_p3,
    ccw_p4,
    ccw_p5,
    cfe,
    ctbt,
    cwc,
    inf,
    nato,
    new_start,
    open_skies,
)
from foederis.rules.spec import InstrumentSpec

__all__ = ["BUILT_IN", "INSTRUMENTS", "REGISTRY", "InstrumentSpec", "Registry", "UnknownInstrument"]

BUILT_IN: tuple[InstrumentSpec, ...] = (
    InstrumentSpec(
        id="nato",
        title="North Atlantic Treaty (Washington, 4 April 1949)",
        short="North Atlantic Treaty",
        role="alliance",
        compile=nato.compile,
        entry_into_force=nato.ENTRY_INTO_FORCE,
        withdrawal=nato.WITHDRAWAL,
        aliases=(
            "NATO",
            "North Atlantic Treaty",
            "Washington Treaty",
            "North Atlantic Treaty Organization",
            "Atlantic Alliance",
            "the Alliance",
        ),
        depositary="Government of the United States of America",
        name_patterns=(
            r"(?-i:Nato)",
            r"north\s+atlantic\s+treaty\s+organi[sz]ation",
            r"(?-i:OTAN)",
        ),
    ),
    InstrumentSpec(
        id="ccm",
        title="Convention on Cluster Munitions (Dublin, 30 May 2008)",
        short="Convention on Cluster Munitions",
        role="weapons_ban",
        compile=ccm.RULES.compile,
        entry_into_force=ccm.RULES.eif_clause,
        withdrawal=ccm.RULES.withdrawal_clause,
        obligations=ccm.OBLIGATIONS,
        aliases=(
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
        depositary="Secretary-General of the United Nations",
        name_patterns=(
            r"cluster[- ]munitions?\s+(?:ban\s+)?(?:treaty|convention|ban)",
            r"cluster[- ]bombs?\s+(?:ban\s+)?(?:treaty|convention|ban)",
            r"(?:treaty|convention)\s+(?:on\s+the\s+)?(?:prohibition|ban)\s+(?:of|on)\s+cluster\s+munitions",
            r"oslo\s+convention",
            r"(?:international\s+)?(?:treaty|convention|agreement|accord|pact)\s+(?:banning|prohibiting)\s+(?:the\s+)?(?:[\w,]+\s+){0,6}?cluster\s+(?:munitions|bombs)",
        ),
    ),
    InstrumentSpec(
        id="apmbt",
        title="Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of "
        "Anti-Personnel Mines and on their Destruction (Oslo, 18 September 1997)",
        short="Anti-Personnel Mine Ban Convention",
        role="weapons_ban",
        compile=apmbt.RULES.compile,
        entry_into_force=apmbt.RULES.eif_clause,
        withdrawal=apmbt.RULES.withdrawal_clause,
        obligations=apmbt.OBLIGATIONS,
        aliases=(
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
        depositary="Secretary-General of the United Nations",
        name_patterns=(
            r"(?:anti-?personnel\s+)?(?:land)?mines?[- ]ban\s+(?:treaty|convention)",
            r"ottawa\s+(?:mine[- ]ban\s+)?(?:treaty|convention)",
            r"(?:treaty|convention)\s+on\s+the\s+(?:ban|prohibition)\s+(?:of|on)\s+(?:the\s+use[^.;]{0,60}?of\s+)?"
            r"anti-?personnel\s+(?:land)?mines(?:\s+and\s+on\s+their\s+destruction)?",
            r"anti[- ]?personnel\s+mine\s+ban\s+(?:convention|treaty)",
            r"anti[- ]landmine\s+ottawa\s+convention",
            r"anti[- ]?(?:land)?mines?\s+(?:treaty|convention|pact|accord)",
            r"(?:international\s+)?(?:treaty|convention|agreement|accord|pact)\s+(?:banning|prohibiting)\s+(?:the\s+)?(?:[\w,]+\s+){0,6}?anti-?personnel\s+(?:land\s*)?mines",
        ),
    ),
    InstrumentSpec(
        id="cwc",
        title="Convention on the Prohibition of the Development, Production, Stockpiling and Use of "
        "Chemical Weapons and on their Destruction (Paris, 13 January 1993)",
        short="Chemical Weapons Convention",
        role="weapons_ban",
        compile=cwc.RULES.compile,
        entry_into_force=cwc.RULES.eif_clause,
        withdrawal=cwc.RULES.withdrawal_clause,
        obligations=cwc.OBLIGATIONS,
        aliases=(
            "CWC",
            "OPCW",
            "Organisation for the Prohibition of Chemical Weapons",
            "Organization for the Prohibition of Chemical Weapons",
            "Chemical Weapons Convention",
            "chemical weapons ban",
            "Paris Convention on chemical weapons",
        ),
        depositary="Secretary-General of the United Nations",
        name_patterns=(
            r"chemical[- ]weapons?\s+(?:ban\s+)?(?:treaty|convention)",
            r"(?:treaty|convention)\s+(?:banning|prohibiting|on\s+the\s+prohibition\s+of)\s+(?:the\s+)?(?:[\w,]+\s+){0,6}?chemical\s+weapons",
        ),
    ),
    InstrumentSpec(
        id="ccw",
        title="Convention on Prohibitions or Restrictions on the Use of Certain Conventional Weapons "
        "which may be deemed to be Excessively Injurious or to have Indiscriminate Effects "
        "(Geneva, 10 October 1980)",
        short="Convention on Certain Conventional Weapons",
        role="weapons_ban",
        compile=ccw.RULES.compile,
        entry_into_force=ccw.RULES.eif_clause,
        withdrawal=ccw.RULES.withdrawal_clause,
        aliases=(
            "CCW",
            "CCWC",
            "Convention on Certain Conventional Weapons",
            "Certain Conventional Weapons Convention",
            "Inhumane Weapons Convention",
        ),
        depositary="Secretary-General of the United Nations",
        name_patterns=(
            r"convention\s+on\s+(?:prohibitions\s+or\s+restrictions\s+on\s+the\s+use\s+of\s+)?"
            r"certain\s+conventional\s+weapons",
            r"inhumane\s+weapons\s+convention",
        ),
        record_coverage=ccw.COVERAGE,
    ),
    InstrumentSpec(
        id="ccw_p4",
        title="Protocol on Blinding Laser Weapons (Protocol IV to the Convention on Certain "
        "Conventional Weapons, Vienna, 13 October 1995)",
        short="CCW Protocol IV (blinding laser weapons)",
        role="weapons_ban",
        compile=ccw_p4.RULES.compile,
        entry_into_force=ccw_p4.RULES.eif_clause,
        withdrawal=ccw_p4.RULES.withdrawal_clause,
        obligations=ccw_p4.OBLIGATIONS,
        aliases=(
            "CCW Protocol IV",
            "Protocol on Blinding Laser Weapons",
            "Blinding Laser Protocol",
            "Protocol IV to the CCW",
        ),
        depositary="Secretary-General of the United Nations",
        name_patterns=(r"(?:protocol|ban)\s+on\s+blinding\s+laser\s+weapons",),
        record_coverage=ccw_p4.COVERAGE,
    ),
    InstrumentSpec(
        id="ccw_p5",
        title="Protocol on Explosive Remnants of War (Protocol V to the Convention on Certain "
        "Conventional Weapons, Geneva, 28 November 2003)",
        short="CCW Protocol V (explosive remnants of war)",
        role="weapons_ban",
        compile=ccw_p5.RULES.compile,
        entry_into_force=ccw_p5.RULES.eif_clause,
        withdrawal=ccw_p5.RULES.withdrawal_clause,
        obligations=ccw_p5.OBLIGATIONS,
        aliases=("CCW Protocol V", "Protocol V to the CCW", "Protocol on Explosive Remnants of War"),
        depositary="Secretary-General of the United Nations",
        name_patterns=(r"protocol\s+on\s+explosive\s+remnants\s+of\s+war",),
        record_coverage=ccw_p5.COVERAGE,
    ),
    InstrumentSpec(
        id="ccw_art1_amended",
        title="Amendment to Article 1 of the Convention on Certain Conventional Weapons "
        "(Geneva, 21 December 2001)",
        short="CCW amended Article 1",
        role="weapons_ban",
        compile=ccw_art1_amended.RULES.compile,
        entry_into_force=ccw_art1_amended.RULES.eif_clause,
        withdrawal=ccw_art1_amended.RULES.withdrawal_clause,
        aliases=("CCW Article 1 amendment", "amended Article 1 of the CCW", "CCW amended Article 1"),
        depositary="Secretary-General of the United Nations",
        name_patterns=(r"amend(?:ment|ed)\s+(?:to\s+)?article\s+1\s+of\s+the\s+(?:ccw|convention\s+on\s+certain\s+conventional\s+weapons)",),
        record_coverage=ccw_art1_amended.COVERAGE,
    ),
    InstrumentSpec(
        id="ccw_p1",
        title="Protocol on Non-Detectable Fragments (Protocol I to the Convention on Certain "
        "Conventional Weapons, Geneva, 10 October 1980)",
        short="CCW Protocol I (non-detectable fragments)",
        role="weapons_ban",
        compile=ccw_p1.RULES.compile,
        entry_into_force=ccw_p1.RULES.eif_clause,
        withdrawal=ccw_p1.RULES.withdrawal_clause,
        obligations=ccw_p1.OBLIGATIONS,
        aliases=("CCW Protocol I", "Protocol I to the CCW", "Protocol on Non-Detectable Fragments"),
        depositary="Secretary-General of the United Nations",
        name_patterns=(r"protocol\s+on\s+non-?detectable\s+fragments",),
        record_coverage=ccw_p1.COVERAGE,
    ),
    InstrumentSpec(
        id="ccw_p2",
        title="Protocol on Prohibitions or Restrictions on the Use of Mines, Booby-Traps and Other "
        "Devices (Protocol II to the Convention on Certain Conventional Weapons, Geneva, "
        "10 October 1980)",
        short="CCW Protocol II (mines, booby-traps, 1980)",
        role="weapons_ban",
        compile=ccw_p2.RULES.compile,
        entry_into_force=ccw_p2.RULES.eif_clause,
        withdrawal=ccw_p2.RULES.withdrawal_clause,
        obligations=ccw_p2.OBLIGATIONS,
        aliases=("CCW Protocol II", "Protocol II to the CCW", "original Protocol II"),
        depositary="Secretary-General of the United Nations",
        record_coverage=ccw_p2.COVERAGE,
    ),
    InstrumentSpec(
        id="ccw_p2_amended",
        title="Protocol on Prohibitions or Restrictions on the Use of Mines, Booby-Traps and Other "
        "Devices as amended on 3 May 1996 (Amended Protocol II to the Convention on Certain "
        "Conventional Weapons)",
        short="CCW Amended Protocol II (mines)",
        role="weapons_ban",
        compile=ccw_p2_amended.RULES.compile,
        entry_into_force=ccw_p2_amended.RULES.eif_clause,
        withdrawal=ccw_p2_amended.RULES.withdrawal_clause,
        obligations=ccw_p2_amended.OBLIGATIONS,
        aliases=("CCW Amended Protocol II", "Amended Protocol II", "Amended Mines Protocol"),
        depositary="Secretary-General of the United Nations",
        name_patterns=(r"amended\s+protocol\s+ii\b", r"protocol\s+ii\s+as\s+amended"),
        record_coverage=ccw_p2_amended.COVERAGE,
    ),
    InstrumentSpec(
        id="ccw_p3",
        title="Protocol on Prohibitions or Restrictions on the Use of Incendiary Weapons (Protocol "
        "III to the Convention on Certain Conventional Weapons, Geneva, 10 October 1980)",
        short="CCW Protocol III (incendiary weapons)",
        role="weapons_ban",
        compile=ccw_p3.RULES.compile,
        entry_into_force=ccw_p3.RULES.eif_clause,
        withdrawal=ccw_p3.RULES.withdrawal_clause,
        obligations=ccw_p3.OBLIGATIONS,
        aliases=(
            "CCW Protocol III",
            "Protocol III to the CCW",
            "Incendiary Weapons Protocol",
            "Protocol on Incendiary Weapons",
        ),
        depositary="Secretary-General of the United Nations",
        name_patterns=(
            r"protocol\s+on\s+(?:prohibitions\s+or\s+restrictions\s+on\s+the\s+use\s+of\s+)?incendiary\s+weapons",
        ),
        record_coverage=ccw_p3.COVERAGE,
    ),
    InstrumentSpec(
        id="att",
        title="Arms Trade Treaty (New York, 2 April 2013)",
        short="Arms Trade Treaty",
        role="arms_control",
        compile=att.RULES.compile,
        entry_into_force=att.RULES.eif_clause,
        withdrawal=att.RULES.withdrawal_clause,
        obligations=att.OBLIGATIONS,
        aliases=("ATT", "Arms Trade Treaty", "UN Arms Trade Treaty"),
        depositary="Secretary-General of the United Nations",
        name_patterns=(
            r"(?:international\s+|global\s+|u\.?n\.?\s+)?arms[- ]trade\s+treaty",
            r"(?:treaty|convention)\s+(?:regulating|on)\s+(?:the\s+)?(?:international\s+)?(?:trade\s+in\s+conventional\s+arms|arms\s+trade)",
        ),
        record_coverage=att.COVERAGE,
    ),
    InstrumentSpec(
        id="cfe",
        title="Treaty on Conventional Armed Forces in Europe (Paris, 19 November 1990)",
        short="CFE Treaty",
        role="arms_control",
        compile=cfe.RULES.compile,
        entry_into_force=cfe.RULES.eif_clause,
        withdrawal=cfe.RULES.withdrawal_clause,
        aliases=("CFE", "CFE Treaty", "Conventional Armed Forces in Europe"),
        depositary="Government of the Kingdom of the Netherlands",
        name_patterns=(
            r"treaty\s+o[nf]\s+conventional\s+(?:armed\s+)?forces\s+in\s+europe(?:\s+\((?-i:CFE)\))?",
            r"conventional\s+(?:armed\s+)?forces\s+in\s+europe(?:\s+\((?-i:CFE)\))?\s+treaty",
        ),
    ),
    InstrumentSpec(
        id="inf",
        title="Intermediate-Range Nuclear Forces Treaty (Washington, 8 December 1987)",
        short="INF Treaty",
        role="arms_control",
        compile=inf.RULES.compile,
        entry_into_force=inf.RULES.eif_clause,
        withdrawal=inf.RULES.withdrawal_clause,
        aliases=("INF", "INF Treaty", "Intermediate-Range Nuclear Forces Treaty"),
        depositary="",
        name_patterns=(
            r"intermediate(?:[- ]range)?\s+nuclear\s+forces?(?:\s+\(INF\))?\s+treaty",
            r"(?-i:INF)\s+(?:missile\s+)?(?:treaty|agreement|accord|pact)",
        ),
    ),
    InstrumentSpec(
        id="open_skies",
        title="Treaty on Open Skies (Helsinki, 24 March 1992)",
        short="Open Skies Treaty",
        role="arms_control",
        compile=open_skies.RULES.compile,
        entry_into_force=open_skies.RULES.eif_clause,
        withdrawal=open_skies.RULES.withdrawal_clause,
        aliases=("Open Skies", "Open Skies Treaty", "Treaty on Open Skies", "open-skies"),
        depositary="Governments of Canada and Hungary",
        name_patterns=(
            r"(?:treaty\s+on\s+)?open\s+skies(?:\s+(?:arms[- ]control\s+)?(?:treaty|agreement|pact|accord))?",
        ),
    ),
    InstrumentSpec(
        id="new_start",
        title="Treaty on Measures for the Further Reduction and Limitation of Strategic "
        "Offensive Arms (New START, Prague, 8 April 2010)",
        short="New START",
        role="arms_control",
        compile=new_start.RULES.compile,
        entry_into_force=new_start.RULES.eif_clause,
        withdrawal=new_start.RULES.withdrawal_clause,
        aliases=("New START", "newstart", "START III", "Prague Treaty"),
        depositary="",
        name_patterns=(
            r"(?-i:New\s+START)(?:\s+(?:nuclear\s+)?"
            r"(?:arms(?:[- ]control|[- ]reduction)?\s+|disarmament\s+|weapons\s+)?"
            r"(?:treaty|agreement|pact|accord))?",
            r"(?:a\s+)?new\s+strategic\s+arms\s+reduction\s+treaty",
        ),
    ),
    InstrumentSpec(
        id="ctbt",
        title="Comprehensive Nuclear-Test-Ban Treaty (1996)",
        short="CTBT",
        role="arms_control",
        compile=ctbt.RULES.compile,
        entry_into_force=ctbt.RULES.eif_clause,
        withdrawal=ctbt.RULES.withdrawal_clause,
        aliases=("CTBT", "Comprehensive Nuclear-Test-Ban Treaty", "test ban treaty"),
        depositary="Secretary-General of the United Nations",
        name_patterns=(r"(?:comprehensive\s+)?nuclear[- ]test[- ]ban\s+treaty(?:\s+\((?-i:CTBT)\))?",),
    ),
)


class UnknownInstrument(LookupError):
    """An instrument name that resolves to nothing; names the valid choices."""

    def __init__(self, name: str, choices: Iterable[str] = ()) -> None:
        self.name = name
        self.choices = sorted(choices)
        super().__init__(f"unknown instrument {name!r}; choose one of: {', '.join(self.choices)}")


class Registry:
    """An immutable set of instrument descriptions, looked up by id or by any name they go by."""

    def __init__(self, specs: Iterable[InstrumentSpec]) -> None:
        self._specs: dict[str, InstrumentSpec] = {}
        for spec in specs:
            if spec.id in self._specs:
                raise ValueError(f"instrument {spec.id!r} is registered twice")
            self._specs[spec.id] = spec
        self._index = {
            normalise(label): spec.id
            for spec in self._specs.values()
            for label in (spec.id, spec.short, spec.title, *spec.aliases)
        }

    def with_instruments(self, *specs: InstrumentSpec) -> Registry:
        """A new registry with `specs` added (this one is unchanged)."""
        return Registry((*self._specs.values(), *specs))

    # mapping protocol: id -> spec
    def __getitem__(self, instrument: str) -> InstrumentSpec:
        return self._specs[instrument]

    def __contains__(self, instrument: object) -> bool:
        return instrument in self._specs

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def get(self, instrument: str) -> InstrumentSpec | None:
        return self._specs.get(instrument)

    def keys(self) -> Iterable[str]:
        return self._specs.keys()

    def values(self) -> Iterable[InstrumentSpec]:
        return self._specs.values()

    def items(self) -> Iterable[tuple[str, InstrumentSpec]]:
        return self._specs.items()

    def resolve(self, name: str) -> str:
        """The instrument id for an id, title or common name ("Ottawa", "CCM", "NATO")."""
        key = normalise(name)
        if key in self._index:
            return self._index[key]
        raise UnknownInstrument(name, self._specs)

    def labels(self) -> dict[str, str]:
        """Every accepted (normalised) label and its id: used by fuzzy matchers."""
        return dict(self._index)

    def alliances(self) -> tuple[str, ...]:
        return tuple(i for i, s in self._specs.items() if s.role == "alliance")

    def withdrawable(self) -> tuple[str, ...]:
        """Instruments whose withdrawal clause (with its period) the record holds."""
        return tuple(i for i, s in self._specs.items() if s.withdrawal is not None)

    def freezing(self) -> tuple[str, ...]:
        """Instruments whose withdrawal an armed conflict can hold back (the Art. 20(3) shape)."""
        return tuple(
            i
            for i, s in self._specs.items()
            if s.withdrawal is not None and s.withdrawal.armed_conflict_freeze
        )

    def weapons(self) -> dict[str, tuple[str, ...]]:
        """Each weapon category and the instruments that ban it, in registry order."""
        out: dict[str, list[str]] = {}
        for spec in self._specs.values():
            for weapon in spec.obligations.weapons if spec.obligations else ():
                out.setdefault(weapon, []).append(spec.id)
        return {w: tuple(ids) for w, ids in out.items()}

    def interoperability(self) -> dict[str, dict[str, Any]]:
        """Each instrument's interoperability rules (instrument id -> issue -> rule), as its rules
        module declares them."""
        return {
            s.id: dict(s.obligations.interoperability)
            for s in self._specs.values()
            if s.obligations and s.obligations.interoperability
        }

    def files(self) -> tuple:  # type: ignore[type-arg]
        """The data files of instruments kept outside the package's data folder."""
        return tuple(s.data for s in self._specs.values() if s.data is not None)


#: The built-in instruments; `INSTRUMENTS` is the same registry under the name callers know.
REGISTRY = Registry(BUILT_IN)
INSTRUMENTS = REGISTRY


def resolve_instrument(name: str) -> str:
    """The instrument id for an id, title or common name ("Ottawa", "CCM", "NATO")."""
    return REGISTRY.resolve(name)


def instrument_labels() -> dict[str, str]:
    """Every accepted (normalised) instrument label and its id: used by fuzzy matchers."""
    return REGISTRY.labels()
