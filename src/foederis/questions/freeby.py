"""Free by: the latest notice date that frees a state from an instrument by a given day.

The inverse of the withdrawal what-if, under the condition that no armed conflict freezes the
withdrawal when its period expires (CCM/APMBT Art. 20(3)).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from foederis.engine.compile import Compiled
from foederis.questions.common import reason_out
from foederis.questions.models import ReasonOut
from foederis.questions.withdrawal import withdrawal_clause, withdrawal_whatif
from foederis.rules.base import Reason, RuleContext
from foederis.rules.conflict import engaged_periods
from foederis.rules.options import describe_options


class FreeByAnswer(BaseModel):
    state: str
    instrument: str
    by: date
    latest_notice: date | None
    effective: date | None
    condition: str
    condition_met_in_record: bool | None
    as_of: date = Field(description="the day the question is asked on (today, or --on)")
    notice_in_past: bool = Field(False, description="latest_notice is before as_of: too late to meet `by`")
    earliest_free: date | None = Field(
        None, description="when a notice given on as_of would take effect (no conflict assumed)"
    )
    reasons: list[ReasonOut]
    options: dict[str, Any]


def latest_notice(c: Compiled, instrument: str, by: date) -> date:
    """The latest notice day whose period expires on or before `by`."""
    return withdrawal_clause(c.registry, instrument).latest_notice(by, c.options)


def free_by(c: Compiled, state: str, instrument: str, by: date, as_of: date | None = None) -> FreeByAnswer:
    """The latest notice that frees `state` by `by`; if that day is before `as_of` (default today),
    also the earliest day a notice given on `as_of` would free it."""
    as_of = as_of or date.today()
    clause = withdrawal_clause(c.registry, instrument)
    notice = clause.latest_notice(by, c.options)
    provision = clause.effect
    probe = withdrawal_whatif(c, state, instrument, notice, [])
    condition = (
        f"no armed conflict engaging {state} on the day the notice period expires"
        if clause.armed_conflict_freeze
        else "none: the withdrawal clause sets no condition on the day the notice runs out"
    )
    if probe.outcome == "not_permitted":
        return FreeByAnswer(
            state=state,
            instrument=instrument,
            by=by,
            latest_notice=None,
            effective=None,
            condition=condition,
            condition_met_in_record=None,
            as_of=as_of,
            reasons=probe.reasons,
            options=describe_options(c.options),
        )
    expiry = notice_expiry(c, instrument, notice)
    periods = engaged_periods(RuleContext(c.record, c.options, instrument), state)
    running = [p for p in periods if p.covers(expiry)] if clause.armed_conflict_freeze else []
    met = not running
    summary = (
        f"A notice given on {notice} runs out on {expiry} ({provision}); any later notice runs "
        f"out after {by}. It frees {state} by {by} on condition: {condition}."
    )
    if not met:
        summary += (
            " The record shows the state engaged on that day ("
            + "; ".join(f"{p.basis}, {p.start}–{p.end or 'ongoing'}" for p in running)
            + "), so under the record's facts the withdrawal would be frozen."
        )
    late, earliest = notice < as_of, None
    if late:
        now = withdrawal_whatif(c, state, instrument, as_of, [])
        earliest = now.effective
        summary += f" That day is before {as_of}: too late to be free by {by}."
        if earliest:
            summary += f" A notice given on {as_of} would take effect on {earliest}, on the same condition."
    return FreeByAnswer(
        state=state,
        instrument=instrument,
        by=by,
        latest_notice=notice,
        effective=probe.effective,
        condition=condition,
        condition_met_in_record=met,
        as_of=as_of,
        notice_in_past=late,
        earliest_free=earliest,
        reasons=[reason_out(c, Reason(provision, summary)), *probe.reasons],
        options=describe_options(c.options),
    )


def notice_expiry(c: Compiled, instrument: str, notice: date) -> date:
    """The day a notice given on `notice` runs out."""
    return withdrawal_clause(c.registry, instrument).expiry(notice, c.options)
