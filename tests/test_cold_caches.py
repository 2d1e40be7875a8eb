"""The caches that make a cold `foederis check` fast give exactly what they replace."""

from __future__ import annotations

import base64
import json
import pickle
import re
from array import array
from collections import Counter

import pytest

from foederis.claims.matching import WordCounts
from foederis.claims.regex_cache import compile_many

SPECS = [
    (r"(?P<a>\bNATO\b)|(?P<b>alliance)", re.IGNORECASE),
    (r"(?-i:[A-Z])\w+\s+(?:joined|left)", re.I),
    (r"\d{4}-\d{2}-\d{2}", 0),
]


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> bool:
    return a == b and a.flags == b.flags and a.groups == b.groups and a.groupindex == b.groupindex


def test_regex_cache_gives_re_compile_patterns(tmp_path, monkeypatch):
    monkeypatch.setenv("FOEDERIS_CACHE_DIR", str(tmp_path))
    first = compile_many(SPECS)  # compiled, then stored
    assert list(tmp_path.glob("regex-*.json"))

    def refuse(*args: object) -> None:
        raise AssertionError("compiled again although the batch is stored")

    with monkeypatch.context() as m:
        m.setattr(re, "compile", refuse)
        again = compile_many(SPECS)  # made from the stored programs
    for (p, f), a, b in zip(SPECS, first, again, strict=True):
        ref = re.compile(p, f)
        assert _same(a, ref) and _same(b, ref)
    text = "Finland joined NATO; the alliance met on 2023-04-04."
    assert [m.groupdict() for m in again[0].finditer(text)] == [
        m.groupdict() for m in re.compile(*SPECS[0]).finditer(text)
    ]


@pytest.mark.parametrize("garbage", ["", "{", '{"patterns": [], "programs": []}', '{"programs": 1}'])
def test_regex_cache_ignores_a_damaged_file(tmp_path, monkeypatch, garbage):
    monkeypatch.setenv("FOEDERIS_CACHE_DIR", str(tmp_path))
    compile_many(SPECS)
    (path,) = tmp_path.glob("regex-*.json")
    path.write_text(garbage, encoding="utf-8")
    for (p, f), rx in zip(SPECS, compile_many(SPECS), strict=True):
        assert _same(rx, re.compile(p, f))


def test_regex_cache_refuses_a_program_the_engine_rejects(tmp_path, monkeypatch):
    monkeypatch.setenv("FOEDERIS_CACHE_DIR", str(tmp_path))
    compile_many(SPECS)
    (path,) = tmp_path.glob("regex-*.json")
    stored = json.loads(path.read_text(encoding="utf-8"))
    bad = base64.b64encode(array("I", [99999, 1, 2]).tobytes()).decode()  # no opcode 99999
    stored["programs"][0][1] = bad
    path.write_text(json.dumps(stored), encoding="utf-8")
    for (p, f), rx in zip(SPECS, compile_many(SPECS), strict=True):
        assert _same(rx, re.compile(p, f))


def test_frozen_slotted_records_round_trip_through_pickle(compiled):
    iv = next(iv for iv in compiled.intervals if iv.reasons and iv.reasons[0].events)
    for obj in (iv, iv.reasons[0], iv.reasons[0].events[0], next(iter(compiled.record.provisions.values()))):
        back = pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == obj and type(back) is type(obj)


def test_word_counts_answer_as_the_counter_they_replace():
    counts = Counter({"treaty": 50, "norway": 1000, "the": 60000, "ally": 7})
    words = sorted(counts)
    wc = WordCounts(words, [counts[w] for w in words])
    wc.BUILD_AFTER = 6  # answer some by bisection, the rest from the dict built after them
    probes = ["treaty", "nway", "", "the", "zzz", "ally", "norway", "allies", "a"] * 3
    for w in probes:
        assert (w in wc) == (w in counts) and wc[w] == counts[w] and wc.get(w) == counts.get(w)
    assert wc._dict is not None and len(wc) == len(counts) and set(wc) == set(counts)


def test_vocabulary_read_back_equals_the_one_built(compiled, tmp_path, monkeypatch):
    from foederis.claims import matching
    from foederis.claims.grammar import GRAMMAR_WORDS

    texts = [p.text for p in compiled.record.provisions.values() if p.text]
    labels = [*compiled.record.states.labels(), *matching.instrument_labels()]
    extra = [*matching.common_words(), *GRAMMAR_WORDS]
    words = matching._english_words()
    built = matching._build_vocabulary(words, texts, labels, extra, GRAMMAR_WORDS)
    monkeypatch.setattr(matching, "_english_words", lambda: words)  # the tmp cache lacks the word list
    monkeypatch.setenv("FOEDERIS_CACHE_DIR", str(tmp_path))
    for _ in range(2):  # built and stored, then read back
        monkeypatch.setattr(matching, "_VOCAB", None)
        v = matching.vocabulary(texts, compiled.record.states, GRAMMAR_WORDS)
        assert v.keywords == built["keywords"] and v.pair_rate == built["pair_rate"]
        assert list(v.freq) == built["words"].split("\n")
        assert [v.freq[w] for w in v.freq] == list(array("q", base64.b64decode(built["counts"])))


def test_regex_cache_guard_is_worked_out_once(tmp_path, monkeypatch):
    from foederis.claims import first_chars

    monkeypatch.setenv("FOEDERIS_CACHE_DIR", str(tmp_path))
    first = compile_many(SPECS, guard=True)
    with monkeypatch.context() as m:
        m.setattr(first_chars, "guarded", lambda *a: pytest.fail("guard worked out again"))
        again = compile_many(SPECS, guard=True)
    for (p, f), a, b in zip(SPECS, first, again, strict=True):
        ref = re.compile(first_chars.guarded(p, f), f)
        assert _same(a, ref) and _same(b, ref)
    assert first[0].pattern.startswith("(?=[")
