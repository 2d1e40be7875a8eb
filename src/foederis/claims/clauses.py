"""Stage 2 of the claim reader: a sentence split into clauses at dashes, relative pronouns and
conjunctions, each clause typed (main, relative, aside, coordinate, complement, condition).

A relative clause or an aside takes its subject from what it follows ("Finland, which joined …");
a coordinate clause without a subject takes the subject of the clause before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from foederis.claims.lexicon import markers
from foederis.claims.regex_cache import compile_many

#: A ranked noun a restrictive relative clause completes ("the first country that left").
_RANKED_HEAD = re.compile(
    r"\b(?:first|last|second|third|latest|newest|only|\d{1,2}(?:st|nd|rd|th))\s+"
    r"(?:member|ally|country|state|nation|party|signatory|one)$",
    re.I,
)
_BOUNDARY, _OPEN_RELATIVE, _MAIN_VERB_AFTER_COMMA = compile_many(
    [
        (
            r"\s+-\s+|;\s*|\s*\((?=[^)]*\s[^)]*\s[^)]*\s[^)]*\))|(?<=[^)]{3}\s[^)]{3})\)"
            r"|,?\s+(?P<rel>which|who|whose|that)\s+"
            r"|,\s+(?P<coord>and|but|while|whereas|although|though|yet|however,?)\s+"
            r"|,\s+(?P<part>(?=(?:thus\s+|thereby\s+)?(?:becoming|making)\b))"
            r"|\s+(?P<coord2>but|while|whereas|although)\s+"
            r"|\s+(?P<coord3>and)\s+(?=(?:is|are|was|were|has|have|had|will|remains?|remained|still|also|later|then|came|comes|entered|enters|went)\b)"
            r"|,?\s+(?P<sub>after|before|because|since|when|once|until)\s+(?!(?:\d{4}|the\s+end)\b)"
            # a causal "as" before a subject and its verb ("…, as Moscow has not signed up to it"), not
            # "as well as", "as its 30th member"
            r"|,\s+(?P<sub_as>as)\s+(?=(?:(?-i:[A-Z][\w.'\u2019]*)(?:\s+(?-i:[A-Z][\w.'\u2019]*))*|it|they|the\s+\w+)"
            r"\s+(?:has|have|had|is|are|was|were|did|does|do|remains?|still)\b)"
            r"|,?\s+(?P<cond>if|unless|whether)\s+",
            re.IGNORECASE,
        ),
        (r",\s+(?:which|who)\s+", re.IGNORECASE),
        (
            r",(?=\s+(?:is|are|was|were|has|have|had|remains?|remained|will|would|still|also|then|later|"
            r"formally|officially|signed|joined|withdrew|left|ratified|quit|became|becomes)\b)",
            re.IGNORECASE,
        ),
    ]
)


def _relative_closes(sent: str) -> list[tuple[int, int]]:
    """The comma that ends a non-restrictive relative clause before the main verb."""
    out = []
    for m in _OPEN_RELATIVE.finditer(sent):
        close = _MAIN_VERB_AFTER_COMMA.search(sent, m.end(), min(len(sent), m.end() + 140))
        if close and not re.search(r"[;]", sent[m.end() : close.start()]):
            out.append((close.start(), close.end()))
    return out


@dataclass
class Clause:
    start: int
    end: int
    kind: str  # main, relative, aside, coord, complement, sub, condition
    opener: str = ""


def clauses(sent: str) -> list[Clause]:
    """The clauses of one sentence, in order, covering it."""
    cuts: list[tuple[int, int, str, str]] = []
    depth_aside = False
    for s, e in _relative_closes(sent):  # "Russia, which suspended X in 2023, remains bound"
        cuts.append((s, e, "resume", ""))
    for m in _BOUNDARY.finditer(sent):
        if any(a <= m.start() < b for a, b, _, _ in cuts):
            continue
        kind, opener = "main", ""
        token = m.group().strip(" ,")
        if m.group("rel"):
            opener = m.group("rel").lower()
            before = sent[: m.start()]
            if _RANKED_HEAD.search(before):
                continue  # "the first country that withdrew from T": one ordinal claim, not two clauses
            kind = "complement" if opener == "that" and _reported(before) else "relative"
            if opener == "that" and kind == "relative" and not re.search(r"[A-Za-z]\s*$", before):
                continue
        elif m.group("part") is not None:  # ", becoming the 31st member": the same subject goes on
            opener, kind = "becoming", "coord"
        elif m.group("coord") or m.group("coord2") or m.group("coord3"):
            if m.group("coord") and m.group("coord").lower() == "and" and _list_so_far(sent, cuts, m.start()):
                continue  # the serial comma of a list of names: "Poland, Hungary, and the Czech Republic"
            opener = (m.group("coord") or m.group("coord2") or m.group("coord3")).lower()
            kind = "coord"
        elif m.group("sub") or m.group("sub_as"):
            opener = (m.group("sub") or m.group("sub_as")).lower()
            kind = "sub"
        elif m.group("cond"):
            opener = m.group("cond").lower()
            kind = "condition"
        elif token == "-" or token == "(":
            kind = "aside" if not depth_aside else "resume"
            depth_aside = not depth_aside
        elif token == ")":
            kind, depth_aside = "resume", False
        else:
            kind = "main"
        cuts.append((m.start(), m.end(), kind, opener))
    out: list[Clause] = []
    pos, kind, opener = 0, "main", ""
    cuts.sort()
    for s, e, k, o in cuts:
        if s > pos:
            out.append(Clause(pos, s, kind, opener))
        pos, kind, opener = e, k, o
    if pos < len(sent):
        out.append(Clause(pos, len(sent), kind, opener))
    first = sent[: out[0].end] if out else sent
    if out and re.match(
        r"\s*(?:if|unless|were\s+\w+(?:\s+\w+)?\s+to|should|suppose|imagine|whether)\b", first, re.I
    ):
        out[0].kind = "condition"
    return out


#: A run of names separated by commas, after an optional leading date phrase ("In 1999, ",
#: "On March 29, 2004, ").
_NAME = r"(?:the\s+)?[A-Z][\w'.\u2019-]*(?:\s+(?:of\s+)?[A-Z][\w'.\u2019-]*)*"
_NAME_LIST = re.compile(
    rf"\s*(?:(?:In|On|By|Since)\s+[^,]{{1,30}}(?:,\s*\d{{4}})?,\s*)?{_NAME}(?:\s*,\s*{_NAME})+\s*", re.UNICODE
)


def _list_so_far(sent: str, cuts: list[tuple[int, int, str, str]], at: int) -> bool:
    """True when the text from the last cut to `at` is a list of two or more names."""
    start = max((e for _, e, _, _ in cuts if e <= at), default=0)
    return bool(_NAME_LIST.fullmatch(sent[start:at]))


def _reported(before: str) -> bool:
    """True when the words before 'that' end in a reporting verb ("Pompeo said that")."""
    tail = before[-40:]
    m = markers()["reporting"]
    # a capitalised word is a name, not the verb: "the United States and Russia that …"
    hits = [h for h in m.finditer(tail) if not tail[h.start()].isupper()]
    return bool(hits) and len(tail[hits[-1].end() :].split()) <= 4
