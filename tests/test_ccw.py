"""The Convention on Certain Conventional Weapons (1980), article by article, against its partial
depositary record.

Art. 5(1): in force "six months after the date of deposit of the twentieth instrument"; Art. 5(2):
for a later State, "six months after the date on which that State has deposited" its instrument.
Art. 9(2): a denunciation "shall only take effect one year after receipt by the Depositary ... If,
however, on the expiry of that year the denouncing High Contracting Party is engaged in one of the
situations referred to in Article 1, the Party shall continue to be bound ... until the end of the
armed conflict or occupation".
"""

from __future__ import annotations

from datetime import date

from foederis.engine.compile import Compiled, compile_record
from foederis.questions.members import members
from foederis.questions.status import status
from foederis.questions.withdrawal import withdrawal_whatif
from foederis.record.loader import Record
from foederis.record.models import ConflictPeriod, Event
from foederis.rules.registry import REGISTRY


def test_entry_into_force_follows_the_20th_instrument_in_the_record(compiled: Compiled) -> None:
    """The file's 20th instrument is Australia's (29 Sep 1983): six months later is 29 Mar 1984.
    The treaty entered into force on 2 Dec 1983: at least three early deposits are missing (README)."""
    day, why = compiled.treaty["ccw"]["entry_into_force"]
    assert day == date(1984, 3, 29)
    assert why.provision == "ccw/art_5__para_1" and why.events[0].state == "AUS"
    assert "6 months later is 1984-03-29" in why.summary


def test_a_stated_entry_into_force_that_disagrees_is_said_in_the_reason(record: Record) -> None:
    """A treaty-wide date a source states is a check: where it differs, the reason says so."""
    stated = Event("ccw", "*", "*", "entry_into_force", date(1983, 12, 2), "scenario", status="assumed",
                   file="s", row=9)
    c = compile_record(record.overlay([stated]), instruments=["ccw"])
    day, why = c.treaty["ccw"]["entry_into_force"]
    assert day == date(1984, 3, 29)  # an input it is not
    assert "The record states 1983-12-02 as the entry into force (DISAGREES" in why.summary
    check = next(k for k in c.checks if k.instrument == "ccw" and k.what == "entry into force")
    assert (check.recorded, check.computed, check.agrees) == (date(1983, 12, 2), date(1984, 3, 29), False)


def test_a_later_instrument_is_in_force_six_months_after_its_deposit(compiled: Compiled) -> None:
    """France ratified on 4 Mar 1988: a party from 4 Sep 1988, not a day earlier."""
    assert status(compiled, "FRA", "ccw", date(1988, 9, 3)).status == "consented"
    ans = status(compiled, "FRA", "ccw", date(1988, 9, 4))
    assert (ans.status, ans.bound) == ("party", True)
    first = ans.reasons[0]
    assert first.provision == "ccw/art_5__para_2" and "6 months after deposit" in first.summary


def test_a_denunciation_takes_effect_one_year_after_receipt(compiled: Compiled) -> None:
    ans = withdrawal_whatif(compiled, "NOR", "ccw", date(2027, 1, 4), [])
    assert (ans.outcome, ans.effective) == ("effective", date(2028, 1, 4))
    assert ans.reasons[-1].provision == "ccw/art_9__para_2"


def test_an_armed_conflict_on_expiry_defers_the_denunciation_until_it_ends(compiled: Compiled) -> None:
    """A conflict (assumed) from 1 Jun 2027 to 1 Mar 2028 covers the expiry of 4 Jan 2028: the
    state stays bound until the conflict ends, and the answer names what the record cannot date."""
    war = [(date(2027, 6, 1), date(2028, 3, 1))]
    ans = withdrawal_whatif(compiled, "NOR", "ccw", date(2027, 1, 4), war)
    assert (ans.outcome, ans.effective) == ("effective", date(2028, 3, 1))
    why = ans.reasons[-1]
    assert why.provision == "ccw/art_9__para_2"
    assert "situations referred to in Article 1" in why.summary
    assert "release, repatriation or re-establishment" in why.summary
    short = [(date(2027, 6, 1), date(2028, 1, 4))]
    ended = withdrawal_whatif(compiled, "NOR", "ccw", date(2027, 1, 4), short)
    assert ended.effective == date(2028, 1, 4)  # over on the day of expiry: not engaged then
    open_ended = withdrawal_whatif(compiled, "NOR", "ccw", date(2027, 1, 4), [(date(2027, 6, 1), None)])
    assert open_ended.effective is None


def _notice(iso3: str, day: date) -> Event:
    return Event(
        "ccw", iso3, iso3, "withdrawal_deposited", day, "scenario", status="assumed", file="s", row=1
    )


def test_a_non_international_conflict_counts_only_for_a_party_bound_by_the_amended_article_1(
    record: Record,
) -> None:
    """Common Article 3 situations are Article 1 situations only under the 2001 amendment; the
    record holds no consent to it, so an internal conflict on expiry does not defer the effect."""
    internal = ConflictPeriod(
        "ISR", date(2027, 6, 1), None, "assumed internal armed conflict", "", "scenario",
        file="s", row=2, international=False,
    )
    c = compile_record(record.overlay([_notice("ISR", date(2027, 1, 4))], [internal]), instruments=["ccw"])
    ans = status(c, "ISR", "ccw", date(2028, 1, 4))
    assert (ans.status, ans.bound) == ("withdrawn", False)
    assert "Not counted: assumed internal armed conflict" in ans.reasons[-1].summary
    consent = Event("ccw_art1_amended", "ISR", "ISR", "acceptance", date(2020, 1, 1), "scenario",
                    status="assumed", file="s", row=3)
    c = compile_record(
        record.overlay([_notice("ISR", date(2027, 1, 4)), consent], [internal]), instruments=["ccw"]
    )
    held = status(c, "ISR", "ccw", date(2028, 1, 4))
    assert (held.status, held.bound) == ("withdrawal_pending", True)


def test_members_say_the_record_is_partial_and_the_count_unknown(compiled: Compiled) -> None:
    ans = members(compiled, "ccw", date(2026, 12, 1))
    assert ans.coverage is not None and ans.coverage.published_parties is None
    assert ans.coverage.statement == (
        f"The record is partial: it holds {ans.count} parties; the depositary's party count is "
        "unknown (no published figure seen in a source)."
    )


def test_the_names_resolve() -> None:
    assert REGISTRY.resolve("CCW") == REGISTRY.resolve("Convention on Certain Conventional Weapons") == "ccw"
