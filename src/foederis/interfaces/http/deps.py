"""Per-request dependencies: the compiled record for the asked options (cached per process),
the scenario repository, and the write token check."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, Header, Query, Request

from foederis.engine.compile import Compiled
from foederis.interfaces.http.errors import ApiError
from foederis.rules.options import Options
from foederis.store.tokens import Identity

_compiled: dict[tuple[str, str, str, str, date | None], Compiled] = {}


def compiled_for(options: Options, known_on: date | None = None) -> Compiled:
    """The compiled real record for `options` (as known on a day, if given), held in this process."""
    from foederis.engine.cache import load_compiled

    if known_on is not None:  # any day may be asked: the engine keeps only the latest few
        return load_compiled(options, known_on=known_on)
    key = (
        options.month_overflow,
        options.claimed_suspension,
        options.engaged,
        options.assist_reading,
        known_on,
    )
    c = _compiled.get(key)
    if c is None:
        c = _compiled[key] = load_compiled(options)
    return c


async def get_compiled(
    month_overflow: Annotated[
        Literal["clip", "next_day"], Query(description="Month arithmetic for days a month lacks.")
    ] = "clip",
    claimed_suspension: Annotated[
        Literal["no_legal_effect", "releases"],
        Query(description="A suspension the treaty does not provide for."),
    ] = "no_legal_effect",
    engaged: Annotated[
        Literal["party_to_hostilities", "primary_party", "article5_participant"],
        Query(description="Who is 'engaged in an armed conflict'."),
    ] = "party_to_hostilities",
    assist_reading: Annotated[
        Literal["state_declared", "broad", "narrow"],
        Query(description="Transit, foreign stockpiles, joint operations, investment as assistance."),
    ] = "state_declared",
    known_on: Annotated[
        date | None,
        Query(description="Answer as the record stood on this day (YYYY-MM-DD): only facts public by then."),
    ] = None,
) -> Compiled:
    """Interpretation options as query parameters, like the CLI's global options."""
    from foederis.questions.inputs import parse_date

    return compiled_for(
        Options(
            month_overflow=month_overflow,
            claimed_suspension=claimed_suspension,
            engaged=engaged,
            assist_reading=assist_reading,
        ),
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
