"""Hostile scenario text: alias bombs, giant strings, out-of-range dates, wrong types and bad
characters are refused at the loader with a message naming the field, quickly and without a crash."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from helpers import notice, world

from foederis.engine.compile import DayOutOfRange, compile_record, day_number
from foederis.engine.lookup import lookup
from foederis.questions.inputs import InputError, parse_date
from foederis.record.loader import Record
from foederis.scenarios.run import ScenarioError, load_scenario

HEAD = "start: 2025-01-01\nend: 2025-12-31\n"


def alias_bomb(levels: int = 7, width: int = 10) -> str:
    """The classic 'billion laughs': each level is a list of `width` aliases of the one before."""
    lines = ['a0: &a0 "lol"']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return HEAD + "\n".join(lines) + "\n"


def _refused(text: str, record: Record) -> ScenarioError:
    with pytest.raises(ScenarioError) as info:
        load_scenario(text, "bad.yaml", record.states)
    return info.value


def _fields(err: ScenarioError) -> list[str]:
    return [e.field for e in err.errors]


def test_alias_bomb_is_refused_without_expanding(record: Record) -> None:
    err = _refused(alias_bomb(), record)  # timing under load: benchmarks/bench_hostile.py
    assert "anchors" in str(err) or "aliases" in str(err)


@pytest.mark.parametrize("text", ["x: &a 1\ny: *a\n", "x: *undefined\n", "<<: {a: 1}\nb: &b {c: 2}\n"])
def test_any_anchor_or_alias_is_refused(text: str, record: Record) -> None:
    err = _refused(HEAD + text, record)
    assert err.errors[0].field == "(file)"


def test_deep_nesting_is_refused(record: Record) -> None:
    err = _refused(HEAD + "x: " + "[" * 500 + "]" * 500 + "\n", record)
    assert "nested" in str(err)


def test_giant_state_name_is_refused_before_matching(record: Record) -> None:
    text = HEAD + "events:\n- {type: armed_attack, date: 2025-02-01, state: " + "x" * 100_000 + "}\n"
    err = _refused(text, record)
    assert _fields(err) == ["events[0].state"]
    assert len(str(err)) < 500  # the message does not echo the input


def test_state_names_over_the_name_limit_get_no_nearest_match(record: Record) -> None:
    err = _refused(
        HEAD + "events:\n- {type: armed_attack, date: 2025-02-01, state: " + "Estonia" * 20 + "}\n", record
    )
    assert _fields(err) == ["events[0].state"]
    assert "at most 100" in err.errors[0].message
    assert record.states.suggest("Estonia" * 20) == []


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("start: 2025-01-01\nend: 9999-12-31\n", "end"),
        ("start: 0001-01-01\nend: 2025-12-31\n", "start"),
        (
            HEAD + "events:\n- {type: withdrawal_notice, date: 9999-07-01, state: FRA, instrument: ccm}\n",
            "events[0].date",
        ),
        (
            HEAD + "events:\n- {type: accession, date: 0001-01-01, state: FRA, instrument: ccm}\n",
            "events[0].date",
        ),
        ("start: 2025-01-01\nend: 2200-01-01\n", "end"),
        ("start: 1799-01-01\nend: 2025-01-01\n", "start"),
        ("start: 2025-W10-4\nend: 2025-12-31\n", "start"),
        ("start: '20250306'\nend: 2025-12-31\n", "start"),
        ("start: 20250306\nend: 2025-12-31\n", "start"),
        ("start: 2025-03-06T10:00:00\nend: 2025-12-31\n", "start"),
        (HEAD + "events:\n- {type: [a], date: 2025-02-01, state: FRA}\n", "events[0].type"),
        (HEAD + "events:\n- {type: {a: 1}, date: 2025-02-01, state: FRA}\n", "events[0].type"),
        (HEAD + "events:\n- {type: armed_attack, date: 2025-02-01, state: [FRA]}\n", "events[0].state"),
        (
            HEAD + "events:\n- {type: accession, date: 2025-02-01, state: FRA, instrument: 5}\n",
            "events[0].instrument",
        ),
        ('name: "a\\ud800"\n' + HEAD, "name"),
        ('title: "a\\0b"\n' + HEAD, "title"),
        ('description: "bell \\a and escape \\e[31m"\n' + HEAD, "description"),
        (
            HEAD + 'events:\n- {type: armed_attack, date: 2025-02-01, state: "Esto\\0nia"}\n',
            "events[0].state",
        ),
        (HEAD + "title: " + "t" * 20_000 + "\n", "title"),
    ],
)
def test_bad_values_are_refused_naming_the_field(text: str, field: str, record: Record) -> None:
    err = _refused(text, record)
    if "\\ud800" in text and _fields(err) == ["(file)"]:
        field = "(file)"  # libyaml refuses a surrogate escape while parsing, on its line
        assert err.errors[0].line == 1 and "Unicode" in err.errors[0].message
    assert field in _fields(err), str(err)
    for issue in err.errors:
        assert "Node(" not in issue.message
        issue.model_dump_json()  # every message serialises (no lone surrogates)


def test_non_scalar_keys_are_refused_without_node_reprs(record: Record) -> None:
    err = _refused("? [a, b]\n: 1\n" + HEAD, record)
    assert "Node" not in str(err)
    assert "key" in str(err)


def test_bad_key_is_named_escaped(record: Record) -> None:
    err = _refused(HEAD + '"k\\ud800": 1\n', record)
    assert all(issue.field.isascii() for issue in err.errors)


def test_too_many_events_are_refused(record: Record) -> None:
    events = "".join("- {type: armed_attack, date: 2025-02-01, state: EST}\n" for _ in range(501))
    err = _refused(HEAD + "events:\n" + events, record)
    assert _fields(err) == ["events"]


@pytest.mark.parametrize("text", ["2025-W10-4", "2025-065", "20250306", "2025-03-06T00:00", " ", "2025-3-6"])
def test_parse_date_accepts_only_yyyy_mm_dd(text: str) -> None:
    with pytest.raises(InputError):
        parse_date(text)


def test_parse_date_still_accepts_the_documented_form() -> None:
    assert parse_date("2025-03-06") == date(2025, 3, 6)


def test_day_packing_holds_days_beyond_2158(record: Record) -> None:
    """With 17 bits a start after 2158 spilled into the key bits: lookups came out wrong."""
    c = world(record, [notice("ccm", "DEU", date(2160, 1, 1))])
    i, s = c.instruments.index("ccm"), c.states.index("DEU")
    ivs = c.intervals_of("DEU", "ccm")
    assert ivs[-1].start > date(2160, 1, 1)
    for iv in ivs:
        res = lookup(c, np.array([s]), np.array([i]), np.array([day_number(iv.start)]))
        assert c.intervals[int(res.interval[0])] == iv


def test_days_the_layout_cannot_hold_are_an_error_not_a_wrong_answer(record: Record) -> None:
    with pytest.raises(DayOutOfRange):
        compile_record(record.overlay([notice("ccm", "DEU", date(9000, 1, 1))], []))


@pytest.mark.parametrize(
    "text", [alias_bomb(), HEAD + "x: " + "[" * 500 + "]" * 500 + "\n", HEAD + "y: *nope\n"]
)
def test_pure_python_loader_refuses_the_same(
    text: str, record: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without libyaml the composer itself refuses aliases, anchors and deep nesting."""
    from foederis.scenarios import loader

    monkeypatch.setattr(loader, "_CLoader", None)
    err = _refused(text, record)
    assert err.errors[0].field == "(file)"


@pytest.mark.parametrize("text", ["\ud800", HEAD + "title: a\x00b\n", HEAD + "# \x1b[31m\n"])
def test_raw_unreadable_characters_are_refused_before_parsing(text: str, record: Record) -> None:
    """Found by the fuzz target: libyaml raised UnicodeEncodeError on a raw lone surrogate."""
    err = _refused(text, record)
    assert err.errors[0].field == "(file)" and "not allowed" in err.errors[0].message
