"""Shared pieces of claim extraction: drafts and subjects, instrument names, dates, the article's date."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from foederis.claims.grammar import (
    DATE,
    GENERIC_INSTRUMENT,
    MONTHS,
)
from foederis.claims.matching import Repair
from foederis.claims.regex_cache import compile_many
from foederis.record.states import normalise
from foederis.rules.registry import INSTRUMENTS, instrument_labels


@dataclass
class DateSpec:
    """A date as written: the first and last day it may mean, and its precision."""

    text: str
    lo: date
    hi: date
    precision: str  # day, month or year


@dataclass
class Subject:
    phrase: str
    iso3: str | None
    read_as: str
    score: float
    method: str


@dataclass
class Draft:
    """A claim found by a production, before it is judged; offsets are in the repaired text."""

    kind: str
    production: str
    relation: str
    start: int
    end: int
    text: str
    groups: dict[str, str]
    subjects: list[Subject] = field(default_factory=list)
    instrument: str | None = None
    instrument_how: str = ""
    date: DateSpec | None = None
    repairs: list[Repair] = field(default_factory=list)


_LABELS = instrument_labels()
_NAME_PATTERNS = [(p, i) for i, spec in INSTRUMENTS.items() for p in spec.name_patterns]
_GENERIC_RE, _NAMED_RE, *_NAME_RXS = compile_many(
    [
        (GENERIC_INSTRUMENT, re.IGNORECASE),
        (r"(?-i:(?:[A-Z][\w-]*\s+){1,4}(?:Convention|Treaty))", re.IGNORECASE),
        *((p, re.IGNORECASE) for p, _ in _NAME_PATTERNS),
    ]
)
#: The registry's descriptive name patterns, each with its instrument.
_EXTRA = [(rx, i) for rx, (_, i) in zip(_NAME_RXS, _NAME_PATTERNS, strict=True)]


def resolve_instrument_text(text: str) -> str | None:
    """The instrument id a mention names, or None for a generic reference."""
    t = re.sub(r"'s$", "", text.strip())
    # "the UN Chemical Weapons Convention": the UN prefix is not part of the name
    t = re.sub(r"^(?:(?:the|The)\s+)?(?:UN|U\.N\.|United\s+Nations(?:'s?)?)\s+(?=\S)", "", t)
    t = re.sub(r"^(?:the\s+){2,}", "the ", t, flags=re.I)  # "the the North Atlantic Treaty": a slip
    key = normalise(t)
    if key in _LABELS:
        return _LABELS[key]
    for rx, inst in _EXTRA:
        if rx.fullmatch(t) or rx.fullmatch(re.sub(r"^the\s+", "", t, flags=re.I)):
            return inst
    return None


def parse_date(text: str) -> DateSpec | None:
    """A DATE terminal as a range of days with its precision."""
    import calendar

    t = text.strip().rstrip(",")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
        try:
            d = date.fromisoformat(t)
        except ValueError:
            return None
        return DateSpec(t, d, d, "day")
    if re.fullmatch(r"\d{4}", t):
        y = int(t)
        return DateSpec(t, date(y, 1, 1), date(y, 12, 31), "year")
    parts = re.findall(r"[A-Za-z]+|\d+", t)
    month = next(
        (
            MONTHS.index(m) + 1
            for p in parts
            for m in MONTHS
            if p.lower() == m or (len(p) >= 3 and m.startswith(p.lower()))
        ),
        None,
    )
    nums = [int(p) for p in parts if p.isdigit()]
    if month is None or not nums:
        return None
    year = max(nums)
    days = [n for n in nums if n != year]
    try:
        if days:
            d = date(year, month, days[0])
            return DateSpec(t, d, d, "day")
        last = calendar.monthrange(year, month)[1]
        return DateSpec(t, date(year, month, 1), date(year, month, last), "month")
    except ValueError:
        return None


_ASOF, _TOP_DATE = compile_many(
    [
        (rf"(?:as\s+of|as\s+at|published|updated|dated|date)\s*:?\s*(?:on\s+)?(?P<d>{DATE})", re.I),
        (rf"(?P<d>{DATE})", 0),
    ]
)


def article_date(text: str) -> tuple[date, str] | None:
    """A date the article gives for itself: 'As of …', 'Published …', or a full date in its first lines."""
    m = _ASOF.search(text)
    if m:
        spec = parse_date(m.group("d"))
        if spec and spec.precision == "day":
            return spec.lo, f"the article says {m.group().strip()!r}"
    for m in _TOP_DATE.finditer(text[:300]):
        spec = parse_date(m.group("d"))
        if spec and spec.precision == "day":
            return spec.lo, f"the date {m.group().strip()!r} near the top of the article"
    return None
