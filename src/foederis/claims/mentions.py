"""Stage 1 of the claim reader: the mentions in a sentence — states, groups, instruments, dates.

Each mention keeps its offsets in the sentence. Names resolve through `matching.Matcher` (exact,
deleted pair, fuzzy); two- and three-letter codes count only when written in capitals ("US").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from foederis.claims.extract import DateSpec, parse_date, resolve_instrument_text
from foederis.claims.grammar import _MONTH, DATE, MONTHS, instrument_regex, number_value
from foederis.claims.lexicon import DESCRIBED, GENERIC, Group, groups
from foederis.claims.matching import Matcher, alliance_ids
from foederis.claims.regex_cache import compile_many

#: Capitalised words that never start a state's name (sentence openers, titles, months).
_NOT_NAMES = {
    "in",
    "it",
    "is",
    "no",
    "to",
    "at",
    "be",
    "me",
    "am",
    "or",
    "an",
    "as",
    "so",
    "do",
    "go",
    "he",
    "we",
    "my",
    "by",
    "of",
    "on",
    "if",
    "id",
    "la",
    "al",
}
_CAP_TOKEN = r"[A-Z][\w'.\u2019-]*"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SPAN, _DATE_RX = compile_many(
    [
        (rf"{_CAP_TOKEN}(?:\s+(?:(?:of|and|the|and\s+the)\s+)?{_CAP_TOKEN})*", 0),
        (
            rf"(?P<full>{DATE})(?!\s*(?:km|kilomet|mile|people|troops))"
            rf"|(?P<md>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)(?!\d)(?:,?\s+this\s+year)?"
            rf"|(?P<dm>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH})(?!\s+\d)"
            r"|(?P<wd>\b(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
            r"|(?P<today>\btoday\b|\bthis\s+week\b|\btomorrow\b|\byesterday\b)"
            r"|(?P<rel>\b(?:this|last)\s+year\b|\bearlier\s+this\s+month\b|\bthis\s+month\b)"
            r"|(?P<ago>\b(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|(?:twenty|thirty|forty|"
            r"fifty|sixty|seventy)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)\s+years\s+"
            r"(?:ago|since)\b)",
            0,
        ),
    ]
)
#: Scanned over every sentence and the whole text: guarded by their first characters.
_INST_RE, _IT = compile_many(
    [
        (
            rf"(?P<named>{instrument_regex()})|(?P<generic>{GENERIC})|(?P<described>{DESCRIBED})",
            re.IGNORECASE,
        ),
        # "ratified it": a pronoun is an instrument only as the object of a treaty verb.
        (
            r"\b(?P<v>ratified|ratify|ratifies|signed|sign|signs|joined|join|joins|left|leave|leaves|quit|"
            r"denounced|denounce|acceded\s+to|accede\s+to|withdrew\s+from|withdraw\s+from|withdrawn\s+from)"
            r"\s+(?P<it>it)\b",
            re.I,
        ),
    ],
    guard=True,
)


@dataclass
class Mention:
    """A stretch of the sentence that names something the record knows."""

    kind: str  # state, group, inst, date
    start: int
    end: int
    text: str
    iso3: str | None = None
    inst: str | None = None
    how: str = ""
    date: DateSpec | None = None
    group: Group | None = None
    possessive: bool = False
    method: str = "exact"
    score: float = 1.0
    members: list[str] = field(default_factory=list)


def _strip_possessive(text: str) -> tuple[str, bool]:
    m = re.search(r"(?:'s|\u2019s|')$", text)
    return (text[: m.start()], True) if m else (text, False)


def state_mentions(sent: str, matcher: Matcher) -> list[Mention]:
    """Every state named in the sentence, splitting "A and B" unless it is one name."""
    out: list[Mention] = []
    for m in _SPAN.finditer(sent):
        pieces = [
            piece
            for part, at in _split_possessive(m.group(), m.start())
            for piece in _split_and(part, at, matcher)
        ]
        for text, s in pieces:
            mention = _state(text, s, matcher)
            if mention and mention.method == "capital" and _attributive(sent, mention.end):
                continue  # "the 2002 Prague summit": a place, not a government
            if mention and mention.text.endswith(".") and not re.search(r"\.\w\.$", mention.text):
                mention.end -= 1  # "… West Germany." ends the sentence; "U.S." keeps its dot
                mention.text = mention.text[:-1]
            if mention:
                out.append(mention)
    return _with_actors(sent, out)


def _split_possessive(text: str, start: int) -> list[tuple[str, int]]:
    """A run of capitalised words cut after an inner possessive: "North Macedonia's Accession
    Protocol" is the state and what it owns, not one unknown name."""
    out: list[tuple[str, int]] = []
    at = 0
    for cut in re.finditer(r"(?<=['\u2019]s)\s+", text):
        out.append((text[at : cut.start()], start + at))
        at = cut.end()
    out.append((text[at:], start + at))
    return out


@lru_cache(maxsize=1)
def _actor_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Demonym + institution, possessive + institution, seats and leaders (claims/data/actors.yaml)."""
    from foederis.claims.datafile import load as _data

    data = _data("actors.yaml")
    words = sorted(data["institutions"], key=len, reverse=True)
    inst = "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in words)
    names = {**data["demonyms"], **data["seats"], **data["leaders"]}
    alt = "|".join(re.escape(x) for x in sorted(data["demonyms"], key=len, reverse=True))
    person = "|".join(re.escape(x) for x in sorted([*data["seats"], *data["leaders"]], key=len, reverse=True))
    demonym, seat_or_leader, possessive_inst = compile_many(
        [
            (
                rf"(?:\b[Tt]he\s+)?(?<![\w.])(?-i:(?P<name>{alt}))\s+(?:(?:new|current|interim|coalition|then)\s+)?"
                rf"(?:{inst})\b",
                re.I,
            ),
            (rf"(?:\b[Tt]he\s+)?(?<![\w])(?-i:(?P<name>{person}))(?![\w])", 0),
            (rf"\s+(?:(?:new|current|interim|coalition)\s+)?(?:{inst})\b", re.I),
        ]
    )
    return demonym, seat_or_leader, possessive_inst, names


@lru_cache(maxsize=1)
def _legislature() -> re.Pattern[str]:
    from foederis.claims.datafile import load as _data

    words = sorted(_data("actors.yaml")["legislatures"], key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(r"(?:\b|\s)(?:" + alt + r")$", re.I)


@lru_cache(maxsize=1)
def _legislature_anywhere() -> re.Pattern[str]:
    from foederis.claims.datafile import load as _data

    words = sorted(_data("actors.yaml")["legislatures"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.I)


def names_legislature(text: str) -> bool:
    """The text names a legislature ("The Parliament accepted …"): its vote is not the state's act."""
    return bool(_legislature_anywhere().search(text))


def _how_acting(phrase: str, default: str) -> str:
    """'legislature' when the phrase names a parliament (its vote is not the state's deposit)."""
    return "legislature" if _legislature().search(phrase.strip()) else default


def _with_actors(sent: str, found: list[Mention]) -> list[Mention]:
    """The state mentions plus the words that stand for a state's government: "the Finnish
    government", "Poland's parliament" (the possessive widened over its noun), "the Kremlin", "Trump"."""
    demonym, seat_or_leader, possessive_inst, names = _actor_patterns()
    out = list(found)
    for m in out:
        if m.possessive:
            tail = possessive_inst.match(sent, m.end)
            if tail:
                m.end, m.possessive = tail.end(), False
                m.method = _how_acting(tail.group(), "for its government")
                m.text = sent[m.start : m.end]
    for rx, how in ((demonym, "demonym"), (seat_or_leader, "speaks for")):
        for mt in rx.finditer(sent):
            iso = names[mt.group("name")]
            # "The Lithuanian" read by fuzzy matching as Lithuania gives way to the whole phrase
            out = [x for x in out if not (x.start < mt.end() and mt.start() < x.end and x.iso3 == iso)]
            if any(x.start < mt.end() and mt.start() < x.end for x in out):
                continue
            method = _how_acting(mt.group(), f"{how}: {iso}") if how == "demonym" else f"{how}: {iso}"
            out.append(Mention("state", mt.start(), mt.end(), mt.group(), iso, method=method))
    return sorted(out, key=lambda m: m.start)


def _attributive(sent: str, end: int) -> bool:
    """True when the word after a capital is a noun it modifies ("Prague summit")."""
    from foederis.claims.lexicon import raw

    m = re.match(r"\s+([A-Za-z\u00e9]+)", sent[end : end + 30])
    return bool(m) and m.group(1).lower() in raw()["capital_attributive"]


def _split_and(text: str, base: int, matcher: Matcher) -> list[tuple[str, int]]:
    if " and " not in text or matcher.registry.get(_strip_possessive(text)[0]):
        return [(text, base)]
    out = []
    pos = 0
    for part in re.split(r"(\s+and\s+(?:the\s+)?)", text):
        if part and not re.fullmatch(r"\s+and\s+(?:the\s+)?", part):
            out.append((part, base + pos))
        pos += len(part)
    return out


def _state(text: str, start: int, matcher: Matcher) -> Mention | None:
    name, poss = _strip_possessive(text)
    words = name.split()
    capital = capitals().get(words[-1]) if words else None
    if capital and (len(words) == 1 or words[0] in ("After", "Meanwhile", "Then", "Now", "But", "And", "So")):
        at = start + len(name) - len(words[-1])
        return Mention("state", at, start + len(text), words[-1], capital, possessive=poss, method="capital")
    for i in range(len(words)):  # drop capitalised openers ("After Lithuania", "Meanwhile Norway")
        cand = " ".join(words[i:])
        if len(cand) <= 3 and (not cand.isupper() or cand.lower() in _NOT_NAMES):
            continue
        if cand.lower() in _NOT_NAMES:
            continue
        iso = matcher.registry.get(cand)
        if iso:
            offset = len(" ".join(words[:i])) + (1 if i else 0)
            return Mention("state", start + offset, start + len(text), cand, iso, possessive=poss)
    prefix = _title_case_prefix(words, start, poss, matcher)
    if prefix is not None:
        return prefix
    if len(words) > 3 or len(name) < 3:
        return None  # a one- or two-letter word ("A") is never a damaged state name
    iso, _read, score, method = matcher._fuzzy(name)
    if iso and method != "unknown":
        return Mention(
            "state", start, start + len(text), name, iso, possessive=poss, method=method, score=score
        )
    return None


def _title_case_prefix(words: list[str], start: int, poss: bool, matcher: Matcher) -> Mention | None:
    """A state name at the head of a run of capitalised words ("Montenegro Becomes" in a title-case
    headline, "US President Donald Trump"): the longest leading words that name a state exactly."""
    for k in range(len(words) - 1, 0, -1):
        cand = " ".join(words[:k])
        if (len(cand) <= 3 and not cand.isupper()) or cand.lower() in _NOT_NAMES:
            continue
        iso = matcher.registry.get(cand)
        if iso:
            rest = " ".join(words[k:])
            how = _how_acting(rest, "exact") if _legislature().search(" " + rest) else "exact"
            return Mention("state", start, start + len(cand), cand, iso, possessive=False, method=how)
    return None


def capitals() -> dict[str, str]:
    """Capital → state, for capitals used as their governments (claims/data/capitals.yaml)."""
    from foederis.claims.datafile import load as _data

    global _CAPITALS
    if _CAPITALS is None:
        _CAPITALS = dict(_data("capitals.yaml"))
    return _CAPITALS


_CAPITALS: dict[str, str] | None = None


def group_mentions(sent: str) -> list[Mention]:
    out = []
    for g in groups():
        if g.standalone:
            continue  # "the allies" is read only where a frame needs a subject (frames.py)
        for m in g.pattern.finditer(sent):
            out.append(Mention("group", m.start(), m.end(), m.group(), group=g))
    return out


def instrument_mentions(sent: str, context: str | None, sole: str | None = None) -> list[Mention]:
    """Named instruments and generic references ("the treaty" → the one named last before, else
    `sole`, the only treaty the article names, as in a headline read before the body names it).

    A generic "treaty"/"deal" never means an alliance named only by its acronym ("NATO announced
    … the deal"): the organisation acts, the treaty is another one.
    """
    out = []
    context_given = context
    context = context or sole
    for m in _INST_RE.finditer(sent):
        if m.group("named"):
            inst = resolve_instrument_text(m.group("named"))
            if inst:
                start = m.start()
                art = re.search(r"\b(?:an?|another)\s+$", sent[max(0, start - 10) : start], re.I)
                if art and m.group()[0].islower():  # "an international convention banning …": a description
                    start -= len(art.group())
                era = _BEFORE_NAME.search(sent[max(0, start - 40) : start])
                if era:  # "the Cold War-era CFE treaty", "the landmark Ottawa Convention"
                    start -= len(era.group())
                how = f"named: {m.group()!r}"
                out.append(Mention("inst", start, m.end(), sent[start : m.end()], inst=inst, how=how))
                if inst not in alliance_ids() or re.search(r"treaty", m.group(), re.I):
                    context = inst
            continue
        text = m.group("generic") or m.group("described")
        if re.search(r"alliance|bloc", text, re.I) and alliance_ids():
            out.append(
                Mention(
                    "inst",
                    m.start(),
                    m.end(),
                    text,
                    inst=alliance_ids()[0],
                    how=f"{text!r} means the alliance",
                )
            )
        elif context and re.search(r"treaty|convention|pact|agreement|accord|deal|document", text, re.I):
            out.append(
                Mention(
                    "inst",
                    m.start(),
                    m.end(),
                    text,
                    inst=context,
                    how=(
                        f"{text!r} means {context}, named before"
                        if context == context_given
                        else f"{text!r} means {context}, the only treaty the article names"
                    ),
                )
            )
    if context:
        for m in _IT.finditer(sent):
            if not any(x.start <= m.start("it") < x.end for x in out):
                out.append(
                    Mention(
                        "inst",
                        m.start("it"),
                        m.end("it"),
                        "it",
                        inst=context,
                        how=f"'it' after {m.group('v')!r}: {context}, named before",
                    )
                )
        out.sort(key=lambda x: x.start)
    return out


#: Words that may stand between a determiner and a treaty's name.
_BEFORE_NAME = re.compile(
    r"(?:\b(?:the|a|an|its|their)\s+)?(?:(?:[A-Z][\w]*\s+)?[\w]+-era|landmark|historic|key|major|multilateral|"
    r"bilateral|arms[- ]control|international|so-called|now-defunct|defunct|crucial)\s+$",
)
#: Words before a month-day that look ahead from the article's day.
_AHEAD = re.compile(
    r"\b(?:will|shall|takes?\s+effect|becomes?\s+effective|ends?|expires?|is\s+due|are\s+due|scheduled|"
    r"set\s+to|until|from)\b[^.;]*$",
    re.I,
)


#: "two years later", "six months later": counted from the date written before.
_LATER = re.compile(
    r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?P<unit>years?|months?)\s+later\b",
    re.I,
)


def _later(m: re.Match[str], base: DateSpec) -> DateSpec | None:
    """The year (or month) a "N years/months later" names, from the date before it."""
    n = 1 if m.group("n").lower() in ("a", "an") else number_value(m.group("n"))
    if not n:
        return None
    if m.group("unit").lower().startswith("year"):
        y = base.lo.year + n
        return DateSpec(m.group(), date(y, 1, 1), date(y, 12, 31), "year")
    if base.precision == "year":
        return None  # "six months later" than a year: no month can be named
    k = base.lo.year * 12 + base.lo.month - 1 + n
    y, mo = divmod(k, 12)
    return DateSpec(
        m.group(), date(y, mo + 1, 1), date(y, mo + 1, calendar.monthrange(y, mo + 1)[1]), "month"
    )


def date_mentions(sent: str, ref: date | None, prior: DateSpec | None = None) -> list[Mention]:
    """Dates as written; month-day, weekdays, 'today', 'this year' only against the article's day;
    "two years later" against the date written before (`prior`: the last one of earlier sentences)."""
    return _later_mentions(sent, ref, prior) if "later" in sent else _plain_dates(sent, ref)


def _plain_dates(sent: str, ref: date | None) -> list[Mention]:
    out = []
    for m in _DATE_RX.finditer(sent):
        spec = None
        if m.group("full"):
            spec = parse_date(m.group("full"))
        elif ref is not None:
            spec = _relative(m, ref)
            ahead = _AHEAD.search(sent[max(0, m.start() - 40) : m.start()])
            if (
                spec
                and spec.lo < ref
                and (m.group("md") or m.group("dm"))
                and ahead
                and "this year" not in m.group()
            ):
                # "takes effect on February 20", "will withdraw on December 18": the next such day
                body = re.sub(r"(st|nd|rd|th)\b", "", m.group("md") or m.group("dm"))
                nxt = parse_date(f"{body} {ref.year + 1}")
                spec = DateSpec(m.group(), nxt.lo, nxt.hi, "day") if nxt else spec
        if spec:
            out.append(Mention("date", m.start(), m.end(), m.group(), date=spec))
    # "on Saturday (April 4th)", "on Tuesday, 7 November", "60 years ago, on 4 April 1949": the
    # explicit date, not the week or the count of years
    return [
        d
        for d in out
        if not (
            d.date is not None
            and (d.date.precision == "week" or re.search(r"ago$", d.text))
            and any(
                re.fullmatch(r"[\s(,]{0,3}(?:on\s+|in\s+)?", sent[d.end : x.start])
                for x in out
                if x.start >= d.end
            )
        )
    ]


def _later_mentions(sent: str, ref: date | None, prior: DateSpec | None) -> list[Mention]:
    """The sentence's dates with each "N years later" counted from the date before it."""
    plain = _plain_dates(sent, ref)
    out = list(plain)
    for m in _LATER.finditer(sent):
        before = [d.date for d in plain if d.end <= m.start() and d.date and d.date.precision != "week"]
        base = before[-1] if before else prior
        spec = _later(m, base) if base else None
        if spec:
            out.append(Mention("date", m.start(), m.end(), m.group(), date=spec))
    return sorted(out, key=lambda d: d.start)


def _relative(m: re.Match[str], ref: date) -> DateSpec | None:
    text = m.group()
    if m.group("md") or m.group("dm"):
        body = re.sub(r"(st|nd|rd|th)\b", "", m.group("md") or m.group("dm"))
        spec = parse_date(f"{body} {ref.year}")
        if spec and spec.lo > ref + timedelta(days=200) and "this year" not in text:
            spec = parse_date(f"{body} {ref.year - 1}")
        return DateSpec(text, spec.lo, spec.hi, "day") if spec else None
    if m.group("ago"):  # "60 years ago", "40 years since joining": a year either side, for rounding
        from dateutil.relativedelta import relativedelta

        n = number_value(m.group("n"))
        if not n:
            return None
        return DateSpec(text, ref - relativedelta(years=n + 1), ref - relativedelta(years=n - 1), "year")
    if m.group("wd"):  # a weekday: some day of the week that ends on the article's day
        return DateSpec(text, ref - timedelta(days=6), ref, "week")
    if m.group("today"):
        if "week" in text.lower():
            return DateSpec(text, ref - timedelta(days=6), ref, "week")
        shift = {"tomorrow": 1, "yesterday": -1}.get(text.strip().lower(), 0)
        return DateSpec(text, ref + timedelta(days=shift), ref + timedelta(days=shift), "day")
    low = text.lower()
    if "month" in low:
        last = calendar.monthrange(ref.year, ref.month)[1]
        return DateSpec(text, date(ref.year, ref.month, 1), date(ref.year, ref.month, last), "month")
    y = ref.year - (1 if low.startswith("last") else 0)
    return DateSpec(text, date(y, 1, 1), date(y, 12, 31), "year")


@lru_cache(maxsize=4)
def named_instruments(text: str) -> tuple[tuple[int, str], ...]:
    """Every named instrument in the text, by position (for resolving 'the convention'); the
    reader and the quote matcher both ask, once per article."""
    out = []
    for m in _INST_RE.finditer(text):
        if not m.group("named"):
            continue
        inst = resolve_instrument_text(m.group())
        if inst:
            out.append((m.start(), inst))
    return tuple(out)


__all__ = [
    "MONTHS",
    "Mention",
    "date_mentions",
    "group_mentions",
    "instrument_mentions",
    "named_instruments",
    "state_mentions",
]
