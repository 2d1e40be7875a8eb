"""CCW Protocol III (incendiary weapons): bound by a notification of consent (Convention Art.
4(3)-(4)), in force under Art. 5(3)-(4), its Art. 2 restrictions on use, and a partial record.
"""

from __future__ import annotations

from datetime import date

from typer.testing import CliRunner

from foederis.engine.compile import Compiled
from foederis.interfaces.cli.main import app
from foederis.questions.members import members
from foederis.questions.obligations import may
from foederis.questions.status import status
from foederis.rules.registry import REGISTRY

runner = CliRunner()


def test_entry_into_force_from_the_partial_file_is_not_the_depositarys(compiled: Compiled) -> None:
    """The depositary gives 2 Dec 1983 (with the Convention); the file holds only Guatemala's
    consent before 1998, so its twentieth consent is the United States' of 21 Jan 2009 and the
    rule gives 21 Jul 2009 (data/pending/README-ccw-tpnw-att.md). This test pins the gap."""
    day, why = compiled.treaty["ccw_p3"]["entry_into_force"]
    assert day == date(2009, 7, 21) and day != date(1983, 12, 2)
    assert why.provision == "ccw/art_5__para_3" and why.events[0].state == "USA"


def test_a_later_consent_binds_six_months_after_its_notification(compiled: Compiled) -> None:
    """Qatar notified consent on 16 Nov 2009: bound from 16 May 2010, not the day before."""
    assert status(compiled, "QAT", "ccw_p3", date(2010, 5, 15)).status == "consented"
    ans = status(compiled, "QAT", "ccw_p3", date(2010, 5, 16))
    assert (ans.status, ans.bound) == ("party", True)
    assert ans.reasons[0].provision == "ccw/art_5__para_4"


def test_use_is_permitted_only_within_the_article_2_restrictions(compiled: Compiled) -> None:
    ans = may(compiled, "QAT", "use", "incendiary_weapons", date(2026, 12, 1))
    assert ans.verdict == "permitted_with_limits"
    assert [r.provision for r in ans.reasons[:2]] == ["ccw_p3/art_2__para_2", "ccw_p3/art_2__para_3"]
    assert "clearly separated from the concentration" in ans.reasons[1].summary
    produce = may(compiled, "QAT", "produce", "incendiary_weapons", date(2026, 12, 1))
    assert produce.verdict == "permitted"
    assert "sets no rule on the activity 'produce'" in produce.reasons[0].summary


def test_a_state_without_a_row_is_not_bound_and_the_answer_says_the_record_is_partial(
    compiled: Compiled,
) -> None:
    """France has no row in the file (consents before 2002 are missing): the answer names the gap."""
    ans = may(compiled, "FRA", "use", "incendiary_weapons", date(2026, 12, 1))
    assert ans.verdict == "permitted"
    assert ans.reasons[1].summary.startswith("The record is partial")


def test_members_state_the_partial_coverage(compiled: Compiled) -> None:
    ans = members(compiled, "ccw_p3", date(2026, 12, 1))
    assert ans.coverage is not None and ans.coverage.published_parties is None
    assert ans.coverage.statement == (
        f"The record is partial: it holds {ans.count} parties; the depositary's party count is "
        "unknown (no published figure seen in a source)."
    )
    out = runner.invoke(app, ["members", "ccw_p3", "--on", "2026-12-01"])
    assert out.exit_code == 0
    assert "The record is partial" in out.output and "party count is" in out.output


def test_the_names_resolve() -> None:
    assert REGISTRY.resolve("CCW Protocol III") == REGISTRY.resolve("Incendiary Weapons Protocol") == "ccw_p3"


def test_not_bound_read_from_the_partial_record_says_it_may_be_a_gap(compiled: Compiled) -> None:
    ans = status(compiled, "FRA", "ccw_p3", date(2000, 1, 1))
    assert not ans.bound and ans.reasons[-1].summary.startswith("The record is partial")
    full = status(compiled, "GRC", "ccm", date(2020, 1, 1))
    assert all("partial" not in r.summary for r in full.reasons)
