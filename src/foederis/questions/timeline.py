"""Every status interval of a state, with its reasons, under one instrument or all of them."""

from __future__ import annotations

from foederis.engine.compile import Compiled
from foederis.questions.common import interval_out
from foederis.questions.models import TimelineAnswer
from foederis.rules.options import describe_options


def timeline(c: Compiled, state: str, instrument: str | None = None) -> TimelineAnswer:
    instruments = [instrument] if instrument else c.instruments_of(state)
    intervals = [interval_out(c, iv) for inst in instruments for iv in c.intervals_of(state, inst)]
    return TimelineAnswer(
        state=state,
        state_name=c.record.states.name(state),
        instruments=instruments,
        intervals=intervals,
        options=describe_options(c.options),
        known_on=c.record.known_on,
    )
