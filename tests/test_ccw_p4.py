"""CCW Protocol IV (blinding laser weapons), bound by a notification of consent (Convention Art.
4(3)-(4)), in force under Convention Art. 5(3)-(4) and denounced under Art. 9, on its own or with
the Convention (Art. 9(3)).
"""

from __future__ import annotations

from datetime import date

from foederis.engine.compile import Compiled, compile_record
from foederis.questions.members import members
from foederis.questions.obligations import may
from foederis.questions.status import status
from foederis.record.loader import Record
from foederis.record.models import Event


def test_in_force_six_months_after_the_twentieth_consent(compiled: Compiled) -> None:
    """Hungary's consent of 30 Jan 1998 was the twentieth: 30 Jul 1998, the day UNTC gives."""
    day, why = compiled.treaty["ccw_p4"]["entry_into_force"]
    assert day == date(1998, 7, 30)
    assert why.provision == "ccw/art_5__para_3" and why.events[0].state == "HUN"


def test_a_later_consent_binds_six_months_after_its_notification(compiled: Compiled) -> None:
    """The United States notified consent on 21 Jan 2009: bound from 21 Jul 2009."""
    assert status(compiled, "USA", "ccw_p4", date(2009, 7, 20)).status == "consented"
    ans = status(compiled, "USA", "ccw_p4", date(2009, 7, 21))
    assert (ans.status, ans.bound) == ("party", True)
    assert ans.reasons[0].provision == "ccw/art_5__para_4"


def test_use_and_transfer_are_prohibited_and_other_activities_are_outside_it(compiled: Compiled) -> None:
    day = date(2026, 12, 1)
    for activity in ("use", "transfer"):
        ans = may(compiled, "USA", activity, "blinding_laser_weapons", day)
        assert ans.verdict == "prohibited" and ans.reasons[0].provision == "ccw_p4/art_1"
    produce = may(compiled, "USA", "produce", "blinding_laser_weapons", day)
    assert produce.verdict == "permitted"
    assert "sets no rule on the activity 'produce'" in produce.reasons[0].summary


def _notice(instrument: str, iso3: str, day: date) -> Event:
    return Event(
        instrument, iso3, iso3, "withdrawal_deposited", day, "scenario", status="assumed", file="s", row=1
    )


def test_a_denunciation_of_the_convention_applies_to_the_protocol(record: Record) -> None:
    both = ["ccw", "ccw_p4"]
    c = compile_record(record.overlay([_notice("ccw", "NOR", date(2027, 1, 4))]), instruments=both)
    assert status(c, "NOR", "ccw_p4", date(2028, 1, 3)).status == "withdrawal_pending"
    ans = status(c, "NOR", "ccw_p4", date(2028, 1, 4))
    assert (ans.status, ans.bound) == ("withdrawn", False)
    assert ans.reasons[0].provision == "ccw/art_9__para_3"
    assert status(c, "NOR", "ccw", date(2028, 1, 4)).status == "withdrawn"


def test_the_protocol_may_be_denounced_on_its_own(record: Record) -> None:
    c = compile_record(
        record.overlay([_notice("ccw_p4", "NOR", date(2027, 1, 4))]), instruments=["ccw", "ccw_p4"]
    )
    assert status(c, "NOR", "ccw_p4", date(2028, 1, 4)).status == "withdrawn"
    assert status(c, "NOR", "ccw", date(2028, 1, 4)).status == "party"


def test_members_say_how_partial_the_record_is(compiled: Compiled) -> None:
    ans = members(compiled, "ccw_p4", date(2026, 12, 1))
    assert ans.coverage is not None and ans.coverage.published_parties == 110
    assert f"it holds {ans.count} of the 110 parties published" in (ans.coverage.statement or "")
