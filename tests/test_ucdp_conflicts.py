"""Every armed conflict from UCDP/PRIO v25.1: internal conflicts freeze a withdrawal; the
`engaged` option decides whether secondary warring states count."""

from __future__ import annotations

from datetime import date

from foederis.record.ucdp import DATASET_END
from foederis.rules.options import Options
from tests.helpers import notice, status_on, world


def test_ucdp_gives_periods_for_states_outside_nato_and_russia(compiled):
    ucdp = [c for c in compiled.record.conflicts if c.conflict_id]
    assert len({c.state for c in ucdp}) > 100
    assert any(not c.international for c in ucdp)
    # GW 365 before 26 Dec 1991 is the USSR (the record's succession), after it Russia
    assert any(c.state == "SUN" for c in ucdp) and any(c.state == "RUS" for c in ucdp)
    assert not any(c.state == "RUS" and c.start < date(1991, 12, 26) for c in ucdp)


def test_thailand_internal_conflict_freezes_a_withdrawal(compiled):
    patani = [
        c
        for c in compiled.record.conflicts
        if c.state == "THA" and c.conflict_id and not c.international and c.covers(date(2024, 9, 1))
    ]
    assert patani and patani[0].role == "primary"
    assert patani[0].censored and patani[0].end == DATASET_END
    c = world(compiled.record, [notice("apmbt", "THA", date(2024, 3, 1))])
    assert status_on(c, "THA", "apmbt", date(2024, 8, 31)) == ("withdrawal_pending", True)
    assert status_on(c, "THA", "apmbt", date(2024, 9, 2)) == ("withdrawal_pending", True)
    assert status_on(c, "THA", "apmbt", date(2030, 1, 1)) == ("withdrawal_pending", True)
    text = " ".join(r.summary for r in c.interval_on("THA", "apmbt", date(2030, 1, 1)).reasons)
    assert "UCDP" in text and "only because the dataset does" in text


def test_a_withdrawal_without_conflict_takes_effect(compiled):
    c = world(compiled.record, [notice("apmbt", "ISL", date(2024, 3, 1))])
    assert status_on(c, "ISL", "apmbt", date(2024, 9, 1)) == ("withdrawn", False)


def test_afghanistan_coalition_ally_in_2003_counts_only_under_the_secondary_reading(compiled):
    ucdp = [
        c
        for c in compiled.record.conflicts
        if c.state == "DNK" and c.conflict_id == "333" and c.covers(date(2003, 6, 1))
    ]
    assert ucdp and ucdp[0].role == "secondary"
    events = [notice("apmbt", "DNK", date(2002, 12, 1))]
    both = world(compiled.record, events, options=Options(engaged="party_to_hostilities"))
    primary = world(compiled.record, events, options=Options(engaged="primary_party"))
    assert status_on(both, "DNK", "apmbt", date(2003, 6, 2)) == ("withdrawal_pending", True)
    assert status_on(primary, "DNK", "apmbt", date(2003, 6, 1)) == ("withdrawn", False)


def test_withdrawal_whatif_for_thailand_comes_out_pending(compiled):
    from foederis.questions.withdrawal import withdrawal_whatif

    ans = withdrawal_whatif(compiled, "THA", "apmbt", date(2024, 3, 1), [])
    assert ans.outcome == "pending"
    text = " ".join(r.summary for r in ans.reasons)
    assert "Patani" in text and "UCDP v25.1 ends" in text


def test_the_same_whatif_after_the_dataset_ends_says_what_is_missing(compiled):
    from foederis.questions.withdrawal import withdrawal_whatif

    ans = withdrawal_whatif(compiled, "THA", "apmbt", date(2026, 3, 1), [])
    assert ans.outcome == "effective"
    assert "No dated source in the record carries it further" in " ".join(r.summary for r in ans.reasons)


def test_ukraine_period_is_carried_past_the_dataset_by_a_dated_row(compiled):
    carried = [
        c
        for c in compiled.record.conflicts
        if c.state == "UKR" and not c.conflict_id and c.end is None and c.covers(date(2026, 2, 24))
    ]
    assert carried and "24 Feb 2026" in carried[0].note


def test_the_gw_crosswalk_is_country_converters_own():
    import country_converter as coco

    from foederis.record.ucdp import _gw_crosswalk

    data = coco.CountryConverter().data[["GWcode", "ISO3"]].dropna()
    assert _gw_crosswalk() == {int(g): str(i) for g, i in zip(data["GWcode"], data["ISO3"], strict=True)}
    assert _gw_crosswalk()[365] == "RUS" and _gw_crosswalk()[2] == "USA"
