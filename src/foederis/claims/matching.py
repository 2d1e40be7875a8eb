"""Reading names in damaged text: repairing words, then matching states and instruments.

Order of trust, each step reported when it changed what the text says:
1. exact names, codes and aliases (`StateRegistry`, `instrument_labels()`); leading words that are
   not part of a name ("Meanwhile Norway") are dropped one at a time;
2. a *deleted letter pair*: when one pair of letters ("or") is missing throughout the article, the
   pair is found from the unknown words it explains (and from its absence everywhere in the text),
   and each word is restored from the vocabulary ("Nway" → "Norway", "supprt" → "support");
3. fuzzy matching (rapidfuzz `fuzz.ratio` on normalised names) at or above `FUZZY_THRESHOLD`
   (0.80), only for names of at least `FUZZY_MIN_LEN` (5) characters, and only when the best
   state beats the next different state by `FUZZY_MARGIN` (0.04): "Norwey" → Norway, while
   "Iran"/"Iraq" is never guessed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from foederis.claims.grammar import MONTHS
from foederis.claims.text import Mapped
from foederis.record.states import StateRegistry, normalise
from foederis.rules.registry import INSTRUMENTS, instrument_labels

FUZZY_THRESHOLD = 0.80
FUZZY_MIN_LEN = 5
FUZZY_MARGIN = 0.04
#: An unknown word of at least this length may be read as a grammar keyword at this similarity.
KEYWORD_MIN_LEN = 6
KEYWORD_THRESHOLD = 0.86

#: Common English words the articles use around claims (the provision texts supply the rest).
COMMON = [
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "allies",
    "ally",
    "alliance",
    "already",
    "also",
    "although",
    "always",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "article",
    "as",
    "at",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "claim",
    "claims",
    "could",
    "country",
    "countries",
    "day",
    "did",
    "do",
    "does",
    "during",
    "each",
    "either",
    "else",
    "end",
    "ever",
    "every",
    "for",
    "formally",
    "former",
    "founding",
    "from",
    "full",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "his",
    "however",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "joined",
    "just",
    "last",
    "late",
    "later",
    "least",
    "left",
    "less",
    "like",
    "long",
    "longer",
    "many",
    "may",
    "member",
    "members",
    "membership",
    "month",
    "months",
    "more",
    "most",
    "much",
    "must",
    "namely",
    "never",
    "new",
    "no",
    "nor",
    "not",
    "notice",
    "now",
    "of",
    "officially",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "out",
    "over",
    "own",
    "participation",
    "party",
    "parties",
    "past",
    "quit",
    "recently",
    "remain",
    "remains",
    "remained",
    "right",
    "said",
    "same",
    "says",
    "since",
    "signatory",
    "signatories",
    "signed",
    "so",
    "some",
    "state",
    "states",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "three",
    "through",
    "thus",
    "to",
    "today",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "withdrew",
    "withdrawn",
    "within",
    "without",
    "would",
    "year",
    "years",
    "yet",
    "ratified",
    "ratification",
    "acceded",
    "accession",
    "suspended",
    "suspension",
    "effect",
    "takes",
    "take",
    "withdraw",
    "withdrawal",
    "denunciation",
    "expel",
    "expulsion",
    "provision",
    "provisions",
    "invited",
    "invite",
    "join",
    "european",
    "treaty",
    "convention",
    "verbatim",
    "reads",
    "states",
    "quoted",
    "text",
    "armed",
    "conflict",
    "engaged",
    "bound",
    "legally",
    "week",
    "weeks",
    "days",
    *MONTHS,
    "zero",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "four",
    "first",
    "second",
    "third",
    "fact",
    "check",
    "checker",
    "op",
    "ed",
    "report",
    "reported",
    "writes",
    "wrote",
    "government",
    "governments",
    "minister",
    "ministry",
    "foreign",
    "defence",
    "defense",
    "president",
    "parliament",
]


@dataclass
class Repair:
    """One place where the text was read as something other than what it says."""

    start: int  # offsets in the original input
    end: int
    text: str
    read_as: str
    method: str  # "deleted pair", "keyword", "whole word", "fuzzy", "deleted pair (name)"
    score: float
    iso3: str | None = None

    def describe(self) -> str:
        what = f"{self.read_as} ({self.iso3})" if self.iso3 else self.read_as
        return f"{self.text!r} read as {what}, {self.method}, score {self.score:.2f}"

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "read_as": self.read_as,
            "method": self.method,
            "score": round(self.score, 2),
            "iso3": self.iso3,
            "message": self.describe(),
        }


@dataclass
class Vocabulary:
    """Known words with frequencies, and the damaged forms each word takes when a pair is deleted."""

    freq: Counter[str]
    damaged: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    keywords: list[str] = field(default_factory=list)


_WORD = re.compile(r"[A-Za-z]+")
_VOCAB: Vocabulary | None = None


def vocabulary(provision_texts: list[str], registry: StateRegistry, grammar_words: list[str]) -> Vocabulary:
    """Build (once per process) the vocabulary from provisions, names, grammar and common words."""
    global _VOCAB
    if _VOCAB is not None:
        return _VOCAB
    freq: Counter[str] = Counter()
    for text in provision_texts:
        freq.update(w.lower() for w in _WORD.findall(text))
    for label in (*registry.labels(), *instrument_labels()):
        freq.update(_WORD.findall(label))
    for w in (*COMMON, *grammar_words):
        freq[w.lower()] += 3
    damaged: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for w in freq:
        if len(w) < 2:
            continue
        for pair in {w[i : i + 2] for i in range(len(w) - 1)}:
            d = w.replace(pair, "")
            if d:
                damaged[d].append((pair, w))
    _VOCAB = Vocabulary(freq, dict(damaged), sorted({w.lower() for w in grammar_words if len(w) >= 5}))
    return _VOCAB


#: Two-letter pairs that are words of their own: deleting them leaves a double space.
PAIR_WORDS = {
    "is",
    "or",
    "of",
    "to",
    "in",
    "an",
    "at",
    "by",
    "as",
    "on",
    "it",
    "be",
    "no",
    "if",
    "so",
    "do",
    "we",
    "he",
    "up",
    "us",
    "my",
    "me",
    "go",
}


def detect_pair(text: str, vocab: Vocabulary) -> tuple[str | None, int]:
    """The letter pair deleted throughout the text, and how many unknown words it explains."""
    unknown = {w.lower() for w in _WORD.findall(text)} - set(vocab.freq)
    votes: Counter[str] = Counter()
    lowered = text.lower()
    for w in unknown:
        for pair in {p for p, _ in vocab.damaged.get(w, ())}:
            votes[pair] += 1
    ranked = [(pair, n) for pair, n in votes.most_common() if pair not in lowered]
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        return ranked[0]
    return None, 0  # no pair, or a tie: guessing would put words in the article's mouth


def repair_text(m: Mapped, vocab: Vocabulary) -> tuple[Mapped, list[Repair], str | None]:
    """Restore a deleted letter pair and mistyped keywords; every change becomes a Repair."""
    from rapidfuzz import fuzz, process

    pair, _ = detect_pair(m.text, vocab)
    repairs: list[Repair] = []

    def fix(match: re.Match[str]) -> str | None:
        word = match.group()
        low = word.lower()
        if low in vocab.freq:
            return None
        new, method, score = None, "", 0.0
        if pair:
            cands = [w for p, w in vocab.damaged.get(low, ()) if p == pair]
            if cands:
                new = max(cands, key=lambda w: (vocab.freq[w], -len(w)))
                method, score = f"deleted pair {pair!r} restored", fuzz.ratio(low, new) / 100
        if new is None and len(low) >= KEYWORD_MIN_LEN and word[0].islower():
            hit = process.extractOne(low, vocab.keywords, scorer=fuzz.ratio)
            if hit and hit[1] / 100 >= KEYWORD_THRESHOLD:
                new, method, score = hit[0], "keyword typo", hit[1] / 100
        if new is None:
            return None
        if word.isupper() and len(word) > 1:
            new = new.upper()
        elif word[0].isupper():
            new = new[0].upper() + new[1:]
        s, e = m.span(match.start(), match.end())
        repairs.append(Repair(s, e, word, new, method, score))
        return new

    out = m.sub(_WORD, fix)
    if pair in PAIR_WORDS:

        def hole(match: re.Match[str]) -> str:
            s, e = m_span(match)
            repairs.append(Repair(s, e, "  ", f" {pair} ", "whole word (deleted pair) restored", 1.0))
            return f" {pair} "

        def m_span(match: re.Match[str]) -> tuple[int, int]:
            return out.span(match.start(), match.end())

        out = out.sub(re.compile(r"(?<=[a-z,]) {2}(?=[a-zA-Z])"), hole)
    return out, repairs, pair


class Matcher:
    """Resolve a name phrase found in a grammar slot to a state, reporting any repair."""

    def __init__(self, registry: StateRegistry, pair: str | None) -> None:
        self.registry = registry
        self.pair = pair
        self.labels = registry.labels()
        self._label_list = list(self.labels)
        self._damaged: dict[str, list[str]] = {}
        if pair:
            for label in self.labels:
                d = label.replace(pair, "")
                if d != label:
                    self._damaged.setdefault(d, []).append(label)

    def state(self, phrase: str) -> tuple[str | None, str, float, str]:
        """(iso3 or None, the name read, score, method) for a capitalised phrase."""
        words = phrase.split()
        for i in range(len(words)):  # drop leading words that are not part of the name
            cand = " ".join(words[i:])
            iso = self.registry.get(cand)
            if iso and (i == 0 or cand[:1].isupper()):
                return iso, cand, 1.0, "exact"
        return self._fuzzy(phrase)

    def _fuzzy(self, phrase: str) -> tuple[str | None, str, float, str]:
        from rapidfuzz import fuzz, process

        key = normalise(phrase)
        if self.pair and key in self._damaged:
            isos = {self.labels[label] for label in self._damaged[key]}
            if len(isos) == 1:
                label = self._damaged[key][0]
                return isos.pop(), label, fuzz.ratio(key, label) / 100, f"deleted pair {self.pair!r}"
        if len(key) < FUZZY_MIN_LEN:
            return None, phrase, 0.0, "unknown"
        hits = process.extract(key, self._label_list, scorer=fuzz.ratio, limit=8)
        if not hits or hits[0][1] / 100 < FUZZY_THRESHOLD:
            return None, phrase, hits[0][1] / 100 if hits else 0.0, "unknown"
        best_iso = self.labels[hits[0][0]]
        other = next((h for h in hits[1:] if self.labels[h[0]] != best_iso), None)
        if other and (hits[0][1] - other[1]) / 100 < FUZZY_MARGIN:
            return None, phrase, hits[0][1] / 100, "ambiguous"
        return best_iso, hits[0][0], hits[0][1] / 100, "fuzzy"


def instrument_kind(inst: str) -> str:
    return INSTRUMENTS[inst].kind


def alliance_ids() -> list[str]:
    """Instruments that make their parties 'allies' (from the registry, not hard-coded)."""
    return [i for i, spec in INSTRUMENTS.items() if spec.kind == "alliance"]
