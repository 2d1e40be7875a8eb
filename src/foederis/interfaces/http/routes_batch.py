"""POST /v1/status/batch: many (state, instrument, on) in one vectorised engine lookup."""

from __future__ import annotations

from datetime import date

import numpy as np
from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field

from foederis.engine.compile import day_number
from foederis.engine.lookup import lookup
from foederis.interfaces.http.deps import CompiledDep
from foederis.interfaces.http.errors import ERROR_RESPONSES, ApiError
from foederis.interfaces.http.limits import DEFAULT_LIMITS
from foederis.interfaces.http.responses import json_answer
from foederis.questions.inputs import InputError, parse_date, parse_instrument, parse_state
from foederis.rules.base import Status

router = APIRouter(prefix="/v1", tags=["questions"], responses=ERROR_RESPONSES)


class BatchQuery(BaseModel):
    state: str = Field(max_length=100)
    instrument: str = Field(max_length=100)
    on: str | None = Field(None, max_length=40)


class BatchRequest(BaseModel):
    """The body: an object with a `queries` list, not a bare list."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "queries": [
                        {"state": "LTU", "instrument": "ccm", "on": "2025-03-06"},
                        {"state": "Norway", "instrument": "Ottawa", "on": "2020-01-01"},
                    ]
                }
            ]
        }
    )

    queries: list[BatchQuery] = Field(max_length=DEFAULT_LIMITS.max_batch)


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


@router.post("/status/batch", response_model=BatchAnswer)
def status_batch(c: CompiledDep, body: BatchRequest) -> Response:
    """Status and bound for each query (reasons: ask /v1/status for one)."""
    states, insts, days = [], [], []
    registry = c.record.states
    for i, q in enumerate(body.queries):
        try:
            states.append(parse_state(registry, q.state))
            insts.append(parse_instrument(q.instrument))
            days.append(parse_date(q.on))
        except InputError as exc:
            raise ApiError(400, "bad_input", f"queries[{i}].{exc.field}", exc.message, exc.choices) from None
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
        if iv is None:  # status none: until the first recorded status, as /v1/status says
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
    return json_answer(BatchAnswer(count=len(results), results=results))
