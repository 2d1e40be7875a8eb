"""Claim extraction: run the grammar over the sentences of a cleaned, repaired article."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from foederis.claims.grammar import (
    DATE,
    EXTRA_INSTRUMENT_PATTERNS,
    GENERIC_INSTRUMENT,
    MONTHS,
    instrument_regex,
    number_value,
    productions,
)
from foederis.claims.matching import Matcher, Repair, alliance_ids
from foederis.claims.text import Mapped, sentences
from foederis.record.states import normalise
from foederis.rules.registry import instrument_labels


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


_INST_RE = re.compile(instrument_regex(), re.IGNORECASE)
_GENERIC_RE = re.compile(GENERIC_INSTRUMENT, re.IGNORECASE)
_LABELS = instrument_labels()
_NAMED_RE = re.compile(r"(?-i:(?:[A-Z][\w-]*\s+){1,4}(?:Convention|Treaty))", re.IGNORECASE)
_EXTRA = [(re.compile(p, re.IGNORECASE), i) for i, ps in EXTRA_INSTRUMENT_PATTERNS.items() for p in ps]


def resolve_instrument_text(text: str) -> str | None:
    """The instrument id a mention names, or None for a generic reference."""
    t = re.sub(r"'s$", "", text.strip())
    key = normalise(t)
    if key in _LABELS:
        return _LABELS[key]
    for rx, inst in _EXTRA:
        if rx.fullmatch(t) or rx.fullmatch(re.sub(r"^the\s+", "", t, flags=re.I)):
            return inst
    return None


def mentions(text: str) -> list[tuple[int, str]]:
    """Every named instrument in the text, by position (for resolving 'the convention')."""
    out = []
    for m in _INST_RE.finditer(text):
        inst = resolve_instrument_text(m.group())
        if inst:
            out.append((m.start(), inst))
    return out


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
    month = next((MONTHS.index(p.lower()) + 1 for p in parts if p.lower() in MONTHS), None)
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


_ASOF = re.compile(rf"(?:as\s+of|as\s+at|published|updated|dated|date)\s*:?\s*(?:on\s+)?(?P<d>{DATE})", re.I)
_TOP_DATE = re.compile(rf"(?P<d>{DATE})")


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


_SPLIT_LIST = re.compile(r"\s*,\s*(?:and\s+)?|\s*,?\s+(?:and|as\s+well\s+as)\s+")


def _list_states(phrase: str, matcher: Matcher) -> list[Subject]:
    """Split a LIST, re-joining names with 'and' in them ("Bosnia and Herzegovina")."""
    parts = [p for p in _SPLIT_LIST.split(phrase) if p.strip()]
    out: list[Subject] = []
    i = 0
    while i < len(parts):
        if i + 1 < len(parts) and matcher.registry.get(f"{parts[i]} and {parts[i + 1]}"):
            joined = f"{parts[i]} and {parts[i + 1]}"
            out.append(Subject(joined, matcher.registry.get(joined), joined, 1.0, "exact"))
            i += 2
            continue
        out.append(_subject(parts[i], matcher))
        i += 1
    return out


def _subject(phrase: str, matcher: Matcher) -> Subject:
    iso, read, score, method = matcher.state(phrase.strip())
    return Subject(phrase.strip(), iso, read, score, method)


def extract(m: Mapped, matcher: Matcher) -> list[Draft]:
    """Every claim the grammar finds, non-overlapping, in text order."""
    text = m.text
    found = mentions(text)
    drafts: list[Draft] = []
    for s0, e0 in sentences(text):
        sent = text[s0:e0]
        cands: list[tuple[int, int, int, re.Match[str], object]] = []
        for prio, prod in enumerate(productions()):
            for mt in prod.pattern.finditer(sent):
                cands.append((mt.start(), mt.end(), prio, mt, prod))
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[2]))
        taken: list[tuple[int, int, str]] = []
        for s, e, _, mt, prod in cands:
            if any(_clash(s, e, prod.kind, t) for t in taken):  # type: ignore[attr-defined]
                continue
            d = _draft(prod, mt, s0, text, found, matcher)  # type: ignore[arg-type]
            if d is not None:
                taken.append((s, e, prod.kind))  # type: ignore[attr-defined]
                drafts.append(d)
    drafts.sort(key=lambda d: d.start)
    return drafts


def _clash(s: int, e: int, kind: str, taken: tuple[int, int, str]) -> bool:
    """Overlapping matches of one kind clash; of different kinds only when they cover the same words."""
    ts, te, tkind = taken
    if not (s < te and ts < e):
        return False
    return kind == tkind or (abs(s - ts) <= 3 and abs(e - te) <= 3)


def _context_instrument(found: list[tuple[int, str]], pos: int) -> str | None:
    before = [i for p, i in found if p < pos]
    return before[-1] if before else None


def _draft(prod, mt: re.Match[str], base: int, text: str, found, matcher: Matcher) -> Draft | None:
    groups = {k: v for k, v in mt.groupdict().items() if v}
    start, end = base + mt.start(), base + mt.end()
    d = Draft(prod.kind, prod.id, prod.relation, start, end, mt.group(), groups)
    # instrument: named in the match, else generic → the last one named before, else implied
    inst, how = None, ""
    for key in ("i0", "i1", "i2"):
        if key in groups:
            named = resolve_instrument_text(groups[key])
            if named:
                inst, how = named, f"named: {groups[key]!r}"
                break
            if _GENERIC_RE.fullmatch(groups[key].strip()):
                if re.search(r"alliance", groups[key], re.I) and alliance_ids():
                    inst, how = alliance_ids()[0], f"{groups[key]!r} means the alliance"
                else:
                    inst = _context_instrument(found, start)
                    how = f"{groups[key]!r} read as the instrument named before it" if inst else ""
                break
    if inst is None and re.search(r"\ball(?:y|ies)\b", mt.group(), re.I) and alliance_ids():
        inst, how = alliance_ids()[0], "'ally/allies' means the alliance"
    sentence = text[base : text.find(".", end) if text.find(".", end) > 0 else len(text)]
    if inst is None and any(resolve_instrument_text(x.group()) is None for x in _NAMED_RE.finditer(sentence)):
        return None  # the sentence names an instrument that cannot be read: do not guess from context
    if (
        prod.id == "pv_expel"
        and "neg" not in groups
        and not re.search(r"\b(?:can|may|could|able|allows?|permits?|provides?\s+for)\b", sentence, re.I)
    ):
        return None  # neither denied nor asserted: a damaged negation must not become an assertion
    if inst is None and prod.kind in ("provision", "count", "quote"):
        inst = _context_instrument(found, end)
        how = "the instrument named before this sentence" if inst else ""
    if inst is None and prod.kind == "provision":
        later = [i for p, i in found if start <= p < end + 200]
        inst = later[0] if later else None
        how = "the instrument named in the sentence" if inst else ""
    d.instrument, d.instrument_how = inst, how
    if prod.kind != "provision" and inst is None:
        return None
    if "date" in groups:
        d.date = parse_date(groups["date"])
    if "state" in groups:
        subj = _subject(groups["state"], matcher)
        if subj.iso3 is None:
            return None
        d.subjects = [subj]
    if "list" in groups:
        d.subjects = _list_states(groups["list"], matcher)
        known = [s for s in d.subjects if s.iso3]
        if len(known) < max(1, (len(d.subjects) + 1) // 2):
            return None
    if prod.kind == "count":
        n = number_value(groups.get("num", ""))
        if n is None or n < 2 or n > 400:
            return None
        if prod.id == "cnt" and "i0" not in groups and "i1" not in groups and "i2" not in groups:
            noun = groups.get("noun", "").lower()
            if noun != "allies" and not groups.get("all") and noun in ("members", "parties", "signatories"):
                return None
    return d
