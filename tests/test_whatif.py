"""Withdrawal what-if, free-by (its inverse), may and the matrix."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foederis.questions.freeby import free_by
from foederis.questions.matrix import matrix
from foederis.questions.members import bound_states
from foederis.questions.obligations import may
from foederis.questions.withdrawal import withdrawal_whatif


@pytest.mark.parametrize(
    ("conflicts", "outcome", "effective"),
    [
        ([], "effective", date(2027, 6, 1)),
        ([(date(2027, 5, 1), None)], "pending", None),
        ([(date(2027, 5, 1), date(2027, 9, 1))], "effective", date(2027, 9, 1)),
        ([(date(2027, 1, 1), date(2027, 3, 1))], "effective", date(2027, 6, 1)),
        ([(date(2027, 6, 1), date(2027, 7, 1))], "effective", date(2027, 7, 1)),
    ],
)
def test_withdrawal_edges(compiled, conflicts, outcome, effective):
    ans = withdrawal_whatif(compiled, "NOR", "ccm", date(2026, 12, 1), conflicts)
    assert (ans.outcome, ans.effective) == (outcome, effective)
    assert any(r.provision == "ccm/art_20__para_3" for r in ans.reasons)


def test_not_permitted_cases(compiled):
    assert withdrawal_whatif(compiled, "USA", "ccm", date(2026, 1, 1), []).outcome == "not_permitted"
    early = withdrawal_whatif(compiled, "NOR", "nato", date(1969, 8, 23), [])
    assert early.outcome == "not_permitted" and "nato/art_13" in {r.provision for r in early.reasons}
    ok = withdrawal_whatif(compiled, "NOR", "nato", date(1969, 8, 24), [])
    assert (ok.outcome, ok.effective) == ("effective", date(1970, 8, 24))


def test_ukraine_apmbt_notice_is_frozen_by_the_recorded_war(compiled):
    assert withdrawal_whatif(compiled, "UKR", "apmbt", date(2026, 1, 1), []).outcome == "pending"


@settings(max_examples=40, deadline=None)
@given(st.dates(date(2011, 1, 1), date(2040, 12, 31)), st.sampled_from(["NOR", "DEU", "FRA"]))
def test_free_by_is_the_inverse_of_the_what_if(compiled, by, state):
    ans = free_by(compiled, state, "ccm", by)
    if ans.latest_notice is None:
        return
    probe = withdrawal_whatif(compiled, state, "ccm", ans.latest_notice, [])
    if not ans.condition_met_in_record:
        # the record's own conflicts (e.g. Afghanistan 2003-2014) freeze it past `by`
        assert probe.effective is None or probe.effective > by
        return
    assert probe.effective <= by
    later = withdrawal_whatif(compiled, state, "ccm", ans.latest_notice + timedelta(days=1), [])
    assert later.effective is None or later.effective > by


def test_may(compiled):
    assert may(compiled, "NOR", "use", "cluster_munitions", date(2025, 1, 1)).allowed is False
    assert may(compiled, "USA", "use", "cluster_munitions", date(2025, 1, 1)).allowed is True
    retain = may(compiled, "NOR", "retain", "cluster_munitions", date(2025, 1, 1))
    assert retain.verdict == "permitted_with_limits" and retain.reasons[1].provision == "ccm/art_3__para_6"
    assert may(compiled, "LTU", "use", "cluster_munitions", date(2025, 3, 6)).allowed is True


@pytest.mark.parametrize(
    "day",
    [
        date(2010, 8, 1),
        date(2017, 6, 5),
        date(2024, 3, 7),
        date(2025, 3, 6),
        date(2025, 12, 27),
        date(2026, 6, 1),
    ],
)
@pytest.mark.parametrize("weapon", ["cluster_munitions", "anti_personnel_mines"])
def test_matrix_agrees_with_members_and_status(compiled, day, weapon):
    ans = matrix(compiled, "nato", weapon, day)
    assert [r.state for r in ans.rows] == bound_states(compiled, "nato", day)
    inst = {"cluster_munitions": "ccm", "anti_personnel_mines": "apmbt"}[weapon]
    bound = set(bound_states(compiled, inst, day))
    for row in ans.rows:
        assert (row.activities["use"] == "prohibited") == (row.state in bound)
    assert set(ans.free["use"]) == {r.state for r in ans.rows} - bound
