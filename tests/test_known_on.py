"""Answers as the record stood on a day: facts that took effect before they became public."""

from __future__ import annotations

import json
from datetime import date

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from foederis.engine.cache import load_compiled
from foederis.interfaces.cli.main import app
from foederis.questions.members import bound_states
from tests.helpers import status_on

runner = CliRunner()


def _status(*args: str) -> dict:
    res = runner.invoke(app, ["status", *args, "--json"])
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def test_the_lithuanian_receipt_date_became_known_after_it_took_effect(compiled):
    dep = next(
        e
        for e in compiled.record.events_for("ccm")
        if e.state == "LTU" and e.action == "withdrawal_deposited"
    )
    assert dep.known > dep.date


def test_as_known_on_2024_08_01_lithuania_was_a_ccm_party_with_no_withdrawal_pending():
    then = load_compiled(known_on=date(2024, 8, 1))
    assert status_on(then, "LTU", "ccm", date(2024, 8, 1)) == ("party", True)
    assert status_on(then, "LTU", "ccm", date(2025, 6, 1)) == ("party", True)


def test_a_fact_in_effect_but_not_yet_public_is_absent_and_present_once_known(compiled):
    day = date(2025, 1, 15)  # the receipt (6 Sep 2024) had taken effect; the record knows it from 4 Mar 2025
    assert status_on(compiled, "LTU", "ccm", day) == ("withdrawal_pending", True)
    before = load_compiled(known_on=date(2025, 3, 3))
    after = load_compiled(known_on=date(2025, 3, 4))
    assert status_on(before, "LTU", "ccm", day) == ("party", True)
    assert status_on(after, "LTU", "ccm", day) == ("withdrawal_pending", True)
    assert "LTU" in bound_states(before, "ccm", date(2025, 3, 6))
    assert "LTU" not in bound_states(after, "ccm", date(2025, 3, 6))


def test_cli_known_on_on_status_members_timeline_and_withdrawal():
    assert _status("LTU", "ccm", "--on", "2025-01-15")["status"] == "withdrawal_pending"
    assert _status("LTU", "ccm", "--on", "2025-01-15", "--known-on", "2025-01-15")["status"] == "party"
    res = runner.invoke(app, ["members", "ccm", "--on", "2025-03-06", "--known-on", "2025-01-01", "--json"])
    assert res.exit_code == 0 and "LTU" in res.stdout
    res = runner.invoke(app, ["timeline", "LTU", "ccm", "--known-on", "2025-01-01", "--json"])
    assert res.exit_code == 0 and "withdrawn" not in res.stdout
    res = runner.invoke(app, ["timeline", "LTU", "ccm", "--json"])
    assert "withdrawn" in res.stdout
    res = runner.invoke(
        app, ["withdrawal", "LTU", "apmbt", "--notice", "2025-06-27", "--known-on", "2025-01-01", "--json"]
    )
    assert res.exit_code == 0, res.stderr


def test_cli_known_on_rejects_a_bad_day():
    res = runner.invoke(app, ["status", "LTU", "ccm", "--known-on", "2025-13-01"])
    assert res.exit_code != 0
    assert "known-on" in (res.stderr + res.stdout)


def test_check_uses_the_record_as_known_on_a_day(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("On 15 January 2025, Lithuania was a party to the Convention on Cluster Munitions.\n")
    res = runner.invoke(app, ["check", str(article), "--known-on", "2025-01-15", "--json", "--exit-zero"])
    assert res.exit_code == 0, res.stderr


def test_api_takes_known_on(tmp_path):
    from foederis.interfaces.server import create_app

    with TestClient(create_app(f"sqlite:///{tmp_path / 'k.sqlite3'}")) as client:
        now = client.get("/v1/status", params={"state": "LTU", "instrument": "ccm", "on": "2025-01-15"})
        then = client.get(
            "/v1/status",
            params={"state": "LTU", "instrument": "ccm", "on": "2025-01-15", "known_on": "2025-01-15"},
        )
        bad = client.get("/v1/status", params={"state": "LTU", "instrument": "ccm", "known_on": "someday"})
    assert now.json()["status"] == "withdrawal_pending"
    assert then.json()["status"] == "party"
    assert bad.status_code in (400, 422)


def test_answers_say_they_are_as_known_on_a_day():
    then = _status("LTU", "ccm", "--on", "2025-01-15", "--known-on", "2025-01-15")
    now = _status("LTU", "ccm", "--on", "2025-01-15")
    assert then["known_on"] == "2025-01-15" and now["known_on"] is None
    events = [e for r in now["reasons"] for e in r["events"]]
    assert all("source_kind" in e and "known_from" in e for e in events)


def test_check_judges_an_article_as_known_on_a_day_and_says_what_changed_later(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("7 March 2025\n\nLithuania has withdrawn from the Convention on Cluster Munitions.\n")

    def verdicts(*extra: str) -> list[tuple[str, str | None]]:
        res = runner.invoke(app, ["check", str(article), *extra, "--json", "--exit-zero"])
        assert res.exit_code == 0, res.stderr
        return [(c["verdict"], c["changed_later"]) for c in json.loads(res.stdout)["claims"]]

    assert verdicts() == [("supported", None)]
    then = verdicts("--known-on", "2025-03-03")
    assert then[0][0] == "contradicted" and "supported" in (then[0][1] or "")
    assert verdicts("--known-on", "article") == [("supported", None)]


def test_web_pages_take_known_on(tmp_path):
    from foederis.interfaces.server import create_app

    with TestClient(create_app(f"sqlite:///{tmp_path / 'w.sqlite3'}")) as client:
        then = client.get(
            "/withdrawal",
            params={"state": "THA", "instrument": "apmbt", "notice": "2024-03-01", "known_on": "2002-01-01"},
        )
        now = client.get(
            "/withdrawal", params={"state": "THA", "instrument": "apmbt", "notice": "2024-03-01"}
        )
        state = client.get("/state", params={"q": "Lithuania", "known_on": "2024-08-01"})
        bad = client.get("/state", params={"q": "Lithuania", "known_on": "August"})
    # as known in 2002, Thailand's Patani conflict (from Oct 2003) was not yet public
    assert then.status_code == 200 and "known-on" in then.text and "Takes effect" in then.text
    assert now.status_code == 200 and "Pending" in now.text
    assert state.status_code == 200 and "2024-08-01" in state.text
    assert bad.status_code == 400


def test_every_question_command_takes_known_on():
    for args in (
        ["explain", "LTU", "ccm", "--on", "2025-01-15"],
        ["may", "LTU", "use", "cluster_munitions", "--on", "2025-01-15"],
        ["free-by", "LTU", "apmbt", "--by", "2030-01-01"],
        ["matrix", "--weapon", "cluster_munitions", "--on", "2025-01-15"],
    ):
        res = runner.invoke(app, [*args, "--known-on", "2025-01-15", "--json"])
        assert res.exit_code == 0, (args, res.stderr)


def test_a_record_known_before_any_act_answers_none_everywhere():
    from foederis.questions.members import members
    from foederis.questions.status import status

    c = load_compiled(known_on=date(1945, 1, 1))
    assert c.record.events == ()
    assert status(c, "LTU", "ccm", date(2025, 1, 1)).status == "none"
    assert members(c, "nato", date(2000, 1, 1)).count == 0


def test_records_as_known_on_days_are_not_kept_without_bound():
    from foederis.engine import cache

    for k in range(cache.KNOWN_ON_KEPT + 4):
        load_compiled(known_on=date(2001, 1, 1 + k))
    assert len(cache._known_memo) == cache.KNOWN_ON_KEPT


def test_api_rejects_a_known_on_day_outside_the_questions_range(tmp_path):
    from foederis.interfaces.server import create_app

    with TestClient(create_app(f"sqlite:///{tmp_path / 'r.sqlite3'}")) as client:
        res = client.get("/v1/status", params={"state": "LTU", "instrument": "ccm", "known_on": "0526-06-23"})
    assert res.status_code == 400 and res.json()["field"] == "known_on"
