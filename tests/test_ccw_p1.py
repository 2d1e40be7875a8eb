"""CCW Protocol I (non-detectable fragments): bound by a notification of consent (Convention Art.
4(3)-(4)), in force under Art. 5(3)-(4), its single prohibition, and a partial record.
"""

from __future__ import annotations

from datetime import date

from foederis.engine.compile import Compiled
from foederis.questions.members import members
from foederis.questions.obligations import may
from foederis.questions.status import status
from foederis.rules.registry import REGISTRY


def test_entry_into_force_from_the_partial_file_is_not_the_depositarys(compiled: Compiled) -> None:
    """The Protocol entered into force with the Convention on 2 Dec 1983 (the Dutch treaty
    database gives it for Austria, Bulgaria, China ...); the file holds ten consents before 1984
    and counts no succession, so its twentieth is Argentina's (2 Oct 1995) and the rule gives
    2 Apr 1996 (data/pending/README-ccw-tpnw-att.md). This test pins the gap."""
    day, why = compiled.treaty["ccw_p1"]["entry_into_force"]
    assert day == date(1996, 4, 2) and day != date(1983, 12, 2)
    assert why.provision == "ccw/art_5__para_3" and why.events[0].state == "ARG"


def test_a_later_consent_binds_six_months_after_its_notification(compiled: Compiled) -> None:
    """Chile consented on 15 Oct 2003: bound from 15 Apr 2004, the day the Dutch database gives."""
    assert status(compiled, "CHL", "ccw_p1", date(2004, 4, 14)).status == "consented"
    ans = status(compiled, "CHL", "ccw_p1", date(2004, 4, 15))
    assert (ans.status, ans.bound) == ("party", True)
    assert ans.reasons[0].provision == "ccw/art_5__para_4"


def test_use_is_prohibited_and_other_activities_are_outside_it(compiled: Compiled) -> None:
    day = date(2026, 12, 1)
    use = may(compiled, "CHL", "use", "non_detectable_fragments", day)
    assert use.verdict == "prohibited" and use.reasons[0].provision == "ccw_p1/art_1"
    transfer = may(compiled, "CHL", "transfer", "non_detectable_fragments", day)
    assert transfer.verdict == "permitted"
    assert "sets no rule on the activity 'transfer'" in transfer.reasons[0].summary


def test_members_say_the_record_is_partial(compiled: Compiled) -> None:
    ans = members(compiled, "ccw_p1", date(2026, 12, 1))
    assert ans.coverage is not None and ans.coverage.published_parties is None
    assert f"it holds {ans.count} parties" in (ans.coverage.statement or "")


def test_the_names_resolve() -> None:
    assert REGISTRY.resolve("CCW Protocol I") == "ccw_p1"
    assert REGISTRY.resolve("Protocol on Non-Detectable Fragments") == "ccw_p1"
