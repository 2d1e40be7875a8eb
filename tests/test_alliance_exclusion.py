"""Expulsion and suspension, answered from the texts for every instrument in the registry."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from foederis.interfaces.cli.main import app
from foederis.questions.exclusion import exclusion
from foederis.rules.registry import INSTRUMENTS

runner = CliRunner()


def _ids(reasons):
    return {r.provision for r in reasons}


def test_nato_has_no_expulsion_clause_and_quotes_vclt_60_2_a(compiled):
    ans = exclusion(compiled, "nato")
    assert ans.expulsion_clause is False and ans.suspension_clause is False and ans.text_complete
    assert "no clause for expelling or suspending" in ans.finding
    assert _ids(ans.leaving) == {"nato/art_13"}
    breach = next(r for r in ans.vclt_routes if r.id == "material_breach_unanimous")
    quoted = {r.provision: r.text for r in breach.provisions}
    assert "by unanimous agreement" in quoted["vclt/art_60__para_2__point_a"]
    routes = {r.id: _ids(r.provisions) for r in ans.vclt_routes}
    assert "vclt/art_54__point_b" in routes["withdrawal_by_consent"]
    assert "vclt/art_57__point_b" in routes["suspension_by_consent"]
    assert "vclt/art_58__para_1" in routes["suspension_between_some"]
    assert {"vclt/art_65__para_1", "vclt/art_66", "vclt/art_67__para_2", "vclt/art_68"} <= _ids(ans.procedure)


@pytest.mark.parametrize("instrument", sorted(INSTRUMENTS))
def test_every_instrument_answers_and_every_cited_id_exists(compiled, instrument):
    ans = exclusion(compiled, instrument)
    cited = _ids(ans.leaving) | _ids(ans.compliance) | _ids(ans.procedure)
    for route in ans.vclt_routes:
        cited |= _ids(route.provisions) | _ids(route.conditions)
    for pid in cited:
        assert compiled.record.provision(pid) is not None, pid
    for route in ans.vclt_routes:  # the VCLT routes are quoted, never paraphrased
        assert all(r.text for r in route.provisions)
    if not ans.text_complete:
        assert ans.expulsion_clause is None and "does not hold the whole text" in ans.finding


@pytest.mark.parametrize("instrument", ["ccm", "apmbt"])
def test_ban_conventions_name_their_compliance_articles(compiled, instrument):
    ans = exclusion(compiled, instrument)
    assert f"{instrument}/art_8__para_1" in _ids(ans.compliance)
    assert f"{instrument}/art_8" in ans.finding and f"{instrument}/art_10" in ans.finding


def test_cli():
    res = runner.invoke(app, ["exclusion", "nato", "--json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["expulsion_clause"] is False
    res = runner.invoke(app, ["exclusion", "nato"])
    assert "60(2)(a)" in res.stdout and "vclt/art_60__para_2__point_a" in res.stdout
    res = runner.invoke(app, ["exclusion", "warsaw pact", "--json"])
    assert res.exit_code == 2 and "nato" in json.loads(res.stdout)["choices"]
