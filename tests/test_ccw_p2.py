"""CCW Protocol II (mines, booby-traps), the 1980 text: bound by a notification of consent
(Convention Art. 4(3)-(4)), in force under Art. 5(3)-(4); the record is too partial to bring it
into force.
"""

from __future__ import annotations

from datetime import date

from foederis.engine.compile import Compiled
from foederis.questions.members import members
from foederis.questions.obligations import may
from foederis.questions.status import status
from foederis.rules.registry import REGISTRY


def test_the_partial_file_cannot_bring_the_protocol_into_force(compiled: Compiled) -> None:
    """The Protocol entered into force with the Convention on 2 Dec 1983 (ICRC Review No. 238);
    the file holds 15 consents and a succession, fewer than twenty, so the rule finds no day."""
    day, why = compiled.treaty["ccw_p2"]["entry_into_force"]
    assert day is None
    assert why.summary == "15 instruments in the record, fewer than 20: not in force."


def test_a_consent_is_recorded_on_its_day_and_binds_no_one(compiled: Compiled) -> None:
    """The Dominican Republic notified consent on 21 Jun 2010: 'consented' from that day, not bound."""
    assert status(compiled, "DOM", "ccw_p2", date(2010, 6, 20)).status == "none"
    ans = status(compiled, "DOM", "ccw_p2", date(2010, 6, 21))
    assert (ans.status, ans.bound) == ("consented", False)
    assert ans.reasons[0].provision == "ccw/art_5__para_3"


def test_the_amended_protocol_decides_a_state_bound_by_both(compiled: Compiled) -> None:
    """Guatemala consented to both; only the amended Protocol binds it in the record."""
    ans = may(compiled, "GTM", "use", "mines_booby_traps", date(2026, 12, 1))
    assert ans.verdict == "permitted_with_limits"
    assert ans.reasons[0].provision == "ccw_p2_amended/art_3__para_3"
    assert "not bound by the CCW Protocol II (mines, booby-traps, 1980)" in ans.reasons[-1].summary


def test_members_say_the_record_is_partial(compiled: Compiled) -> None:
    ans = members(compiled, "ccw_p2", date(2026, 12, 1))
    assert ans.count == 0 and ans.coverage is not None
    assert ans.coverage.statement == (
        "The record is partial: it holds 0 parties; the depositary's party count is unknown "
        "(no published figure seen in a source)."
    )


def test_the_names_resolve() -> None:
    assert REGISTRY.resolve("CCW Protocol II") == "ccw_p2"
