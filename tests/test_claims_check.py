"""Claim checking against the real record: one test per claim kind, verdicts, repairs, quotes, CLI."""

from __future__ import annotations

import json
import string
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from foederis.claims.check import CheckAnswer, check
from foederis.engine.compile import Compiled

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
DAY = date(2024, 8, 20)
TODAY = date(2026, 11, 25)


def one(c: Compiled, text: str, kind: str, day: date = DAY) -> CheckAnswer:
    ans = check(c, text, day, today=TODAY)
    claims = [x for x in ans.claims if x.kind == kind]
    assert len(claims) == 1, [(x.kind, x.text) for x in ans.claims]
    return ans


def test_membership_list_names_the_wrong_member(compiled: Compiled) -> None:
    ans = one(compiled, "NATO members, including France, Norway and Austria, met.", "membership")
    cl = ans.claims[0]
    assert cl.verdict == "partly"
    assert cl.wrong == ["AUT"] and set(cl.subjects) == {"FRA", "NOR", "AUT"}
    assert any("Austria" in r for r in cl.reasons)


def test_membership_single_and_joined(compiled: Compiled) -> None:
    assert one(compiled, "Austria is a NATO member.", "membership").claims[0].verdict == "contradicted"
    assert one(compiled, "Poland is a NATO member.", "membership").claims[0].verdict == "supported"
    assert one(compiled, "Poland joined NATO in 1999.", "membership").claims[0].verdict == "supported"
    assert one(compiled, "Poland joined NATO in 2004.", "membership").claims[0].verdict == "contradicted"


def test_status_with_today_difference(compiled: Compiled) -> None:
    cl = one(compiled, "Lithuania is a party to the CMC.", "status").claims[0]
    assert cl.verdict == "supported" and cl.instrument == "ccm" and cl.subjects == ["LTU"]
    assert any("true on 2024-08-20; false since 2025-03-06" in r for r in cl.reasons)
    assert (
        one(compiled, "Norway remains bound by the Ottawa Treaty.", "status").claims[0].verdict == "supported"
    )
    assert (
        one(compiled, "The United States has not joined the Ottawa Treaty.", "status").claims[0].verdict
        == "supported"
    )


def test_withdrawal_dates(compiled: Compiled) -> None:
    text = "Lithuania withdrew from the CCM on 6 March 2025."
    assert one(compiled, text, "status", date(2025, 6, 1)).claims[0].verdict == "supported"
    assert one(compiled, text, "status", DAY).claims[0].verdict == "contradicted"
    notice = "Lithuania withdrew from the CCM on 6 September 2024."
    assert one(compiled, notice, "status", date(2025, 6, 1)).claims[0].verdict == "partly"


def test_counts(compiled: Compiled) -> None:
    assert one(compiled, "All 32 NATO members agreed.", "count").claims[0].verdict == "supported"
    cl = one(compiled, "All 30 allies agreed.", "count").claims[0]
    assert cl.verdict == "contradicted" and any("32" in r for r in cl.reasons)
    assert one(compiled, "There are 112 states parties to the CCM.", "count").claims[0].verdict == "supported"


def test_event_dates(compiled: Compiled) -> None:
    ok = "Russia suspended its participation in the CFE Treaty in 2007."
    assert one(compiled, ok, "event").claims[0].verdict == "supported"
    bad = "Russia suspended its participation in the CFE Treaty in 2005."
    assert one(compiled, bad, "event").claims[0].verdict == "contradicted"
    assert one(compiled, "The INF Treaty was signed in 1987.", "event").claims[0].verdict == "supported"


def test_provision_statements(compiled: Compiled) -> None:
    cl = one(
        compiled, "Under the Ottawa Convention, withdrawal takes effect six months after notice.", "provision"
    )
    assert cl.claims[0].verdict == "supported" and cl.claims[0].evidence[0]["id"] == "apmbt/art_20__para_3"
    nato = one(compiled, "Under NATO's treaty, withdrawal takes effect six months after notice.", "provision")
    assert nato.claims[0].verdict == "contradicted" and "nato/art_13" in nato.claims[0].reasons[0]
    armed = one(
        compiled, "Under the CCM a state cannot leave while it is engaged in an armed conflict.", "provision"
    )
    assert (
        armed.claims[0].verdict == "supported" and armed.claims[0].evidence[0]["id"] == "ccm/art_20__para_3"
    )
    assert (
        one(compiled, "NATO has no provision to expel an ally.", "provision").claims[0].verdict == "supported"
    )
    invite = one(compiled, "Any European state may be invited to join NATO.", "provision").claims[0]
    assert invite.verdict == "supported" and invite.evidence[0]["id"] == "nato/art_10"
    assert one(compiled, "Any state may join NATO.", "provision").claims[0].verdict == "contradicted"


def test_quote_verbatim_and_one_word_changed(compiled: Compiled) -> None:
    text = (ARTICLES / "apmbt_article20.md").read_text(encoding="utf-8")
    cl = one(compiled, text, "quote").claims[0]
    assert cl.verdict == "supported" and cl.instrument == "apmbt"
    changed = text.replace("six months after", "three months after")
    bad = next(x for x in check(compiled, changed, DAY).claims if x.kind == "quote")
    assert bad.verdict == "contradicted"
    assert bad.changes == [
        {"op": "replace", "stored": "six", "quoted": "three", "provision": "apmbt/art_20__para_3"}
    ]


def test_damaged_article_is_repaired_and_reported(compiled: Compiled) -> None:
    text = (ARTICLES / "nordic_mines_damaged.md").read_text(encoding="utf-8")
    assert "or" not in text
    ans = check(compiled, text, today=TODAY)
    assert ans.damaged_pair == "or" and ans.as_of == DAY
    kinds = {x.kind for x in ans.claims}
    assert {"membership", "status", "count", "event", "quote", "provision"} <= kinds
    norway = next(x for x in ans.claims if x.subjects == ["NOR"])
    assert any("'Nway' read as Norway" in r["message"] for r in norway.repairs)
    assert all(x.verdict == "supported" for x in ans.claims)


def test_typo_in_name_is_fuzzy_matched(compiled: Compiled) -> None:
    cl = one(compiled, "Norwey remains bound by the Ottawa Treaty.", "status").claims[0]
    assert cl.subjects == ["NOR"] and any(r["method"] == "fuzzy" for r in cl.repairs)


def test_cli_json_report_and_errors(tmp_path: Path) -> None:
    from foederis.interfaces.cli.main import app

    runner = CliRunner()
    out = tmp_path / "r.html"
    res = runner.invoke(
        app, ["check", str(ARTICLES / "wrong_claims.md"), "--json", "--report", str(out), "--exit-zero"]
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert (
        data["as_of"] == "2025-03-01"
        and data["summary"]["contradicted"] >= 4
        and data["summary"]["partly"] >= 1
    )
    assert {"start", "end", "text", "kind", "subjects", "instrument", "verdict", "reasons", "repairs"} <= set(
        data["claims"][0]
    )
    page = out.read_text(encoding="utf-8")
    assert (
        page.startswith("<!doctype html>")
        and '<mark class="partly"' in page
        and "http" not in page.split("<h2>")[0]
    )
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\x00\x01\x02binary")
    assert runner.invoke(app, ["check", str(binary)]).exit_code == 2
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Norway \xff\xfe")
    assert runner.invoke(app, ["check", str(bad)]).exit_code == 2
    assert runner.invoke(app, ["check", str(tmp_path / "missing.md")]).exit_code == 2
    assert (
        runner.invoke(
            app, ["check", "-", "--json", "--exit-zero"], input="Austria is a NATO member."
        ).exit_code
        == 0
    )


PAIRS = [a + b for a in string.ascii_lowercase for b in string.ascii_lowercase]
CORRECT = (ARTICLES / "nordic_mines.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def baseline(compiled: Compiled) -> dict[tuple[int, str], str]:
    return {(x.start, x.kind): x.verdict for x in check(compiled, CORRECT, today=TODAY).claims}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pair=st.sampled_from([p for p in PAIRS if p in CORRECT]))
def test_deleting_a_letter_pair_never_contradicts_a_supported_claim(
    compiled: Compiled, baseline: dict[tuple[int, str], str], pair: str
) -> None:
    assert all(v == "supported" for v in baseline.values())
    damaged = CORRECT.replace(pair, "")
    ans = check(compiled, damaged, DAY, today=TODAY)
    flipped = [(x.kind, x.text, x.reasons) for x in ans.claims if x.verdict == "contradicted"]
    assert not flipped, (pair, flipped)


# Own text, damaged by deleting two pairs throughout: "en" (Open -> Op, a real word) and "in".
_TWO_PAIRS = (
    "Russia's government said in 2021 that the country was withdrawing from the Treaty on Open Skies, "
    "and Russia withdrew from the Treaty on Open Skies in December 2021. The agreement had entered "
    "into force in January 2002. Greece and Turkey joined NATO in 1952, and Spain joined in 1982; "
    "members meeting in Brussels often mention these events."
)


def test_a_name_whose_word_became_a_real_word_is_restored_whole(compiled: Compiled) -> None:
    text = _TWO_PAIRS.replace("en", "").replace("in", "")
    assert "Treaty on Op Skies" in text and "jo  1952" not in text
    ans = check(compiled, text, date(2022, 1, 10), today=TODAY)
    assert set(ans.damaged_pair.split(", ")) == {"en", "in"}
    named = [r for r in ans.repairs if r["method"].startswith("name restored")]
    assert named and all(r["read_as"] == "Treaty on Open Skies" for r in named)
    russia = [x for x in ans.claims if x.subjects == ["RUS"] and x.instrument == "open_skies"]
    assert russia and all(x.verdict == "supported" for x in russia)


def test_a_deleted_word_before_a_year_is_read_as_in(compiled: Compiled) -> None:
    text = _TWO_PAIRS.replace("en", "").replace("in", "")
    ans = check(compiled, text, date(2022, 1, 10), today=TODAY)
    holes = [r for r in ans.repairs if r["method"].startswith("whole word")]
    assert holes and {r["read_as"] for r in holes if text[r["end"] : r["end"] + 2] == "19"} == {" in "}
    joined = {s for x in ans.claims if x.kind == "membership" for s in x.subjects}
    assert {"GRC", "TUR", "ESP"} <= joined
    assert all(x.verdict == "supported" for x in ans.claims if x.kind == "membership")


def test_an_undamaged_name_is_left_alone(compiled: Compiled) -> None:
    ans = check(compiled, _TWO_PAIRS, date(2022, 1, 10), today=TODAY)
    assert ans.damaged_pair is None and ans.repairs == []


def test_a_rare_word_that_a_predicate_word_explains_and_a_count_phrase_are_restored(
    compiled: Compiled,
) -> None:
    text = (
        "Montenegro officially joins NATO. More than 160 countries have joined the Ottawa Convention, "
        "which Poland, Finland and the Baltic states are now leaving; the Convention remains in force for "
        "its other parties, as reported before by Norway's government in its formal statement."
    )
    damaged = text.replace("in", "").replace("or", "")
    assert "jos NATO" in damaged and "Me than 160" in damaged
    ans = check(compiled, damaged, date(2025, 7, 1), today=TODAY)
    read_as = {r["text"]: r["read_as"] for r in ans.repairs}
    assert read_as.get("jos") == "joins" and read_as.get("Me than") == "More than"
    kinds = {(x.kind, x.verdict) for x in ans.claims}
    assert ("membership", "supported") in kinds and ("count", "supported") in kinds


def test_a_pair_made_again_where_another_was_deleted_still_counts_as_deleted(compiled: Compiled) -> None:
    text = (
        "Poland entered NATO in 1999 with the Czech Republic and Hungary. The foreign secretary was "
        "present at the ceremony, where three ministers spoke of freedom and the treaty; the Mediterranean "
        "states were represented, and France and Romania sent their current presidents. Reporters "
        "recorded the remarks of the general secretary, who referred to the great responsibility of "
        "members and to the resources they agreed to share for the defence of the region. Later the "
        "president returned to the capital, where the press reported that the parliament was ready to "
        "prepare a report on the reforms."
    )
    damaged = text.replace("re", "").replace("an", "")
    assert "Mediterre" in damaged and damaged.count("re") == 1  # made again where "an" closed up
    ans = check(compiled, damaged, date(2000, 1, 1), today=TODAY)
    assert set((ans.damaged_pair or "").split(", ")) == {"re", "an"}
    read_as = {r["text"]: r["read_as"] for r in ans.repairs}
    assert read_as.get("Pold") == "Poland" and read_as.get("ented") == "entered"
