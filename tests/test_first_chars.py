"""The first-character guard changes no match: same spans, groups and order as the bare pattern."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from foederis.claims.first_chars import guarded
from foederis.claims.grammar import instrument_regex
from foederis.claims.lexicon import GENERIC

ROOT = Path(__file__).resolve().parent.parent
INST = rf"(?P<named>{instrument_regex()})|(?P<generic>{GENERIC})"
PATTERNS = [
    (INST, re.IGNORECASE),
    (r"(?:the\s+)?(?:(?-i:NATO)|alliance)(?:'s)?\b", re.IGNORECASE),
    (r"\b(?:said|says|pointed\s+out)\b", re.IGNORECASE),
    (r"(?<![\w.])(?:Mr|Dr)\.?\s+[A-Z]\w+", 0),
    (r"(?:19|20)\d\d|[A-Z]{2,5}", 0),
    (r"k+|s{2,}|i", re.IGNORECASE),  # letters with other case forms: K (Kelvin), ſ, İ, ı
]
WORDS = [
    "the", "The", "NATO", "Nato", "nato", "OTAN", "Ottawa", "Convention", "convention", "treaty",
    "Treaty", "cluster", "munitions", "CCM", "INF", "New START", "Open Skies", "alliance", "'s",
    "it", "its", "this", "said", "pointed out", "Mr.", "Dr", "Smith", "1997", "2025", "K", "\u212a",
    "\u017f", "\u0130", "\u0131", "\u27e6\u00b7\u27e7", " ", "  ", ", ", ".", "-", "\n", "x",
]  # fmt: skip


def _matches(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


def test_guard_is_added_where_the_first_characters_are_bounded():
    assert guarded(INST, re.IGNORECASE).startswith("(?=[")
    assert guarded(r"abc|d[x-z]") == "(?=[ad])(?:abc|d[x-z])"
    for bare in (r"a*", r".x", r"\w+y", r"[^a]b", r"(?i:a)b", r"(?m)^x", r"(a)?\1"):
        assert guarded(bare) == bare


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40).map("".join))
def test_guarded_patterns_match_as_the_bare_ones(text):
    for pattern, flags in PATTERNS:
        assert _matches(re.compile(guarded(pattern, flags), flags), text) == _matches(
            re.compile(pattern, flags), text
        )


def test_guarded_instrument_pattern_on_every_article():
    bare, guard = re.compile(INST, re.I), re.compile(guarded(INST, re.I), re.I)
    files = [*ROOT.glob("examples/articles/*.md"), *ROOT.glob("evaluation/claims/*/*/*.md")]
    assert files
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert _matches(guard, text) == _matches(bare, text), f


def test_guarded_reader_patterns_on_every_article():
    """Every pattern the reader compiles with the guard, guarded and bare, on every labelled text
    and on the same text with its instrument names masked (what the predicates scan)."""
    from foederis.claims import lexicon, mentions

    compiled = [
        *(p.pattern for p in lexicon.predicates()),
        *(rx for _, rx in lexicon.provision_patterns()),
        *(g.pattern for g in lexicon.groups()),
        *lexicon.markers().values(),
        mentions._INST_RE,
        mentions._IT,
    ]
    bare = [re.compile(_unguarded(rx.pattern), rx.flags) for rx in compiled]
    assert sum(rx.pattern != b.pattern for rx, b in zip(compiled, bare, strict=True)) > 30
    files = [*ROOT.glob("examples/articles/*.md"), *ROOT.glob("evaluation/claims/*/*/*.md")]
    for f in files:
        text = f.read_text(encoding="utf-8")
        view = lexicon.mask(text, [(m.start, m.end) for m in mentions.instrument_mentions(text, None)])
        for rx, b in zip(compiled, bare, strict=True):
            for t in (text, view):
                assert _matches(rx, t) == _matches(b, t), (f, b.pattern[:80])


def _unguarded(pattern: str) -> str:
    m = re.match(r"\(\?=\[(?:\\.|[^\]\\])*\]\)\(\?:", pattern)
    return pattern[m.end() : -1] if m else pattern
