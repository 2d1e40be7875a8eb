"""Error answers: every client mistake is a 4xx JSON body naming the field and the valid choices."""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from foederis.questions.inputs import InputError

log = logging.getLogger("foederis.http")


class ErrorBody(BaseModel):
    """The shape of every error answer (InputError.to_dict() plus a kind)."""

    error: str
    field: str
    message: str
    choices: list[str] = []
    errors: list[dict[str, Any]] = []


class ApiError(Exception):
    """An error with a status code and the ErrorBody fields."""

    def __init__(
        self,
        status: int,
        error: str,
        field: str,
        message: str,
        choices: list[str] | None = None,
        errors: list[dict[str, Any]] | None = None,
    ):
        super().__init__(message)
        self.status = status
        self.body: dict[str, Any] = {
            "error": error,
            "field": field,
            "message": message,
            "choices": choices or [],
        }
        if errors:
            self.body["errors"] = errors


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Bad input: the field, the problem and the valid choices"},
    413: {"model": ErrorBody, "description": "The request body is over the size limit"},
    408: {"model": ErrorBody, "description": "The request body did not arrive in time"},
    422: {"model": ErrorBody, "description": "A parameter of the wrong type or shape"},
}
#: Answers of the routes that need a token.
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "No token, or not in the form Authorization: Bearer <token>"},
    403: {
        "model": ErrorBody,
        "description": "Unknown, expired or revoked token, or another owner's scenario",
    },
}


def _field(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("query", "body", "path", "header")]
    return ".".join(parts) or "request"


def input_error_response(exc: InputError, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": "bad_input", **exc.to_dict()}, status_code=status)


def _body_example(request: Request) -> Any:
    """The first example the route's body model declares, if any."""
    field = getattr(request.scope.get("route"), "body_field", None)
    model = getattr(getattr(field, "field_info", None), "annotation", None)
    schema = model.model_json_schema() if isinstance(model, type) and issubclass(model, BaseModel) else {}
    examples = schema.get("examples") or []
    return examples[0] if examples else None


def install(app: FastAPI) -> None:
    """Register the handlers: InputError → 400, validation → 422, anything unforeseen → logged 500."""

    @app.exception_handler(InputError)
    async def _input(_: Request, exc: InputError) -> JSONResponse:
        return input_error_response(exc)

    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {
                "field": _field(e.get("loc", ())),
                "message": str(e.get("msg", "")),
                "type": str(e.get("type", "")),
            }
            for e in exc.errors()
        ]
        first = exc.errors()[0] if exc.errors() else {}
        choices: list[str] = []
        ctx = first.get("ctx") or {}
        if "expected" in ctx:
            choices = [
                c.strip(" '") for c in str(ctx["expected"]).replace(" or ", ",").split(",") if c.strip(" '")
            ]
        message = errors[0]["message"] if errors else "invalid request"
        if first.get("loc") == ("body",):  # the body as a whole has the wrong shape: show the right one
            example = _body_example(request)
            if example is not None:
                message += f"; the body is a JSON object like {json.dumps(example)}"
        return JSONResponse(
            {
                "error": "bad_input",
                "field": errors[0]["field"] if errors else "request",
                "message": message,
                "choices": choices,
                "errors": errors,
            },
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return JSONResponse(
            {"error": "http", "field": "path", "message": str(exc.detail), "choices": []},
            status_code=exc.status_code,
            headers=headers or None,
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # A bug on our side, never the client's: log it with an id the client can quote.
        incident = uuid.uuid4().hex[:12]
        log.exception("unhandled error %s on %s %s", incident, request.method, request.url.path)
        return JSONResponse(
            {"error": "internal", "field": "", "message": f"internal error {incident}", "choices": []},
            status_code=500,
        )


def _allowed_methods(request: Request) -> list[str]:
    """Every method the API documents at this path (Starlette names only the first route's)."""
    import re

    table = getattr(request.app.state, "allowed_methods", None)
    if table is None:
        table = []
        for template, ops in request.app.openapi().get("paths", {}).items():
            pattern = re.sub(r"\\\{[^}:]+:path\\\}", ".+", re.escape(template))
            pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", pattern)
            table.append((re.compile(pattern + "$"), template.count("{"), {m.upper() for m in ops}))
        request.app.state.allowed_methods = table
    hits = [(params, m) for rx, params, m in table if rx.match(request.url.path)]
    fewest = min((params for params, _ in hits), default=0)  # the most specific path, as the router picks
    methods = set().union(*(m for params, m in hits if params == fewest))
    return sorted(methods) or ["GET"]
