"""Political commitments beside legal obligations: never bound; what a proposal would have reached."""

from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from foederis.interfaces.cli.main import app
from foederis.questions.commitments import commitments, deployments

runner = CliRunner()


def test_commitments_are_never_bound_and_say_so(compiled):
    ans = commitments(compiled, date(2026, 1, 1))
    by_id = {c.id: c for c in ans.commitments}
    assert set(by_id) == {
        "nato_russia_founding_act",
        "bucharest_2008",
        "ru_draft_nato_2021",
        "ru_draft_usa_2021",
    }
    assert all(c.bound is False for c in ans.commitments)
    fa = by_id["nato_russia_founding_act"]
    assert (
        fa.kind == "political"
        and fa.standing.startswith("politically committed")
        and fa.date == date(1997, 5, 27)
    )
    assert "substantial combat forces" in fa.clauses[0].text
    assert "will become members of NATO" in by_id["bucharest_2008"].clauses[0].text
    draft = by_id["ru_draft_nato_2021"]
    assert draft.kind == "proposal" and "never accepted" in draft.standing
    assert [r.text_in_record for r in draft.clauses] == [False, True]  # the deployments clause was not seen
    assert all("bound" not in c.standing.replace("bound: no", "") for c in ans.commitments)


def test_commitments_on_a_day_before_them(compiled):
    assert [c.id for c in commitments(compiled, date(2000, 1, 1)).commitments] == ["nato_russia_founding_act"]


def test_russian_draft_would_have_reached_the_eastern_allies(compiled):
    ans = deployments(compiled, "ru_draft_nato_2021", date(2022, 1, 10))
    assert ans.cutoff == date(1997, 5, 27)
    assert ans.restricted == ["EST", "LTU", "LVA", "POL", "ROU"]
    hosts = {h.state: h for h in ans.hosts}
    assert hosts["BGR"].forces == [] and [f.lead for f in hosts["BGR"].uncertain] == ["ITA"]
    assert "DEU" not in hosts and "USA" not in hosts  # Allies of 1997 are outside the clause
    assert ans.open_door.provision == "nato/art_10"
    later = deployments(compiled, "ru_draft_nato_2021", date(2024, 7, 10))
    assert {"BGR", "SVK"} <= set(later.restricted)


def test_cli_and_bad_commitment():
    res = runner.invoke(app, ["commitments", "--json"])
    assert res.exit_code == 0 and all(c["bound"] is False for c in json.loads(res.stdout)["commitments"])
    res = runner.invoke(app, ["deployments", "bucharest_2008", "--json"])
    assert res.exit_code == 2 and "ru_draft_nato_2021" in json.loads(res.stdout)["choices"]
