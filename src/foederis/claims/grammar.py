r"""The claim pattern grammar: which sentences are claims, and what each one asserts.

Patterns run over each sentence of the cleaned, repaired article (case-insensitive keywords;
state names must start with a capital). Terminals:

    STATE   a capitalised name phrase ("Norway", "the United Kingdom", "North Macedonia"),
            resolved by `matching.Matcher` (exact, then deleted pair, then fuzzy)
    LIST    STATE ("," STATE)* [","] ("and" | "as well as") STATE
    INST    an instrument name or alias from the registry ("NATO", "CCM", "CMC", "Ottawa Treaty",
            "the Convention on Cluster Munitions") or a generic reference ("the convention",
            "the treaty", "the alliance", "it") that means the instrument last named before it
    NUM     digits (1-999) or an English number word ("thirty-two")
    DATE    "6 March 2025" | "March 6, 2025" | "March 2025" | "2025-03-06" | "2004" (a year)

Productions (kind: pattern → what is asserted):

    membership: STATE ("is"|"was"|"remains"|"became") "a" [INST] ("member"|"ally") ["of" INST]
                STATE "is not" "a" [INST] "member" ["of" INST]                  → not a member
                [INST] ("members"|"allies") ["," ] ("including"|"such as"|"like"|"namely"|":") LIST
                LIST ("are"|"were") ["all"] ("NATO members"|"members of" INST|"allies")
                STATE ("joined"|"acceded to") INST ("in"|"on") DATE              → member since DATE
    status:     STATE ("is"|"was"|"remains"|"became") ["a"] ["state"] ("party"|"signatory") ("to"|"of") INST
                STATE "," "a" ("party"|"signatory") ("to"|"of") INST            (apposition)
                STATE ("remains"|"is"|"was") ["still"] "bound by" INST
                STATE "is no longer" ("bound by"|"a party to") INST
                STATE ("withdrew"|"has withdrawn"|"left"|"pulled out of") ["from"] INST [("on"|"in") DATE]
                STATE ("has"|"had") ("not"|"never") ("joined"|"signed"|"ratified"|"acceded to") INST
                STATE "is not" ["yet"] "a" ("party"|"signatory") ("to"|"of") INST
    count:      ["all" ["the"] | "the" | "its"] NUM [INST] ("allies"|"members"|"member states"|
                "states parties"|"parties"|"signatories") [("of"|"to") INST]
                NUM ("states"|"countries") ("had"|"have") ("ratified"|"signed"|"joined") [INST]
    event:      STATE [", …,"] ("signed"|"ratified"|"acceded to"|"joined"|"left"|"withdrew from"|
                "suspended its participation in") [INST] ("on"|"in") DATE
                INST ("was"|"were") "signed" ("on"|"in") DATE ; INST "entered into force" ("on"|"in") DATE
    provision:  "withdrawal" … "takes effect" NUM ("months"|"years") "after" …   (notice period)
                NUM ("months'"|"year's") "notice" … (in a sentence about withdrawing or leaving)
                ("not"|"cannot") … ("while"|"during"|"if") … "armed conflict"   (the conflict clause)
                ["no"|"not"|"cannot"] … ("expel"|"expulsion"|"suspend a member")      (expulsion)
                "any" ["other"] ["European"] ("state"|"country") ("may"|"can") ["be invited to"] "join" [INST]
    quote:      "Article" N ["of" INST] ":" TEXT     (a block presented as the provision's text)
                '"' TEXT '"' near "Article" N ["(" P ")"|"paragraph" P] ["of" INST]

A sentence may hold several claims; where two matches overlap, the longer one is kept. A claim
whose STATE or INST cannot be read is not reported as a claim (extraction favours precision).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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

#: Extra names for instruments beyond the registry's aliases (descriptive phrases, not facts).
EXTRA_INSTRUMENT_PATTERNS = {
    "ccm": [
        r"cluster[- ]munitions?\s+(?:ban\s+)?(?:treaty|convention|ban)",
        r"cluster[- ]bomb\s+(?:treaty|ban)",
        r"(?:treaty|convention)\s+(?:on\s+the\s+)?(?:prohibition|ban)\s+(?:of|on)\s+cluster\s+munitions",
        r"oslo\s+convention",
    ],
    "apmbt": [
        r"(?:anti-?personnel\s+)?(?:land)?mines?[- ]ban\s+(?:treaty|convention)",
        r"ottawa\s+(?:mine[- ]ban\s+)?(?:treaty|convention)",
        r"(?:treaty|convention)\s+on\s+the\s+(?:ban|prohibition)\s+(?:of|on)\s+(?:the\s+use[^.;]{0,60}?of\s+)?"
        r"anti-?personnel\s+(?:land)?mines(?:\s+and\s+on\s+their\s+destruction)?",
        r"anti[- ]?personnel\s+mine\s+ban\s+(?:convention|treaty)",
        r"anti[- ]landmine\s+ottawa\s+convention",
    ],
    "inf": [
        r"intermediate(?:[- ]range)?\s+nuclear\s+forces?(?:\s+\(INF\))?\s+treaty",
        r"(?-i:INF)\s+(?:missile\s+)?treaty",
    ],
    "cfe": [
        r"treaty\s+o[nf]\s+conventional\s+armed\s+forces\s+in\s+europe(?:\s+\((?-i:CFE)\))?",
        r"conventional\s+armed\s+forces\s+in\s+europe(?:\s+\((?-i:CFE)\))?\s+treaty",
    ],
    "nato": [r"(?-i:Nato)", r"north\s+atlantic\s+treaty\s+organi[sz]ation", r"(?-i:OTAN)"],
    "open_skies": [r"(?:treaty\s+on\s+)?open\s+skies(?:\s+(?:arms[- ]control\s+)?(?:treaty|agreement|pact|accord))?"],
    "new_start": [
        r"(?-i:New\s+START)(?:\s+(?:nuclear\s+)?(?:arms(?:[- ]control|[- ]reduction)?\s+|disarmament\s+|weapons\s+)?"
        r"(?:treaty|agreement|pact|accord))?"
    ],
}
GENERIC_INSTRUMENT = r"(?:the\s+)?(?:convention|treaty|alliance|pact)\b|\bit\b"

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
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE = (
    rf"(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|{_MONTH}\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|(?:19|20)\d{2}\b)"
)
_CAP = r"(?-i:[A-Z])[\w'.-]*"
STATE = rf"(?:(?-i:the)\s+)?{_CAP}(?:\s+(?:(?-i:of|and)\s+(?:(?-i:the)\s+)?)?{_CAP}){{0,4}}"
STATE1 = rf"(?:(?-i:the)\s+)?{_CAP}(?:\s+(?:(?-i:of)\s+(?:(?-i:the)\s+)?)?{_CAP}){{0,4}}"
LIST = rf"{STATE1}(?:\s*,\s*(?:and\s+)?{STATE1}){{0,40}}(?:\s*,?\s+(?:and|as\s+well\s+as)\s+{STATE1})?"


@lru_cache(maxsize=1)
def instrument_regex() -> str:
    """An alternation of every instrument name: registry labels, abbreviations, descriptive phrases."""
    alts: list[str] = []
    for spec in INSTRUMENTS.values():
        for label in {spec.id, spec.short, spec.title, *spec.aliases}:
            if label.lower() in ("the alliance",):
                continue
            words = re.split(r"[\s-]+", label.strip())
            body = r"[\s-]+".join(re.escape(w) for w in words)
            if label.isupper() or label == spec.id:
                body = f"(?-i:{body})" if label.isupper() else body
            alts.append(body)
        alts.extend(EXTRA_INSTRUMENT_PATTERNS.get(spec.id, []))
    alts.sort(key=len, reverse=True)
    return r"(?:(?:the\s+)?(?:" + "|".join(alts) + r")(?:'s)?\b)"


def inst(name: str) -> str:
    return rf"(?P<{name}>{instrument_regex()}|{GENERIC_INSTRUMENT})"


@dataclass(frozen=True)
class Production:
    """One production of the grammar: kind, id, compiled pattern and the relation it asserts."""

    kind: str
    id: str
    pattern: re.Pattern[str]
    relation: str


def _p(kind: str, pid: str, relation: str, rx: str) -> Production:
    return Production(kind, pid, re.compile(rx, re.IGNORECASE), relation)


_IS = r"(?:is|was|remains|remained|has\s+been|became|is\s+now|is\s+still|is\s+also|was\s+also)"
_APPOS = r"(?:\s*,\s*[^,.;]{1,60},)?"
_ADV = r"(?:(?:formally|officially|finally|also|only|later|eventually|then)\s+)?"
_MEMBER_NOUN = r"(?:members?|allies|ally|member\s+states?|member\s+countries|member\s+nations)"


@lru_cache(maxsize=1)
def productions() -> tuple[Production, ...]:
    """All productions, in priority order (earlier wins over later on equal spans)."""
    S, L = STATE, LIST
    return (
        _p("quote", "quote", "quote", r"(?!x)x"),  # placeholder: quotes are found by quotes.py
        _p(
            "membership",
            "mem_not",
            "not_member",
            rf"(?P<state>{S})\s+(?:is|was)\s+not\s+(?:yet\s+)?(?:a|an)\s+(?:{inst('i1')}\s+)?(?:member|ally)"
            rf"(?:\s+of\s+{inst('i2')})?",
        ),
        _p(
            "membership",
            "mem_is",
            "member",
            rf"(?P<state>{S}){_APPOS}\s+{_IS}\s+(?:a|an)\s+(?:founding\s+|full\s+|long-standing\s+)?"
            rf"(?:{inst('i1')}\s+)?(?:member(?:\s+state)?|ally)\b(?:\s+of\s+{inst('i2')})?",
        ),
        _p(
            "membership",
            "mem_list",
            "member_list",
            rf"(?:{inst('i1')}\s+)?{_MEMBER_NOUN}(?:\s+of\s+{inst('i2')})?\s*,?\s*"
            rf"(?:including|such\s+as|like|namely|among\s+them|:)\s+(?P<list>{L})",
        ),
        _p(
            "membership",
            "mem_are",
            "member_list",
            rf"(?P<list>{L})\s+(?:are|were)\s+(?:all\s+|both\s+)?(?:(?:{inst('i1')}\s+)?(?:members|allies)"
            rf"(?:\s+of\s+{inst('i2')})?)",
        ),
        _p(
            "membership",
            "mem_joined",
            "joined",
            rf"(?P<state>{S}){_APPOS}\s+{_ADV}(?:joined|acceded\s+to|became\s+a\s+member\s+of)\s+{inst('i1')}"
            rf"\s+(?:in|on)\s+(?P<date>{DATE})",
        ),
        _p(
            "status",
            "st_not",
            "not_joined",
            rf"(?P<state>{S})\s+(?:has|had|have)\s+(?:not|never)\s+(?:yet\s+)?(?P<verb>joined|signed|ratified|"
            rf"acceded\s+to)\s+{inst('i1')}",
        ),
        _p(
            "status",
            "st_not_party",
            "not_party",
            rf"(?P<state>{S})\s+(?:is|was)\s+(?:not|never)\s+(?:yet\s+)?(?:a\s+)?(?:state\s+)?"
            rf"(?P<rel>party|signatory)\s+(?:to|of)\s+{inst('i1')}",
        ),
        _p(
            "status",
            "st_no_longer",
            "not_bound",
            rf"(?P<state>{S})\s+(?:is|was)\s+no\s+longer\s+(?:bound\s+by|a\s+(?:state\s+)?party\s+to|a\s+member"
            rf"\s+of)\s+{inst('i1')}",
        ),
        _p(
            "status",
            "st_party",
            "party",
            rf"(?P<state>{S}){_APPOS}\s+{_IS}\s+(?:a\s+|an\s+)?(?:state\s+)?(?P<rel>party|signatory)\s+(?:to|of)"
            rf"\s+{inst('i1')}",
        ),
        _p(
            "status",
            "st_appos",
            "party",
            rf"(?P<state>{S})\s*,\s*(?:itself\s+)?(?:a|an|another)\s+(?:state\s+)?(?P<rel>party|signatory)"
            rf"\s+(?:to|of)\s+{inst('i1')}",
        ),
        _p(
            "status",
            "st_bound",
            "bound",
            rf"(?P<state>{S})\s+(?:remains|is|was|remained)\s+(?:still\s+|legally\s+|fully\s+)*bound\s+by"
            rf"\s+{inst('i1')}",
        ),
        _p(
            "status",
            "st_withdrew",
            "withdrew",
            rf"(?P<state>{S}){_APPOS}\s+{_ADV}(?:withdrew|has\s+withdrawn|had\s+withdrawn|left|quit|pulled\s+out"
            rf"\s+of)\s+(?:from\s+)?{inst('i1')}(?:\s+(?:on|in|with\s+effect\s+from)\s+(?P<date>{DATE}))?",
        ),
        _p(
            "event",
            "ev_state",
            "event",
            rf"(?P<state>{S}){_APPOS}\s+{_ADV}(?P<verb>signed|ratified|acceded\s+to|joined|left|withdrew\s+from|"
            rf"suspended\s+(?:its|their)\s+participation\s+in|suspended)\s+(?:{inst('i1')}\s+)?"
            rf"(?:(?:on|in)\s+(?P<date>{DATE}))",
        ),
        _p(
            "event",
            "ev_gap",
            "event",
            rf"(?P<state>{S})\b(?P<gap>[^.;:\"]{{1,80}}?)\s(?P<verb>left|withdrew|signed|ratified|joined)\s+"
            rf"(?:on|in)\s+(?P<date>{DATE})",
        ),
        _p(
            "event",
            "ev_treaty",
            "treaty_event",
            rf"{inst('i1')}\s+(?:was|were)\s+(?:first\s+)?(?P<verb>signed|concluded)\s+(?:in\s+[A-Z]\w+\s+)?"
            rf"(?:on|in)\s+(?P<date>{DATE})",
        ),
        _p(
            "event",
            "ev_force",
            "treaty_event",
            rf"{inst('i1')}\s+(?P<verb>entered\s+into\s+force)\s+(?:on|in)\s+(?P<date>{DATE})",
        ),
        _p(
            "count",
            "cnt_verb",
            "count_consent",
            rf"(?P<num>{NUM})\s+(?:states|countries|nations)\s+(?:had|have|has)\s+(?:already\s+)?"
            rf"(?P<verb>ratified|signed|joined|acceded\s+to)(?:\s+{inst('i1')})?",
        ),
        _p(
            "count",
            "cnt",
            "count",
            rf"(?:(?P<all>all)\s+(?:of\s+)?(?:the\s+)?|the\s+|its\s+|{inst('i0')}\s+)?(?P<num>{NUM})\s+"
            rf"(?:{inst('i1')}\s+)?(?P<noun>allies|members|member\s+states|member\s+countries|states\s+parties|"
            rf"state\s+parties|parties|signatories)\b(?:\s+(?:of|to)\s+{inst('i2')})?",
        ),
        _p(
            "provision",
            "pv_period",
            "withdrawal_period",
            rf"(?:withdraw\w*|denunciation|denounce|leave|leaving|exit|cease|pull-?out|pull\s+out|notification\s+period)"
            rf"[^.;]{{0,100}}?\b(?:(?:takes?\s+effect|take\s+effect|effective|only|after|with|following|"
            rf"(?:enter|come)s?\s+into\s+force|in|within)[^.;]{{0,30}}?\b(?P<num>{NUM}|one|a)[ -](?P<unit>months?|years?|days?)"
            rf"(?:'s?)?\b|(?P<num2>{NUM}|one|a)[ -](?P<unit2>months?|years?|days?)(?:'s?)?\s+(?:after|following|from|of)\s+"
            rf"(?:the\s+)?(?:notice|notification|receipt|deposit|giving|it\s+gives|sending|the\s+date))",
        ),
        _p(
            "provision",
            "pv_conflict",
            "conflict_clause",
            r"(?:not|never|cannot|can't|may\s+not|shall\s+not|no)\b[^.;]{0,80}?\b(?:while|during|if|when|as\s+long"
            r"\s+as|until\s+the\s+end\s+of)\b[^.;]{0,50}?\barmed\s+conflicts?",
        ),
        _p(
            "provision",
            "pv_expel",
            "expulsion",
            r"(?:(?P<neg>\b(?:no|not|cannot|can't|nor|without)\b)[^.;]{0,60}?)?\b(?:expel\w*|expulsion|"
            r"throw\s+out|kick\s+out|suspend\s+(?:a|an)\s+(?:member|ally|party))",
        ),
        _p(
            "provision",
            "pv_invite",
            "accession",
            rf"any\s+(?:other\s+)?(?P<eu>European\s+)?(?:state|country|nation)\s+(?:may|can|could)\s+"
            rf"(?P<inv>be\s+invited\s+to\s+)?(?:join|accede\s+to|become\s+a\s+(?:member|party))"
            rf"(?:\s+(?:of|to)?\s*{inst('i1')})?",
        ),
    )


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
