"""Transit, foreign stockpiles, joint operations and investment: each activity under each
reading, the declared views behind them, the matrix columns and the fault lines."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foederis.interfaces.cli.main import app
from foederis.questions.faultlines import fault_lines
from foederis.questions.inputs import InputError
from foederis.questions.matrix import matrix
from foederis.questions.obligations import ISSUES, may, parse_activity
from foederis.record.declared_views import DATA_FILE, load_declared_views
from foederis.record.errors import RecordError
from foederis.record.loader import load_record
from foederis.rules.options import Options
from foederis.rules.registry import REGISTRY

RULES = REGISTRY.interoperability()

DAY = date(2023, 7, 15)

#: (activity, instrument) -> verdict under the broad and the narrow reading, for a bound party
#: working with a state not party
READINGS = {
    ("permit_transit", "ccm"): ("prohibited", "permitted_with_limits"),
    ("host_foreign_stockpile", "ccm"): ("prohibited", "permitted_with_limits"),
    ("joint_operations", "ccm"): ("prohibited", "permitted_with_limits"),
    ("invest", "ccm"): ("prohibited", "contested"),
    ("permit_transit", "apmbt"): ("prohibited", "contested"),
    ("host_foreign_stockpile", "apmbt"): ("prohibited", "contested"),
    ("joint_operations", "apmbt"): ("prohibited", "contested"),
    ("invest", "apmbt"): ("prohibited", "contested"),
}
WEAPON = {"ccm": "cluster_munitions", "apmbt": "anti_personnel_mines"}


def under(compiled, reading: str):
    return dataclasses.replace(compiled, options=Options(assist_reading=reading))


@pytest.mark.parametrize(("activity", "instrument"), list(READINGS))
def test_each_activity_under_each_reading(compiled, activity, instrument):
    broad, narrow = READINGS[(activity, instrument)]
    weapon = WEAPON[instrument]
    # Norway: a party to both conventions with no recorded declared view on any issue
    got = {r: may(under(compiled, r), "NOR", activity, weapon, DAY, "USA") for r in ("broad", "narrow")}
    assert got["broad"].verdict == broad and got["narrow"].verdict == narrow
    default = may(compiled, "NOR", activity, weapon, DAY, "USA")
    assert default.verdict == "contested" and default.declared is None
    for ans in (*got.values(), default):
        assert ans.reading == ans.options["assist_reading"]["value"]
        assert ans.ally == "USA"
        ids = [r.provision for r in ans.reasons if r.provision]
        assert f"{instrument}/art_1__para_1__point_c" in ids
        assert all(r.text for r in ans.reasons if r.provision in RULES[instrument][activity].provisions)
    assert "No declared view of Norway" in default.reasons[0].summary


def test_ccm_joint_operations_name_the_limits_of_article_21_4(compiled):
    ans = may(under(compiled, "narrow"), "NOR", "joint_operations", "cluster_munitions", DAY, "USA")
    ids = {r.provision for r in ans.reasons}
    assert {"ccm/art_21__para_3", "ccm/art_21__para_4__point_c", "ccm/art_21__para_4__point_d"} <= ids
    assert "expressly request the use" in next(
        r.text for r in ans.reasons if r.provision == "ccm/art_21__para_4__point_d"
    )
    assert "expressly request their use" in ans.reasons[0].summary


def test_germany_transit_with_the_united_states_the_done_case(compiled):
    answers = {
        r: may(under(compiled, r), "DEU", "permit_transit", "cluster_munitions", DAY, "USA")
        for r in ("state_declared", "broad", "narrow")
    }
    assert {r: a.verdict for r, a in answers.items()} == {
        "state_declared": "contested",
        "broad": "prohibited",
        "narrow": "permitted_with_limits",
    }
    declared = answers["state_declared"].declared  # Germany declined to comment: 'no view', sourced
    assert declared is not None and declared.view == "no view"
    assert declared.source_url.startswith("https://www.finanznachrichten.de/")
    assert "Germany has declared no view" in answers["state_declared"].reasons[1].summary
    assert all(a.reasons[-1].events for a in answers.values())  # Germany's ratification, sourced


def test_a_declared_view_decides_under_state_declared_and_carries_its_source(compiled):
    ans = may(compiled, "DEU", "invest", "cluster_munitions", DAY)
    assert ans.verdict == "permitted" and ans.declared and ans.declared.view == "permitted"
    assert ans.declared.source_url.startswith("https://www.zeit.de/")
    assert "Finanzinvestitionen" in ans.reasons[0].summary
    lux = may(compiled, "LUX", "invest", "cluster_munitions", DAY)
    assert lux.verdict == "prohibited" and lux.declared.basis == "national_law"
    # a declared 'no view' is contested too, and quotes the source that shows it
    deu = may(compiled, "DEU", "host_foreign_stockpile", "cluster_munitions", DAY, "USA")
    assert deu.verdict == "contested" and deu.declared.view == "no view"
    assert "bundestag.de" in deu.reasons[0].summary
    # the broad reading does not consult the declaration
    assert may(under(compiled, "broad"), "DEU", "invest", "cluster_munitions", DAY).verdict == "prohibited"


def test_a_declared_permission_keeps_the_limits_of_article_21_4(compiled):
    ans = may(compiled, "CAN", "joint_operations", "cluster_munitions", DAY, "USA")
    assert ans.verdict == "permitted_with_limits"
    assert "exclusive control" in " ".join(r.summary for r in ans.reasons)


def test_a_partner_bound_by_the_convention_is_no_cooperation_with_a_state_not_party(compiled):
    for reading in ("state_declared", "broad", "narrow"):
        ans = may(under(compiled, reading), "DEU", "permit_transit", "cluster_munitions", DAY, "FRA")
        assert ans.verdict == "prohibited"
        assert "France is itself bound" in ans.reasons[0].summary


def test_a_state_not_bound_is_free_under_every_reading(compiled):
    for reading in ("state_declared", "broad", "narrow"):
        ans = may(under(compiled, reading), "USA", "permit_transit", "cluster_munitions", DAY)
        assert ans.verdict == "permitted"


def test_unknown_activity_names_the_new_choices():
    assert parse_activity("permit-transit") == "permit_transit"
    with pytest.raises(InputError) as err:
        parse_activity("overfly")
    assert set(ISSUES) <= set(err.value.choices)


def test_matrix_has_the_four_columns_and_the_declared_views(compiled):
    ans = matrix(compiled, "nato", "cluster_munitions", date(2025, 1, 1))
    row = next(r for r in ans.rows if r.state == "DEU")
    assert set(ISSUES) <= set(row.activities)
    assert row.activities["invest"] == "permitted" and row.declared["invest"].view == "permitted"
    assert row.declared["permit_transit"].view == "no view"
    assert row.activities["permit_transit"] == "contested"
    assert row.declared["joint_operations"] is None and row.activities["joint_operations"] == "contested"
    assert "DEU" in ans.contested["permit_transit"] and "DEU" in ans.free["invest"]
    assert "Germany's declared view" in row.reasons["invest"][0].summary
    usa = next(r for r in ans.rows if r.state == "USA")
    assert all(usa.activities[a] == "permitted" for a in ISSUES)


def test_fault_lines_on_investment(compiled):
    ans = fault_lines(compiled, "nato", "cluster_munitions", date(2025, 1, 1))
    invest = next(line for line in ans.issues if line.issue == "invest")
    assert invest.conflict and "DEU" in invest.permitted and "NLD" in invest.prohibited
    assert "NOR" in invest.not_recorded and "USA" not in invest.not_recorded
    assert "USA" in ans.allies_not_bound
    stock = next(line for line in ans.issues if line.issue == "host_foreign_stockpile")
    assert not stock.conflict and stock.no_view == ["DEU"] and stock.permitted == ["GBR"]


def test_every_declared_view_is_sourced_and_names_a_real_state_and_provision():
    record = load_record()
    views = load_declared_views()
    assert views
    for v in views:
        assert record.states.name(v.state) != v.state or v.state in {"USA"}
        assert v.source_url.startswith(("http://", "https://")) and v.quote and v.source_title
        for p in RULES[v.instrument][v.issue].provisions:
            assert record.provision(p) is not None and record.provision(p).text


def test_a_row_without_a_source_is_refused(tmp_path: Path):
    bad = tmp_path / "declared_views.csv"
    header, first, *_ = DATA_FILE.read_text(encoding="utf-8").splitlines()
    bad.write_text(header + "\nNOR,ccm,invest,prohibited,national_law,2009,government,,,,\n", "utf-8")
    with pytest.raises(RecordError, match="source_title is empty"):
        load_declared_views(bad)
    bad.write_text(header + "\n" + first + "\n" + first + "\n", "utf-8")
    with pytest.raises(RecordError, match="second row"):
        load_declared_views(bad)
    bad.write_text(header + "\n" + first.replace(",no view,", ",maybe,") + "\n", "utf-8")
    with pytest.raises(RecordError, match="valid choices"):
        load_declared_views(bad)


def test_cli_and_api_take_the_reading_and_the_partner(tmp_path: Path):
    from fastapi.testclient import TestClient

    from foederis.interfaces.server import create_app

    runner = CliRunner()
    args = ["may", "DEU", "permit_transit", "cluster_munitions", "--with", "USA", "--on", "2023-07-15"]
    res = runner.invoke(app, ["--assist-reading", "broad", *args, "--json"])
    assert res.exit_code == 0, res.stderr
    cli = json.loads(res.stdout)
    assert cli["verdict"] == "prohibited" and cli["reading"] == "broad" and cli["ally"] == "USA"
    res = runner.invoke(app, ["--assist-reading", "wide", *args])
    assert res.exit_code == 2 and "state_declared" in res.stderr
    with TestClient(create_app(f"sqlite:///{tmp_path / 'api.sqlite3'}")) as client:
        params = {"state": "DEU", "activity": "permit_transit", "weapon": "cluster_munitions"}
        params |= {"with": "USA", "on": "2023-07-15", "assist_reading": "broad"}
        assert client.get("/v1/may", params=params).json() == cli
        fl = client.get("/v1/fault-lines", params={"weapon": "cluster_munitions", "issue": "invest"})
        assert fl.status_code == 200 and fl.json()["issues"][0]["conflict"] is True
        bad = client.get("/v1/fault-lines", params={"weapon": "cluster_munitions", "issue": "overfly"})
        assert bad.status_code == 400 and "invest" in bad.json()["choices"]
    res = runner.invoke(app, ["fault-lines", "--weapon", "cluster_munitions", "--on", "2025-01-01"])
    assert res.exit_code == 0 and "fault line" in res.stdout


def test_the_data_readme_lists_every_ally_with_no_recorded_view(compiled):
    readme = (DATA_FILE.parent / "README.md").read_text(encoding="utf-8")
    for weapon in ("cluster_munitions", "anti_personnel_mines"):
        for line in fault_lines(compiled, "nato", weapon, date(2025, 1, 1)).issues:
            recorded = ", ".join(f"{d.state} ({d.view})" for d in line.declared) or "—"
            row = f"| `{line.issue}` | {recorded} | {', '.join(line.not_recorded) or '—'} |"
            assert row in readme, f"README out of date for {weapon} {line.issue}: {row}"


def test_a_view_stated_after_the_day_asked_says_so(compiled):
    before = may(compiled, "DEU", "permit_transit", "cluster_munitions", DAY, "USA")
    assert any("after the day asked" in r.summary for r in before.reasons)
    after = may(compiled, "DEU", "permit_transit", "cluster_munitions", date(2025, 1, 1), "USA")
    assert not any("after the day asked" in r.summary for r in after.reasons)
