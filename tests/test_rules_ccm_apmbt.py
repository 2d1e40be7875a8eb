"""CCM and APMBT Art. 17 and Art. 20 on their edge days, against the real record."""

from __future__ import annotations

from datetime import date

import pytest

from foederis.questions.members import bound_states
from tests.helpers import conflict, notice, status_on, world


def test_ccm_has_30_parties_on_1_aug_2010_and_none_the_day_before(compiled):
    assert len(bound_states(compiled, "ccm", date(2010, 8, 1))) == 30
    assert bound_states(compiled, "ccm", date(2010, 7, 31)) == []
    assert compiled.treaty["ccm"]["entry_into_force"][0] == date(2010, 8, 1)


def test_apmbt_entry_into_force(compiled):
    assert compiled.treaty["apmbt"]["entry_into_force"][0] == date(1999, 3, 1)
    assert len(bound_states(compiled, "apmbt", date(1999, 2, 28))) == 0
    assert len(bound_states(compiled, "apmbt", date(1999, 3, 1))) >= 40


def test_lithuania_ccm(compiled):
    assert status_on(compiled, "LTU", "ccm", date(2011, 8, 31)) == ("consented", False)
    assert status_on(compiled, "LTU", "ccm", date(2011, 9, 1)) == ("party", True)
    assert status_on(compiled, "LTU", "ccm", date(2025, 3, 5)) == ("withdrawal_pending", True)
    assert status_on(compiled, "LTU", "ccm", date(2025, 3, 6)) == ("withdrawn", False)


@pytest.mark.parametrize(
    ("state", "effective"),
    [
        ("EST", date(2025, 12, 27)),
        ("LVA", date(2025, 12, 27)),
        ("LTU", date(2025, 12, 27)),
        ("FIN", date(2026, 1, 10)),
        ("POL", date(2026, 2, 20)),
    ],
)
def test_apmbt_withdrawals_2025_26_come_out_of_the_rule(compiled, state, effective):
    iv = next(iv for iv in compiled.intervals_of(state, "apmbt") if iv.status.name == "withdrawn")
    assert iv.start == effective
    assert status_on(compiled, state, "apmbt", effective.fromordinal(effective.toordinal() - 1))[1] is True


def test_apmbt_parties_after_withdrawals(compiled):
    assert len(bound_states(compiled, "apmbt", date(2026, 2, 20))) == 161
    assert len(bound_states(compiled, "apmbt", date(2026, 2, 19))) == 162


def test_ukraine_claimed_suspension_keeps_it_bound(compiled):
    status, bound = status_on(compiled, "UKR", "apmbt", date(2026, 1, 1))
    assert status == "suspended" and bound


def test_later_deposit_on_last_day_of_month(record):
    # Art. 17(2): the first day of the sixth month after the month of deposit, whatever the day
    from foederis.record.models import Event

    ev = Event("ccm", "USA", "United States", "accession", date(2027, 1, 31), "test", "", "sourced", "t", 0)
    c = world(record, [ev])
    assert status_on(c, "USA", "ccm", date(2027, 6, 30)) == ("consented", False)
    assert status_on(c, "USA", "ccm", date(2027, 7, 1)) == ("party", True)


class TestArticle20Freeze:
    """Notice received 2026-12-01: the six months expire on 2027-06-01."""

    def test_no_conflict(self, record):
        c = world(record, [notice("ccm", "NOR", date(2026, 12, 1))])
        assert status_on(c, "NOR", "ccm", date(2027, 5, 31)) == ("withdrawal_pending", True)
        assert status_on(c, "NOR", "ccm", date(2027, 6, 1)) == ("withdrawn", False)

    def test_conflict_still_running_on_expiry_day(self, record):
        c = world(
            record, [notice("ccm", "NOR", date(2026, 12, 1))], [conflict("NOR", date(2027, 6, 1), None)]
        )
        assert status_on(c, "NOR", "ccm", date(2030, 1, 1)) == ("withdrawal_pending", True)

    def test_conflict_ending_before_expiry(self, record):
        c = world(
            record,
            [notice("ccm", "NOR", date(2026, 12, 1))],
            [conflict("NOR", date(2027, 1, 1), date(2027, 5, 31))],
        )
        assert status_on(c, "NOR", "ccm", date(2027, 6, 1)) == ("withdrawn", False)

    def test_conflict_ending_on_expiry_day(self, record):
        c = world(
            record,
            [notice("ccm", "NOR", date(2026, 12, 1))],
            [conflict("NOR", date(2027, 1, 1), date(2027, 6, 1))],
        )
        assert status_on(c, "NOR", "ccm", date(2027, 6, 1)) == ("withdrawn", False)

    def test_conflict_ending_after_expiry(self, record):
        c = world(
            record,
            [notice("ccm", "NOR", date(2026, 12, 1))],
            [conflict("NOR", date(2027, 5, 1), date(2027, 9, 15))],
        )
        assert status_on(c, "NOR", "ccm", date(2027, 9, 14)) == ("withdrawal_pending", True)
        assert status_on(c, "NOR", "ccm", date(2027, 9, 15)) == ("withdrawn", False)

    def test_conflict_starting_after_expiry_does_not_freeze(self, record):
        c = world(
            record, [notice("ccm", "NOR", date(2026, 12, 1))], [conflict("NOR", date(2027, 6, 2), None)]
        )
        assert status_on(c, "NOR", "ccm", date(2027, 6, 1)) == ("withdrawn", False)

    def test_record_conflict_freezes_ukraine(self, record):
        c = world(record, [notice("apmbt", "UKR", date(2026, 1, 1))])
        assert status_on(c, "UKR", "apmbt", date(2030, 1, 1))[0] == "withdrawal_pending"


def test_a_notice_after_a_claimed_suspension_keeps_the_option_reading(record):
    from foederis.rules.options import Options

    c = world(
        record, [notice("apmbt", "UKR", date(2025, 9, 1))], options=Options(claimed_suspension="releases")
    )
    assert status_on(c, "UKR", "apmbt", date(2025, 8, 1)) == ("suspended", False)
    assert status_on(c, "UKR", "apmbt", date(2025, 10, 1)) == ("withdrawal_pending", False)
    default = world(record, [notice("apmbt", "UKR", date(2025, 9, 1))])
    assert status_on(default, "UKR", "apmbt", date(2025, 10, 1)) == ("withdrawal_pending", True)
