"""Calendar arithmetic: month ends follow the named option; Art. 17 months ignore the day."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from foederis.rules import calendar
from foederis.rules.options import Options

CLIP = Options()
NEXT = Options(month_overflow="next_day")


def test_month_end_overflow_options():
    assert calendar.add_months(date(2026, 8, 31), 6, CLIP) == date(2027, 2, 28)
    assert calendar.add_months(date(2026, 8, 31), 6, NEXT) == date(2027, 3, 1)
    assert calendar.add_months(date(2027, 8, 31), 6, CLIP) == date(2028, 2, 29)
    assert calendar.add_months(date(2024, 9, 6), 6, CLIP) == date(2025, 3, 6)


def test_first_day_of_sixth_month_after():
    assert calendar.first_day_of_nth_month_after(date(2011, 3, 24), 6) == date(2011, 9, 1)
    assert calendar.first_day_of_nth_month_after(date(2010, 2, 16), 6) == date(2010, 8, 1)
    assert calendar.first_day_of_nth_month_after(date(2018, 3, 1), 6) == date(2018, 9, 1)
    assert calendar.first_day_of_nth_month_after(date(2025, 9, 30), 6) == date(2026, 3, 1)


@given(st.dates(date(1950, 1, 1), date(2090, 12, 31)), st.sampled_from([CLIP, NEXT]), st.integers(1, 12))
def test_months_before_is_the_latest_inverse(day, options, months):
    n = calendar.months_before(day, months, options)
    assert calendar.add_months(n, months, options) <= day
    assert calendar.add_months(date.fromordinal(n.toordinal() + 1), months, options) > day
