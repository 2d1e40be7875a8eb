"""Who is "engaged in an armed conflict", and how that freezes a withdrawal (CCM/APMBT Art. 20(3)).

The meaning of "engaged" is the interpretation option `engaged`; see `Options`.
"""

from __future__ import annotations

from datetime import date

from foederis.record.models import ConflictPeriod
from foederis.rules.base import RuleContext


def engaged_periods(ctx: RuleContext, iso3: str) -> list[ConflictPeriod]:
    """The periods in which `iso3` counts as engaged in an armed conflict under the options."""
    periods = ctx.conflicts(iso3)
    if ctx.options.engaged == "primary_party":
        periods = [c for c in periods if c.role == "primary"]
    if ctx.options.engaged == "article5_participant":
        periods = periods + article5_periods(ctx, iso3)
    return sorted(periods, key=lambda c: c.start)


def article5_periods(ctx: RuleContext, iso3: str) -> list[ConflictPeriod]:
    """Under 'article5_participant': an ally taking part in collective defence after an Art. 5
    invocation is engaged for as long as the attacked ally's conflict lasts.

    Taking part is read from the record: the ally must itself have a conflict period that starts
    on or after the invocation (a scenario says so with a conflict_start event for it), or the
    invocation must name it in its typed `participants` field. Without that, an Art. 5 invocation alone does
    not make every ally engaged.
    """
    out: list[ConflictPeriod] = []
    for ev in ctx.record.events_for("nato"):
        if ev.action != "art5_invocation" or ev.state == iso3:
            continue
        attacked = [c for c in ctx.conflicts(ev.state) if c.covers(ev.date) or c.start >= ev.date]
        if iso3 not in ev.participants:
            continue
        for c in attacked:
            out.append(
                ConflictPeriod(
                    iso3,
                    max(c.start, ev.date),
                    c.end,
                    f"collective defence of {ev.state} under Art. 5 (invoked {ev.date})",
                    c.opponent,
                    ev.source,
                    f"derived from {c.file}:{c.row} and {ev.ref}",
                    "day",
                    ev.file,
                    ev.row,
                )
            )
    return out


def frozen_until(
    expiry: date, periods: list[ConflictPeriod], overlapping: bool = True
) -> tuple[date | None, list[ConflictPeriod]]:
    """When a withdrawal whose notice period expires on `expiry` takes effect, given conflicts.

    If the state is engaged on the day of expiry, not before the end of that conflict; a conflict
    ending on day E lets the withdrawal take effect on E. With `overlapping`, conflicts still
    running on E extend the freeze; without, only the conflicts running on the expiry day count.
    Returns (effective date or None while open-ended, the conflict periods that froze it).
    """
    day = expiry
    used: list[ConflictPeriod] = []
    while True:
        covering = [c for c in periods if c.covers(day)]
        if not covering:
            return day, used
        used.extend(c for c in covering if c not in used)
        if any(c.end is None or c.censored for c in covering):
            return None, used  # still running, or its end unknown because the dataset ends
        day = max(c.end for c in covering if c.end is not None)
        if not overlapping:
            return day, used


def dataset_end_note(expiry: date, periods: list[ConflictPeriod]) -> str:
    """What to say when a conflict period ends before `expiry` only because its dataset ends."""
    cut = [c for c in periods if c.censored and c.end is not None and c.start <= expiry]
    if not cut:
        return ""
    carried = [
        c for c in periods if not c.censored and not c.conflict_id and (c.end is None or c.end > expiry)
    ]
    names = "; ".join(f"{c.basis} ({c.start}–, {c.source.split(' (')[0]})" for c in cut)
    further = (
        " A dated source carries the state's engagement further: "
        + "; ".join(f"{c.basis} ({c.file}:{c.row})" for c in carried)
        + "."
        if carried
        else " No dated source in the record carries it further."
    )
    return (
        f" Note: {names} was still active at the end of 2024, where UCDP v25.1 ends; the period "
        f"ends there only because the dataset does.{further}"
    )
