"""Is state X bound by instrument T on day D, and why?"""

from __future__ import annotations

from datetime import date

from foederis.engine.compile import Compiled
from foederis.questions.common import reason_out
from foederis.questions.models import ReasonOut, StatusAnswer
from foederis.rules.base import Status
from foederis.rules.options import describe_options


def _partial(c: Compiled, instrument: str) -> list[ReasonOut]:
    """What a "not bound" read from a partial record must add: it may be a gap in the record."""
    note = c.registry[instrument].record_coverage.statement() if instrument in c.registry else None
    if not note:
        return []
    gap = f"{note} A state shown as not bound may have joined without a row in it."
    return [ReasonOut(provision=None, summary=gap)]


def status(c: Compiled, state: str, instrument: str, day: date) -> StatusAnswer:
    """The status interval holding on `day`, with its reasons and the options used."""
    iv = c.interval_on(state, instrument, day)
    if iv is None:
        later = c.intervals_of(state, instrument)
        reasons = [
            ReasonOut(
                provision=None,
                summary=(
                    f"The record has no act of {state} under {instrument} before {day}"
                    + (f"; its first recorded status begins on {later[0].start}." if later else ".")
                ),
            ),
            *_partial(c, instrument),
        ]
        return StatusAnswer(
            state=state,
            state_name=c.record.states.name(state),
            instrument=instrument,
            date=day,
            status="none",
            bound=False,
            since=None,
            until=later[0].start if later else None,
            reasons=reasons,
            options=describe_options(c.options),
            known_on=c.record.known_on,
        )
    return StatusAnswer(
        state=state,
        state_name=c.record.states.name(state),
        instrument=instrument,
        date=day,
        status=iv.status.name,
        bound=iv.bound,
        since=iv.start,
        until=iv.end,
        # only a state the record shows without a consent (none, signatory) may be a gap in it
        reasons=[reason_out(c, r) for r in iv.reasons]
        + (_partial(c, instrument) if iv.status in (Status.none, Status.signatory) else []),
        options=describe_options(c.options),
        known_on=c.record.known_on,
    )
