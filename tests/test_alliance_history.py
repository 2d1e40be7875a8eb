"""Article 4 requests and the Article 5 invocation, and what Article 5 obliges, from the record."""

from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from foederis.interfaces.cli.main import app
from foederis.questions.history import article5_obligation, every_ally_must_go_to_war, history

runner = CliRunner()


def test_every_recorded_request_and_invocation(compiled):
    ans = history(compiled, "nato")
    art5 = [o for o in ans.occasions if o.article == 5]
    assert [(o.date, o.kind) for o in art5] == [
        (date(2001, 9, 12), "art5_invocation"),
        (date(2001, 10, 2), "art5_confirmation"),
    ]
    assert ans.counts["art5_occasions"] == 1
    art4 = {o.date: o.states for o in ans.occasions if o.article == 4}
    assert art4[date(2003, 2, 10)] == ["TUR"] and art4[date(2014, 3, 3)] == ["POL"]
    assert art4[date(2022, 2, 24)] == ["BGR", "CZE", "EST", "LTU", "LVA", "POL", "ROU", "SVK"]
    assert date(2025, 9, 19) in art4 and ans.counts["art4_state_requests"] == 16
    assert all(e.source for o in ans.occasions for e in o.events)
    assert ans.consultation.provision == "nato/art_4"


def test_only_article_4(compiled):
    ans = history(compiled, "nato", 4)
    assert {o.article for o in ans.occasions} == {4} and ans.obligation is None


def test_article5_quotes_the_text_and_leaves_the_action_to_each_ally(compiled):
    ob = article5_obligation(compiled)
    assert ob.provision == "nato/art_5"
    assert "such action as it deems necessary, including the use of armed force" in ob.means
    assert ob.means in compiled.record.provision("nato/art_5").text
    assert ob.each_party_decides_its_own_action and not ob.armed_force_required_of_every_party
    must, _ = every_ally_must_go_to_war(compiled)
    assert must is False


def test_cli():
    res = runner.invoke(app, ["history", "nato", "--article", "5", "--json"])
    assert res.exit_code == 0
    ans = json.loads(res.stdout)
    assert ans["obligation"]["provision"] == "nato/art_5" and ans["counts"]["art5_occasions"] == 1
    res = runner.invoke(app, ["history", "nato", "--article", "6", "--json"])
    assert res.exit_code == 2 and json.loads(res.stdout)["choices"] == ["4", "5"]
    res = runner.invoke(app, ["history", "ccm", "--json"])
    assert res.exit_code == 2 and json.loads(res.stdout)["field"] == "instrument"
