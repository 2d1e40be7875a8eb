"""Forward presence and tiers on the dates that matter, from the sourced presence rows."""

from __future__ import annotations

import json
import struct
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from foederis.interfaces.cli.main import app
from foederis.questions.presence import presence
from foederis.record.alliance import forces

runner = CliRunner()


def _by_state(ans):
    return {a.state: a for a in ans.allies}


def test_battlegroups_in_the_baltic_states_and_poland_on_10_january_2022(compiled):
    ans = presence(compiled, date(2022, 1, 10))
    allies = _by_state(ans)
    assert ans.rule.id == "host_forces_v1" and len(ans.allies) == 30
    for state, lead in (("EST", "GBR"), ("LVA", "CAN"), ("LTU", "DEU"), ("POL", "USA")):
        groups = [f for f in allies[state].forces if f.kind == "multinational_battlegroup"]
        assert [g.lead for g in groups] == [lead], state
        assert groups[0].source.startswith("anews.com.tr") or "nato.int" in groups[0].source
        assert allies[state].tier == 1
    # the 2022 battlegroups were created after 24 Feb 2022: 'uncertain' on 10 Jan, never 'present'
    assert allies["BGR"].tier == 3 and allies["BGR"].tier_if_uncertain_present == 1
    assert allies["SVK"].forces == [] and allies["SVK"].uncertain == []


def test_eight_battlegroups_by_2024_and_none_in_1997(compiled):
    later = _by_state(presence(compiled, date(2024, 7, 10)))
    assert {s for s, a in later.items() if a.tier == 1} == {
        "BGR",
        "EST",
        "HUN",
        "LTU",
        "LVA",
        "POL",
        "ROU",
        "SVK",
    }
    assert [f.lead for f in later["SVK"].forces if f.kind == "multinational_battlegroup"] == ["ESP"]
    early = presence(compiled, date(1997, 5, 27))
    assert early.counts["multinational_forward_force"] == 0 and len(early.allies) == 16
    assert _by_state(early)["ISL"].tier == 2  # Keflavik until 2006


def test_slovak_handover_edge_day(compiled):
    before = _by_state(presence(compiled, date(2024, 6, 30)))["SVK"]
    after = _by_state(presence(compiled, date(2024, 7, 1)))["SVK"]
    assert [f.lead for f in before.forces] == ["CZE"] and [f.lead for f in after.forces] == ["ESP"]


def test_german_brigade_in_lithuania_from_1_april_2025(compiled):
    assert not any(
        f.kind == "allied_brigade" for f in _by_state(presence(compiled, date(2025, 3, 31)))["LTU"].forces
    )
    assert any(
        f.kind == "allied_brigade" for f in _by_state(presence(compiled, date(2025, 4, 1)))["LTU"].forces
    )


def test_every_force_is_sourced_and_classified():
    for f in forces():
        assert f.source and f.kind and f.ref


def test_cli_json_and_chart(tmp_path: Path):
    res = runner.invoke(app, ["presence", "--on", "2022-01-10", "--json"])
    assert res.exit_code == 0
    ans = json.loads(res.stdout)
    assert ans["rule"]["id"] == "host_forces_v1" and "EST" in ans["hosts"]
    out = tmp_path / "tiers.png"
    res = runner.invoke(app, ["presence", "--on", "2022-01-10", "--out", str(out)])
    assert res.exit_code == 0 and "host_forces_v1" in res.stdout
    header = out.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", header[16:24])[0] > 400
    res = runner.invoke(app, ["presence", "--out", str(tmp_path / "x.txt"), "--json"])
    assert res.exit_code == 2 and json.loads(res.stdout)["field"] == "out"


def test_latvian_battlegroup_becomes_a_brigade_on_3_july_2024(compiled):
    before = _by_state(presence(compiled, date(2024, 7, 2)))["LVA"]
    after = _by_state(presence(compiled, date(2024, 7, 3)))["LVA"]
    assert not any(f.kind == "multinational_brigade" for f in before.forces)
    assert [f.lead for f in after.forces if f.kind == "multinational_brigade"] == ["CAN"]
    assert after.tier == 1
