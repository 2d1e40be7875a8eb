"""The Chemical Weapons Convention, article by article, against its depositary record.

Art. XXI(1): "This Convention shall enter into force 180 days after the date of the deposit of the
65th instrument of ratification, but in no case earlier than two years after its opening for
signature." Art. XXI(2): for instruments deposited after entry into force, "on the 30th day
following the date of deposit". Art. XVI(2): withdrawal on "notice ... 90 days in advance"; no
armed-conflict condition. Art. I(1): never under any circumstances to develop, produce, acquire,
stockpile, retain, transfer or use chemical weapons, or assist anyone to.
"""

from __future__ import annotations

from datetime import date

from foederis.engine.compile import Compiled
from foederis.questions.members import bound_states
from foederis.questions.obligations import may
from foederis.questions.status import status
from foederis.questions.weapons_map import weapons_map
from foederis.questions.withdrawal import withdrawal_whatif


def test_entry_into_force_comes_from_the_65th_instrument(compiled: Compiled) -> None:
    """Hungary's ratification of 31 Oct 1996 was the 65th; 180 days later is 29 Apr 1997."""
    day, why = compiled.treaty["cwc"]["entry_into_force"]
    assert day == date(1997, 4, 29)
    assert why.provision == "cwc/art_21__para_1" and why.events[0].state == "HUN"


def test_a_deposit_before_entry_into_force_counts_from_it_not_from_its_own_date(compiled: Compiled) -> None:
    """The United States deposited on 25 Apr 1997, after the 65th but four days before entry into
    force: an original party on 29 Apr 1997 (Art. XXI(2) covers only deposits after it)."""
    assert status(compiled, "USA", "cwc", date(1997, 4, 28)).status == "consented"
    ans = status(compiled, "USA", "cwc", date(1997, 4, 29))
    assert (ans.status, ans.bound) == ("party", True)


def test_a_later_accession_is_in_force_on_the_30th_day(compiled: Compiled) -> None:
    """Angola acceded on 16 Sep 2015; in force for it on 16 Oct 2015 (the depositary's date)."""
    assert status(compiled, "AGO", "cwc", date(2015, 10, 15)).status == "consented"
    ans = status(compiled, "AGO", "cwc", date(2015, 10, 16))
    assert ans.status == "party" and ans.reasons[0].provision == "cwc/art_21__para_2"


def test_parties_as_the_depositary_counts_them(compiled: Compiled) -> None:
    """193 parties (UN Treaty Collection, XXVI-3, 19 Apr 2024); Israel signed only; Egypt, South
    Sudan and North Korea took no action."""
    parties = bound_states(compiled, "cwc", date(2026, 12, 1))
    assert len(parties) == 193
    assert status(compiled, "ISR", "cwc", date(2026, 12, 1)).status == "signatory"
    assert not {"EGY", "SSD", "PRK"} & set(parties)


def test_withdrawal_takes_effect_90_days_after_notice_war_or_not(compiled: Compiled) -> None:
    calm = withdrawal_whatif(compiled, "NOR", "cwc", date(2027, 1, 4), [])
    assert (calm.outcome, calm.effective) == ("effective", date(2027, 4, 4))
    at_war = withdrawal_whatif(compiled, "NOR", "cwc", date(2027, 1, 4), [(date(2027, 1, 1), None)])
    assert (at_war.outcome, at_war.effective) == ("effective", date(2027, 4, 4))
    assert at_war.reasons[-1].provision == "cwc/art_16__para_2"


def test_every_ally_is_bound_and_may_not_use_or_assist(compiled: Compiled) -> None:
    day = date(2026, 12, 1)
    ans = may(compiled, "USA", "use", "chemical_weapons", day)
    assert ans.verdict == "prohibited" and ans.reasons[0].provision == "cwc/art_1__para_1__point_b"
    assert may(compiled, "FRA", "assist", "chemical_weapons", day).verdict == "prohibited"
    grid = weapons_map(compiled, "nato", day)
    assert grid.counts["chemical_weapons"]["prohibited"] == 32
