"""Which states are bound by an instrument on a day (one vectorised lookup over all states)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from foederis.engine.compile import Compiled, day_number
from foederis.engine.lookup import lookup
from foederis.rules.options import describe_options

if TYPE_CHECKING:  # the answer models are pydantic (0.03 s to build): imported only by `members`
    from foederis.questions.models import MembersAnswer


def bound_states(c: Compiled, instrument: str, day: date) -> list[str]:
    """ISO3 codes of the states bound by `instrument` on `day`, sorted."""
    i = c.instrument_index[instrument]
    res = lookup(c, np.arange(len(c.states)), i, day_number(day))
    return [c.states[j] for j in np.flatnonzero(res.bound)]


def members(c: Compiled, instrument: str, day: date) -> MembersAnswer:
    from foederis.questions.models import CoverageOut, MembersAnswer

    parties = bound_states(c, instrument, day)
    cover = c.registry[instrument].record_coverage
    return MembersAnswer(
        instrument=instrument,
        date=day,
        parties=parties,
        count=len(parties),
        names={s: c.record.states.name(s) for s in parties},
        options=describe_options(c.options),
        coverage=CoverageOut(
            extent=cover.extent,
            published_parties=cover.published_parties,
            as_of=cover.as_of,
            source=cover.source,
            statement=cover.statement(len(parties)),
        ),
        known_on=c.record.known_on,
    )
