"""North Atlantic Treaty Art. 10, 11, 13; CFE, INF, Open Skies, New START, CTBT as recorded."""

from __future__ import annotations

from datetime import date

from foederis.engine.compile import compile_record
from foederis.questions.members import bound_states
from foederis.rules.options import Options
from tests.helpers import notice, status_on, world


def test_nato_32_members_from_7_march_2024(compiled):
    assert len(bound_states(compiled, "nato", date(2024, 3, 7))) == 32
    assert len(bound_states(compiled, "nato", date(2024, 3, 6))) == 31
    assert "SWE" not in bound_states(compiled, "nato", date(2024, 3, 6))


def test_nato_entry_into_force_and_founders(compiled):
    assert compiled.treaty["nato"]["entry_into_force"][0] == date(1949, 8, 24)
    assert bound_states(compiled, "nato", date(1949, 8, 23)) == []
    assert len(bound_states(compiled, "nato", date(1949, 8, 24))) == 12
    iv = compiled.interval_on("FRA", "nato", date(1960, 1, 1))
    assert any(e.status == "derived" for r in iv.reasons for e in r.events)


def test_nato_accession_on_deposit(compiled):
    assert status_on(compiled, "FIN", "nato", date(2023, 4, 3)) == ("none", False)
    assert status_on(compiled, "FIN", "nato", date(2023, 4, 4)) == ("party", True)


def test_unified_germany_cites_the_link(compiled):
    iv = compiled.interval_on("DEU", "nato", date(2000, 1, 1))
    assert iv.bound and any(r.provision is None and "DDR" in r.summary for r in iv.reasons)


def test_nato_denunciation_edge_days(record):
    early = world(record, [notice("nato", "NOR", date(1969, 8, 23), "withdrawal_notice")])
    assert status_on(early, "NOR", "nato", date(1971, 1, 1)) == ("party", True)
    ok = world(record, [notice("nato", "NOR", date(1969, 8, 24), "withdrawal_notice")])
    assert status_on(ok, "NOR", "nato", date(1970, 8, 23)) == ("withdrawal_pending", True)
    assert status_on(ok, "NOR", "nato", date(1970, 8, 24)) == ("withdrawn", False)


def test_russia_cfe_follows_the_ussr_link_and_its_suspension(compiled):
    iv = compiled.interval_on("RUS", "cfe", date(2010, 1, 1))
    assert iv.status.name == "suspended" and iv.bound
    assert any("continues" in r.summary and "SUN" in r.summary for r in iv.reasons)
    assert status_on(compiled, "RUS", "cfe", date(2007, 12, 11)) == ("party", True)
    assert status_on(compiled, "RUS", "cfe", date(2023, 11, 6))[1] is True
    assert status_on(compiled, "RUS", "cfe", date(2023, 11, 7)) == ("withdrawn", False)
    assert compiled.treaty["cfe"]["entry_into_force"][0] == date(1992, 11, 9)


def test_claimed_suspension_option_releases(record):
    c = compile_record(record, Options(claimed_suspension="releases"))
    assert status_on(c, "RUS", "cfe", date(2010, 1, 1)) == ("suspended", False)


def test_czech_succession_to_czechoslovakia(compiled):
    assert status_on(compiled, "CSK", "cfe", date(1992, 12, 31)) == ("party", True)
    assert status_on(compiled, "CSK", "cfe", date(1993, 1, 1)) == ("none", False)
    assert status_on(compiled, "CZE", "cfe", date(1993, 1, 1)) == ("party", True)


def test_inf(compiled):
    iv = compiled.interval_on("RUS", "inf", date(1995, 1, 1))
    assert iv.bound and any("SUN" in r.summary for r in iv.reasons)
    assert any(r.provision == "inf/art_17" for r in iv.reasons)
    assert status_on(compiled, "USA", "inf", date(2019, 8, 1))[1] is True
    assert status_on(compiled, "USA", "inf", date(2019, 8, 2)) == ("withdrawn", False)
    assert status_on(compiled, "RUS", "inf", date(2019, 8, 2)) == ("terminated", False)
    assert bound_states(compiled, "inf", date(2019, 8, 2)) == []


def test_open_skies_and_new_start(compiled):
    assert status_on(compiled, "USA", "open_skies", date(2020, 11, 21))[1] is True
    assert status_on(compiled, "USA", "open_skies", date(2020, 11, 22)) == ("withdrawn", False)
    assert status_on(compiled, "RUS", "open_skies", date(2021, 12, 18)) == ("withdrawn", False)
    assert status_on(compiled, "USA", "new_start", date(2026, 2, 4)) == ("party", True)
    assert status_on(compiled, "USA", "new_start", date(2026, 2, 5)) == ("terminated", False)
    assert status_on(compiled, "RUS", "new_start", date(2024, 1, 1)) == ("suspended", True)


def test_ctbt_russia(compiled):
    assert status_on(compiled, "RUS", "ctbt", date(2010, 1, 1)) == ("consented", False)
    assert status_on(compiled, "RUS", "ctbt", date(2023, 11, 2)) == ("signatory", False)


def test_a_notice_under_the_treaty_outranks_a_claimed_suspension(compiled):
    iv = compiled.interval_on("USA", "inf", date(2019, 5, 1))
    assert iv.status.name == "withdrawal_pending" and iv.bound
    assert any("Suspension claimed" in r.summary for r in iv.reasons)
    assert status_on(compiled, "RUS", "cfe", date(2023, 8, 1)) == ("withdrawal_pending", True)
