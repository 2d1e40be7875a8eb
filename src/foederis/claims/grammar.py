"""Terminals of the claim reader: numbers, dates, instrument names (the registry's labels and
name patterns), number words and the keywords the repair step knows.

The sentence shapes themselves are read by `mentions` → `clauses` → `frames` (see docs/claims.md);
their word lists live in `claims/data/lexicon.yaml`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from foederis.rules.registry import INSTRUMENTS

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
}
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]

GENERIC_INSTRUMENT = r"(?:the\s+)?(?:convention|treaty|alliance|pact)\b|\bit\b"
_GENERIC_RE = re.compile(GENERIC_INSTRUMENT, re.IGNORECASE)

GRAMMAR_WORDS = [
    "member",
    "members",
    "ally",
    "allies",
    "alliance",
    "party",
    "parties",
    "signatory",
    "signatories",
    "bound",
    "withdrew",
    "withdrawn",
    "left",
    "joined",
    "acceded",
    "signed",
    "ratified",
    "suspended",
    "participation",
    "including",
    "namely",
    "remains",
    "remain",
    "convention",
    "treaty",
    "article",
    "notice",
    "months",
    "years",
    "effect",
    "takes",
    "withdrawal",
    "armed",
    "conflict",
    "expel",
    "expulsion",
    "invited",
    "european",
    "state",
    "states",
    "country",
    "countries",
    "provision",
    "verbatim",
    "entered",
    "force",
]

_NUM_WORD = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:one|two)\s+hundred(?:\s+and)?(?:\s+\w+)?)"  # noqa: E501
NUM = rf"(?:\d{{1,3}}(?!\d)(?![.,]\d)|{_NUM_WORD})"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?=\s+\d))"  # "Dec. 27, 2025", "Mar 29th 2004"
)
_TH = r"(?:st|nd|rd|th)?"
DATE = (
    rf"(?:\d{{1,2}}{_TH}\s+(?:of\s+)?{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}{_TH}(?:\s*[-\u2013]\s*\d{{1,2}}{_TH})?,?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|(?:19|20)\d{2}\b)"
)


@lru_cache(maxsize=1)
def instrument_regex() -> str:
    """An alternation of every instrument name: registry labels, abbreviations, descriptive phrases."""
    alts: list[str] = []
    for spec in INSTRUMENTS.values():
        # in a fixed order (not a set's, which changes with the process's hash seed): the same
        # pattern in every process, so its compiled form can be cached (regex_cache)
        for label in dict.fromkeys((spec.id, spec.short, spec.title, *spec.aliases)):
            if _GENERIC_RE.fullmatch(label):  # "the Alliance": read as a generic reference, not a name
                continue
            words = re.split(r"[\s-]+", label.strip())
            body = r"[\s-]+".join(re.escape(w) for w in words)
            if label.isupper() or label == spec.id:
                body = f"(?-i:{body})" if label.isupper() else body
            alts.append(body)
        alts.extend(spec.name_patterns)
    alts.sort(key=len, reverse=True)
    un = r"(?:(?-i:UN|U\.N\.)\s+|United\s+Nations(?:'s?)?\s+)?"  # "the UN Chemical Weapons Convention"
    return r"(?:(?:the\s+){0,2}" + un + "(?:" + "|".join(alts) + r")(?:'s)?\b)"  # "the the" (a slip)


def number_value(text: str) -> int | None:
    """The integer meant by digits or English number words ("thirty-two" → 32)."""
    t = text.strip().lower().replace("-", " ").replace(" and ", " ")
    if t.isdigit():
        return int(t)
    total = 0
    for w in t.split():
        if w == "hundred":
            total = max(total, 1) * 100
        elif w in NUMBER_WORDS:
            total += NUMBER_WORDS[w]
        else:
            return None
    return total or None
