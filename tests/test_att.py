"""The Arms Trade Treaty, article by article, against its (partial) depositary record.

Art. 22(1): in force "ninety days following the date of the deposit of the fiftieth instrument of
ratification, acceptance or approval"; Art. 22(2): for a State depositing "subsequent to the entry
into force", ninety days after its deposit. Art. 24(2): withdrawal takes effect "ninety days after
the receipt of the notification ... unless the notification of withdrawal specifies a later
date". Art. 6: a State Party "shall not authorize any transfer" in the cases it names; Art. 7: an
export is assessed first. VCLT art. 18(a): a signatory is obliged "until it shall have made its
intention clear not to become a party".
"""

from __future__ import annotations

from datetime import date

from typer.testing import CliRunner

from foederis.engine.compile import Compiled, compile_record
from foederis.interfaces.cli.main import app
from foederis.questions.members import members
from foederis.questions.obligations import may
from foederis.questions.status import status
from foederis.questions.withdrawal import withdrawal_whatif
from foederis.record.loader import Record
from foederis.record.models import Event
from foederis.rules.registry import REGISTRY

runner = CliRunner()


def test_entry_into_force_comes_from_the_50th_instrument(compiled: Compiled) -> None:
    """The eight ratifications of 25 Sep 2014 crossed fifty; ninety days later is 24 Dec 2014."""
    day, why = compiled.treaty["att"]["entry_into_force"]
    assert day == date(2014, 12, 24)
    assert why.provision == "att/art_22__para_1" and why.events[0].date == date(2014, 9, 25)


def test_accessions_do_not_count_towards_the_fifty(record: Record) -> None:
    """Five assumed accessions of 1 Sep 2014 would be the 46th to 50th instruments if they counted
    (in force 30 Nov 2014); Art. 22(1) counts ratification, acceptance and approval only."""
    early = [_notice(s, "accession", date(2014, 9, 1)) for s in ("IND", "PAK", "EGY", "IRN", "SAU")]
    c = compile_record(record.overlay(early), instruments=["att"])
    assert c.treaty["att"]["entry_into_force"][0] == date(2014, 12, 24)


def test_a_deposit_before_entry_into_force_is_in_force_from_it(compiled: Compiled) -> None:
    """South Africa deposited on 22 Dec 2014, two days before entry into force: a party from it."""
    assert status(compiled, "ZAF", "att", date(2014, 12, 23)).status == "consented"
    ans = status(compiled, "ZAF", "att", date(2014, 12, 24))
    assert (ans.status, ans.bound) == ("party", True)
    assert ans.reasons[0].provision == "att/art_22__para_1"


def test_a_later_deposit_is_in_force_on_the_90th_day(compiled: Compiled) -> None:
    """Afghanistan acceded on 29 Jul 2020; UNTC gives 27 Oct 2020 as the day in force for it."""
    assert status(compiled, "AFG", "att", date(2020, 10, 26)).status == "consented"
    ans = status(compiled, "AFG", "att", date(2020, 10, 27))
    assert (ans.status, ans.bound) == ("party", True)
    assert ans.reasons[0].provision == "att/art_22__para_2"


def test_withdrawal_takes_effect_90_days_after_receipt(compiled: Compiled) -> None:
    ans = withdrawal_whatif(compiled, "DEU", "att", date(2027, 1, 4), [])
    assert (ans.outcome, ans.effective) == ("effective", date(2027, 4, 4))
    at_war = withdrawal_whatif(compiled, "DEU", "att", date(2027, 1, 4), [(date(2027, 1, 1), None)])
    assert at_war.effective == date(2027, 4, 4)  # Art. 24 sets no armed-conflict condition
    assert ans.reasons[-1].provision == "att/art_24__para_2"


def _notice(iso3: str, action: str, day: date) -> Event:
    return Event("att", iso3, iso3, action, day, "scenario", status="assumed", file="scenario", row=1)


def test_a_notification_may_name_a_later_day(record: Record) -> None:
    """A notice received on 4 Jan 2027 naming 1 Jul 2027: in effect then, not on 4 Apr 2027."""
    events = [
        _notice("DEU", "withdrawal_deposited", date(2027, 1, 4)),
        _notice("DEU", "withdrawal_intended", date(2027, 7, 1)),
    ]
    c = compile_record(record.overlay(events), instruments=["att"])
    assert status(c, "DEU", "att", date(2027, 6, 30)).status == "withdrawal_pending"
    ans = status(c, "DEU", "att", date(2027, 7, 1))
    assert (ans.status, ans.bound) == ("withdrawn", False)
    assert "specifies a later date, 2027-07-01" in ans.reasons[-1].summary
    earlier = [*events[:1], _notice("DEU", "withdrawal_intended", date(2027, 2, 1))]
    c = compile_record(record.overlay(earlier), instruments=["att"])
    assert status(c, "DEU", "att", date(2027, 4, 4)).status == "withdrawn"  # no earlier than 90 days


def test_the_united_states_signed_then_declared_it_will_not_become_a_party(compiled: Compiled) -> None:
    assert status(compiled, "USA", "att", date(2019, 7, 17)).status == "signatory"
    ans = status(compiled, "USA", "att", date(2020, 1, 1))
    assert (ans.status, ans.bound, ans.since) == ("signatory", False, date(2019, 7, 18))
    first = ans.reasons[0]
    assert first.provision == "vclt/art_18__point_a" and first.text_in_record
    assert "declared it will not become a party" in first.summary
    assert "no longer bound under VCLT art. 18(a)" in first.summary
    assert ans.reasons[1].provision == "att/art_21__para_1"  # the signature stays


def test_the_cli_says_it_too() -> None:
    out = runner.invoke(app, ["status", "USA", "att", "--on", "2020-01-01"], terminal_width=200)
    assert out.exit_code == 0, out.output
    assert "signatory" in out.output and "will not become a party" in out.output
    assert "vclt/art_18__point_a" in out.output


def test_a_party_must_not_authorize_a_transfer_in_the_cases_of_art_6(compiled: Compiled) -> None:
    day = date(2026, 12, 1)
    ans = may(compiled, "DEU", "transfer", "conventional_arms_transfers", day)
    assert ans.verdict == "permitted_with_limits"
    assert [r.provision for r in ans.reasons[:2]] == ["att/art_6__para_1", "att/art_7__para_1"]
    assert "Security Council" in ans.reasons[0].summary and "overriding risk" in ans.reasons[1].summary
    use = may(compiled, "DEU", "use", "conventional_arms_transfers", day)
    assert use.verdict == "permitted" and use.reasons[0].provision == "att/art_2__para_2"
    assert may(compiled, "USA", "transfer", "conventional_arms_transfers", day).verdict == "permitted"


def test_members_say_the_record_is_partial(compiled: Compiled) -> None:
    ans = members(compiled, "att", date(2026, 12, 1))
    assert ans.coverage is not None and ans.coverage.published_parties == 116
    assert ans.coverage.statement == (
        f"The record is partial: it holds {ans.count} of the 116 parties published (undated, ATT "
        "Secretariat, https://portal.thearmstradetreaty.org/treaty-status.html)."
    )
    out = runner.invoke(app, ["members", "att", "--on", "2026-12-01", "--json"])
    assert out.exit_code == 0 and '"published_parties": 116' in out.output


def test_the_names_resolve() -> None:
    assert REGISTRY.resolve("Arms Trade Treaty") == REGISTRY.resolve("ATT") == "att"


def test_not_bound_read_from_the_partial_record_says_it_may_be_a_gap(compiled: Compiled) -> None:
    """Lithuania has only its signature in the file; the answer says the record is partial."""
    ans = may(compiled, "LTU", "transfer", "conventional_arms_transfers", date(2026, 12, 1))
    assert ans.verdict == "permitted"
    partial = "The record is partial: it lacks some parties of the 116 published"
    assert ans.reasons[1].summary.startswith(partial)
    complete = may(compiled, "GRC", "use", "cluster_munitions", date(2026, 12, 1))
    assert complete.verdict == "permitted" and all("partial" not in r.summary for r in complete.reasons)
