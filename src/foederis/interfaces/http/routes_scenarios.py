"""Scenarios: run (text or saved), list, get, save (token), delete (token), and the change log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import BaseModel, Field

from foederis.interfaces.http.deps import require_token
from foederis.interfaces.http.errors import ERROR_RESPONSES, WRITE_RESPONSES, ApiError, ErrorBody
from foederis.interfaces.http.limits import DEFAULT_LIMITS, NAME_PATTERN
from foederis.interfaces.http.responses import json_answer
from foederis.scenarios.run import ScenarioResult
from foederis.store.repository import (
    MAX_REVISIONS,
    NotFound,
    NotOwner,
    RevisionLimit,
    SavedScenario,
    ScenarioSummary,
)
from foederis.store.tokens import Identity

router = APIRouter(prefix="/v1/scenarios", tags=["scenarios"], responses=ERROR_RESPONSES)

Name = Annotated[str, Path(pattern=NAME_PATTERN, description="Letters, digits, _ . - (≤100)")]


class ScenarioIn(BaseModel):
    text: str = Field(max_length=DEFAULT_LIMITS.max_scenario_chars, description="The scenario, as YAML")
    message: str = Field("", max_length=500, description="What changed (the change log line)")


class ScenarioList(BaseModel):
    count: int
    scenarios: list[ScenarioSummary]


class SavedRevision(BaseModel):
    name: str
    number: int
    text: str


class Deleted(BaseModel):
    deleted: str


class ScenarioRunIn(BaseModel):
    text: str = Field(max_length=DEFAULT_LIMITS.max_scenario_chars, description="The scenario, as YAML")


def _run(text: str, name: str) -> Response:
    from foederis.interfaces.http.scenario_text import load
    from foederis.scenarios.run import run_scenario

    scenario = load(text, name)
    return json_answer(run_scenario(scenario, scenario.options))


def _not_owner(exc: NotOwner) -> ApiError:
    return ApiError(
        403,
        "forbidden",
        "authorization",
        f"{exc.name!r} was created by {exc.owner or 'another token'}; only tokens of that name or an "
        "admin token may change or delete it",
    )


def _not_found(name: str) -> ApiError:
    return ApiError(404, "not_found", "name", f"no saved scenario named {name!r}; see GET /v1/scenarios")


@router.get("", response_model=ScenarioList)
def list_scenarios(request: Request) -> Response:
    """Every saved scenario, with its newest revision number."""
    items = request.app.state.repository.list()
    return json_answer(ScenarioList(count=len(items), scenarios=items))


@router.post("/run", response_model=ScenarioResult)
def run_scenario_text(body: ScenarioRunIn) -> Response:
    """Run a scenario given as text (nothing is saved): changes, timelines, frozen withdrawals, diff."""
    return _run(body.text, "scenario.yaml")


@router.post(
    "/{name}/run",
    response_model=ScenarioResult,
    responses={404: {"model": ErrorBody, "description": "No such scenario or revision"}},
)
def run_saved_scenario(request: Request, name: Name) -> Response:
    """Run the newest revision of a saved scenario."""
    try:
        saved = request.app.state.repository.get(name)
    except NotFound:
        raise _not_found(name) from None
    return _run(saved.text, f"{name}.yaml")


@router.get(
    "/{name}/revisions/{number}",
    response_model=SavedRevision,
    responses={404: {"model": ErrorBody, "description": "No such scenario or revision"}},
)
def get_revision(request: Request, name: Name, number: Annotated[int, Path(ge=1, le=10**9)]) -> Response:
    """The text of one revision of a saved scenario (the change log lists them)."""
    try:
        text = request.app.state.repository.revision_text(name, number)
    except NotFound:
        raise ApiError(404, "not_found", "number", f"{name!r} has no revision {number}") from None
    return json_answer(SavedRevision(name=name, number=number, text=text))


@router.get(
    "/{name}",
    response_model=SavedScenario,
    responses={404: {"model": ErrorBody, "description": "No such scenario or revision"}},
)
def get_scenario(request: Request, name: Name) -> Response:
    """A saved scenario's newest text and its change log."""
    try:
        return json_answer(request.app.state.repository.get(name))
    except NotFound:
        raise _not_found(name) from None


@router.put(
    "/{name}",
    response_model=SavedScenario,
    responses={
        **WRITE_RESPONSES,
        409: {"model": ErrorBody, "description": "The scenario holds the most revisions allowed"},
    },
)
def save_scenario(
    request: Request, name: Name, body: ScenarioIn, who: Annotated[Identity, Depends(require_token)]
) -> Response:
    """Save a new revision (needs a token; an existing scenario only by its owner's tokens or an
    admin token; at most MAX_REVISIONS per scenario). All or nothing: a failed save changes nothing."""
    from foederis.interfaces.http.scenario_text import load

    load(body.text, f"{name}.yaml")
    try:
        saved = request.app.state.repository.save(name, body.text, body.message, who.name, admin=who.admin)
    except NotOwner as exc:
        raise _not_owner(exc) from None
    except RevisionLimit:
        raise ApiError(
            409,
            "revision_limit",
            "name",
            f"{name!r} already has {MAX_REVISIONS} revisions, the most one scenario keeps; "
            "save under a new name or delete it first",
        ) from None
    return json_answer(saved)


@router.delete(
    "/{name}",
    response_model=Deleted,
    responses={**WRITE_RESPONSES, 404: {"model": ErrorBody, "description": "No such scenario"}},
)
def delete_scenario(
    request: Request, name: Name, who: Annotated[Identity, Depends(require_token)]
) -> Response:
    """Delete a saved scenario and its change log (needs its owner's token or an admin token)."""
    try:
        request.app.state.repository.delete(name, who.name, admin=who.admin)
    except NotFound:
        raise _not_found(name) from None
    except NotOwner as exc:
        raise _not_owner(exc) from None
    return json_answer(Deleted(deleted=name))
