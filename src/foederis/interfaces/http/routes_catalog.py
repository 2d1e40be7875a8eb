"""What the record knows: states, instruments, provisions (with who cites them)."""

from __future__ import annotations

from fastapi import APIRouter, Path, Response
from pydantic import BaseModel

from foederis.interfaces.http.deps import CompiledDep
from foederis.interfaces.http.errors import ERROR_RESPONSES, ApiError, ErrorBody
from foederis.interfaces.http.responses import json_answer
from foederis.questions.provision import ProvisionAnswer, provision_answer
from foederis.rules.registry import INSTRUMENTS

router = APIRouter(prefix="/v1", tags=["record"], responses=ERROR_RESPONSES)


class StateOut(BaseModel):
    iso3: str
    name: str
    instruments: list[str]


class StatesAnswer(BaseModel):
    count: int
    states: list[StateOut]


class InstrumentOut(BaseModel):
    id: str
    title: str
    short: str
    kind: str  # legal or political
    role: str  # alliance, arms_control or weapons_ban
    aliases: list[str]
    depositary: str


class InstrumentsAnswer(BaseModel):
    instruments: list[InstrumentOut]


class ProvisionSummary(BaseModel):
    id: str
    heading: str
    text_in_record: bool


class ProvisionsAnswer(BaseModel):
    count: int
    provisions: list[ProvisionSummary]


@router.get("/states", response_model=StatesAnswer)
async def get_states(c: CompiledDep) -> Response:
    """Every state in the compiled record (no territories), with the instruments it has a status under."""
    from foederis.record.codes import is_state

    states = [
        StateOut(iso3=s, name=c.record.states.name(s), instruments=c.instruments_of(s))
        for s in c.states
        if is_state(s)
    ]
    states.sort(key=lambda s: s.name)
    return json_answer(StatesAnswer(count=len(states), states=states))


@router.get("/instruments", response_model=InstrumentsAnswer)
async def get_instruments() -> Response:
    """The instrument registry: ids, titles, kinds and the aliases accepted as input."""
    return json_answer(
        InstrumentsAnswer(
            instruments=[
                InstrumentOut(
                    id=s.id,
                    title=s.title,
                    short=s.short,
                    kind=s.kind,
                    role=s.role,
                    aliases=list(s.aliases),
                    depositary=s.depositary,
                )
                for s in INSTRUMENTS.values()
            ]
        )
    )


@router.get("/provisions", response_model=ProvisionsAnswer)
def get_provisions(c: CompiledDep) -> Response:
    """Every provision id in the record, with its heading."""
    provs = [
        ProvisionSummary(id=p.id, heading=p.heading, text_in_record=p.text is not None)
        for p in c.record.provisions.values()
    ]
    return json_answer(ProvisionsAnswer(count=len(provs), provisions=provs))


@router.get(
    "/provisions/{provision_id:path}",
    response_model=ProvisionAnswer,
    responses={404: {"model": ErrorBody, "description": "No such provision in the record"}},
)
async def get_provision(c: CompiledDep, provision_id: str = Path(max_length=200)) -> Response:
    """A provision's text, the rules that execute it, and the answers that cite it."""
    ans = provision_answer(c, provision_id)
    if ans is None:
        raise ApiError(
            404,
            "not_found",
            "provision_id",
            f"no provision {provision_id!r} in the record; see /v1/provisions",
        )
    return json_answer(ans)
