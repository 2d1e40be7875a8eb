"""The NumPy Art. 20(3) kernel gives exactly what the scalar path gives (add_months + frozen_until)."""

from __future__ import annotations

import calendar as pycal
from datetime import date, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from foederis.engine import whatif_kernel as kernel
from foederis.engine.compile import day_number, from_day_number
from foederis.record.models import ConflictPeriod
from foederis.rules import calendar
from foederis.rules.conflict import frozen_until
from foederis.rules.options import Options

OPTIONS = [Options(), Options(month_overflow="next_day")]
LO, HI = date(1900, 1, 1), date(2090, 12, 31)


def _conflict(start: date, end: date | None) -> ConflictPeriod:
    return ConflictPeriod("XXX", start, end, "test conflict", "", "test: assumed conflict")


def _scalar(notice: date, conflicts: list[tuple[date, date | None]], options: Options) -> date | None:
    expiry = calendar.add_months(notice, 6, options)
    return frozen_until(expiry, [_conflict(s, e) for s, e in conflicts])[0]


@st.composite
def notice_days(draw: st.DrawFn) -> date:
    """Any day, or (half the time) the last day of a month, where the overflow option matters."""
    day = draw(st.dates(LO, HI))
    if draw(st.booleans()):
        day = day.replace(day=pycal.monthrange(day.year, day.month)[1])
    return day


@st.composite
def conflicts_around(draw: st.DrawFn, expiry: date) -> tuple[date, date | None]:
    """A conflict placed near the expiry day: covering it, ending on it, ongoing, or elsewhere."""
    kind = draw(st.sampled_from(["covers", "ends_on_expiry", "starts_on_expiry", "ongoing", "random"]))
    before = timedelta(days=draw(st.integers(0, 400)))
    after = timedelta(days=draw(st.integers(1, 400)))
    if kind == "covers":
        return expiry - before, expiry + after
    if kind == "ends_on_expiry":
        return expiry - before - timedelta(days=1), expiry
    if kind == "starts_on_expiry":
        return expiry, expiry + after
    if kind == "ongoing":
        return expiry + timedelta(days=draw(st.integers(-400, 400))), None
    start = draw(st.dates(LO, HI))
    return start, (None if draw(st.booleans()) else start + after)


@st.composite
def cases(draw: st.DrawFn) -> tuple[date, list[tuple[date, date | None]]]:
    notice = draw(notice_days())
    expiry = calendar.add_months(notice, 6, OPTIONS[0])  # conflicts aim near either option's expiry
    expiry += timedelta(days=draw(st.integers(0, 1)))
    return notice, draw(st.lists(conflicts_around(expiry), max_size=3))


def _arrays(batch: list[tuple[date, list[tuple[date, date | None]]]], k: int):
    notice = np.array([day_number(n) for n, _ in batch], np.int64)
    start = np.full((len(batch), k), kernel.NO_CONFLICT, np.int64)
    end = np.full((len(batch), k), kernel.ONGOING, np.int64)
    for i, (_, conflicts) in enumerate(batch):
        for j, (s, e) in enumerate(conflicts):
            start[i, j] = day_number(s)
            end[i, j] = kernel.ONGOING if e is None else day_number(e)
    return notice, start, end


def _check(batch, options: Options, k: int) -> None:
    notice, start, end = _arrays(batch, k)
    effective, pending = kernel.withdrawal_effective(notice, start, end, options)
    for i, (n, conflicts) in enumerate(batch):
        want = _scalar(n, conflicts, options)
        got = None if pending[i] else from_day_number(effective[i])
        assert got == want, (n, conflicts, options.month_overflow)
        assert (effective[i] == kernel.PENDING) == (want is None)


@settings(max_examples=150, deadline=None)
@given(st.lists(cases(), min_size=1, max_size=40), st.sampled_from(OPTIONS))
def test_kernel_equals_scalar_path_with_several_conflicts(batch, options):
    _check(batch, options, k=3)


@settings(max_examples=150, deadline=None)
@given(st.lists(cases().map(lambda c: (c[0], c[1][:1])), min_size=1, max_size=40), st.sampled_from(OPTIONS))
def test_kernel_equals_scalar_path_with_one_conflict_per_row(batch, options):
    notice, start, end = _arrays(batch, 1)
    overflow = options.month_overflow
    effective, pending = kernel.withdrawal_effective(notice, start[:, 0], end[:, 0], overflow)
    for i, (n, conflicts) in enumerate(batch):
        want = _scalar(n, conflicts, options)
        assert (None if pending[i] else from_day_number(effective[i])) == want


@given(st.lists(notice_days(), min_size=1, max_size=60), st.sampled_from(OPTIONS))
def test_add_months_equals_calendar(days, options):
    got = kernel.add_months(np.array([day_number(d) for d in days]), 6, options.month_overflow)
    assert [from_day_number(g) for g in got] == [calendar.add_months(d, 6, options) for d in days]


@given(
    st.lists(st.dates(date(1, 3, 1), date(9999, 6, 30)), min_size=1, max_size=60), st.sampled_from(OPTIONS)
)
def test_add_months_outside_the_table_range(days, options):
    """Days before 1800 or after 2158 take the arithmetic path; it too equals the calendar module."""
    numbers = np.array([day_number(d) for d in days] + [-1])
    got = kernel.add_months(numbers, 6, options.month_overflow)[:-1]
    assert [from_day_number(g) for g in got] == [calendar.add_months(d, 6, options) for d in days]


def test_edge_days_by_hand():
    """31 Aug + 6 months under each option; a conflict ending on the expiry day does not freeze."""
    notice = np.array([day_number(date(2026, 8, 31))] * 3)
    start = np.array([kernel.NO_CONFLICT, day_number(date(2027, 1, 1)), day_number(date(2027, 1, 1))])
    end = np.array([kernel.ONGOING, day_number(date(2027, 2, 28)), kernel.ONGOING])
    eff, pending = kernel.withdrawal_effective(notice, start, end, Options())
    assert [from_day_number(e) for e in eff[:2]] == [date(2027, 2, 28), date(2027, 2, 28)]
    assert pending.tolist() == [False, False, True]
    eff, pending = kernel.withdrawal_effective(notice, start, end, Options(month_overflow="next_day"))
    assert [from_day_number(e) for e in eff[:2]] == [date(2027, 3, 1), date(2027, 3, 1)]
    assert pending.tolist() == [False, False, True]


def test_names_its_provisions(record):
    for pid in kernel.PROVISIONS:
        assert pid in record.provisions
        assert pid in (kernel.__doc__ or "")


@settings(max_examples=200, deadline=None)
@given(
    notice=st.dates(date(2023, 1, 1), date(2025, 12, 31)),
    start=st.dates(date(2022, 1, 1), date(2024, 12, 31)),
    other=st.one_of(
        st.none(), st.tuples(st.dates(date(2023, 1, 1), date(2026, 12, 31)), st.integers(1, 400))
    ),
)
def test_a_period_ending_with_its_dataset_keeps_a_covered_withdrawal_pending(notice, start, other):
    """`open_end` in the kernel is `censored` in frozen_until: it covers days up to the dataset's
    end, and a withdrawal expiring inside it stays pending."""
    from dataclasses import replace

    end = date(2025, 1, 1)
    periods = [replace(_conflict(start, end), censored=True)]
    slots = [(start, end, True)]
    if other is not None:
        s = other[0]
        periods.append(_conflict(s, s + timedelta(days=other[1])))
        slots.append((s, s + timedelta(days=other[1]), False))
    for options in OPTIONS:
        want = frozen_until(calendar.add_months(notice, 6, options), sorted(periods, key=lambda p: p.start))[
            0
        ]
        eff, pending = kernel.withdrawal_effective(
            np.array([day_number(notice)]),
            np.array([[day_number(s) for s, _, _ in slots]]),
            np.array([[day_number(e) for _, e, _ in slots]]),
            options,
            open_end=np.array([[o for _, _, o in slots]]),
        )
        got = None if pending[0] else from_day_number(eff[0])
        assert got == want, (notice, slots, options.month_overflow)
