"""Many "is X bound by T on D?" questions in one vectorised engine lookup: status and bound for
each, with the same interval bounds `status` gives (reasons: ask `status` for one)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
from pydantic import BaseModel

from foederis.engine.compile import Compiled, day_number
from foederis.engine.lookup import lookup
from foederis.questions.inputs import InputError, parse_date, parse_instrument, parse_state
from foederis.rules.base import Status


class BatchItem(BaseModel):
    state: str
    instrument: str
    date: date
    status: str
    bound: bool
    since: date | None
    until: date | None


class BatchAnswer(BaseModel):
    count: int
    results: list[BatchItem]


class BatchInputError(InputError):
    """One query of the batch is invalid: `index` says which, the field names it as `queries[i].x`."""

    def __init__(self, index: int, cause: InputError) -> None:
        super().__init__(f"queries[{index}].{cause.field}", cause.message, cause.choices)
        self.index = index


def parse_queries(
    c: Compiled, queries: Sequence[tuple[str, str, str | None]]
) -> tuple[list[str], list[str], list[date]]:
    """Each (state, instrument, on) resolved to codes and a day; the first bad one raises."""
    states, insts, days = [], [], []
    for i, (state, instrument, on) in enumerate(queries):
        try:
            states.append(parse_state(c.record.states, state))
            insts.append(parse_instrument(instrument))
            days.append(parse_date(on))
        except InputError as exc:
            raise BatchInputError(i, exc) from None
    return states, insts, days


def status_batch(c: Compiled, queries: Sequence[tuple[str, str, str | None]]) -> BatchAnswer:
    """Status and bound for each (state, instrument, on) query, in the order asked."""
    states, insts, days = parse_queries(c, queries)
    s_index, i_index = c.state_index, c.instrument_index
    missing = [k for k, s in enumerate(states) if s not in s_index]
    res = lookup(
        c,
        np.array([s_index.get(s, 0) for s in states], np.int64),
        np.array([i_index[i] for i in insts], np.int64),
        np.array([day_number(d) for d in days], np.int64),
    )
    for k in missing:  # a state the record knows by name but never compiled: status none
        res.status[k], res.bound[k], res.interval[k] = 0, False, -1
    results = []
    for k in range(len(states)):
        j = int(res.interval[k])
        iv = c.intervals[j] if j >= 0 else None
        if iv is None:  # status none: until the first recorded status, as `status` says
            later = c.intervals_of(states[k], insts[k])
            since, until = None, later[0].start if later else None
        else:
            since, until = iv.start, iv.end
        results.append(
            BatchItem(
                state=states[k],
                instrument=insts[k],
                date=days[k],
                status=Status(int(res.status[k])).name,
                bound=bool(res.bound[k]),
                since=since,
                until=until,
            )
        )
    return BatchAnswer(count=len(results), results=results)
