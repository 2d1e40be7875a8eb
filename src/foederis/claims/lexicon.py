"""The claim reader's word lists (predicates, markers, group names), loaded once from data files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from foederis.claims.datafile import load as _data
from foederis.claims.grammar import NUM
from foederis.claims.regex_cache import compile_many

#: Instrument mentions are masked in the text frames are read from (`mask`): the slot <INST>
#: matches a mask, so the patterns stay small however many names the registry knows.
MASK_OPEN, MASK_FILL, MASK_CLOSE = "\u27e6", "\u00b7", "\u27e7"
MASK = f"(?:{MASK_OPEN}{MASK_FILL}*{MASK_CLOSE})"


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span replaced by a mask of the same length (offsets are kept)."""
    out = list(text)
    for s, e in spans:
        if e - s < 2:
            continue
        out[s:e] = [MASK_OPEN] + [MASK_FILL] * (e - s - 2) + [MASK_CLOSE]
    return "".join(out)


GENERIC = (
    r"(?:the|this|that|its|their)\s+(?:(?:19|20)\d\d\s+)?(?:(?:same|security|landmark|key|arms[- ]control|"
    r"international|military|defen[cs]e|mine[- ]ban|nuclear|multilateral|bilateral|historic|major|"
    r"strategic|global|european|conventional|western|transatlantic|[\w]+-era|[\w]+-year-old|"
    r"(?:u\.s\.|[\w]+)-led)\s+){0,2}"
    r"(?:treaty|convention|alliance|pact|agreement|accord|bloc|deal|document)\b"
    # "the 1990 Treaty on Conventional Armed Forces" is a name, "the treaty on December 4" is not
    r"(?!\s+(?:on|of|for)\s+(?-i:(?!(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)\b)[A-Z]))"
)

#: A treaty described, not named: "a nuclear treaty with Russia", "Nuclear Pact" in a headline,
#: "European arms control treaty". It means the instrument named before, else the article's only
#: named treaty; on its own it names nothing.
DESCRIBED = (
    r"(?:\b(?:an?|another)\s+)?(?:(?:landmark|key|historic|major|international|bilateral|multilateral|"
    r"european|(?:[\w]+-)?[\w]+[- ]era|[\w]+-year-old|cold\s+war)\s+){0,2}"
    r"\b(?:nuclear(?:[- ]arms)?|arms[- ]control|missile|nuclear\s+missile|arms)\s+"
    r"(?:treaty|pact|agreement|accord|deal)\b"
)


@dataclass(frozen=True)
class Predicate:
    """One predicate pattern: the lemma it reads, the relation judged, where its subjects are."""

    lemma: str
    relation: str
    pattern: re.Pattern[str]
    subjects: str = "before"
    verb: str = ""
    appositive: bool = False
    needs_inst: bool = True  # the pattern ends in <INST>: a clause without one cannot match


@dataclass(frozen=True)
class Group:
    """A group name ("the Baltic states") with its sourced definition."""

    name: str
    pattern: re.Pattern[str]
    members: tuple[str, ...]
    derived: str
    instrument: str | None
    standalone: bool
    definition: str
    source: str


@lru_cache(maxsize=1)
def raw() -> dict[str, Any]:
    return _data("lexicon.yaml")


def _ordinal_rx(data: dict[str, Any]) -> str:
    words = sorted((*data["ordinals"], *data["superlatives"]), key=len, reverse=True)
    return r"(?:\d{1,3}(?:st|nd|rd|th)|" + "|".join(re.escape(w).replace(r"\-", "[- ]") for w in words) + ")"


@lru_cache(maxsize=1)
def slots() -> dict[str, str]:
    """The regex for each slot name used in predicate patterns."""
    d = raw()
    inst = MASK
    # adverbs: any "-ly" word in lower case, or one of the listed others (kept small: compile time)
    others = [w for w in d["adverbs"] if not w.endswith("ly")]
    adv = r"(?:(?:(?-i:[a-z]{2,}ly)|" + "|".join(others) + r")\s+)*"
    return {
        "<INST>": inst,
        "<NEG>": rf"(?P<neg>{d['negation']}\s+)",
        "<ADV>": adv,
        "<AUX>": d["auxiliary"],
        "<COP>": d["copula"],
        "<ORD>": r"(?:\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:[- ](?-i:[a-z]+))?)",  # checked by ordinal_value()
        "<NUM>": NUM,
        "<MEMBER>": d["member_nouns"],
        "<PARTY>": d["party_nouns"],
    }


def expand(pattern: str) -> str:
    """Replace the slots of a pattern; each <INST> becomes a named group i0, i1, …"""
    s = slots()
    n = 0
    out = pattern
    while "<INST>" in out:
        out = out.replace("<INST>", f"(?P<i{n}>{s['<INST>']})", 1)
        n += 1
    neg_seen = False
    while "<NEG>" in out:  # only the first negation slot is named
        out = out.replace("<NEG>", s["<NEG>"] if not neg_seen else s["<NEG>"].replace("?P<neg>", "?:"), 1)
        neg_seen = True
    for k, v in s.items():
        out = out.replace(k, v)
    return out


@lru_cache(maxsize=1)
def predicates() -> tuple[Predicate, ...]:
    specs = raw()["predicates"]
    # each starts at a word; scanned over every clause, so guarded by its first characters
    rxs = compile_many([(r"(?<!\w)" + expand(p["pattern"]), re.IGNORECASE) for p in specs], guard=True)
    return tuple(
        Predicate(
            p["lemma"],
            p["relation"],
            rx,
            p.get("subjects", "before"),
            p.get("verb", ""),
            bool(p.get("appositive")),
            p["pattern"].rstrip().endswith("<INST>"),
        )
        for p, rx in zip(specs, rxs, strict=True)
    )


@lru_cache(maxsize=1)
def provision_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    specs = raw()["provisions"]
    rxs = compile_many([(expand(p["pattern"]), re.IGNORECASE) for p in specs], guard=True)
    return tuple((p["relation"], rx) for p, rx in zip(specs, rxs, strict=True))


@lru_cache(maxsize=1)
def groups() -> tuple[Group, ...]:
    specs = _data("groups.yaml")
    rxs = compile_many([(g["pattern"], re.IGNORECASE) for g in specs], guard=True)
    return tuple(
        Group(
            g["name"],
            rx,
            tuple(g.get("members", ())),
            g.get("derived", ""),
            g.get("instrument"),
            bool(g.get("standalone")),
            g["definition"],
            g["source"],
        )
        for g, rx in zip(specs, rxs, strict=True)
    )


def _alternation(words: list[str]) -> str:
    return r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b"


@lru_cache(maxsize=1)
def markers() -> dict[str, re.Pattern[str]]:
    d = raw()
    sources = {
        "reporting": _alternation(d["reporting_verbs"]),
        "hypothetical": "|".join(d["hypothetical"]),
        "over": "|".join(d["over_assertion"]),
        "hedge": _alternation(d["hedges"]),
        "universal": "|".join(d["universal"]),
        "ordinal": r"\b" + _ordinal_rx(d) + r"\b",
        "date_barrier": "|".join(d["date_barriers"]),
    }
    rxs = compile_many([(src, re.IGNORECASE) for src in sources.values()], guard=True)
    return dict(zip(sources, rxs, strict=True))


def ordinal_value(text: str) -> tuple[int | None, str | None]:
    """(n, None) for "30th"/"thirtieth"; (None, "first"/"last") for a superlative."""
    t = re.sub(r"[\s-]+", "-", text.strip().lower())
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", t)
    if m:
        return int(m.group(1)), None
    d = raw()
    sup = {re.sub(r"\s+", "-", k): v for k, v in d["superlatives"].items()}
    if t in sup and t != "first":
        return None, sup[t]
    words = [re.sub(r"\s+", "-", w) for w in d["ordinals"]]
    if t in words:
        return words.index(t) + 1, None
    return None, None
