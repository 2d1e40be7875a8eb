"""A NumPy kernel of the withdrawal rule of CCM and APMBT Art. 20(3), for batches of what-ifs.

Executes ccm/art_20__para_3 and apmbt/art_20__para_3: a withdrawal takes effect six months after
receipt of the instrument; if the withdrawing state is engaged in an armed conflict on the expiry
of that period, not before the end of the conflict. It gives the same answers as the scalar path
(`calendar.add_months` then `conflict.frozen_until`), checked by a property test, but works on
arrays of day numbers (`engine.compile.day_number`), so a million what-ifs take a fraction of a second.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from foederis.engine.compile import BASE_DAY
from foederis.rules.options import MonthOverflow, Options

PROVISIONS = ("ccm/art_20__para_3", "apmbt/art_20__para_3")
#: Conflict start meaning "no conflict in this slot", conflict end meaning "still ongoing", and the
#: effective day of a withdrawal that is pending (frozen by an ongoing conflict).
NO_CONFLICT = -1
ONGOING = -1
PENDING = -1
_NEVER = np.iinfo(np.int64).max

# days from 0000-03-01 (proleptic Gregorian) to our day 0, for the civil-date algorithms below
_SHIFT = BASE_DAY - 1 + 306


def _civil(days: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(year, month 1..12, day of month) of day numbers; H. Hinnant's civil_from_days, vectorised."""
    z = days + _SHIFT
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    dom = doy - (153 * mp + 2) // 5 + 1
    month = np.where(mp < 10, mp + 3, mp - 9)
    year = yoe + era * 400 + (month <= 2)
    return year, month, dom


def _first_of_month(month_index: np.ndarray) -> np.ndarray:
    """Day number of the 1st of the month `year * 12 + (month - 1)`; days_from_civil, vectorised."""
    year = month_index // 12
    month = month_index - year * 12 + 1
    year = year - (month <= 2)
    era = year // 400
    yoe = year - era * 400
    doy = (153 * np.where(month > 2, month - 3, month + 9) + 2) // 5
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - _SHIFT


def add_months(days: np.ndarray, months: int, month_overflow: MonthOverflow) -> np.ndarray:
    """Day numbers plus whole months, as `calendar.add_months`: a day the target month lacks is
    clipped to its last day ('clip') or rolls to the 1st of the next month ('next_day').

    Day numbers within 1800-2158 are read from a table computed once.
    """
    days = np.asarray(days, np.int64)
    if days.size and days.min() >= 0 and days.max() < _TABLE_DAYS:
        return _month_table(months, month_overflow)[days]
    return _add_months_civil(days, months, month_overflow)


def _add_months_civil(days: np.ndarray, months: int, month_overflow: str) -> np.ndarray:
    """`add_months` by civil-date arithmetic, for any day numbers."""
    year, month, dom = _civil(np.asarray(days, np.int64))
    target = year * 12 + (month - 1) + months
    first = _first_of_month(target)
    length = _first_of_month(target + 1) - first
    if month_overflow == "next_day":
        return np.where(dom > length, first + length, first + dom - 1)
    return first + np.minimum(dom, length) - 1


#: The month table covers 1800-2158 (2**17 days): every day a question may name, and then some.
_TABLE_DAYS = 1 << 17


@lru_cache(maxsize=16)
def _month_table(months: int, month_overflow: str) -> np.ndarray:
    """`add_months` of every day number in the engine's range (1 MB; read-only)."""
    table = _add_months_civil(np.arange(_TABLE_DAYS, dtype=np.int64), months, month_overflow)
    table.flags.writeable = False
    return table


def withdrawal_effective(
    notice: np.ndarray,
    conflict_start: np.ndarray,
    conflict_end: np.ndarray,
    options: Options | MonthOverflow,
    months: int = 6,
    open_end: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Effective day numbers and a pending flag for withdrawals notified on `notice` (Art. 20(3)).

    `conflict_start`/`conflict_end` have shape (n,) for one conflict per withdrawal or (n, k) for
    up to k; a slot whose start is NO_CONFLICT is empty; an end of ONGOING means not yet ended
    (ends are exclusive: a conflict ending on the expiry day does not freeze). A conflict covering
    the expiry day defers the effect to its end, repeated while further conflicts cover that day;
    if an ongoing one covers it the withdrawal is pending and its effective day is PENDING.
    `open_end` (same shape, bool) marks conflicts whose end is only where their dataset ends
    (`ConflictPeriod.censored`): they cover days up to that end, and one covering the day keeps the
    withdrawal pending, as `conflict.frozen_until` does.
    """
    overflow = options.month_overflow if isinstance(options, Options) else options
    day = add_months(notice, months, overflow)
    start = np.asarray(conflict_start, np.int64)
    end = np.asarray(conflict_end, np.int64)
    opened = np.zeros(end.shape, bool) if open_end is None else np.asarray(open_end, bool)
    if start.ndim == 1:
        start, end, opened = start[:, None], end[:, None], opened[:, None]
    # one contiguous row per slot; an empty slot never starts, an ongoing conflict never ends
    starts = np.where(start.T == NO_CONFLICT, _NEVER, start.T)
    ends = np.where(end.T == ONGOING, _NEVER, end.T)
    targets = np.where(opened.T, _NEVER, ends)  # where a covering conflict moves the day to
    rows = np.arange(day.shape[0])  # rows whose effective day may still move
    for round_ in range(starts.shape[0]):  # each round passes at least one conflict: k rounds suffice
        first = round_ == 0
        d = day if first else day[rows]
        later = d.copy()
        for j in range(starts.shape[0]):
            if first:
                s, e, t = starts[j], ends[j], targets[j]
            else:
                s, e, t = starts[j, rows], ends[j, rows], targets[j, rows]
            later = np.maximum(later, np.where((s <= d) & (d < e), t, d))
        moved = later != d
        rows = rows[moved]
        day[rows] = later[moved]
        rows = rows[day[rows] != _NEVER]  # held by an ongoing conflict: pending, nothing more to do
        if rows.size == 0:
            break
    pending = day == _NEVER
    return np.where(pending, PENDING, day), pending
