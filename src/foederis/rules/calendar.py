"""Calendar arithmetic for treaty periods. Every ambiguous choice is a named option.

"Six months after", "one year after", "150 days prior", "the first day of the sixth month
after" all go through this module, so one option changes them everywhere.
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from foederis.rules.options import Options

#: each day's text, kept: formatting a date runs C printf once per field (about 0.6 us), and the
#: rules write several dates into the reasons of every state; there are at most some 10^5 days
_TEXT: dict[date, str] = {}


def text(day: date) -> str:
    """`day` as YYYY-MM-DD, the text an f-string gives it, formatted once per day."""
    out = _TEXT.get(day)
    if out is None:
        out = _TEXT[day] = day.isoformat()
    return out


def add_months(day: date, months: int, options: Options) -> date:
    """`day` plus whole months. A day the target month lacks follows `options.month_overflow`."""
    clipped = day + relativedelta(months=months)
    if options.month_overflow == "next_day" and clipped.day != day.day:
        return clipped + timedelta(days=1)
    return clipped


def add_years(day: date, years: int, options: Options) -> date:
    """`day` plus whole years (29 Feb follows `options.month_overflow`)."""
    return add_months(day, 12 * years, options)


def add_days(day: date, days: int) -> date:
    """`day` plus a number of calendar days."""
    return day + timedelta(days=days)


def first_day_of_nth_month_after(day: date, n: int) -> date:
    """The first day of the n-th month after the month of `day` (CCM/APMBT Art. 17).

    Deposit on 24 Mar 2011 -> 1 Sep 2011; deposit on 16 Feb 2010 -> 1 Aug 2010. The day of the
    month plays no part, so no overflow option is needed.
    """
    month = day.month - 1 + n  # whole-month arithmetic, as relativedelta does it, without its cost
    return date(day.year + month // 12, month % 12 + 1, 1)


def months_before(day: date, months: int, options: Options) -> date:
    """The latest day d with add_months(d, months) <= day: the inverse used by 'free by' questions."""
    candidate = day - relativedelta(months=months)
    # step forward while a later day still lands on or before `day`
    while add_months(candidate + timedelta(days=1), months, options) <= day:
        candidate += timedelta(days=1)
    while add_months(candidate, months, options) > day:
        candidate -= timedelta(days=1)
    return candidate
