"""Alliance machinery endpoints: accession, exclusion, Art. 4/5 history, forward presence.
The same questions and parameter names as the CLI commands."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from foederis.interfaces.http.deps import CompiledDep
from foederis.interfaces.http.errors import ERROR_RESPONSES
from foederis.interfaces.http.responses import json_answer
from foederis.questions.accession import AccessionAnswer
from foederis.questions.commitments import CommitmentsAnswer, DeploymentsAnswer
from foederis.questions.exclusion import ExclusionAnswer
from foederis.questions.history import HistoryAnswer
from foederis.questions.inputs import parse_date, parse_instrument, parse_state
from foederis.questions.presence import PresenceAnswer

router = APIRouter(prefix="/v1", tags=["alliance"], responses=ERROR_RESPONSES)

State = Annotated[str, Query(max_length=200, description="ISO3 code or any name the CLI accepts")]
Instrument = Annotated[str, Query(max_length=200, description="Instrument id or alias (see /v1/instruments)")]
Day = Annotated[str | None, Query(max_length=40, description="YYYY-MM-DD; default today")]


@router.get("/accession", response_model=AccessionAnswer)
def get_accession(c: CompiledDep, state: State, on: Day = None) -> Response:
    """STATE's accession protocol on a day: which Allies have ratified, who can still block it."""
    from foederis.questions.accession import accession

    return json_answer(accession(c, parse_state(c.record.states, state), parse_date(on)))


@router.get("/exclusion", response_model=ExclusionAnswer)
async def get_exclusion(c: CompiledDep, instrument: Instrument) -> Response:
    """Can a Party be expelled or suspended? Quoted from the texts."""
    from foederis.questions.exclusion import exclusion

    return json_answer(exclusion(c, parse_instrument(instrument)))


@router.get("/history", response_model=HistoryAnswer)
async def get_history(
    c: CompiledDep,
    instrument: Instrument = "nato",
    article: Annotated[int | None, Query(ge=4, le=5, description="4 or 5; default both")] = None,
) -> Response:
    """Every recorded Art. 4 request and Art. 5 invocation, and what Art. 5 obliges."""
    from foederis.questions.alliance import require_alliance
    from foederis.questions.history import history

    inst = require_alliance(parse_instrument(instrument))
    return json_answer(history(c, inst, article))


@router.get("/presence", response_model=PresenceAnswer)
async def get_presence(
    c: CompiledDep,
    on: Day = None,
    state: Annotated[str | None, Query(max_length=200, description="Only this Ally")] = None,
) -> Response:
    """For every Ally on a day: the allied forces it hosts, and its tier under the named rule."""
    from foederis.questions.presence import presence

    return json_answer(presence(c, parse_date(on), parse_state(c.record.states, state) if state else None))


@router.get("/commitments", response_model=CommitmentsAnswer)
async def get_commitments(c: CompiledDep, on: Day = None) -> Response:
    """Political commitments and proposals beside the treaties: politically committed, never bound."""
    from foederis.questions.commitments import commitments

    return json_answer(commitments(c, parse_date(on)))


@router.get("/deployments", response_model=DeploymentsAnswer)
async def get_deployments(
    c: CompiledDep,
    commitment: Annotated[
        str, Query(max_length=200, description="ru_draft_nato_2021 or nato_russia_founding_act")
    ],
    on: Day = None,
) -> Response:
    """Which Allies' current allied forces a 1997-based clause would have reached."""
    from foederis.questions.commitments import deployments

    return json_answer(deployments(c, commitment, parse_date(on)))
