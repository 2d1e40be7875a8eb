"""CCW Protocol V (explosive remnants of war): bound by a notification of consent (Convention Art.
4(3)-(4)), in force under Art. 5(3)-(4) (Art. 8(2)(b)), its post-conflict duties, and a partial
record.
"""

from __future__ import annotations

from datetime import date

from foederis.engine.compile import Compiled
from foederis.questions.members import members
from foederis.questions.obligations import may
from foederis.questions.status import status
from foederis.rules.registry import REGISTRY


def test_in_force_six_months_after_the_twentieth_consent(compiled: Compiled) -> None:
    """The twentieth consent was deposited on 12 May 2006: 12 Nov 2006, the day UNTC gives."""
    day, why = compiled.treaty["ccw_p5"]["entry_into_force"]
    assert day == date(2006, 11, 12)
    assert why.provision == "ccw/art_5__para_3" and why.events[0].date == date(2006, 5, 12)


def test_a_later_consent_binds_six_months_after_its_notification(compiled: Compiled) -> None:
    """The Russian Federation consented on 21 Jul 2008: bound from 21 Jan 2009."""
    assert status(compiled, "RUS", "ccw_p5", date(2009, 1, 20)).status == "consented"
    ans = status(compiled, "RUS", "ccw_p5", date(2009, 1, 21))
    assert (ans.status, ans.bound) == ("party", True)
    assert ans.reasons[0].provision == "ccw/art_5__para_4"


def test_no_activity_of_the_may_question_is_ruled_on_and_the_scope_is_cited(compiled: Compiled) -> None:
    """Its duties (Arts. 3-5: clear, record, protect) follow hostilities; no named activity is ruled."""
    ans = may(compiled, "RUS", "use", "explosive_remnants_of_war", date(2026, 12, 1))
    assert ans.verdict == "permitted" and ans.reasons[0].provision == "ccw_p5/art_1__para_1"
    assert "sets no rule on the activity 'use'" in ans.reasons[0].summary


def test_members_say_how_partial_the_record_is(compiled: Compiled) -> None:
    ans = members(compiled, "ccw_p5", date(2026, 12, 1))
    assert ans.coverage is not None and ans.coverage.published_parties == 97
    assert f"it holds {ans.count} of the 97 parties published" in (ans.coverage.statement or "")


def test_the_names_resolve() -> None:
    assert REGISTRY.resolve("CCW Protocol V") == "ccw_p5"
    assert REGISTRY.resolve("Protocol on Explosive Remnants of War") == "ccw_p5"
