"""Scenario files: parsing with line numbers, and malformed files reporting every problem at once."""

from __future__ import annotations

import pytest

from foederis.record.loader import Record
from foederis.scenarios.bundled import EXAMPLES_DIR
from foederis.scenarios.run import ScenarioError, load_scenario
from foederis.scenarios.schema import ArmedAttack, Art5Invocation, WithdrawalNotice

EXAMPLES = EXAMPLES_DIR

BAD = """\
start: 2027-01-01
end: 2026-12-31
options:
  engaged: everyone
events:
  - type: armed_atack
    date: 2027-03-01
    state: Estonia
  - type: armed_attack
    date: 2027-02-30
    state: Estnia
  - type: withdrawal_notice
    date: 2027-05-01
    state: Germany
    instrument: cmm
    colour: red
"""


def _errors(text: str, record: Record) -> ScenarioError:
    with pytest.raises(ScenarioError) as info:
        load_scenario(text, "bad.yaml", record.states)
    return info.value


def test_malformed_scenario_reports_all_errors_with_lines(record: Record) -> None:
    err = _errors(BAD, record)
    found = {(e.line, e.field) for e in err.errors}
    assert found >= {
        (2, "end"),
        (4, "options.engaged"),
        (6, "events[0].type"),
        (10, "events[1].date"),
        (11, "events[1].state"),
        (15, "events[2].instrument"),
        (16, "events[2].colour"),
    }
    by_field = {e.field: e for e in err.errors}
    assert "armed_attack" in by_field["events[0].type"].message  # the nearest type is named
    assert set(by_field["events[0].type"].choices) >= {"armed_attack", "withdrawal_notice", "art5_invocation"}
    assert "EST" in " ".join(by_field["events[1].state"].choices)  # nearest matches for 'Estnia'
    assert "2027-02-30" in by_field["events[1].date"].message
    assert "ccm" in by_field["events[2].instrument"].choices
    assert "party_to_hostilities" in by_field["options.engaged"].choices
    assert "before start" in by_field["end"].message
    assert "bad.yaml:2: end:" in str(err)


def test_events_outside_window_and_unmatched_conflict_end(record: Record) -> None:
    text = """\
start: 2027-01-01
end: 2027-12-31
events:
  - type: withdrawal_notice
    date: 2028-02-01
    state: NOR
    instrument: ccm
  - type: conflict_end
    date: 2027-06-01
    state: Germany
  - {type: art5_invocation, date: 2027-03-01, state: EST, participants: [DEU, Atlantis]}
"""
    err = _errors(text, record)
    lines = {e.line: e for e in err.errors}
    assert "outside the scenario window" in lines[4].message
    assert "started no conflict" in lines[8].message
    assert lines[11].field == "events[2].participants[1]"
    assert "Atlantis" in lines[11].message
    assert len(err.errors) == 3


def test_not_yaml_and_not_a_mapping(record: Record) -> None:
    assert _errors("start: [2027-01-01\nend: x\n", record).errors[0].line >= 1
    assert "mapping" in _errors("- just\n- a list\n", record).errors[0].message
    missing = _errors("title: nothing else\n", record)
    assert {e.field for e in missing.errors} == {"start", "end"}


def test_examples_load_with_lines_and_resolved_names(record: Record) -> None:
    path = EXAMPLES / "estonia-2027.yaml"
    text = path.read_text()
    sc = load_scenario(text, path.name, record.states)
    assert sc.name == "estonia-2027"
    lines = text.splitlines()
    for ev in sc.events:
        assert lines[ev.line - 1].strip().startswith("- type:"), ev
    attack = next(e for e in sc.events if isinstance(e, ArmedAttack))
    assert (attack.state, attack.place) == ("EST", "Narva")
    art5 = next(e for e in sc.events if isinstance(e, Art5Invocation))
    assert "NLD" in art5.participants and "USA" in art5.participants
    notices = [e for e in sc.events if isinstance(e, WithdrawalNotice)]
    assert {(n.state, n.instrument) for n in notices} == {(s, "ccm") for s in ("NOR", "DEU", "FRA", "NLD")}
    for name in ("peacetime-notices-2026.yaml", "ukraine-apmbt-2025.yaml"):
        assert load_scenario((EXAMPLES / name).read_text(), name, record.states).events
