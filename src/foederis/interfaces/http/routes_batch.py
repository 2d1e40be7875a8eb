"""POST /v1/status/batch: the request body and its limits; the answer is `questions.status_batch`."""

from __future__ import annotations

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field

from foederis.interfaces.http.deps import CompiledDep
from foederis.interfaces.http.errors import ERROR_RESPONSES, ApiError
from foederis.interfaces.http.limits import DEFAULT_LIMITS
from foederis.interfaces.http.responses import json_answer
from foederis.questions.inputs import InputError
from foederis.questions.status_batch import BatchAnswer
from foederis.questions.status_batch import status_batch as answer_batch

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


@router.post("/status/batch", response_model=BatchAnswer)
def status_batch(c: CompiledDep, body: BatchRequest) -> Response:
    """Status and bound for each query (reasons: ask /v1/status for one)."""
    try:
        answer = answer_batch(c, [(q.state, q.instrument, q.on) for q in body.queries])
    except InputError as exc:
        raise ApiError(400, "bad_input", exc.field, exc.message, exc.choices) from None
    return json_answer(answer)
