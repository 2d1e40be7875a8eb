"""The December 2026 audit's corrections and additions, on their edge days."""

from __future__ import annotations

from datetime import date

from tests.helpers import status_on


def test_belarus_suspends_the_whole_cfe_only_from_2024(compiled):
    blr = [e for e in compiled.record.events_for("cfe") if e.state == "BLR"]
    assert {e.action for e in blr if e.date == date(2023, 10, 30)} == {"suspension_partial"}
    assert status_on(compiled, "BLR", "cfe", date(2024, 5, 28))[0] == "party"
    assert status_on(compiled, "BLR", "cfe", date(2024, 5, 29))[0] == "suspended"


def test_poland_suspends_the_cfe_in_2024(compiled):
    assert status_on(compiled, "POL", "cfe", date(2024, 3, 29))[0] == "party"
    assert status_on(compiled, "POL", "cfe", date(2024, 3, 30))[0] == "suspended"
    row = next(
        e for e in compiled.record.events_for("cfe") if e.state == "POL" and e.action == "suspension_claimed"
    )
    assert row.status == "derived" and row.derived_from


def test_ukraine_apmbt_steps_and_objections_are_recorded(compiled):
    ukr = {(e.action, e.date) for e in compiled.record.events_for("apmbt") if e.state == "UKR"}
    assert ("domestic_law", date(2025, 6, 29)) in ukr
    assert ("domestic_law", date(2025, 7, 15)) in ukr
    assert ("suspension_notified", date(2025, 7, 18)) in ukr
    objecting = {e.state for e in compiled.record.events_for("apmbt") if e.action == "objection"}
    assert objecting == {"NOR", "AUT", "BEL", "CHE"}
    # no instrument of withdrawal was seen: Ukraine stays bound under the default reading
    assert status_on(compiled, "UKR", "apmbt", date(2026, 12, 1)) == ("suspended", True)


def test_russia_ctbt_deposit_is_sourced(compiled):
    dep = next(
        e for e in compiled.record.events_for("ctbt") if e.state == "RUS" and e.action == "ratification"
    )
    assert dep.status == "sourced" and "vertic.org" in dep.source


def test_new_start_after_expiry_is_a_political_statement(compiled):
    after = [e for e in compiled.record.events_for("new_start") if e.date > date(2026, 2, 5)]
    assert after and all(e.action == "statement" for e in after)
    assert status_on(compiled, "RUS", "new_start", date(2026, 2, 12))[1] is False


def test_nato_article_6_notes_the_algerian_departments():
    from foederis.record.loader import load_record

    note = load_record().provision("nato/art_6").note
    assert "3 Jul 1962" in note
