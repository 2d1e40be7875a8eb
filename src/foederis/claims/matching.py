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

import base64
import hashlib
import re
import sys
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from foederis.claims.datafile import cached, load
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


@cache
def _words() -> dict[str, list[str]]:
    """The repair step's word lists (claims/data/words.yaml), read once."""
    return load("words.yaml")


@cache
def common_words() -> tuple[str, ...]:
    """Common English words the articles use around claims, and the month names (the provision
    texts supply the rest)."""
    return (*_words()["common"], *MONTHS)


@cache
def pair_words() -> frozenset[str]:
    """Two-letter pairs that are words of their own: deleting them leaves a double space."""
    return frozenset(_words()["pair_words"])


@cache
def _single_letter_words() -> frozenset[str]:
    """The lone letters that are words ("a", "i"); any other is a stray left by a deleted pair."""
    return frozenset(_words()["single_letter_words"])


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


class WordCounts(Mapping[str, int]):
    """Word -> count over the sorted known words and their counts, by bisection, so a cold check
    never builds a 60,000-entry dict for the few hundred words a clean text asks about; after
    `BUILD_AFTER` different words (repairing a damaged text asks about hundreds of thousands) it
    builds the dict once and answers from it. A missing word counts 0, as in a Counter."""

    BUILD_AFTER = 20000

    def __init__(self, words: list[str], counts: Sequence[int]) -> None:
        self._words, self._counts = words, counts
        self._dict: dict[str, int] | None = None
        self._seen: dict[str, int | None] = {}  # an article asks about the same words again and again

    def _lookup(self, word: str) -> int | None:
        if self._dict is not None:
            return self._dict.get(word)
        if word in self._seen:
            return self._seen[word]
        if len(self._seen) >= self.BUILD_AFTER:
            self._dict = dict(zip(self._words, self._counts, strict=True))
            return self._dict.get(word)
        i = bisect_left(self._words, word)
        n = self._counts[i] if i < len(self._words) and self._words[i] == word else None
        self._seen[word] = n
        return n

    def __getitem__(self, word: str) -> int:
        n = self._lookup(word)
        return 0 if n is None else n

    def get(self, word: str, default: int | None = None) -> int | None:  # type: ignore[override]
        n = self._lookup(word)
        return default if n is None else n

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._lookup(word) is not None

    def __len__(self) -> int:
        return len(self._words)

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)


@dataclass
class Vocabulary:
    """Known words with frequencies, and the damaged forms each word takes when a pair is deleted."""

    freq: WordCounts
    damaged: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    keywords: list[str] = field(default_factory=list)
    pair_rate: dict[str, float] = field(default_factory=dict)  # letter pairs per letter of English text


_WORD = re.compile(r"[A-Za-z]+")
#: Words of an article as repair sees them: not the "s" of "Nato's", not the letters of "U.S." or "e.g.".
_TOKEN = re.compile(r"(?<![A-Za-z'\u2019.])[A-Za-z]+(?![A-Za-z]*\.[A-Za-z])")
_VOCAB: Vocabulary | None = None


#: A common pair expected this many times in a text of its length, yet absent, is evidence of
#: deletion by itself: one unknown word it restores is then enough.
ABSENT_EVIDENCE = 5.0
#: A known word rarer than this rank may be a damaged frequent word (said so when repaired).
RARE_RANK = 15000
#: How many of the most frequent English words (wordfreq) the vocabulary takes.
VOCAB_SIZE = 60000


def _english_words_name() -> str:
    """The cached word list's file name: the wordfreq version and the list's size."""
    from importlib.metadata import version

    return f"wordfreq-en-{version('wordfreq')}-{VOCAB_SIZE}.txt"


def _english_words() -> list[str]:
    """The most frequent English words, most frequent first, from the wordfreq package.

    Cached as a plain word list next to the compiled record (keyed by the wordfreq version),
    so a cold `foederis check` reads a text file instead of unpacking wordfreq's tables.
    """
    from foederis.engine.cache import cache_dir

    path = cache_dir() / _english_words_name()
    try:
        words = path.read_text(encoding="utf-8").split("\n")
        if len(words) > VOCAB_SIZE // 2:
            return words
    except OSError:
        pass
    import wordfreq

    words = [w for w in wordfreq.top_n_list("en", VOCAB_SIZE) if w.isalpha()]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text("\n".join(words), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
    return words


def vocabulary(provision_texts: list[str], registry: StateRegistry, grammar_words: list[str]) -> Vocabulary:
    """Build (once per process) the vocabulary: English words by frequency (wordfreq), the
    provision texts, state and instrument names, and the grammar's keywords.

    Its tables are kept as JSON next to the compiled record, keyed by everything they are built
    from (and this module's source), so a cold check reads one file instead of recounting.
    """
    global _VOCAB
    if _VOCAB is not None:
        return _VOCAB
    labels = [*registry.labels(), *instrument_labels()]
    extra = [*common_words(), *grammar_words]
    words_file = _english_words_name()
    source = Path(__file__).read_text(encoding="utf-8")
    key = _digest(source, sys.byteorder, words_file, provision_texts, labels, extra)

    def build() -> dict[str, object]:
        return _build_vocabulary(_english_words(), provision_texts, labels, extra, grammar_words)

    data = cached(f"vocabulary-{key}", build)
    counts = array("q", base64.b64decode(data["counts"]))
    freq = WordCounts(data["words"].split("\n"), counts)
    _VOCAB = Vocabulary(freq, {}, data["keywords"], data["pair_rate"])
    return _VOCAB


def _digest(*parts: str | list[str]) -> str:
    h = hashlib.sha256()
    for part in parts:
        for text in [part] if isinstance(part, str) else part:
            h.update(text.encode())
            h.update(b"\0")
        h.update(b"\1")
    return h.hexdigest()[:16]


def _build_vocabulary(
    words: list[str],
    provision_texts: list[str],
    labels: list[str],
    extra: list[str],
    grammar_words: list[str],
) -> dict[str, object]:
    """The vocabulary's tables as JSON-shaped data: the known words (sorted) and their counts (the
    base64 of 64-bit integers: 60,000 JSON numbers are slow to read), keywords, pair rates."""
    n = len(words)
    freq: Counter[str] = Counter(dict(zip(reversed(words), range(1, n + 1), strict=True)))
    for text in provision_texts:
        for w in _WORD.findall(text):
            freq[w.lower()] += 50
    for label in labels:
        for w in _WORD.findall(label):
            freq[w.lower()] += 1000
    for w in extra:
        freq[w.lower()] += 100
    known = sorted(freq)
    return {
        "words": "\n".join(known),  # sorted, for bisection (WordCounts)
        "counts": base64.b64encode(array("q", [freq[w] for w in known]).tobytes()).decode("ascii"),
        "keywords": sorted({w.lower() for w in grammar_words if len(w) >= 5}),
        "pair_rate": _pair_rates(words),
    }


def _pair_rates(words: list[str], n: int = 5000) -> dict[str, float]:
    """How often each letter pair occurs per letter of running English (Zipf-weighted top words)."""
    counts: Counter[str] = Counter()
    letters = 0.0
    for rank, w in enumerate(words[:n], start=1):
        weight = 1.0 / rank
        letters += weight * len(w)
        for i in range(len(w) - 1):
            counts[w[i : i + 2]] += weight
    return {p: c / letters for p, c in counts.items()} if letters else {}


def _restorations(word: str, pairs: tuple[str, ...], vocab: Vocabulary, depth: int = 3) -> list[str]:
    """Known words that `word` becomes when pairs are put back (up to `depth` insertions)."""
    found: set[str] = set()
    frontier = {word}
    for _ in range(depth):
        nxt: set[str] = set()
        for w in frontier:
            for i in range(len(w) + 1):
                for p in pairs:
                    cand = w[:i] + p + w[i:]
                    if cand in vocab.freq:
                        found.add(cand)
                    nxt.add(cand)
        frontier = nxt if len(nxt) < 20000 else set()
    return sorted(found, key=lambda w: (-vocab.freq[w], len(w)))


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ALL_PAIRS = tuple(a + b for a in _LETTERS for b in _LETTERS)


def _unknown(low: str, vocab: Vocabulary) -> bool:
    """Not a word: outside the vocabulary, or a stray single letter ("has t joined")."""
    return low not in vocab.freq or (len(low) == 1 and low not in _single_letter_words())


def _stray(word: str) -> bool:
    return len(word) == 1 and word.islower() and word not in _single_letter_words()


def _single_votes(words: set[str], vocab: Vocabulary, absent: set[str]) -> dict[str, dict[str, int]]:
    """For each pair absent from the text, the unknown words one insertion of it makes known,
    with the frequency of the best word made."""
    votes: dict[str, dict[str, int]] = {}
    for w in words:
        for i in range(len(w) + 1):
            head, tail = w[:i], w[i:]
            for p in absent:
                f = vocab.freq.get(head + p + tail)
                if f:
                    d = votes.setdefault(p, {})
                    d[w] = max(d.get(w, 0), f)
    return votes


def detect_pairs(text: str, vocab: Vocabulary, limit: int = 3) -> list[tuple[str, int]]:
    """The letter pairs deleted throughout the text, each with how many unknown words it explains.

    Greedy: the next pair is the one that explains the most unknown words — explains meaning it
    gives a word no pair found so far explains, or a reading at least three times more frequent
    (a stray "f" is "for" with "or", not "fan" with "an"); a stray letter counts once per
    occurrence, up to three. A pair must be absent from the text, explain at least two words and
    clearly more than the runner-up that would read them differently (a tie is not guessed).
    Words that lost two pairs are tried with the pairs found.
    """
    tokens = _TOKEN.findall(text)
    lower_words = {w for w in tokens if w[:1].islower()}
    seen: Counter[str] = Counter(
        w.lower() for w in tokens if _unknown(w.lower(), vocab) and (len(w) > 1 or _stray(w))
    )
    if not any(w[:1].islower() and w.lower() in seen for w in tokens):
        return []  # a lost pair damages common words too: unknown names alone are not damage
    letters = len(re.findall(r"[A-Za-z]", text))
    # deletion takes lower-case pairs only; deleting one pair can make another where the gap closes
    # ("Mediterranean" without "an" is "Mediterre"): a pair seen once or twice where English text
    # this long has it at least four times as often counts as absent
    absent = {
        p
        for p in _ALL_PAIRS
        if (n := text.count(p)) == 0 or (n <= 2 and vocab.pair_rate.get(p, 0.0) * letters >= 4 * n)
    }
    if not seen or not absent:
        return []
    votes = _single_votes(set(seen), vocab, absent)
    top = len(vocab.freq)

    def rank_with(w: str, pairs: tuple[str, ...]) -> int:
        got = _restorations(w, pairs, vocab, 2)
        return max(top - vocab.freq[got[0]], 1) if got else top * 10

    chosen: list[tuple[str, int]] = []
    current: dict[str, int] = dict.fromkeys(seen, top * 10)
    while len(chosen) < limit:
        pairs = tuple(c for c, _ in chosen)
        gains: list[tuple[int, int, str, frozenset[str]]] = []
        for p, ws in votes.items():
            if p in pairs:
                continue
            better = set()
            weight = 0
            for w in seen:
                r = (
                    max(top - ws[w], 1)
                    if w in ws
                    else (rank_with(w, (*pairs, p)) if pairs and len(w) > 3 else top * 10)
                )
                if r * 3 <= current[w] and r < top * 10:
                    better.add(w)
                    weight += top - r
            n = sum(min(seen[w], 3) if len(w) == 1 else 1 for w in better)
            if n:
                gains.append((n, weight, p, frozenset(better)))
        gains.sort(reverse=True)
        if not gains:
            break
        n, weight, best, words = gains[0]
        expected = vocab.pair_rate.get(best, 0.0) * letters  # how often English text this long has it
        common = any(w in lower_words for w in words)  # a lower-case word, not a name
        if n < 2 and not (n >= 1 and common and expected >= ABSENT_EVIDENCE):
            break
        if len(gains) > 1 and gains[1][0] == n and gains[1][1] * 2 > weight and gains[1][3] & words:
            break  # a tie on the same words: guessing would put words in the article's mouth
        chosen.append((best, n))
        pairs = (*pairs, best)
        for w in words:
            current[w] = min(current[w], rank_with(w, pairs))
    return chosen


def repair_text(
    m: Mapped, vocab: Vocabulary, names: Iterable[str] | None = None
) -> tuple[Mapped, list[Repair], str | None]:
    """Restore deleted letter pairs and mistyped keywords; every change becomes a Repair.

    Only unknown words are restored, and only into known words: a known word is never turned
    into another one, and nothing is repaired in a text that lost no pair. A known word inside a
    name of several words (`names`: "Treaty on Op Skies") is read as the name when the whole name
    with the pairs deleted is what the text shows.
    """
    found = detect_pairs(m.text, vocab)
    pairs = tuple(p for p, _ in found)
    repairs: list[Repair] = []
    if pairs:
        m = _restore_names(m, pairs, _instrument_names() if names is None else names, repairs)
        m = _restore_names(m, pairs, _words()["number_phrases"], repairs, before=r"(?=\s+\d)", what="phrase")

    def fix(match: re.Match[str]) -> str | None:
        word = match.group()
        low = word.lower()
        hyphen = pairs and len(word) <= 3 and m.text[match.end() : match.end() + 1] == "-"
        got = _hyphen_prefix(word, low, pairs, vocab) if hyphen else None  # "ti-personnel": "anti"
        if got is None and (not _unknown(low, vocab) or (len(word) == 1 and not _stray(word))):
            got = _rare_word(word, low, pairs, vocab) if pairs and len(word) > 1 else None
        elif got is None:
            got = _restore_word(word, low, pairs, vocab)
        if got is None:
            return None
        new, method, score = got
        s, e = m.span(match.start(), match.end())
        repairs.append(Repair(s, e, word, new, method, score))
        return new

    candidates = {
        w
        for w in _TOKEN.findall(m.text)
        if _unknown(w.lower(), vocab) and (pairs or (len(w) >= KEYWORD_MIN_LEN and w[0].islower()))
    }
    out = m.sub(_TOKEN, fix) if candidates or pairs else m
    out = _restore_pair_words(out, pairs, repairs)
    return out, repairs, ", ".join(pairs) if pairs else None


def _restore_word(
    word: str, low: str, pairs: tuple[str, ...], vocab: Vocabulary
) -> tuple[str, str, float] | None:
    """An unknown word read as a known one, (word, method, score): the deleted pairs put back,
    else (in a text that lost none) the grammar keyword it misspells; its case kept."""
    from rapidfuzz import fuzz, process

    new, method, score = None, "", 0.0
    if pairs:
        cands = _restorations(low, pairs, vocab)
        if cands:
            new = cands[0]
            used = [p for p in pairs if new.count(p) > low.count(p)]
            method = f"deleted pair{'s' if len(used) > 1 else ''} {', '.join(repr(p) for p in used)} restored"
            score = fuzz.ratio(low, new) / 100
            if len(cands) > 1 and vocab.freq[cands[1]] * 4 > vocab.freq[new]:
                method += f" (also possible: {cands[1]!r})"
    if new is None and len(low) >= KEYWORD_MIN_LEN and word[0].islower() and not pairs:
        hit = process.extractOne(low, vocab.keywords, scorer=fuzz.ratio)
        # a typo keeps the word's first letter: "upended" is a word of its own, not "suspended"
        if hit and hit[1] / 100 >= KEYWORD_THRESHOLD and hit[0][0] == low[0]:
            new, method, score = hit[0], "keyword typo", hit[1] / 100
    if new is None:
        return None
    if word.isupper() and len(word) > 1:
        new = new.upper()
    elif word[0].isupper():
        new = new[0].upper() + new[1:]
    return new, method, score


def _hyphen_prefix(
    word: str, low: str, pairs: tuple[str, ...], vocab: Vocabulary
) -> tuple[str, str, float] | None:
    """A short word before a hyphen that lost a pair at its start ("ti-" ← "anti-"), read as the
    restored word when that is the more frequent one, and said so."""
    cands = [c for c in _restorations(low, pairs, vocab, 2) if c != low and c[2:] == low and c[:2] in pairs]
    if not cands or vocab.freq[cands[0]] <= vocab.freq[low]:
        return None
    new = cands[0]
    new = new[0].upper() + new[1:] if word[0].isupper() else new
    return new, f"deleted pair restored before a hyphen ({low!r} is a rarer word)", 0.6


def _rare_word(
    word: str, low: str, pairs: tuple[str, ...], vocab: Vocabulary
) -> tuple[str, str, float] | None:
    """A rare real word that a frequent one explains ("trey" ← "treaty"): read, and say so."""
    top = len(vocab.freq)
    rank = top - vocab.freq[low] if vocab.freq[low] <= top else 0
    if rank < RARE_RANK or len(low) < 3:
        return None
    cands = _restorations(low, pairs, vocab, 2)
    # the restored word must be far more frequent, or a word of the reader's own predicates
    # ("jos" <- "joins" in a text that lost "in")
    if not cands or (top - vocab.freq[cands[0]] > rank // 8 and cands[0] not in _predicate_words()):
        return None
    new = cands[0]
    new = new[0].upper() + new[1:] if word[0].isupper() else new
    return new, f"deleted pair restored; {low!r} is itself a rare word", 0.5


@cache
def _predicate_words() -> frozenset[str]:
    """The words the reader's predicate patterns spell out (claims/data/lexicon.yaml): joins,
    ratified, withdrawal, …"""
    data = load("lexicon.yaml")
    texts = [p["pattern"] for p in data["predicates"]]
    texts += [str(v) for key in ("nominals", "treaty_predicates") for v in data.get(key, {}).values()]
    return frozenset(w.lower() for w in re.findall(r"(?<![\\\w])[a-z]{4,}", " ".join(texts)))


@cache
def _instrument_names() -> tuple[str, ...]:
    """Every instrument's short name, title and aliases, in registry order."""
    return tuple(
        dict.fromkeys(n for spec in INSTRUMENTS.values() for n in (spec.short, spec.title, *spec.aliases))
    )


def _restore_names(
    m: Mapped,
    pairs: tuple[str, ...],
    names: Iterable[str],
    repairs: list[Repair],
    before: str = "",
    what: str = "name",
) -> Mapped:
    """Names of several words whose damaged form (every pair deleted) is in the text, put back whole;
    `before` a lookahead the damaged form must stand before (a number for "Me than 160")."""
    damaged: dict[str, str] = {}
    for name in names:
        if len(name.split()) < 2:
            continue
        d = name
        for p in pairs:
            d = d.replace(p, "")
        if d != name and len(d.split()) == len(name.split()) and re.search(r"[a-z]{2}", d):
            damaged.setdefault(d.lower(), name)
    if not damaged:
        return m
    alts = sorted(damaged, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
    rx = re.compile(r"\b(?:" + body + r")\b" + before, re.I)

    def put_back(match: re.Match[str]) -> str | None:
        name = damaged.get(re.sub(r"\s+", " ", match.group().lower()))
        if name is None:
            return None
        if match.group()[0].isupper() and name[0].islower():
            name = name[0].upper() + name[1:]
        s, e = m.span(match.start(), match.end())
        repairs.append(Repair(s, e, match.group(), name, f"{what} restored (deleted pairs put back)", 0.9))
        return name

    return m.sub(rx, put_back)


def _restore_pair_words(out: Mapped, pairs: tuple[str, ...], repairs: list[Repair]) -> Mapped:
    """Put back a deleted pair that was a whole word ("is", "or"), where it left a double space:
    before a number the word that usually stands there ("in 1982"), else the first pair that is a word."""
    words = [p for p in pairs if p in pair_words()]
    if not words:
        return out
    before = _words()["pair_word_before_number"]

    def choose(after: str) -> str:
        kind = "year" if re.match(r"\d{4}\b", after) else "day" if re.match(r"\d{1,2}\b", after) else ""
        return next((w for w in before.get(kind, ()) if w in words), words[0])

    def hole(match: re.Match[str], base: Mapped = out) -> str:
        s, e = base.span(match.start(), match.end())
        word = choose(base.text[match.end() : match.end() + 5])
        repairs.append(Repair(s, e, "  ", f" {word} ", "whole word (deleted pair) restored", 1.0))
        return f" {word} "

    return out.sub(re.compile(r"(?<=[a-z,]) {2}(?=[a-zA-Z0-9])"), hole)


class Matcher:
    """Resolve a name phrase found in a grammar slot to a state, reporting any repair."""

    def __init__(self, registry: StateRegistry, pair: str | None) -> None:
        self.registry = registry
        self.pair = pair
        pairs = [p.strip() for p in (pair or "").split(",") if p.strip()]
        self.labels = registry.labels()
        self._label_list = list(self.labels)
        self._damaged: dict[str, list[str]] = {}
        self._seen: dict[str, tuple[str | None, str, float, str]] = {}
        for label in self.labels if pairs else ():
            d = label
            for p in pairs:
                d = d.replace(p, "")
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
        if phrase not in self._seen:
            self._seen[phrase] = self._fuzzy_uncached(phrase)
        return self._seen[phrase]

    def _fuzzy_uncached(self, phrase: str) -> tuple[str | None, str, float, str]:
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


def alliance_ids() -> list[str]:
    """Instruments that make their parties 'allies' (from the registry, not hard-coded)."""
    return [i for i, spec in INSTRUMENTS.items() if spec.role == "alliance"]
