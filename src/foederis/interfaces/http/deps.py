"""Per-request dependencies: the compiled record for the asked options (cached per process),
the scenario repository, and the write token check."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Header, Query, Request
from pydantic import ConfigDict

from foederis.engine.compile import Compiled
from foederis.interfaces.http.errors import ApiError
from foederis.rules.options import Options
from foederis.store.tokens import Identity

_compiled: dict[Options, Compiled] = {}


class OptionsQuery(Options):
    """`Options` read from the query string: the same fields, choices and descriptions; the
    route's other query parameters (state, on, known_on, ...) pass by instead of being refused."""

    model_config = ConfigDict(frozen=True, extra="ignore")


async def get_options(query: Annotated[OptionsQuery, Query()]) -> Options:
    """The interpretation options asked for, each a query parameter (like the CLI's flags)."""
    return Options.model_validate(query.model_dump())


def compiled_for(options: Options, known_on: date | None = None) -> Compiled:
    """The compiled real record for `options` (as known on a day, if given), held in this process."""
    from foederis.engine.cache import load_compiled

    if known_on is not None:  # any day may be asked: the engine keeps only the latest few
        return load_compiled(options, known_on=known_on)
    c = _compiled.get(options)  # Options is frozen: the options themselves are the key
    if c is None:
        c = _compiled[options] = load_compiled(options)
    return c


async def get_compiled(
    options: Annotated[Options, Depends(get_options)],
    known_on: Annotated[
        date | None,
        Query(description="Answer as the record stood on this day (YYYY-MM-DD): only facts public by then."),
    ] = None,
) -> Compiled:
    """The compiled record under the asked options, as known on a day if asked."""
    from foederis.questions.inputs import parse_date

    return compiled_for(
        options,
        parse_date(known_on, "known_on") if known_on else None,  # the questions' range of days
    )


CompiledDep = Annotated[Compiled, Depends(get_compiled)]


def require_token(
    request: Request,
    authorization: Annotated[
        str | None, Header(description="Bearer <token> from `foederis token create`")
    ] = None,
) -> Identity:
    """Writing needs a token; reading does not. Returns who the token belongs to (the author)."""
    from foederis.store.tokens import identify

    if not authorization:
        raise ApiError(
            401, "unauthorized", "authorization", "writing needs a token: Authorization: Bearer <token>"
        )
    scheme, _, secret = authorization.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        raise ApiError(401, "unauthorized", "authorization", "use the form: Authorization: Bearer <token>")
    who = identify(request.app.state.engine, secret.strip())
    if who is None:
        raise ApiError(
            403,
            "forbidden",
            "authorization",
            "unknown, expired or revoked token; make one with `foederis token create`",
        )
    return who
