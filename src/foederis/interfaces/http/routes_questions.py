"""Question endpoints: the CLI's commands as GET routes with the CLI's parameter names.

Answers that take microseconds are `async` (no thread hop); the heavier ones (matrix, withdrawal,
which recompiles) stay plain functions and run in the thread pool, off the event loop.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from foederis.interfaces.http.deps import CompiledDep
from foederis.interfaces.http.errors import ERROR_RESPONSES, ApiError
from foederis.interfaces.http.limits import DEFAULT_LIMITS
from foederis.interfaces.http.responses import json_answer
from foederis.questions.faultlines import FaultLinesAnswer
from foederis.questions.freeby import FreeByAnswer
from foederis.questions.inputs import parse_date, parse_instrument, parse_state
from foederis.questions.matrix import MatrixAnswer
from foederis.questions.models import ExplainAnswer, MembersAnswer, StatusAnswer, TimelineAnswer
from foederis.questions.obligations import MayAnswer
from foederis.questions.weapons_map import WeaponsMapAnswer
from foederis.questions.withdrawal import WithdrawalAnswer

router = APIRouter(prefix="/v1", tags=["questions"], responses=ERROR_RESPONSES)

State = Annotated[str, Query(max_length=100, description="ISO3 code or any name the CLI accepts")]
Instrument = Annotated[str, Query(max_length=100, description="Instrument id or alias (see /v1/instruments)")]
Day = Annotated[str | None, Query(max_length=40, description="YYYY-MM-DD; default today")]


@router.get("/status", response_model=StatusAnswer)
async def get_status(c: CompiledDep, state: State, instrument: Instrument, on: Day = None) -> Response:
    """Is STATE bound by INSTRUMENT on a day, and why."""
    from foederis.questions.status import status

    return json_answer(
        status(c, parse_state(c.record.states, state), parse_instrument(instrument), parse_date(on))
    )


@router.get("/explain", response_model=ExplainAnswer)
async def get_explain(c: CompiledDep, state: State, instrument: Instrument, on: Day = None) -> Response:
    """The full chain of reasons, as prose quoting the provisions."""
    from foederis.questions.explain import explain

    return json_answer(
        explain(c, parse_state(c.record.states, state), parse_instrument(instrument), parse_date(on))
    )


@router.get("/members", response_model=MembersAnswer)
async def get_members(c: CompiledDep, instrument: Instrument, on: Day = None) -> Response:
    """The states bound by INSTRUMENT on a day."""
    from foederis.questions.members import members

    return json_answer(members(c, parse_instrument(instrument), parse_date(on)))


@router.get("/timeline", response_model=TimelineAnswer)
async def get_timeline(
    c: CompiledDep,
    state: State,
    instrument: Annotated[
        str | None, Query(max_length=100, description="One instrument; default all")
    ] = None,
) -> Response:
    """Every status interval of STATE (under one INSTRUMENT or all), with reasons."""
    from foederis.questions.timeline import timeline

    inst = parse_instrument(instrument) if instrument else None
    return json_answer(timeline(c, parse_state(c.record.states, state), inst))


@router.get("/withdrawal", response_model=WithdrawalAnswer)
def get_withdrawal(
    c: CompiledDep,
    state: State,
    instrument: Instrument,
    notice: Annotated[str, Query(max_length=40, description="Day the notice is received (YYYY-MM-DD)")],
    conflict: Annotated[
        list[str] | None,
        Query(description="Assumed armed conflict START..END or START.. (ongoing); repeatable"),
    ] = None,
) -> Response:
    """If STATE gives notice on a day, when does its withdrawal from INSTRUMENT take effect?"""
    from foederis.questions.withdrawal import parse_conflict, withdrawal_whatif

    conflicts = conflict or []
    if len(conflicts) > DEFAULT_LIMITS.max_conflicts:
        raise ApiError(
            400, "bad_input", "conflict", f"at most {DEFAULT_LIMITS.max_conflicts} conflict periods"
        )
    return json_answer(
        withdrawal_whatif(
            c,
            parse_state(c.record.states, state),
            parse_instrument(instrument),
            parse_date(notice, "notice"),
            [parse_conflict(t[:100]) for t in conflicts],
        )
    )


@router.get("/free-by", response_model=FreeByAnswer)
async def get_free_by(
    c: CompiledDep,
    state: State,
    instrument: Instrument,
    by: Annotated[str, Query(max_length=40, description="Day by which the state wants to be free")],
    on: Annotated[str | None, Query(max_length=40, description="Ask as on this day; default today")] = None,
) -> Response:
    """The latest notice day that frees STATE from INSTRUMENT by a day, and on what condition."""
    from foederis.questions.freeby import free_by

    return json_answer(
        free_by(
            c,
            parse_state(c.record.states, state),
            parse_instrument(instrument),
            parse_date(by, "by"),
            parse_date(on, "on"),
        )
    )


@router.get("/may", response_model=MayAnswer)
async def get_may(
    c: CompiledDep,
    state: State,
    activity: Annotated[str, Query(max_length=40, description="use, develop, produce, ...")],
    weapon: Annotated[str, Query(max_length=60, description="cluster_munitions | anti_personnel_mines")],
    on: Day = None,
    with_: Annotated[
        str | None,
        Query(alias="with", max_length=60, description="The partner: a non-party ally (ISO3 or name)"),
    ] = None,
) -> Response:
    """May STATE do ACTIVITY with WEAPON on a day? (permit_transit, host_foreign_stockpile,
    joint_operations and invest follow the assist_reading option; `with` names the partner.)"""
    from foederis.questions.obligations import may, parse_activity, parse_weapon

    return json_answer(
        may(
            c,
            parse_state(c.record.states, state),
            parse_activity(activity),
            parse_weapon(weapon),
            parse_date(on),
            parse_state(c.record.states, with_, "with") if with_ else None,
        )
    )


@router.get("/matrix", response_model=MatrixAnswer)
def get_matrix(
    c: CompiledDep,
    weapon: Annotated[str, Query(max_length=60, description="cluster_munitions | anti_personnel_mines")],
    alliance: Annotated[str, Query(max_length=60, description="The alliance (nato)")] = "nato",
    on: Day = None,
) -> Response:
    """Every ally on a day × every activity with a weapon: prohibited, permitted, or with limits."""
    from foederis.interfaces.http.matrix_cache import matrix_json
    from foederis.questions.matrix import parse_alliance
    from foederis.questions.obligations import parse_weapon

    body = matrix_json(c, parse_alliance(alliance), parse_weapon(weapon), parse_date(on))
    return Response(body, media_type="application/json")


@router.get("/matrix/all", response_model=WeaponsMapAnswer)
def get_weapons_map(
    c: CompiledDep,
    alliance: Annotated[str, Query(max_length=60, description="The alliance (nato)")] = "nato",
    on: Day = None,
) -> Response:
    """Every ally on a day × every weapon the record's treaties ban: the strictest verdict over the
    weapon's activities, the instruments that bind the ally, and the reasons."""
    from foederis.questions.matrix import parse_alliance
    from foederis.questions.weapons_map import weapons_map

    return json_answer(weapons_map(c, parse_alliance(alliance), parse_date(on)))


@router.get("/fault-lines", response_model=FaultLinesAnswer)
def get_fault_lines(
    c: CompiledDep,
    weapon: Annotated[str, Query(max_length=60, description="cluster_munitions | anti_personnel_mines")],
    alliance: Annotated[str, Query(max_length=60, description="The alliance (nato)")] = "nato",
    issue: Annotated[
        str | None,
        Query(
            max_length=40, description="permit_transit | host_foreign_stockpile | joint_operations | invest"
        ),
    ] = None,
    on: Day = None,
) -> Response:
    """Allies bound by the ban whose declared views conflict on each interoperability issue."""
    from foederis.questions.faultlines import fault_lines, parse_issue
    from foederis.questions.matrix import parse_alliance
    from foederis.questions.obligations import parse_weapon

    return json_answer(
        fault_lines(
            c,
            parse_alliance(alliance),
            parse_weapon(weapon),
            parse_date(on),
            parse_issue(issue) if issue else None,
        )
    )
