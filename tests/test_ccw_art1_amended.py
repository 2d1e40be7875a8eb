"""The CCW's amended Article 1 (2001): in force like the Convention (Art. 8(1)(b), 5(1)-(2)); a
Party bound by it has its non-international armed conflicts counted as Article 1 situations."""

from __future__ import annotations

from datetime import date

from foederis.engine.compile import Compiled, compile_record
from foederis.questions.members import members
from foederis.questions.status import status
from foederis.record.loader import Record
from foederis.record.models import ConflictPeriod, Event
from foederis.rules.registry import REGISTRY


def test_in_force_six_months_after_the_twentieth_instrument(compiled: Compiled) -> None:
    """Norway's approval of 18 Nov 2003 was the twentieth: 18 May 2004, the day UNTC gives."""
    day, why = compiled.treaty["ccw_art1_amended"]["entry_into_force"]
    assert day == date(2004, 5, 18)
    assert why.provision == "ccw/art_5__para_1" and why.events[0].state == "NOR"


def test_a_later_instrument_binds_six_months_after_its_deposit(compiled: Compiled) -> None:
    """Switzerland accepted on 19 Jan 2004: bound from 19 Jul 2004."""
    assert status(compiled, "CHE", "ccw_art1_amended", date(2004, 7, 18)).status == "consented"
    ans = status(compiled, "CHE", "ccw_art1_amended", date(2004, 7, 19))
    assert (ans.status, ans.bound) == ("party", True)
    assert ans.reasons[0].provision == "ccw/art_5__para_2"


def _notice(day: date) -> Event:
    return Event(
        "ccw", "NOR", "NOR", "withdrawal_deposited", day, "scenario", status="assumed", file="s", row=1
    )


def test_an_internal_conflict_holds_back_the_denunciation_of_a_party_bound_by_it(record: Record) -> None:
    """Norway's approval is in the record: an internal conflict on the expiry of the year is one of
    its Article 1 situations, so the denunciation of the Convention does not yet take effect."""
    internal = ConflictPeriod(
        "NOR",
        date(2027, 6, 1),
        None,
        "assumed internal armed conflict",
        "",
        "scenario",
        file="s",
        row=2,
        international=False,
    )
    c = compile_record(record.overlay([_notice(date(2027, 1, 4))], [internal]), instruments=["ccw"])
    held = status(c, "NOR", "ccw", date(2028, 1, 4))
    assert (held.status, held.bound) == ("withdrawal_pending", True)


def test_a_denunciation_of_the_convention_ends_the_amendment(record: Record) -> None:
    both = ["ccw", "ccw_art1_amended"]
    c = compile_record(record.overlay([_notice(date(2027, 1, 4))]), instruments=both)
    assert status(c, "NOR", "ccw_art1_amended", date(2028, 1, 3)).status == "withdrawal_pending"
    assert status(c, "NOR", "ccw_art1_amended", date(2028, 1, 4)).status == "withdrawn"


def test_members_say_how_partial_the_record_is(compiled: Compiled) -> None:
    ans = members(compiled, "ccw_art1_amended", date(2026, 12, 1))
    assert ans.coverage is not None and ans.coverage.published_parties == 89
    assert ans.coverage.statement == (
        f"The record is partial: it holds {ans.count} of the 89 parties published "
        "(as of 2024-04-20, UNTC XXVI-2-c status page)."
    )


def test_the_names_resolve() -> None:
    assert REGISTRY.resolve("CCW Article 1 amendment") == "ccw_art1_amended"
