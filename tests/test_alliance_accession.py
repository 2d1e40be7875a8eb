"""Accession protocols ally by ally, on real depositary facts (Finland, Sweden, North Macedonia,
Montenegro), including a day-by-day replay of the Finnish and Swedish protocols."""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foederis.interfaces.cli.main import app
from foederis.questions.accession import accession
from foederis.record.alliance import load_steps
from foederis.record.errors import RecordError
from foederis.record.loader import DATA_DIR

runner = CliRunner()


def test_sweden_on_1_december_2023_waits_for_hungary_and_turkiye(compiled):
    ans = accession(compiled, "SWE", date(2023, 12, 1))
    assert ans.stage == "protocol_signed" and not ans.protocol_in_force and not ans.member
    assert ans.not_ratified == ["HUN", "TUR"] and ans.can_block == ["HUN", "TUR"]
    assert len(ans.ratified) == 29 and "FIN" in ans.ratified and ans.unknown == []
    hold = {a.ally: a for a in ans.allies if a.state == "not_ratified"}
    assert hold["TUR"].holding_out_since == date(2022, 7, 5)
    assert hold["TUR"].days_holding_out == (date(2023, 12, 1) - date(2022, 7, 5)).days
    for a in ans.allies:  # every Ally's state rests on a sourced row
        assert a.events or a.steps
        assert all(e.source for e in a.events) and all(s.source for s in a.steps)


def test_sweden_member_on_7_march_2024_the_day_hungary_deposited(compiled):
    before = accession(compiled, "SWE", date(2024, 3, 6))
    assert before.not_ratified == ["HUN"] and before.stage == "protocol_signed"
    ans = accession(compiled, "SWE", date(2024, 3, 7))
    assert ans.stage == "member" and ans.member_since == date(2024, 3, 7)
    assert ans.protocol_in_force and ans.not_ratified == [] and len(ans.ratified) == 31
    eif = ans.entry_into_force
    assert eif.date == date(2024, 3, 7) and eif.exact and eif.completed_by == ["HUN"]
    assert eif.agrees is True and len(eif.recorded) == 2
    assert eif.independent_check is True  # TASR's copy of the notice is not the source of HUN's row
    assert eif.provision == "nato_protocol_swe/art_2"


def test_turkiye_window_for_sweden_is_unknown_not_guessed(compiled):
    ans = accession(compiled, "SWE", date(2024, 2, 1))
    assert "TUR" in ans.unknown and ans.not_ratified == ["HUN"]
    assert accession(compiled, "SWE", date(2024, 1, 25)).not_ratified == ["HUN", "TUR"]
    assert "TUR" in accession(compiled, "SWE", date(2024, 2, 14)).ratified


def test_finland_on_15_january_and_4_april_2023(compiled):
    ans = accession(compiled, "FIN", date(2023, 1, 15))
    assert ans.not_ratified == ["HUN", "TUR"] and ans.stage == "protocol_signed"
    assert accession(compiled, "FIN", date(2023, 3, 30)).not_ratified == ["HUN", "TUR"]
    assert accession(compiled, "FIN", date(2023, 3, 31)).not_ratified == ["TUR"]  # HUN deposits
    last = accession(compiled, "FIN", date(2023, 4, 4))
    assert last.stage == "member" and last.member_since == date(2023, 4, 4)
    assert last.entry_into_force.date == date(2023, 4, 4) and last.entry_into_force.completed_by == ["TUR"]
    assert last.entry_into_force.agrees is True  # Blinken: "the protocol is now in force"
    assert {r.provision for r in last.reasons} >= {"nato/art_10", "nato_protocol_fin/art_2"}


def test_before_signature_nothing_is_pending(compiled):
    ans = accession(compiled, "FIN", date(2022, 7, 4))
    assert ans.stage == "not_invited" and ans.invited_on == date(2022, 6, 29)
    assert ans.ratified == ans.not_ratified == ans.unknown == []


@pytest.mark.parametrize(
    ("state", "start", "joined"),
    [("FIN", date(2022, 7, 5), date(2023, 4, 4)), ("SWE", date(2022, 7, 5), date(2024, 3, 7))],
)
def test_day_by_day_replay(compiled, state, start, joined):
    """Every day from signature to membership: the holdouts only shrink, each has a source, and the
    stage becomes `member` on the accession day the record holds, not a day earlier."""
    previous: set[str] | None = None
    day = start
    while day <= joined:
        ans = accession(compiled, state, day)
        pending = set(ans.not_ratified) | set(ans.unknown)
        assert len(ans.ratified) + len(pending) == len(ans.allies)
        if previous is not None:
            assert pending <= previous | {"FIN"}, day  # Finland became an Ally of the Swedish protocol
        previous = pending
        assert (ans.stage == "member") == (day == joined), day
        day += timedelta(days=1)
    assert previous == set()


def test_north_macedonia_spain_last(compiled):
    assert accession(compiled, "MKD", date(2020, 3, 18)).not_ratified == ["ESP"]
    ans = accession(compiled, "MKD", date(2020, 3, 19))
    assert ans.stage == "protocol_in_force" and ans.can_block == []
    assert accession(compiled, "MKD", date(2020, 3, 27)).stage == "member"


def test_montenegro_entry_into_force_only_bounded(compiled):
    ans = accession(compiled, "MNE", date(2017, 6, 5))
    assert ans.stage == "member"
    assert ans.entry_into_force.date == date(2017, 6, 5) and not ans.entry_into_force.exact
    assert any(g.status == "derived" for g in ans.gaps)


def test_state_without_protocol(compiled):
    assert accession(compiled, "UKR", date(2025, 1, 1)).stage == "not_invited"
    assert accession(compiled, "USA", date(2025, 1, 1)).stage == "member"


def test_cli_json_contract():
    res = runner.invoke(app, ["accession", "SWE", "--on", "2023-12-01", "--json"])
    assert res.exit_code == 0
    ans = json.loads(res.stdout)
    assert {"state", "date", "stage", "ratified", "not_ratified", "reasons"} <= set(ans)
    assert ans["not_ratified"] == ["HUN", "TUR"] and ans["stage"] == "protocol_signed"
    assert ans["practice"]["kind"] == "practice" and "nato.int" in ans["practice"]["source"]
    res = runner.invoke(app, ["accession", "Atlantis", "--json"])
    assert res.exit_code == 2 and json.loads(res.stdout)["field"] == "state"


def test_loader_rejects_an_unsourced_dated_step(tmp_path: Path):
    shutil.copytree(DATA_DIR / "alliance", tmp_path / "alliance")
    path = tmp_path / "alliance" / "accession_steps.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + "nato_protocol_swe,SWE,acceptance,TUR,2024-01-27,on,,sourced,,\n",
        encoding="utf-8",
    )
    with pytest.raises(RecordError, match="needs a source"):
        load_steps(tmp_path)


def test_romania_2003_protocol_from_the_dutch_treaty_series(compiled):
    """Trb. 2004, 107 lists 18 Allies' notification days; Canada's is a derived bound (a gap)."""
    ans = accession(compiled, "ROU", date(2004, 2, 26))
    assert ans.not_ratified == ["TUR", "USA"] and ans.unknown == ["CAN"]
    assert accession(compiled, "ROU", date(2003, 5, 6)).ratified == ["NOR"]  # the first notification
    in_force = accession(compiled, "ROU", date(2004, 2, 27))
    assert in_force.stage == "protocol_in_force" and in_force.entry_into_force.completed_by == ["TUR", "USA"]
    assert in_force.entry_into_force.agrees and not in_force.entry_into_force.independent_check
    assert accession(compiled, "ROU", date(2004, 3, 29)).stage == "member"
