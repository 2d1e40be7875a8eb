"""Scenarios replayed over the real record: frozen and effective withdrawals, the change log
against a day-by-day lookup, earliest lawful use, and the diff against the real record."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from foederis.engine.compile import compile_record, day_number
from foederis.engine.lookup import lookup
from foederis.record.loader import Record
from foederis.rules.options import Options
from foederis.scenarios.bundled import EXAMPLES_DIR
from foederis.scenarios.run import ScenarioResult, load_scenario, run_scenario, scenario_facts

EXAMPLES = EXAMPLES_DIR


def _run(record: Record, name: str, options: Options | None = None) -> ScenarioResult:
    text = (EXAMPLES / f"{name}.yaml").read_text()
    return run_scenario(load_scenario(text, f"{name}.yaml", record.states), options, record=record)


def _segment(result: ScenarioResult, state: str, instrument: str, day: date) -> tuple[str, bool]:
    tl = next(t for t in result.timelines if t.state == state)
    seg = next(s for s in tl.segments if s.instrument == instrument and s.start <= day < s.end)
    return seg.status, seg.bound


@pytest.fixture(scope="module")
def estonia(record: Record) -> ScenarioResult:
    return _run(record, "estonia-2027")


def test_estonia_frozen_ccm_notices_while_the_conflict_lasts(estonia: ScenarioResult) -> None:
    frozen = {f.state: f for f in estonia.frozen}
    assert set(frozen) == {"NOR", "DEU", "FRA"}  # the Netherlands is not engaged (default option)
    for state in ("DEU", "FRA"):
        assert frozen[state].expiry == date(2027, 10, 2)
        assert frozen[state].effective == date(2028, 1, 15)
        assert _segment(estonia, state, "ccm", date(2027, 12, 1)) == ("withdrawal_pending", True)
        assert _segment(estonia, state, "ccm", date(2028, 1, 15)) == ("withdrawn", False)
    assert frozen["NOR"].effective == date(2028, 7, 1)
    assert _segment(estonia, "NOR", "ccm", date(2028, 6, 30)) == ("withdrawal_pending", True)
    assert _segment(estonia, "NLD", "ccm", date(2027, 10, 2)) == ("withdrawn", False)
    assert frozen["DEU"].provision == "ccm/art_20__para_3"
    assert any("scenario:estonia-2027:line" in r.summary for r in frozen["DEU"].reasons)


def test_estonia_earliest_use_and_change_log(estonia: ScenarioResult) -> None:
    use = {(e.state, e.weapon): e for e in estonia.earliest_use}
    assert use[("DEU", "cluster_munitions")].date == date(2028, 1, 15)
    assert use[("NOR", "cluster_munitions")].date == date(2028, 7, 1)
    assert use[("NLD", "cluster_munitions")].date == date(2027, 10, 2)
    assert use[("NLD", "cluster_munitions")].verdict == "permitted"
    assert use[("BEL", "cluster_munitions")].date is None  # bound throughout the window
    assert use[("USA", "cluster_munitions")].date == date(2027, 1, 1)  # never a CCM party
    assert len(estonia.allies) == 32 and "EST" in estonia.allies
    scen = [(c.date, c.state, c.kind, c.after) for c in estonia.changes if c.origin == "scenario"]
    assert (date(2027, 4, 2), "DEU", "position", "withdrawal_pending") in scen
    assert (date(2027, 10, 2), "DEU", "grounds", "withdrawal_pending") in scen
    assert (date(2027, 10, 2), "NLD", "position", "withdrawn") in scen
    assert {(d.state, d.instrument) for d in estonia.diff} == {
        (s, "ccm") for s in ("NOR", "DEU", "FRA", "NLD")
    }
    assert all(d.first_difference == date(2027, 4, 2) for d in estonia.diff)
    ev = next(e for e in estonia.events if e.action == "art5_invocation")
    assert ev.participants == ["NOR", "DEU", "FRA", "NLD", "POL", "USA"] and ev.status == "assumed"
    assert ev.source.startswith("scenario:estonia-2027:line ")
    assert {m.date for m in estonia.matrices} >= {date(2027, 1, 1), date(2027, 10, 2), date(2028, 12, 31)}
    m = next(m for m in estonia.matrices if m.date == date(2028, 1, 15))
    assert m.cells["cluster_munitions"]["DEU"]["use"] == "permitted"
    assert m.cells["cluster_munitions"]["NOR"]["use"] == "prohibited"


@pytest.mark.parametrize("name", ["estonia-2027", "peacetime-notices-2026", "ukraine-apmbt-2025"])
def test_change_log_matches_a_day_by_day_lookup(record: Record, name: str) -> None:
    """The boundary-based change log equals what a brute-force day-by-day sweep finds."""
    result = _run(record, name)
    sc = result.scenario
    events, conflicts = scenario_facts(sc, record)
    world = compile_record(record.overlay(events, conflicts), sc.options)
    days = np.arange(day_number(sc.start) - 1, day_number(sc.end) + 1)
    s_idx, i_idx = np.meshgrid(np.arange(len(world.states)), np.arange(len(world.instruments)), indexing="ij")
    res = lookup(world, s_idx[..., None], i_idx[..., None], days[None, None, :])
    moved = (res.status[..., 1:] != res.status[..., :-1]) | (res.bound[..., 1:] != res.bound[..., :-1])
    brute = {
        (sc.start + timedelta(days=int(d)), world.states[s], world.instruments[i])
        for s, i, d in np.argwhere(moved)
    }
    logged = {(c.date, c.state, c.instrument) for c in result.changes if c.kind == "position"}
    assert logged == brute
    assert len(brute) >= 8


def test_article5_participant_option_freezes_the_netherlands_too(record: Record) -> None:
    result = _run(record, "estonia-2027", Options(engaged="article5_participant"))
    frozen = {f.state: f.effective for f in result.frozen}
    assert frozen["NLD"] == date(2028, 1, 15)  # engaged as long as Estonia's conflict lasts
    assert result.options["engaged"]["value"] == "article5_participant"


def test_peacetime_notices_take_effect_after_six_months(record: Record) -> None:
    result = _run(record, "peacetime-notices-2026")
    assert result.frozen == []
    for state in ("NOR", "DEU", "FRA", "NLD"):
        assert _segment(result, state, "ccm", date(2026, 10, 1)) == ("withdrawal_pending", True)
        assert _segment(result, state, "ccm", date(2026, 10, 2)) == ("withdrawn", False)
        use = next(e for e in result.earliest_use if e.state == state and e.weapon == "cluster_munitions")
        assert use.date == date(2026, 10, 2)


def test_ukraine_withdrawal_frozen_by_the_ongoing_war(record: Record) -> None:
    result = _run(record, "ukraine-apmbt-2025")
    (frozen,) = result.frozen
    assert (frozen.state, frozen.instrument, frozen.expiry, frozen.effective) == (
        "UKR",
        "apmbt",
        date(2026, 3, 1),
        None,
    )
    assert _segment(result, "UKR", "apmbt", date(2025, 8, 1)) == ("suspended", True)  # record fact
    assert _segment(result, "UKR", "apmbt", date(2027, 12, 31)) == ("withdrawal_pending", True)
    ukr = next(t for t in result.timelines if t.state == "UKR")
    assert ukr.touched and not ukr.ally
    (d,) = result.diff
    assert (d.state, d.instrument, d.first_difference) == ("UKR", "apmbt", date(2025, 9, 1))


def test_no_events_no_difference(record: Record) -> None:
    text = "name: quiet\nstart: 2026-01-01\nend: 2026-12-31\nevents: []\n"
    result = run_scenario(load_scenario(text, "quiet.yaml", record.states), record=record)
    assert result.diff == []
    assert result.frozen == []
    assert result.changes and all(c.origin == "record" for c in result.changes)  # the record's own changes
