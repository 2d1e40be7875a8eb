"""Provision quotes: passages presented as a provision's text, compared word by word with the record.

Two forms: a block "Article 20: 1. This Convention …" or "Article 20 reads: 1. …" (to the end of its
paragraph), and a quoted
passage ("…") with "Article N" (optionally "(P)" or "paragraph P", "of INST") within the same
paragraph. Words are compared case-folded, without punctuation or paragraph numbers. Differences
that one deleted letter pair explains throughout (damage, not a misquote) are reported as repairs.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from foederis.claims.extract import resolve_instrument_text
from foederis.claims.grammar import instrument_regex
from foederis.claims.mentions import named_instruments
from foederis.claims.regex_cache import compile_many
from foederis.record.loader import Record

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(block, quoted passage, article reference), compiled on first use: they hold every
    instrument name."""
    art = (
        rf"Article\s+(?P<num>\d{{1,2}}|[IVXL]{{1,6}})(?:\s*\((?P<p1>\d{{1,2}})\)|,?\s+paragraph\s+(?P<p2>\d{{1,2}}))?"
        rf"(?:\s+of\s+(?P<inst>{instrument_regex()}))?"
    )
    block, quoted, ref = compile_many(
        [
            (
                rf"(?m)(?:^|(?<=[.!?]\s))[ \t]*{art}"
                r"(?:\s+(?:reads|says|states|provides|stipulates)(?:\s+as\s+follows)?)?"
                rf"\s*[:.\-]\s*(?P<body>(?:\d+\.|\"|[A-Z])[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*)",
                re.IGNORECASE,
            ),
            (r"\"(?P<body>[^\"]{25,3000})\"", 0),
            (art, re.IGNORECASE),
        ]
    )
    return block, quoted, ref


_TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|\d+")
_NUMBERING = re.compile(r"(?:(?<=\s)|^)(?:\d{1,2}\.|\([a-z0-9]{1,4}\))(?=\s)")


@dataclass
class QuoteDraft:
    start: int
    end: int
    text: str
    body: str
    article: int
    para: int | None
    instrument: str | None
    how: str


@dataclass
class QuoteResult:
    provision_ids: list[str]
    verdict: str
    similarity: float
    changes: list[dict[str, str]] = field(default_factory=list)
    damaged: list[dict[str, str]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


def _roman(s: str) -> int:
    if s.isdigit():
        return int(s)
    vals = [_ROMAN[c] for c in s.upper()]
    return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))


def words(text: str) -> list[str]:
    return [w.lower() for w in _TOKEN.findall(_NUMBERING.sub(" ", text))]


def find_quotes(text: str) -> list[QuoteDraft]:
    """Blocks and attributed quoted passages, in text order."""
    if not re.search(r"\bArticle\b", text, re.IGNORECASE):
        return []
    found = named_instruments(text)
    out: list[QuoteDraft] = []
    block_rx, quoted_rx, artref_rx = _patterns()
    for m in block_rx.finditer(text):
        inst = resolve_instrument_text(m.group("inst")) if m.group("inst") else None
        out.append(_draft(m.start(), m.end(), text, m.group("body"), m, inst, found))
    for m in quoted_rx.finditer(text):
        if any(q.start <= m.start() < q.end for q in out):
            continue
        para_start = text.rfind("\n\n", 0, m.start()) + 1
        para_end = text.find("\n\n", m.end())
        para_end = len(text) if para_end < 0 else para_end
        window = (
            text[max(para_start, m.start() - 250) : m.start()]
            + " "
            + text[m.end() : min(para_end, m.end() + 120)]
        )
        ref = None
        for r in artref_rx.finditer(window):
            ref = r
        if ref is None:
            continue
        inst = resolve_instrument_text(ref.group("inst")) if ref.group("inst") else None
        if inst is None:
            named = [
                i for p, i in found if max(para_start, m.start() - 250) <= p < min(para_end, m.end() + 120)
            ]
            inst = named[-1] if named else None
        out.append(_draft(m.start(), m.end(), text, m.group("body"), ref, inst, found))
    return sorted(out, key=lambda q: q.start)


def _draft(
    start: int, end: int, text: str, body: str, ref: re.Match[str], inst: str | None, found
) -> QuoteDraft:
    how = "named with the article"
    if inst is None:
        before = [i for p, i in found if p < start]
        inst, how = (before[-1], "the instrument named before the quote") if before else (None, "")
    para = ref.group("p1") or ref.group("p2")
    return QuoteDraft(
        start, end, text[start:end], body, _roman(ref.group("num")), int(para) if para else None, inst, how
    )


def _article_provisions(record: Record, inst: str, article: int, para: int | None) -> list[str]:
    prefix = f"{inst}/art_{article}"
    ids = [
        pid
        for pid in record.provisions
        if (pid == prefix or pid.startswith(prefix + "__"))
        and (para is None or pid == f"{prefix}__para_{para}" or pid.startswith(f"{prefix}__para_{para}__"))
    ]

    def order(pid: str) -> list[int]:
        return [int(n) if n.isdigit() else ord(n[0]) for n in re.findall(r"(?<=_)(\d+|[a-z]+)(?=__|$)", pid)]

    return sorted(ids, key=order)


def compare(record: Record, q: QuoteDraft, candidates: list[str]) -> QuoteResult | None:
    """Compare a quote with the article's stored text; the best-matching instrument wins."""
    best: QuoteResult | None = None
    for inst in candidates:
        ids = _article_provisions(record, inst, q.article, q.para)
        texts = [(pid, record.provisions[pid].text) for pid in ids]
        if not ids:
            continue
        if any(t is None for _, t in texts):
            res = QuoteResult(
                ids,
                "unverifiable",
                0.0,
                reasons=[f"the record has no verified text of {', '.join(p for p, t in texts if t is None)}"],
            )
        else:
            res = _diff(words(q.body), texts)
        if best is None or res.similarity > best.similarity:
            best = res
    return best


def _diff(quoted: list[str], texts: list[tuple[str, str | None]]) -> QuoteResult:
    stored: list[str] = []
    owner: list[str] = []
    for pid, t in texts:
        ws = words(t or "")
        stored += ws
        owner += [pid] * len(ws)
    sm = difflib.SequenceMatcher(None, stored, quoted, autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    if not blocks:
        return QuoteResult(
            [p for p, _ in texts], "contradicted", 0.0, reasons=["no words of the quote are in this article"]
        )
    anchor = max(blocks, key=lambda b: b.size)  # the quote's place: around its longest exact run
    lo = max(0, anchor.a - anchor.b - 3)
    hi = min(len(stored), anchor.a + (len(quoted) - anchor.b) + 12)
    near = [
        b
        for b in difflib.SequenceMatcher(None, stored[lo:hi], quoted, autojunk=False).get_matching_blocks()
        if b.size
    ]
    lead, tail = near[0].b, len(quoted) - (near[-1].b + near[-1].size)  # unmatched ends: damaged or changed
    lo, hi = max(0, lo + near[0].a - lead), min(len(stored), lo + near[-1].a + near[-1].size + tail)
    window = stored[lo:hi]
    sm = difflib.SequenceMatcher(None, window, quoted, autojunk=False)
    sim = sm.ratio()
    ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
    pids = list(dict.fromkeys(owner[lo:hi]))
    pair = _explaining_pair(window, quoted, ops)
    changes, damaged = [], []
    for tag, a0, a1, b0, b1 in ops:
        item = {
            "op": tag,
            "stored": " ".join(window[a0:a1]),
            "quoted": " ".join(quoted[b0:b1]),
            "provision": owner[lo + a0] if a0 < len(window) else pids[-1],
        }
        (damaged if pair else changes).append(item)
    if sim < 0.5:
        return QuoteResult(
            pids,
            "contradicted",
            sim,
            changes,
            reasons=[f"the quote matches the stored text only {sim:.0%}: it is not this article's text"],
        )
    if changes:
        shown = "; ".join(f"{c['stored'] or '∅'!r} → {c['quoted'] or '∅'!r}" for c in changes[:8])
        near = _near_verbatim(changes, sim)
        return QuoteResult(
            pids,
            "partly" if near else "contradicted",
            sim,
            changes,
            reasons=[
                f"{len(changes)} difference(s) from the stored text: {shown}"
                + ("; otherwise word for word (near-verbatim)" if near else "")
            ],
        )
    reasons = ["word for word the stored text of " + ", ".join(pids)]
    if damaged:
        reasons.append(
            f"{len(damaged)} word(s) differ only by the deleted letter pair {pair!r} (damaged text)"
        )
    return QuoteResult(pids, "supported", sim, [], damaged, reasons)


#: Words whose change alters what a provision says (numbers, negation, obligation).
_SUBSTANTIVE = re.compile(
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|first|"
    r"second|third|not|no|never|nor|shall|may|must|cannot|only|any|all|none|unless|except|before|after)$",
    re.I,
)


def _near_verbatim(changes: list[dict[str, str]], sim: float) -> bool:
    """One or two words inserted or changed, none of them a number, a negation or a modal: the quote
    is the provision with a slip (`partly`), not another provision (`contradicted`)."""
    changed = [w for c in changes for w in (c["stored"].split() + c["quoted"].split())]
    touched = sum(max(len(c["stored"].split()), len(c["quoted"].split())) for c in changes)
    return sim >= 0.85 and touched <= 2 and not any(_SUBSTANTIVE.match(w) for w in changed)


def _explaining_pair(
    stored: list[str], quoted: list[str], ops: list[tuple[str, int, int, int, int]]
) -> str | None:
    """A letter pair whose deletion throughout explains every difference, if there is one."""
    if not ops:
        return None
    cands: set[str] | None = None
    for tag, a0, a1, b0, b1 in ops:
        if tag == "insert":
            return None
        s = " ".join(stored[a0:a1])
        pairs = {s[i : i + 2] for i in range(len(s) - 1) if s[i : i + 2].isalpha()}
        ok = set()
        q = " ".join(quoted[b0:b1])
        for p in pairs:
            damaged = " ".join(w for w in (x.replace(p, "") for x in stored[a0:a1]) if w)
            if damaged == q:
                ok.add(p)
        cands = ok if cands is None else cands & ok
        if not cands:
            return None
    return sorted(cands)[0] if cands else None
